package dev.aether.nodes.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.testkit.NodeHarness;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link BiquadFilter} runs its recursion four samples at a time; these tests hold it to the plain one-sample direct
 * form I (written out here from {@link BiquadFilter#coefficients}) for every mode, across the parameter ranges and
 * for any split of the signal into blocks.
 */
class BiquadFilterTest {
    private static final double SR = 48_000;

    @Test
    void shouldFollowTheOneSampleRecursionForEveryModeAndAnyBlockSplit() {
        // cutoffs within the param's range (10 Hz .. 20 kHz): the node clamps, the reference below does not
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] settings = {   // cutoff Hz, q, gain dB
            {10, 0.1, 0}, {10, 40, 12}, {55, 0.7071, -6}, {1_000, 0.7071, 0}, {2_000, 4, 9}, {12_000, 40, -48},
            {20_000, 0.7071, 48}, {17_000, 1.3, 3},
        };
        for (BiquadFilter.Mode mode : BiquadFilter.Mode.values()) {
            for (double[] s : settings) {
                BiquadFilter b = new BiquadFilter(mode).cutoffHz(s[0]).q(s[1]).gainDb(s[2]);
                NodeHarness h = new NodeHarness(b, SR, 256);
                int length = 24_000;
                float[] x = new float[length];
                for (int i = 0; i < length; i++) x[i] = (float) (rnd.nextDouble() - 0.5);
                h.input(b.in, x);
                double[] reference = oneSampleDirectForm(mode, s, x);
                double peak = 0;
                for (double v : reference) peak = Math.max(peak, Math.abs(v));
                int done = 0;
                double worst = 0;
                while (done < length) {
                    int n = Math.min(length - done, 1 + rnd.nextInt(256));
                    h.renderBlock(n);
                    float[] y = h.outBuffer(b.out, 0);
                    for (int i = 0; i < n; i++) worst = Math.max(worst, Math.abs(y[i] - reference[done + i]));
                    done += n;
                }
                assertThat(worst / Math.max(1, peak))
                        .as("%s at %s Hz, q %s, %s dB: largest difference from the one-sample recursion (peak %.3g)",
                                mode, s[0], s[1], s[2], peak)
                        .isLessThan(1e-6);
            }
        }
    }

    @Test
    void shouldFollowTheOneSampleRecursionInBlocksShorterThanAGroup() {
        BiquadFilter b = new BiquadFilter().cutoffHz(300).q(8);
        NodeHarness h = new NodeHarness(b, SR, 8);
        float[] x = new float[4_000];
        for (int i = 0; i < x.length; i++) x[i] = i % 97 == 0 ? 1f : 0f;
        h.input(b.in, x);
        double[] reference = oneSampleDirectForm(BiquadFilter.Mode.LOW_PASS, new double[] {300, 8, 0}, x);
        int done = 0;
        for (int block = 0; done < x.length; block++) {
            int n = Math.min(x.length - done, 1 + block % 5);
            h.renderBlock(n);
            float[] y = h.outBuffer(b.out, 0);
            for (int i = 0; i < n; i++) {
                assertThat((double) y[i]).as("sample %d", done + i)
                        .isCloseTo(reference[done + i], org.assertj.core.api.Assertions.within(1e-6));
            }
            done += n;
        }
    }

    /** y[n] = b0 x[n] + b1 x[n-1] + b2 x[n-2] - a1 y[n-1] - a2 y[n-2], in double, from rest. */
    private static double[] oneSampleDirectForm(BiquadFilter.Mode mode, double[] s, float[] x) {
        double[] k = new double[5];
        BiquadFilter.coefficients(mode, s[0], s[1], s[2], SR, k);
        double[] y = new double[x.length];
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double yi = k[0] * x[i] + k[1] * x1 + k[2] * x2 - k[3] * y1 - k[4] * y2;
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = yi;
            y[i] = yi;
        }
        return y;
    }
}
