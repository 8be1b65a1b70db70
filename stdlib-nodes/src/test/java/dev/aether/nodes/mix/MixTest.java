package dev.aether.nodes.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.testkit.NodeHarness;
import org.junit.jupiter.api.Test;

class MixTest {
    static float[] constant(float v, int n) { float[] x = new float[n]; java.util.Arrays.fill(x, v); return x; }

    @Test
    void shouldKeepPowerConstantAcrossThePanRange() {
        for (int k = 0; k <= 40; k++) {
            double p = -1 + k * 0.05;
            Pan pan = new Pan(p);
            NodeHarness h = new NodeHarness(pan, 48_000, 64);
            h.input(pan.in, constant(1, 64));
            float[][] y = h.render(64)[0];
            double l = y[0][10], r = y[1][10];
            assertThat(l * l + r * r).as("L^2 + R^2 at position %.2f", p).isCloseTo(1, within(1e-6));
        }
        Pan centre = new Pan(0);
        NodeHarness h = new NodeHarness(centre, 48_000, 64);
        h.input(centre.in, constant(1, 64));
        float[][] y = h.render(64)[0];
        assertThat(20 * Math.log10(y[0][0])).as("centre left").isCloseTo(-3.0103, within(1e-3));
        assertThat(20 * Math.log10(y[1][0])).as("centre right").isCloseTo(-3.0103, within(1e-3));
    }

    @Test
    void shouldPanHardLeftAndRight() {
        Pan left = new Pan(-1);
        NodeHarness h = new NodeHarness(left, 48_000, 64);
        h.input(left.in, constant(1, 64));
        float[][] y = h.render(64)[0];
        assertThat((double) y[0][0]).as("left").isCloseTo(1, within(1e-6));
        assertThat((double) y[1][0]).as("right").isCloseTo(0, within(1e-6));
    }

    @Test
    void shouldCrossfadeWithEqualPower() {
        for (int k = 0; k <= 20; k++) {
            double p = k / 20.0;
            Crossfader xf = new Crossfader(p);
            NodeHarness h = new NodeHarness(xf, 48_000, 64);
            h.input(xf.a, constant(1, 64));
            float[] ga = h.render(64)[0][0];
            Crossfader xf2 = new Crossfader(p);
            NodeHarness h2 = new NodeHarness(xf2, 48_000, 64);
            h2.input(xf2.b, constant(1, 64));
            float[] gb = h2.render(64)[0][0];
            assertThat((double) ga[5] * ga[5] + gb[5] * gb[5]).as("a^2 + b^2 at %.2f", p).isCloseTo(1, within(1e-6));
        }
    }

    @Test
    void shouldSumInputsWithTheirGainsInDb() {
        StereoMixer m = new StereoMixer(3);
        m.gainsDb[0].reset(0);
        m.gainsDb[1].reset(-6.0206);      // x 0.5
        m.gainsDb[2].reset(-120);         // off
        m.masterDb.reset(6.0206);         // x 2
        NodeHarness h = new NodeHarness(m, 48_000, 64);
        h.input(m.ins[0], constant(0.1f, 64), constant(0.2f, 64));
        h.input(m.ins[1], constant(0.4f, 64), constant(-0.4f, 64));
        h.input(m.ins[2], constant(1f, 64), constant(1f, 64));
        float[][] y = h.render(64)[0];
        assertThat((double) y[0][3]).as("left = 2 (0.1 + 0.5 * 0.4)").isCloseTo(0.6, within(1e-5));
        assertThat((double) y[1][3]).as("right = 2 (0.2 - 0.5 * 0.4)").isCloseTo(0.0, within(1e-5));
    }

    @Test
    void shouldBalanceAStereoInput() {
        StereoMixer m = new StereoMixer(1);
        m.pans[0].reset(-1);
        NodeHarness h = new NodeHarness(m, 48_000, 64);
        h.input(m.ins[0], constant(1, 64), constant(1, 64));
        float[][] y = h.render(64)[0];
        assertThat((double) y[0][0]).as("left untouched").isCloseTo(1, within(1e-6));
        assertThat((double) y[1][0]).as("right silenced").isCloseTo(0, within(1e-6));
    }

    @Test
    void shouldApplyGainVcaAndSplit() {
        Gain g = new Gain(-20);
        NodeHarness h = new NodeHarness(g, 48_000, 64);
        h.input(g.in, constant(1, 64));
        assertThat((double) h.render(64)[0][0][7]).as("-20 dB").isCloseTo(0.1, within(1e-6));

        Vca v = new Vca();
        NodeHarness hv = new NodeHarness(v, 48_000, 64);
        hv.input(v.in, constant(0.5f, 64));
        hv.input(v.control, constant(0.25f, 64));
        assertThat((double) hv.render(64)[0][0][7]).as("in x control").isCloseTo(0.125, within(1e-7));

        Splitter s = new Splitter(3);
        NodeHarness hs = new NodeHarness(s, 48_000, 64);
        hs.input(s.in, constant(0.3f, 64));
        float[][][] outs = hs.render(64);
        for (int k = 0; k < 3; k++) assertThat(outs[k][0][9]).as("copy %d", k).isEqualTo(0.3f);
    }
}
