package dev.aether.nodes.delay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.testkit.NodeHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DelayLineTest {
    static float[] impulseResponse(DelayLine d, int frames) {
        NodeHarness h = new NodeHarness(d, 48_000, 64);
        float[] x = new float[frames];
        x[0] = 1;
        h.input(d.in, x);
        return h.render(frames)[0][0];
    }

    @ParameterizedTest @ValueSource(ints = {0, 1, 10, 63, 64, 65, 1000, 4799})
    void shouldDelayAnImpulseByExactlyAnIntegerNumberOfSamples(int n) {
        for (Interpolation mode : Interpolation.values()) {
            if (mode == Interpolation.CUBIC && n < 1) continue;
            DelayLine d = new DelayLine(100).interpolation(mode).delaySamples(n);
            float[] y = impulseResponse(d, 6000);
            for (int i = 0; i < y.length; i++) {
                assertThat((double) y[i]).as("%s delay %d, sample %d", mode, n, i).isCloseTo(i == n ? 1 : 0, within(1e-6));
            }
        }
    }

    @Test
    void shouldSplitAnImpulseLinearlyAtAFractionalDelay() {
        float[] y = impulseResponse(new DelayLine(10).delaySamples(10.25), 64);
        assertThat((double) y[10]).as("weight of the nearer sample").isCloseTo(0.75, within(1e-6));
        assertThat((double) y[11]).as("weight of the farther sample").isCloseTo(0.25, within(1e-6));
        double rest = 0;
        for (int i = 0; i < y.length; i++) if (i != 10 && i != 11) rest += Math.abs(y[i]);
        assertThat(rest).as("nothing elsewhere").isCloseTo(0, within(1e-9));
    }

    @Test
    void shouldGiveCatmullRomWeightsAtAFractionalDelay() {
        // Hermite (Catmull-Rom) weights at f = 0.25: -f/2 + f^2 - f^3/2, 1 - 5f^2/2 + 3f^3/2, f/2 + 2f^2 - 3f^3/2, -f^2/2 + f^3/2
        float[] y = impulseResponse(new DelayLine(10).interpolation(Interpolation.CUBIC).delaySamples(10.25), 64);
        assertThat((double) y[9]).as("w(-1)").isCloseTo(-0.0703125, within(1e-6));
        assertThat((double) y[10]).as("w(0)").isCloseTo(0.8671875, within(1e-6));
        assertThat((double) y[11]).as("w(1)").isCloseTo(0.2265625, within(1e-6));
        assertThat((double) y[12]).as("w(2)").isCloseTo(-0.0234375, within(1e-6));
        assertThat((double) y[8] + y[13]).as("nothing elsewhere").isCloseTo(0, within(1e-9));
    }
}
