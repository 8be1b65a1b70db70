package dev.aether.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.core.EngineConfig;
import dev.aether.core.GraphCycleException;
import dev.aether.core.testing.TestGain;
import dev.aether.core.testing.TestSine;
import dev.aether.core.time.When;
import org.junit.jupiter.api.Test;

/** A hold spans calls: the edits made under it sound together, in one plan sent when it is released. */
class EngineHoldTest {
    static float peak(Engine engine, int frames) {
        float[] out = new float[2 * frames];
        engine.render(out, frames);
        float p = 0;
        for (float x : out) p = Math.max(p, Math.abs(x));
        return p;
    }

    @Test void shouldSendNothingUntilTheHoldIsReleasedThenOnePlanForAll() {
        Engine engine = Engine.create(EngineConfig.defaults());
        engine.hold();
        TestSine a = new TestSine().frequencyHz(1000);
        engine.add(a);
        engine.connectToMaster(a.out);
        engine.batch(() -> engine.add(new TestSine()));            // a batch inside joins the hold
        assertThat(engine.hasUnsentEdits()).isTrue();
        assertThat(peak(engine, 480)).as("held: the plan that plays is the empty one").isZero();
        engine.release(() -> When.atSample(960));
        assertThat(engine.hasUnsentEdits()).isFalse();
        assertThat(peak(engine, 480)).as("released, landing at sample 960").isZero();
        assertThat(peak(engine, 960)).as("sounding from sample 960").isGreaterThan(0.4f);
        assertThat(engine.nodes()).hasSize(3);
    }

    @Test void shouldRefuseACycleUnderAHoldNamingItAndReleaseOnlyAtTheOutermost() {
        Engine engine = Engine.create(EngineConfig.defaults());
        engine.hold();
        engine.hold();                                              // holds nest
        TestSine sine = new TestSine().frequencyHz(1000);
        TestGain a = new TestGain(), b = new TestGain();
        engine.add(sine);
        engine.add(a);
        engine.add(b);
        engine.connect(sine.out, a.in);
        engine.connect(a.out, b.in);
        engine.connectToMaster(b.out);
        assertThatThrownBy(() -> engine.connect(b.out, a.in)).isInstanceOf(GraphCycleException.class)
                .hasMessageContaining("cycle");
        assertThat(engine.edges()).as("the refused edge is not kept").hasSize(3);
        engine.release(() -> When.NOW);
        assertThat(engine.hasUnsentEdits()).as("the inner release sends nothing").isTrue();
        assertThat(peak(engine, 480)).isZero();
        engine.release(() -> When.NOW);
        assertThat(engine.hasUnsentEdits()).isFalse();
        assertThat(peak(engine, 480)).as("the outer release sends the plan").isGreaterThan(0.1f);
        assertThatThrownBy(() -> engine.release(() -> When.NOW)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without hold()");
    }
}
