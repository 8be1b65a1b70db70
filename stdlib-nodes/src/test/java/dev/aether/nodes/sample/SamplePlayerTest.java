package dev.aether.nodes.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.node.NodeSpec;
import dev.aether.core.param.SmoothedParam;
import dev.aether.testkit.NodeHarness;
import dev.aether.testkit.signals.Signals;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplePlayerTest {
    static final int BLOCK = 64;
    @TempDir Path dir;

    /** A harness at {@code engineRate} with the player's params snapped to their targets. */
    static NodeHarness harness(SamplePlayer p, double engineRate) {
        for (SmoothedParam q : NodeSpec.of(p).params()) q.reset(q.get());
        return new NodeHarness(p, engineRate, BLOCK);
    }

    /** Writes interleaved 16-bit little-endian PCM through Java Sound. */
    static Path writeWav16(Path file, float sampleRate, short[][] ch) throws IOException {
        int n = ch[0].length, c = ch.length;
        ByteBuffer b = ByteBuffer.allocate(n * c * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) for (short[] s : ch) b.putShort(s[i]);
        AudioFormat f = new AudioFormat(sampleRate, 16, c, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(b.array()), f, n),
                AudioFileFormat.Type.WAVE, file.toFile());
        return file;
    }

    static float[] sine(int n, double hz, double amp, double sr) { return Signals.sine(n, hz, amp, sr); }

    @Test
    void shouldPlayA16BitWavBitExactlyAtRateOneWhenRatesMatch() throws IOException {
        int n = 10_000;
        short[][] pcm = new short[2][n];
        Random r = new Random(1);
        for (int i = 0; i < n; i++) { pcm[0][i] = (short) r.nextInt(); pcm[1][i] = (short) (1000 * Math.sin(i * 0.01)); }
        pcm[0][5] = Short.MIN_VALUE;
        pcm[0][6] = Short.MAX_VALUE;
        Sample s = Sample.load(writeWav16(dir.resolve("noise.wav"), 48_000, pcm));
        assertThat(s.channels()).isEqualTo(2);
        assertThat(s.frames()).isEqualTo(n);
        SamplePlayer p = new SamplePlayer(s);
        assertThat(p.out.channels()).as("output channels match the sample").isEqualTo(2);
        NodeHarness h = harness(p, 48_000);
        p.trigger();
        float[][] y = h.render(n + 500)[0];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < n; i++) {
                float want = pcm[c][i] / 32768f;
                if (y[c][i] != want) throw new AssertionError("channel " + c + " frame " + i + ": " + y[c][i] + " != " + want);
            }
            for (int i = n; i < n + 500; i++) assertThat(y[c][i]).as("silence after the end, frame %d", i).isZero();
        }
        assertThat(y[0][5]).isEqualTo(-1f);
        assertThat(y[0][6]).isEqualTo(32767 / 32768f);
    }

    @Test
    void shouldPlayAnOctaveUpAtRateTwoAndDownAtHalf() {
        Sample s = Sample.of("a440", 48_000, sine(96_000, 440, 0.5, 48_000));
        for (double rate : new double[] {2, 0.5, 1.5}) {
            SamplePlayer p = new SamplePlayer(s).rate(rate);
            NodeHarness h = harness(p, 48_000);
            p.trigger();
            float[] y = h.render(32_768)[0][0];
            double f = Signals.peakFrequency(y, 0, 32_768, 48_000);
            System.out.printf("SamplePlayer 440 Hz at rate %.2f: %.5f Hz%n", rate, f);
            assertThat(f).as("frequency at rate %s", rate).isCloseTo(440 * rate, org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void shouldResample44100To48000KeepingPitchAndPurity() {
        Sample s = Sample.of("1k@44.1", 44_100, sine(3 * 44_100, 1000, 0.5, 44_100));
        SamplePlayer p = new SamplePlayer(s);
        NodeHarness h = harness(p, 48_000);
        p.trigger();
        float[] y = h.render(2 * 48_000)[0][0];
        int off = 8_192, n = 65_536;
        double f = Signals.peakFrequency(y, off, n, 48_000);
        double thd = Signals.thdPlusN(y, off, n, 8);
        double amp = Signals.amplitudeAt(y, 0, 96_000, 1000, 48_000);
        float[] ideal = sine(2 * 48_000, 1000, 0.5, 48_000);        // the kernel is zero-phase: no delay
        double floor = Signals.thdPlusN(ideal, off, n, 8);
        int span = 48 * 1_200;                                        // whole cycles of 1 kHz at 48 kHz
        double err = 0;
        for (int i = off; i < off + span; i++) err += (y[i] - ideal[i]) * (double) (y[i] - ideal[i]);
        double errDb = Signals.powerDb(err / span / 0.125);          // residual power / sine power (0.5^2 / 2)
        double residual = residualAfterFit(y, off, span, 1000, 48_000);
        System.out.printf("SamplePlayer 1 kHz 44.1 -> 48 kHz: %.5f Hz, THD+N %.1f dB by FFT (window floor with an"
                + " ideal float sine %.1f dB), %.1f dB by least-squares sine fit; error against the analytic sine"
                + " %.1f dB; gain %.6f dB%n", f, Signals.db(thd), Signals.db(floor), Signals.db(residual), errDb,
                Signals.db(amp / 0.5));
        assertThat(f).as("1 kHz stays at 1 kHz").isCloseTo(1000, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Signals.db(thd)).as("THD+N in dB (measurement floor %.1f dB)", Signals.db(floor))
                .isLessThan(-90).isLessThan(Signals.db(floor) + 1);
        assertThat(Signals.db(residual)).as("THD+N by sine fit, dB").isLessThan(-100);
        assertThat(errDb).as("error against the analytic 48 kHz sine (gain and phase included), dB").isLessThan(-100);
        assertThat(Signals.db(amp / 0.5)).as("gain at 1 kHz in dB").isCloseTo(0, org.assertj.core.data.Offset.offset(0.001));
    }

    /** RMS of what remains after a least-squares fit of DC + sine + cosine at {@code hz}, over the fit's RMS. */
    static double residualAfterFit(float[] y, int off, int n, double hz, double sr) {
        double w = 2 * Math.PI * hz / sr, ss = 0, sc = 0, sm = 0;
        for (int i = 0; i < n; i++) {                                  // whole cycles: the basis is orthogonal
            ss += y[off + i] * Math.sin(w * (off + i));
            sc += y[off + i] * Math.cos(w * (off + i));
            sm += y[off + i];
        }
        double a = 2 * ss / n, b = 2 * sc / n, m = sm / n, res = 0;
        for (int i = 0; i < n; i++) {
            double d = y[off + i] - (m + a * Math.sin(w * (off + i)) + b * Math.cos(w * (off + i)));
            res += d * d;
        }
        return Math.sqrt(res / n) / Math.sqrt((a * a + b * b) / 2);
    }

    @Test
    void shouldKeepThePassbandFlatWhenResampling() {
        for (double hz : new double[] {100, 5_000, 10_000, 16_000, 18_000}) {
            Sample s = Sample.of("tone", 44_100, sine(2 * 44_100, hz, 0.5, 44_100));
            SamplePlayer p = new SamplePlayer(s);
            NodeHarness h = harness(p, 48_000);
            p.trigger();
            float[] y = h.render(72_000)[0][0];
            double db = Signals.db(Signals.amplitudeAt(y, 24_000, 48_000, hz, 48_000) / 0.5);
            System.out.printf("SamplePlayer 44.1 -> 48 kHz passband: %.0f Hz %.4f dB%n", hz, db);
            double tol = 0.001;
            assertThat(db).as("gain at %s Hz in dB", hz).isCloseTo(0, org.assertj.core.data.Offset.offset(tol));
        }
    }

    @Test
    void shouldSuppressAliasesWhenPlayingAboveNyquist() {
        Sample s = Sample.of("15k", 48_000, sine(96_000, 15_000, 0.5, 48_000));
        SamplePlayer p = new SamplePlayer(s).rate(2);                  // 30 kHz: above the 24 kHz Nyquist
        NodeHarness h = harness(p, 48_000);
        p.trigger();
        float[] y = h.render(40_000)[0][0];
        double rms = Signals.rms(y, 4_000, 32_768);
        double db = Signals.db(rms * Math.sqrt(2) / 0.5);
        System.out.printf("SamplePlayer 15 kHz at rate 2 (30 kHz, alias would be 18 kHz): level %.1f dB%n", db);
        assertThat(db).as("alias level relative to the tone, dB").isLessThan(-90);
    }

    @Test
    void shouldLoopSampleExactly() {
        int n = 1_000, start = 100, end = 300;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (i + 1) / 1024f;
        SamplePlayer p = new SamplePlayer(Sample.of("ramp", 48_000, x)).loop(start, end);
        NodeHarness h = harness(p, 48_000);
        p.trigger();
        float[] y = h.render(5_000)[0][0];
        for (int i = 0; i < y.length; i++) {
            int src = i < end ? i : start + (i - start) % (end - start);
            if (y[i] != x[src]) throw new AssertionError("frame " + i + ": " + y[i] + " instead of x[" + src + "]");
        }
    }

    @Test
    void shouldInterpolateAcrossTheLoopSeamAsOneSignal() {
        double sr = 48_000;
        float[] x = sine(4_800, 1000, 0.5, sr);                       // 48 samples per cycle
        SamplePlayer looped = new SamplePlayer(Sample.of("loop", sr, x)).rate(1.37).loop(480, 960);
        SamplePlayer straight = new SamplePlayer(Sample.of("long", sr, sine(48_000, 1000, 0.5, sr))).rate(1.37);
        NodeHarness a = harness(looped, sr), b = harness(straight, sr);
        looped.trigger();
        straight.trigger();
        float[] ya = a.render(20_000)[0][0], yb = b.render(20_000)[0][0];
        double worst = 0;
        for (int i = 0; i < 20_000; i++) worst = Math.max(worst, Math.abs(ya[i] - yb[i]));
        System.out.printf("SamplePlayer loop seam at rate 1.37: largest difference from an unlooped sine %.2e%n", worst);
        assertThat(worst).as("looped vs continuous").isLessThan(1e-5);
    }

    @Test
    void shouldStartOnTheExactSampleOfTriggerAtAndStopAtStopAt() {
        float[] x = new float[500];
        for (int i = 0; i < x.length; i++) x[i] = 0.001f * (i + 1);
        SamplePlayer p = new SamplePlayer(Sample.of("ramp", 48_000, x));
        NodeHarness h = harness(p, 48_000);
        h.render(BLOCK * 3);                                          // time 192
        p.triggerAt(1_037);
        p.stopAt(1_037 + 333);
        float[] y = h.render(2_000)[0][0];                            // y[k] is engine sample 192 + k
        for (int k = 0; k < y.length; k++) {
            long t = 192 + k;
            float want = t >= 1_037 && t < 1_037 + 333 ? x[(int) (t - 1_037)] : 0f;
            if (y[k] != want) throw new AssertionError("engine sample " + t + ": " + y[k] + " instead of " + want);
        }
    }

    @Test
    void shouldRestartFromTheFirstFrameWhenRetriggered() {
        float[] x = new float[5_000];
        for (int i = 0; i < x.length; i++) x[i] = 0.0001f * (i + 1);
        SamplePlayer p = new SamplePlayer(Sample.of("ramp", 48_000, x));
        NodeHarness h = harness(p, 48_000);
        p.triggerAt(10);
        p.triggerAt(1_010);
        float[] y = h.render(2_000)[0][0];
        assertThat(y[1_009]).as("just before the retrigger").isEqualTo(x[999]);
        assertThat(y[1_010]).as("at the retrigger").isEqualTo(x[0]);
    }

    @Test
    void shouldApplyGainDb() {
        float[] x = sine(4_800, 1000, 0.5, 48_000);
        SamplePlayer p = new SamplePlayer(Sample.of("s", 48_000, x)).gainDb(-6);
        NodeHarness h = harness(p, 48_000);
        p.trigger();
        float[] y = h.render(4_800)[0][0];
        double g = Math.pow(10, -6 / 20.0);
        for (int i = 0; i < 4_800; i++) assertThat(y[i]).as("frame %d", i).isEqualTo((float) (x[i] * g));
    }

    @Test
    void shouldDuplicateNothingForMonoSamples() {
        SamplePlayer p = new SamplePlayer(Sample.of("m", 48_000, new float[10]));
        assertThat(p.out.channels()).as("a mono sample gives a mono output").isEqualTo(1);
    }
}
