package dev.aether.repl.view;

import dev.aether.nodes.analysis.Fft;

/**
 * The view's spectrum of a mono capture: Hann window, the project's {@link Fft}, levels in dB relative to a full-scale
 * sine (a sine of amplitude 1 reads 0 dB, floor {@value #FLOOR_DB} dB), reduced to {@code columns} log-spaced
 * columns from {@value #LO_HZ} Hz to 20 kHz (or Nyquist), each the loudest bin inside it (or the nearest bin when the
 * column is narrower than a bin). The peak is the loudest bin above {@value #LO_HZ} Hz, at bin resolution
 * ({@code sampleRate / size} Hz). One instance per thread (it keeps its FFT and work arrays); allocates only in the
 * constructor and for the returned arrays.
 */
final class SpectrumFrame {
    static final double LO_HZ = 20;
    static final double FLOOR_DB = -120;

    private final Fft fft;
    private final double[] re, im, window, binDb;

    /** The result: column centres (Hz) and levels (dB), the peak bin's frequency and level, the bin width. */
    record Bands(float[] hz, float[] db, double loHz, double hiHz, double peakHz, double peakDb, double binHz) {}

    /** A spectrum of {@code size} frames, a power of two. */
    SpectrumFrame(int size) {
        fft = new Fft(size);
        re = new double[size];
        im = new double[size];
        window = new double[size];
        for (int i = 0; i < size; i++) window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / size);
        binDb = new double[size / 2 + 1];
    }

    int size() { return re.length; }

    /** The spectrum of {@code mono} (exactly {@link #size()} frames) at {@code sampleRate} in {@code columns} columns. */
    Bands of(float[] mono, double sampleRate, int columns) {
        int n = re.length;
        if (mono.length != n) throw new IllegalArgumentException("need " + n + " frames, got " + mono.length);
        for (int i = 0; i < n; i++) {
            re[i] = mono[i] * window[i];
            im[i] = 0;
        }
        fft.forward(re, im);
        double binHz = sampleRate / n;
        int peak = -1;
        for (int k = 0; k <= n / 2; k++) {
            double mag = Math.hypot(re[k], im[k]) / (n / 4.0);            // Hann: a sine of amplitude A peaks at A n/4
            binDb[k] = Math.max(FLOOR_DB, 20 * Math.log10(mag + 1e-30));
            if (k * binHz >= LO_HZ && (peak < 0 || binDb[k] > binDb[peak])) peak = k;
        }
        double hiHz = Math.min(20_000, sampleRate / 2);
        float[] hz = new float[columns], db = new float[columns];
        for (int c = 0; c < columns; c++) {
            double f0 = LO_HZ * Math.pow(hiHz / LO_HZ, (double) c / columns);
            double f1 = LO_HZ * Math.pow(hiHz / LO_HZ, (double) (c + 1) / columns);
            double centre = Math.sqrt(f0 * f1);
            int k0 = (int) Math.ceil(f0 / binHz), k1 = (int) Math.ceil(f1 / binHz);
            double best = Double.NEGATIVE_INFINITY;
            for (int k = k0; k < k1 && k < binDb.length; k++) best = Math.max(best, binDb[k]);
            if (best == Double.NEGATIVE_INFINITY) best = binDb[Math.min(binDb.length - 1, (int) Math.round(centre / binHz))];
            hz[c] = (float) centre;
            db[c] = (float) (Math.round(best * 10) / 10.0);
        }
        return new Bands(hz, db, LO_HZ, hiHz, peak * binHz, binDb[peak], binHz);
    }
}
