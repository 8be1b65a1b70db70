package dev.aether.repl.console.visual;

import dev.aether.nodes.analysis.Fft;
import java.util.List;

/**
 * Any thread (pure functions over a captured buffer; allocates). {@code :spectrum}: the magnitude spectrum of a
 * Hann-windowed capture in dB relative to a full-scale sine (a sine of amplitude 1 reads 0 dBFS), at log-spaced
 * bands from {@value #LO_HZ} Hz to 20 kHz (or Nyquist). A band shows its loudest FFT bin, or the level
 * interpolated at its centre when it is narrower than a bin.
 */
public final class Spectrum {
    public static final double LO_HZ = 20;
    public static final double FLOOR_DB = -120;
    /** Bottom of the plotted level axis. */
    public static final double PLOT_FLOOR_DB = -100;

    private Spectrum() {}

    /** Band centre frequencies and levels (dBFS), and the band edges' range. */
    public record Bands(double[] hz, double[] db, double loHz, double hiHz) {}

    /** The level of every FFT bin 0..n/2 of Hann-windowed {@code mono} (its length a power of two), dBFS. */
    public static double[] binDb(float[] mono, int from, int n) {
        double[] re = new double[n], im = new double[n];
        for (int i = 0; i < n; i++) re[i] = mono[from + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
        new Fft(n).forward(re, im);
        double[] binDb = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) {
            double mag = Math.hypot(re[k], im[k]) / (n / 4.0);            // Hann: a sine of amplitude A peaks at A n/4
            binDb[k] = Math.max(FLOOR_DB, 20 * Math.log10(mag + 1e-30));
        }
        return binDb;
    }

    /** The spectrum of {@code mono} (its length a power of two) in {@code bands} log-spaced bands. */
    public static Bands of(float[] mono, double sampleRate, int bands) {
        int n = mono.length;
        double[] binDb = binDb(mono, 0, n);
        double binHz = sampleRate / n, hiHz = Math.min(20_000, sampleRate / 2);
        Axis axis = Axis.logarithmic("frequency", "Hz", LO_HZ, hiHz);
        double[] hz = new double[bands], db = new double[bands];
        for (int c = 0; c < bands; c++) {
            double f0 = axis.valueAt((double) c / bands), f1 = axis.valueAt((double) (c + 1) / bands);
            hz[c] = axis.valueAt((c + 0.5) / bands);
            int k0 = (int) Math.ceil(f0 / binHz), k1 = (int) Math.ceil(f1 / binHz);
            double best = Double.NEGATIVE_INFINITY;
            for (int k = k0; k < k1 && k < binDb.length; k++) best = Math.max(best, binDb[k]);
            if (best == Double.NEGATIVE_INFINITY) {                          // narrower than a bin
                double x = hz[c] / binHz;
                int k = Math.min(binDb.length - 2, (int) x);
                best = binDb[k] + (binDb[k + 1] - binDb[k]) * (x - k);
            }
            db[c] = best;
        }
        return new Bands(hz, db, LO_HZ, hiHz);
    }

    /** Level (dBFS, {@value #PLOT_FLOOR_DB}..0) over log frequency, shaded underneath. */
    public static Figure figure(Bands b, String title, List<String> notes) {
        Panel p = new Panel(Axis.logarithmic("frequency", "Hz", b.loHz(), b.hiHz()), Axis.linear("level", "dBFS", PLOT_FLOOR_DB, 0),
                List.of(new Series("spectrum", b.hz(), b.db(), true)));
        return Figure.of(title, p, notes);
    }
}
