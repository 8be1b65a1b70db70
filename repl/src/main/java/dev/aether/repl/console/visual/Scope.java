package dev.aether.repl.console.visual;

import java.util.Map;

/**
 * Any thread (pure functions over a captured buffer). {@code :scope}: a waveform as the minimum and maximum of the
 * samples under each column, triggered (like a hardware scope) on the first upward zero crossing so a steady tone
 * stands still. Any thread.
 */
public final class Scope {
    private Scope() {}

    /** Per-column ranges of a window of {@code millis}, starting at sample {@code trigger} of the capture. */
    public record Trace(double[] lo, double[] hi, double millis, int trigger) {}

    /**
     * Traces {@code frames} samples of {@code mono} into {@code columns} columns. {@code mono} should hold
     * about twice {@code frames} so there is room to trigger; without an upward zero crossing in the first
     * {@code mono.length - frames} samples the window starts at 0.
     */
    public static Trace trace(float[] mono, int frames, int columns, double sampleRate) {
        int slack = Math.max(0, mono.length - frames);
        int trigger = 0;
        for (int i = 1; i <= slack && i < mono.length; i++) {
            if (mono[i - 1] < 0 && mono[i] >= 0) {
                trigger = i;
                break;
            }
        }
        int n = Math.min(frames, mono.length - trigger);
        double[] lo = new double[columns], hi = new double[columns];
        for (int c = 0; c < columns; c++) {
            int from = trigger + (int) ((long) c * n / columns), to = trigger + (int) ((long) (c + 1) * n / columns);
            if (to <= from) to = from + 1;
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to && i < mono.length; i++) {
                min = Math.min(min, mono[i]);
                max = Math.max(max, mono[i]);
            }
            lo[c] = min == Double.POSITIVE_INFINITY ? Double.NaN : min;
            hi[c] = max == Double.NEGATIVE_INFINITY ? Double.NaN : max;
        }
        return new Trace(lo, hi, n * 1000.0 / sampleRate, trigger);
    }

    /** Upward crossings of zero by the column midpoints: the cycles a steady tone shows. */
    public static int cycles(Trace t) {
        int n = 0;
        for (int c = 1; c < t.lo().length; c++) {
            double a = (t.lo()[c - 1] + t.hi()[c - 1]) / 2, b = (t.lo()[c] + t.hi()[c]) / 2;
            if (a < 0 && b >= 0) n++;
        }
        return n;
    }

    /** The trace as text, amplitude -1..1. */
    public static String render(Trace t, int rows) {
        int columns = t.lo().length;
        AsciiPlot plot = new AsciiPlot(columns, rows, -1, 1, "");
        String ms = String.format("%.1f ms", t.millis());
        return plot.render(t.lo(), t.hi(), -1, Map.of(0, "0", Math.max(0, columns - ms.length()), ms));
    }
}
