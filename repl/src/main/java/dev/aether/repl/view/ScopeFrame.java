package dev.aether.repl.view;

/**
 * The view's scope: a window of {@code frames} samples, triggered like a hardware scope on the first upward zero
 * crossing of its first half-capture so a steady tone stands still, thinned to at most {@value #MAX_POINTS} points.
 * Pure function; any thread.
 */
final class ScopeFrame {
    static final int MAX_POINTS = 1024;

    private ScopeFrame() {}

    /** The trace: {@code millis} of signal as {@code points} evenly spaced samples (-1..1 full scale). */
    record Trace(float[] points, double millis) {}

    /**
     * The window of {@code frames} samples of {@code mono} (which should hold twice as many, so there is room to
     * trigger) at {@code sampleRate}; starts at 0 when no upward zero crossing lies in the first half.
     */
    static Trace of(float[] mono, int frames, double sampleRate) {
        int slack = Math.max(0, mono.length - frames), trigger = 0;
        for (int i = 1; i <= slack; i++) {
            if (mono[i - 1] < 0 && mono[i] >= 0) {
                trigger = i;
                break;
            }
        }
        int n = Math.min(frames, mono.length - trigger);
        int points = Math.min(n, MAX_POINTS);
        float[] p = new float[points];
        for (int i = 0; i < points; i++) {
            float v = mono[trigger + (int) ((long) i * n / points)];
            p[i] = Math.round(v * 10_000) / 10_000f;
        }
        return new Trace(p, n * 1000.0 / sampleRate);
    }
}
