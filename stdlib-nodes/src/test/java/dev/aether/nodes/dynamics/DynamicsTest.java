package dev.aether.nodes.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.testkit.signals.Signals;
import dev.aether.testkit.NodeHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DynamicsTest {
    static float[] sine(double amp, double hz, int n) { return Signals.sine(n, hz, amp, 48_000); }

    static double peakDb(float[] y, int from, int to) { return Signals.peakDb(y, from, to - from); }

    @ParameterizedTest
    @CsvSource({"-6, -20, 4, 0, 0", "-3, -24, 2, 6, 3", "-10, -30, 10, 0, 0", "-12, -20, 4, 6, 0", "-6, -20, 1, 6, 0"})
    void shouldReduceASteadySineByTheStaticCurve(double levelDb, double thresholdDb, double ratio, double kneeDb,
                                                 double makeupDb) {
        Compressor c = new Compressor();
        c.thresholdDb.reset(thresholdDb);
        c.ratio.reset(ratio);
        c.kneeDb.reset(kneeDb);
        c.makeupDb.reset(makeupDb);
        NodeHarness h = new NodeHarness(c, 48_000, 64);
        h.input(c.in, sine(Math.pow(10, levelDb / 20), 1000, 48_000));
        float[] y = h.render(48_000)[0][0];
        double expected = levelDb > thresholdDb + kneeDb / 2
                ? thresholdDb + (levelDb - thresholdDb) / ratio + makeupDb
                : Compressor.staticCurveDb(levelDb, thresholdDb, ratio, kneeDb) + makeupDb;
        assertThat(peakDb(y, 24_000, 48_000)).as("output peak for %.1f dB in, T %.1f, R %.1f", levelDb, thresholdDb, ratio)
                .isCloseTo(expected, within(0.5));
    }

    @Test
    void shouldLeaveASignalBelowTheKneeAlone() {
        Compressor c = new Compressor();
        NodeHarness h = new NodeHarness(c, 48_000, 64);
        h.input(c.in, sine(0.01, 1000, 24_000));            // -40 dB, threshold -20
        float[] y = h.render(24_000)[0][0];
        assertThat(peakDb(y, 12_000, 24_000)).as("unchanged").isCloseTo(-40, within(0.01));
    }

    @Test
    void shouldNeverExceedTheCeiling() {
        for (double lookahead : new double[] {0, 1, 5}) {
            Limiter l = new Limiter(lookahead);
            l.ceilingDb.reset(-6);
            l.releaseMillis.reset(20);
            NodeHarness h = new NodeHarness(l, 48_000, 64);
            float[] x = new float[96_000];
            java.util.Random rnd = new java.util.Random(7);
            for (int i = 0; i < x.length; i++) {
                double env = (i / 4800) % 3 == 0 ? 4 : (i / 4800) % 3 == 1 ? 0.1 : 1.2;   // bursts and quiet parts
                x[i] = (float) (env * (rnd.nextDouble() * 2 - 1) + (i % 9000 == 0 ? 8 : 0));
            }
            h.input(l.in, x);
            float[] y = h.render(x.length)[0][0];
            double ceiling = Math.pow(10, -6 / 20.0);
            for (int i = 0; i < y.length; i++) {
                assertThat(Math.abs((double) y[i])).as("lookahead %.0f ms, sample %d", lookahead, i)
                        .isLessThanOrEqualTo(ceiling * (1 + 1e-6));
            }
            int latency = l.latencySamples();
            double quietIn = 0, quietOut = 0;      // quiet part (0.1 peak) passes unchanged after the release
            for (int i = 4800 * 4 + 4000; i < 4800 * 5; i++) {
                quietIn = Math.max(quietIn, Math.abs(x[i - latency]));
                quietOut = Math.max(quietOut, Math.abs(y[i]));
            }
            assertThat(quietOut / quietIn).as("lookahead %.0f: quiet passage recovers", lookahead).isGreaterThan(0.9);
        }
    }

    @Test
    void shouldShapeWithTheDocumentedCurves() {
        assertThat(Waveshaper.apply(Waveshaper.Shape.HARD_CLIP, 3)).isEqualTo(1);
        assertThat(Waveshaper.apply(Waveshaper.Shape.SOFT_CLIP, 0.5)).isCloseTo(0.6875, within(1e-12));
        assertThat(Waveshaper.apply(Waveshaper.Shape.FOLDBACK, 1.25)).as("folds back").isCloseTo(0.75, within(1e-12));
        assertThat(Waveshaper.apply(Waveshaper.Shape.FOLDBACK, -0.3)).as("identity inside").isCloseTo(-0.3, within(1e-12));
        assertThat(Waveshaper.apply(Waveshaper.Shape.FOLDBACK, 3.5)).as("period 4").isCloseTo(-0.5, within(1e-12));
        assertThat(Waveshaper.apply(Waveshaper.Shape.TANH, 0.5)).isCloseTo(Math.tanh(0.5), within(1e-12));
    }
}
