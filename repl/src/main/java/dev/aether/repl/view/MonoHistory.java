package dev.aether.repl.view;

/**
 * The last {@code capacity} frames of the master, left and right averaged: what the view's scope and spectrum look
 * at. Fed from a tap and read on the view's sampler thread only; allocates only in the constructor.
 */
final class MonoHistory {
    private final float[] ring;
    private long written;

    MonoHistory(int capacity) { ring = new float[capacity]; }

    /** Appends {@code samples} interleaved stereo samples (an even count) from {@code interleaved}. */
    void addStereo(float[] interleaved, int samples) {
        for (int i = 0; i + 1 < samples; i += 2) {
            ring[(int) (written % ring.length)] = 0.5f * (interleaved[i] + interleaved[i + 1]);
            written++;
        }
    }

    /** Whether {@code frames} frames have been seen since the last {@link #clear}. */
    boolean holds(int frames) { return written >= frames; }

    /** Forgets everything (the tap closed, or the engine stopped). */
    void clear() { written = 0; }

    /** Copies the newest {@code dst.length} frames, oldest first; false (and nothing copied) when fewer were seen. */
    boolean latest(float[] dst) {
        if (dst.length > ring.length || written < dst.length) return false;
        long from = written - dst.length;
        for (int i = 0; i < dst.length; i++) dst[i] = ring[(int) ((from + i) % ring.length)];
        return true;
    }
}
