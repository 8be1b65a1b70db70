package dev.aether.core.driver;

import dev.aether.core.AudioThread;
import dev.aether.core.RealtimeSafe;

/**
 * The engine as a driver sees it: something that renders interleaved frames on demand.
 * Implemented by the engine; drivers call it from their audio thread.
 */
public interface AudioSource {
    /** Output channels (2 for the stereo master). */
    int channels();

    /** Sample rate in Hz. */
    double sampleRate();

    /** The engine's block size in frames; drivers should ask for multiples of it. */
    int blockSize();

    /**
     * Renders {@code frames} frames into {@code interleaved[0 .. frames*channels)}, in [-1, 1] after the
     * master limiter. Any frame count works; the engine keeps its own block clock.
     */
    @AudioThread @RealtimeSafe
    void renderRt(float[] interleaved, int frames);

    /**
     * The driver noticed it was late by {@code stallNanos} (an xrun). When the stall exceeded the device
     * buffer, {@code resync} is true and the engine fades the next block in instead of playing late audio.
     */
    @AudioThread @RealtimeSafe
    void lateRt(long stallNanos, boolean resync);

    /** Called once on the driver's audio thread before the first render (name the thread, ask for priority). */
    @AudioThread
    default void audioThreadStarted() {}
}
