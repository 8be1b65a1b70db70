package dev.aether.core.rt;

import dev.aether.core.testing.Constant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.engine.Engine;
import dev.aether.core.EngineConfig;
import dev.aether.core.NodeId;
import dev.aether.core.engine.SwapOptions;
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

        // Equal power: y = sin(t)·new + cos(t)·old, t from 0 to pi/2 over L samples. Its slope is at most
        // sqrt(new'^2 + old'^2) (Cauchy-Schwarz on the two gains) plus the gains' own rate times the amplitudes.
        // A strict "no steeper than the steeper sine" cannot hold for equal power (sin t + cos t reaches sqrt 2),
        // so the bound is the analytic one; the figure is printed for the README.
        double amplitude = 0.5, fadeSamples = 480;
        double slopeOld = 2 * Math.PI * 440 * amplitude / 48_000, slopeNew = 2 * Math.PI * 660 * amplitude / 48_000;
        double bound = Math.hypot(slopeOld, slopeNew) + (Math.PI / 2 / fadeSamples) * 2 * amplitude;
        double worst = Math.abs(after[0] - before[before.length - 2]);
        for (int i = 1; i < 4_800; i++) worst = Math.max(worst, Math.abs(after[2 * i] - after[2 * (i - 1)]));
        System.out.printf("crossfade 440->660 Hz: largest step %.5f, steeper sine's slope %.5f, equal-power bound %.5f%n",
                worst, slopeNew, bound);
        assertThat(worst).as("largest sample step across the swap (bound %.5f)", bound).isLessThanOrEqualTo(bound);
        double tail = 0;
        for (int i = 1_000; i < 4_800; i++) tail = Math.max(tail, Math.abs(after[2 * i] - after[2 * (i - 1)]));
        assertThat(tail).as("after the fade only the new sine's own slope remains").isLessThanOrEqualTo(slopeNew * 1.0001);
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
