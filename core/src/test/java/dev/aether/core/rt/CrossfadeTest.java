package dev.aether.core.rt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.Engine;
import dev.aether.core.EngineConfig;
import dev.aether.core.NodeId;
import dev.aether.core.SwapOptions;
import dev.aether.core.testing.TestSine;
import org.junit.jupiter.api.Test;

class CrossfadeTest {
    @Test
    void shouldSwapBetweenTwoSinesWithoutAStepLargerThanTheirOwnSlope() {
        Engine engine = Engine.create(EngineConfig.defaults());
        TestSine a = new TestSine().frequencyHz(440);
        NodeId id = engine.add(a);
        engine.connectToMaster(a.out);
        float[] before = new float[2 * 1_000];
        engine.render(before, 1_000);
        TestSine b = new TestSine().frequencyHz(660);
        engine.replace(id, b, SwapOptions.DEFAULT.crossfade(0.010));
        float[] after = new float[2 * 4_800];
        engine.render(after, 4_800);

        double amplitude = 0.5;
        double maxSlope = 2 * Math.PI * 660 * amplitude / 48_000;       // the steeper of the two sines, per sample
        double worst = Math.abs(after[0] - before[before.length - 2]);
        for (int i = 1; i < 4_800; i++) worst = Math.max(worst, Math.abs(after[2 * i] - after[2 * (i - 1)]));
        assertThat(worst).as("largest sample step across the swap (bound %.5f)", maxSlope).isLessThanOrEqualTo(maxSlope);
        assertThat(engine.node(id)).isSameAs(b);
    }

    @Test
    void shouldCutWithoutCrossfadeWhenAskedForZero() {
        Engine engine = Engine.create(EngineConfig.defaults());
        TestSine a = new TestSine().frequencyHz(440);
        NodeId id = engine.add(a);
        engine.connectToMaster(a.out);
        float[] out = new float[2 * 64];
        engine.render(out, 64);
        engine.replace(id, new dev.aether.core.testing.Constant(0.125f), SwapOptions.DEFAULT.crossfade(0));
        engine.render(out, 64);
        assertThat(out[0]).as("the new node alone from the first sample").isEqualTo(0.125f);
    }
}
