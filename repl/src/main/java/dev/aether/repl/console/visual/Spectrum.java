package dev.aether.repl.console.visual;

import dev.aether.nodes.analysis.Fft;

/**
 * Any thread (pure functions over a captured buffer). {@code :spectrum}: the magnitude spectrum of a Hann-windowed
 * capture in dB relative to a full-scale sine (a sine of amplitude 1 reads 0 dB), over log-frequency columns from
 * {@value #LO_HZ} Hz to 20 kHz (or Nyquist). A column shows the loudest bin inside it, or the level interpolated at
 * its centre when it is narrower than a bin. Any thread (allocates).
 */
public final class Spectrum {
    public static final double LO_HZ = 20;
    public static final double FLOOR_DB = -120;

    private Spectrum() {}

    /** Column centre frequencies and levels. */
    public record Bands(double[] hz, double[] db, double loHz, double hiHz) {}

    /** The spectrum of {@code mono} (its length a power of two) in {@code columns} columns. */
    public static Bands of(float[] mono, double sampleRate, int columns) {
        int n = mono.length;
        double[] re = new double[n], im = new double[n];
        for (int i = 0; i < n; i++) re[i] = mono[i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
        new Fft(n).forward(re, im);
        double[] binDb = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) {
            double mag = Math.hypot(re[k], im[k]) / (n / 4.0);            // Hann: a sine of amplitude A peaks at A n/4
            binDb[k] = Math.max(FLOOR_DB, 20 * Math.log10(mag + 1e-30));
        }
        double binHz = sampleRate / n, hiHz = Math.min(20_000, sampleRate / 2);
        double[] hz = new double[columns], db = new double[columns];
        for (int c = 0; c < columns; c++) {
            double f0 = LO_HZ * Math.pow(hiHz / LO_HZ, (double) c / columns);
            double f1 = LO_HZ * Math.pow(hiHz / LO_HZ, (double) (c + 1) / columns);
            hz[c] = AsciiPlot.logFrequency(c, columns, LO_HZ, hiHz);
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

    /** The spectrum as bars from the floor of the plot (-96 dB) up to each column's level. */
    public static String render(Bands b, int rows) {
        int columns = b.db().length;
        double[] lo = new double[columns];
        java.util.Arrays.fill(lo, -96);
        return new AsciiPlot(columns, rows, -96, 0, "dB").render(lo, b.db(), -1,
                AsciiPlot.decadeLabels(columns, b.loHz(), b.hiHz()));
    }
}
