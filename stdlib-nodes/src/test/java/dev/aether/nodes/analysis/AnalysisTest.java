package dev.aether.nodes.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.testkit.signals.Signals;
import dev.aether.testkit.NodeHarness;
import org.junit.jupiter.api.Test;

class AnalysisTest {
    static float[] sine(double amp, double hz, int n) { return Signals.sine(n, hz, amp, 48_000); }

    @Test
    void shouldTransformLikeTheDft() {
        int n = 64;
        Fft fft = new Fft(n);
        java.util.Random rnd = new java.util.Random(1);
        double[] re = new double[n], im = new double[n], x = new double[n];
        for (int i = 0; i < n; i++) { x[i] = rnd.nextGaussian(); re[i] = x[i]; }
        fft.forward(re, im);
        for (int k = 0; k < n; k++) {
            double r = 0, m = 0;
            for (int t = 0; t < n; t++) { r += x[t] * Math.cos(2 * Math.PI * k * t / n); m -= x[t] * Math.sin(2 * Math.PI * k * t / n); }
            assertThat(re[k]).as("re %d", k).isCloseTo(r, within(1e-9));
            assertThat(im[k]).as("im %d", k).isCloseTo(m, within(1e-9));
        }
    }

    @Test
    void shouldMeterPeakAndRmsOfASine() {
        PeakRmsMeter m = new PeakRmsMeter(100);       // 4800 samples = 100 periods of 1 kHz
        NodeHarness h = new NodeHarness(m, 48_000, 64);
        h.input(m.in, sine(0.5, 1000, 48_000));
        h.render(48_000);
        assertThat(m.peakDb()).as("peak").isCloseTo(20 * Math.log10(0.5), within(0.01));
        assertThat(m.rmsDb()).as("rms = peak - 3.01 dB").isCloseTo(20 * Math.log10(0.5) - 3.0103, within(0.01));
    }

    @Test
    void shouldFindASineInItsBin() {
        SpectrumTap s = new SpectrumTap(1024);
        NodeHarness h = new NodeHarness(s, 48_000, 64);
        int bin = 64;                                   // 3000 Hz exactly on bin 64
        h.input(s.in, sine(1, bin * 48_000.0 / 1024, 8192));
        assertThat(s.spectrumDb()).as("nothing before a full window").isNull();
        h.render(4096);
        double[] db = s.spectrumDb();
        assertThat(db).hasSize(513);
        assertThat(db[bin]).as("full-scale sine reads 0 dB").isCloseTo(0, within(0.05));
        assertThat(db[bin + 1]).as("Hann neighbour -6 dB").isCloseTo(-6.02, within(0.05));
        assertThat(db[bin + 5]).as("far bins are low").isLessThan(-80);
    }

    @Test
    void shouldCaptureATriggeredWindow() {
        ScopeTap scope = new ScopeTap(128).triggerLevel(0);
        NodeHarness h = new NodeHarness(scope, 48_000, 64);
        float[] x = new float[4096];
        for (int i = 0; i < x.length; i++) x[i] = (float) Math.sin(2 * Math.PI * (i - 37.5) / 200);
        h.input(scope.in, x);
        float[] dst = new float[128];
        assertThat(scope.read(dst)).as("nothing yet").isFalse();
        h.render(1024);
        assertThat(scope.read(dst)).as("a window arrived").isTrue();
        assertThat(dst[0]).as("starts at the rising crossing").isBetween(0f, 0.04f);
        assertThat(dst[1]).as("rising").isGreaterThan(dst[0]);
        assertThat(scope.read(dst)).as("no new window between renders").isFalse();
    }
}
