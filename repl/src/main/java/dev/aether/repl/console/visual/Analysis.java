package dev.aether.repl.console.visual;

import dev.aether.nodes.analysis.Fft;
import java.util.ArrayList;
import java.util.List;

/**
 * Any thread (pure; allocates). {@code :analyze}: the fundamental of a tone, its harmonics with their levels, THD,
 * THD+N, peak and RMS. The spectrum is one FFT ({@link Fft}) of the whole capture (its length a power of two)
 * under a 4-term Blackman-Harris window (side lobes below -92 dB). A component's level is the power summed over
 * its main lobe ({@value #LOBE} bins either side of its peak), so it does not depend on where the frequency falls
 * between bins: a sine of amplitude {@code A} reads {@code 20 log10 A} dBFS. The fundamental is the loudest peak
 * (its frequency refined by a parabola through the log levels); harmonic {@code h} is the loudest bin within
 * {@value #LOBE} bins of {@code h f0}. THD is the harmonics' power over the fundamental's (all harmonics below
 * Nyquist); THD+N is the power of everything but the fundamental and DC over the fundamental's. Both are ratios of
 * RMS values.
 */
public final class Analysis {
    static final int LOBE = 5;
    static final double[] BLACKMAN_HARRIS = {0.35875, 0.48829, 0.14128, 0.01168};

    private Analysis() {}

    /** One component: frequency (Hz) and level (dBFS: a sine of amplitude 1 is 0). */
    public record Component(int harmonic, double hz, double dbfs) {}

    /** What {@link #of} found; ratios as plain numbers (0.01 = 1 % = -40 dB). */
    public record Result(Component fundamental, List<Component> harmonics, double thd, double thdPlusNoise,
                         double peak, double rms, int frames, double sampleRate) {
        /** The report printed at the prompt. */
        public String report() {
            StringBuilder b = new StringBuilder();
            b.append(String.format("fundamental %.2f Hz at %.2f dBFS%n", fundamental.hz(), fundamental.dbfs()));
            b.append("harmonic      Hz      dBFS     dBc\n");
            for (Component h : harmonics) {
                b.append(String.format("%8d %9.1f %9.2f %7.2f%n", h.harmonic(), h.hz(), h.dbfs(), h.dbfs() - fundamental.dbfs()));
            }
            b.append(String.format("THD   %.4g %% (%.2f dB)%n", 100 * thd, 20 * Math.log10(thd + 1e-300)));
            b.append(String.format("THD+N %.4g %% (%.2f dB)%n", 100 * thdPlusNoise, 20 * Math.log10(thdPlusNoise + 1e-300)));
            b.append(String.format("peak %.2f dBFS, RMS %.2f dBFS, crest factor %.2f dB (%d samples at %.0f Hz)",
                    db(peak), db(rms), db(peak) - db(rms), frames, sampleRate));
            return b.toString();
        }
    }

    static double db(double v) { return 20 * Math.log10(v + 1e-300); }

    /** Analyses {@code x} (length a power of two, at least 4096), listing up to {@code maxHarmonics} harmonics from the 2nd. */
    public static Result of(float[] x, double sampleRate, int maxHarmonics) {
        int n = x.length;
        if (n < 4096 || Integer.bitCount(n) != 1) throw new IllegalArgumentException("analysis needs a power of two >= 4096 samples, was " + n);
        double peak = 0, sumSq = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
            sumSq += (double) v * v;
        }
        double[] re = new double[n], im = new double[n];
        double wSq = 0;
        for (int i = 0; i < n; i++) {
            double p = 2 * Math.PI * i / n;
            double w = BLACKMAN_HARRIS[0] - BLACKMAN_HARRIS[1] * Math.cos(p) + BLACKMAN_HARRIS[2] * Math.cos(2 * p) - BLACKMAN_HARRIS[3] * Math.cos(3 * p);
            re[i] = w * x[i];
            wSq += w * w;
        }
        new Fft(n).forward(re, im);
        int half = n / 2;
        double[] power = new double[half + 1];
        for (int k = 0; k <= half; k++) power[k] = re[k] * re[k] + im[k] * im[k];
        double norm = n * wSq / 4;                   // lobe power of a sine of amplitude A is A^2 n sum(w^2) / 4
        int loudest = LOBE + 1;
        for (int k = LOBE + 1; k < half - LOBE; k++) if (power[k] > power[loudest]) loudest = k;
        if (power[loudest] <= 0) throw new IllegalArgumentException("the signal is silent: nothing to analyse");
        double binHz = sampleRate / n;
        double a = Math.log(power[loudest - 1] + 1e-300), b = Math.log(power[loudest]), c = Math.log(power[loudest + 1] + 1e-300);
        double f0 = (loudest + 0.5 * (a - c) / (a - 2 * b + c)) * binHz;
        double fundPower = lobe(power, loudest);
        Component fundamental = new Component(1, f0, 10 * Math.log10(fundPower / norm));
        List<Component> harmonics = new ArrayList<>();
        double harmonicPower = 0;
        for (int h = 2; h * f0 / binHz < half - LOBE; h++) {
            int centre = (int) Math.rint(h * f0 / binHz), best = centre;
            for (int k = centre - LOBE; k <= centre + LOBE; k++) if (power[k] > power[best]) best = k;
            double p = lobe(power, best);
            harmonicPower += p;
            if (harmonics.size() < maxHarmonics) harmonics.add(new Component(h, best * binHz, 10 * Math.log10(p / norm + 1e-300)));
        }
        double total = 0;
        for (int k = LOBE + 1; k <= half; k++) total += power[k];
        double rest = Math.max(0, total - fundPower);
        return new Result(fundamental, harmonics, Math.sqrt(harmonicPower / fundPower), Math.sqrt(rest / fundPower),
                peak, Math.sqrt(sumSq / n), n, sampleRate);
    }

    private static double lobe(double[] power, int k) {
        double s = 0;
        for (int i = Math.max(0, k - LOBE); i <= Math.min(power.length - 1, k + LOBE); i++) s += power[i];
        return s;
    }
}
