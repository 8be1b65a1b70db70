package dev.aether.core;

import dev.aether.core.engine.Engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.core.testing.TestSine;
import org.junit.jupiter.api.Test;

class EngineTest {
    @Test
    void shouldRenderAConnectedSineToBothMasterChannels() {
        Engine engine = Engine.create(EngineConfig.defaults());
        TestSine s = new TestSine().frequencyHz(1000);
        engine.add(s);
        engine.connectToMaster(s.out);
        float[] out = new float[2 * 4800];
        engine.render(out, 4800);
        // 1 kHz at 48 kHz: sample 12 of each period is the peak 0.5 (quarter period)
        assertThat(out[2 * 12]).as("left at the quarter period").isCloseTo(0.5f, org.assertj.core.data.Offset.offset(1e-4f));
        for (int i = 0; i < 4800; i++) assertThat(out[2 * i]).as("L == R at %d", i).isEqualTo(out[2 * i + 1]);
    }

    @Test
    void shouldRefuseAStaleNodeId() {
        Engine engine = Engine.create(EngineConfig.defaults());
        NodeId a = engine.add(new TestSine());
        engine.remove(a);
        NodeId b = engine.add(new TestSine());
        assertThat(b.index()).isEqualTo(a.index());
        assertThatThrownBy(() -> engine.node(a)).isInstanceOf(StaleNodeException.class)
                .hasMessageContaining("no longer exists");
        assertThat(engine.node(b)).isNotNull();
    }
}
