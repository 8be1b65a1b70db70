package dev.aether.repl.console.visual;

import java.util.List;

/**
 * Any thread (pure functions over a captured buffer; allocates). {@code :spectrogram}: levels over time and log
 * frequency, from Hann-windowed FFTs of {@value #FFT_SIZE} samples (the levels of {@link Spectrum#binDb}) at
 * evenly spaced moments, shown from {@value #FLOOR_DB} dBFS (dark) to 0 dBFS (bright).
 */
public final class Spectrogram {
    public static final int FFT_SIZE = 2048;
    public static final double FLOOR_DB = -100;

    private Spectrogram() {}

    /** {@code columns} spectra of {@code mono} (at least {@value #FFT_SIZE} samples) as a figure. */
    public static Figure figure(float[] mono, double sampleRate, int columns, String title, List<String> notes) {
        if (mono.length < FFT_SIZE) throw new IllegalArgumentException("a spectrogram needs at least " + FFT_SIZE + " samples");
        double[][] db = new double[columns][];
        for (int c = 0; c < columns; c++) {
            int from = (int) ((long) c * (mono.length - FFT_SIZE) / Math.max(1, columns - 1));
            db[c] = Spectrum.binDb(mono, from, FFT_SIZE);
        }
        double seconds = mono.length / sampleRate;
        Panel.Heatmap heat = new Panel.Heatmap(db, 0, seconds, sampleRate / FFT_SIZE, FLOOR_DB, 0);
        Panel p = new Panel(Axis.linear("time", "s", 0, seconds),
                Axis.logarithmic("frequency", "Hz", Spectrum.LO_HZ, Math.min(20_000, sampleRate / 2)), List.of(), List.of(), heat);
        return Figure.of(title, p, notes);
    }
}
