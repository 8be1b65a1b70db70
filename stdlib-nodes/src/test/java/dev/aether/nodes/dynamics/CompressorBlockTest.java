package dev.aether.nodes.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.nodes.Dsp;
import dev.aether.testkit.NodeHarness;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The compressor's block path (steady parameters: detector, log2, gain and exp2 in passes over the block) against the
 * per-sample form it replaced, kept here as the reference: bit-identical output and gain reduction, for every region of
 * the curve, several block sizes (one sample, odd sizes, more than a pass holds) and parameter sets. And both against
 * the analytic curve ({@code log10}, {@code pow}): the same float, give or take one rounding.
 */
class CompressorBlockTest {
    private static final double DB_TO_LOG2 = Math.log(10) / Math.log(2) / 20;
    private static final double LOG2_TO_DB = 20 * Math.log10(2);
    private static final double LOG2_TO_DB_GAIN = 1 / DB_TO_LOG2;
    private static final int RATE = 48_000;

    /** Bursts of noise, a loud sine, a quiet part, silence and single clicks: every region of the curve. */
    static float[] signal(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            int part = (i / 3_000) % 5;
            double v = switch (part) {
                case 0 -> 0.25 * (rnd.nextDouble() * 2 - 1);                        // around the knee
                case 1 -> 0.9 * Math.sin(2 * Math.PI * 440 * i / RATE);              // far above it
                case 2 -> 0.01 * (rnd.nextDouble() * 2 - 1);                         // below it
                case 3 -> 0;                                                          // silence: detector decays
                default -> i % 700 == 0 ? 0.8 : 1e-6 * (rnd.nextDouble() - 0.5);     // clicks
            };
            x[i] = (float) v;
        }
        return x;
    }

    /** The per-sample steady path as it was before the block path: the reference. */
    static final class Reference {
        double e1, e, gr;

        void run(float[] x, float[] y, int from, int n, double t, double r, double w, double mk, double aA, double aR) {
            double mkLog2 = mk * DB_TO_LOG2, mkGain = Dsp.exp2(mkLog2);
            double quiet = Dsp.exp2((t - w / 2) * DB_TO_LOG2) * (1 - 1e-9);
            double loud = Dsp.exp2((t + w / 2) * DB_TO_LOG2) * (1 + 1e-9);
            double slope = 1 / r - 1, tLog2 = t * DB_TO_LOG2;
            double s1 = e1, s = e;
            gr = 0;
            for (int i = from; i < from + n; i++) {
                double a = Math.abs(x[i]);
                s1 = Math.max(a, aR * s1 + (1 - aR) * a);
                s = aA * s + (1 - aA) * s1;
                if (s <= 1e-9 || s < quiet) {
                    gr = 0;
                    y[i] = (float) (x[i] * mkGain);
                } else if (s > loud) {
                    double grLog2 = slope * (Dsp.log2(s) - tLog2);
                    y[i] = (float) (x[i] * Dsp.exp2(mkLog2 + grLog2));
                    gr = grLog2 * LOG2_TO_DB_GAIN;
                } else {
                    double l = LOG2_TO_DB * Dsp.log2(s);
                    gr = Compressor.staticCurveDb(l, t, r, w) - l;
                    y[i] = (float) (x[i] * Dsp.exp2((mk + gr) * DB_TO_LOG2));
                }
            }
            e1 = Math.abs(s1) < 1e-25 ? 0 : s1;
            e = Math.abs(s) < 1e-25 ? 0 : s;
        }
    }

    @ParameterizedTest(name = "T {0} dB, R {1}, knee {2} dB, makeup {3} dB, blocks of {4}")
    @CsvSource({"-20, 4, 6, 0, 64", "-20, 4, 6, 0, 1", "-20, 4, 6, 0, 37", "-20, 4, 6, 0, 200", "-30, 10, 0, 3, 64",
            "-12, 2, 12, 6, 128", "-40, 50, 24, 40, 17", "0, 1, 6, 0, 64"})
    void shouldRenderTheBlockPathBitIdenticalToThePerSampleForm(double t, double r, double w, double mk, int block) {
        Compressor c = new Compressor();
        c.thresholdDb.reset(t);
        c.ratio.reset(r);
        c.kneeDb.reset(w);
        c.makeupDb.reset(mk);
        c.attackMillis.reset(5);
        c.releaseMillis.reset(80);
        NodeHarness h = new NodeHarness(c, RATE, block);
        float[] x = signal(60_000, 3);
        h.input(c.in, x);
        double aA = Math.exp(-1000 / (5 * (double) RATE)), aR = Math.exp(-1000 / (80 * (double) RATE));
        Reference ref = new Reference();
        float[] expected = new float[x.length];
        int mismatches = 0, firstBad = -1;
        for (int done = 0; done < x.length; done += block) {
            int n = Math.min(block, x.length - done);
            h.renderBlock(n);
            ref.run(x, expected, done, n, t, r, w, mk, aA, aR);
            float[] y = h.outBuffer(c.out, 0);
            for (int i = 0; i < n; i++) {
                if (Float.floatToRawIntBits(y[i]) != Float.floatToRawIntBits(expected[done + i])) {
                    mismatches++;
                    if (firstBad < 0) firstBad = done + i;
                }
            }
            assertThat(c.gainReductionDb()).as("gain reduction after the block at %d", done)
                    .isEqualTo((double) (float) ref.gr);
        }
        assertThat(mismatches).as("samples differing from the per-sample form (first at %d)", firstBad).isZero();
        assertThat(c.saveState()).as("detector state").isEqualTo(new Compressor.State(ref.e1, ref.e));
    }

    @ParameterizedTest(name = "T {0} dB, R {1}, knee {2} dB, makeup {3} dB")
    @CsvSource({"-20, 4, 6, 0", "-30, 10, 0, 3", "-12, 2, 12, 6"})
    void shouldFollowTheAnalyticCurveToWithinOneRounding(double t, double r, double w, double mk) {
        Compressor c = new Compressor();
        c.thresholdDb.reset(t);
        c.ratio.reset(r);
        c.kneeDb.reset(w);
        c.makeupDb.reset(mk);
        NodeHarness h = new NodeHarness(c, RATE, 64);
        float[] x = signal(30_000, 9);
        h.input(c.in, x);
        float[] y = h.render(x.length)[0][0];
        double aA = Math.exp(-1000 / (10 * (double) RATE)), aR = Math.exp(-1000 / (100 * (double) RATE));
        double s1 = 0, s = 0, worst = 0;
        for (int i = 0; i < x.length; i++) {
            double a = Math.abs(x[i]);
            s1 = Math.max(a, aR * s1 + (1 - aR) * a);
            s = aA * s + (1 - aA) * s1;
            double l = 20 * Math.log10(s);
            double gainDb = s <= 1e-9 ? mk : Compressor.staticCurveDb(l, t, r, w) - l + mk;
            double truth = x[i] * Math.pow(10, gainDb / 20);
            double err = Math.abs(y[i] - truth) / Math.max(Math.ulp((float) truth), Float.MIN_NORMAL);
            worst = Math.max(worst, err);
        }
        assertThat(worst).as("worst error against log10/pow, in float ulps of the true value").isLessThanOrEqualTo(1.0);
    }
}
