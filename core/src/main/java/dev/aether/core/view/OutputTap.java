package dev.aether.core.view;

import dev.aether.core.ControlThread;

/**
 * A copy of the master output (interleaved stereo, after the limiter) for a recorder, a scope or a meter, read
 * on one thread other than the audio thread. The audio thread never waits for the reader: when it falls behind,
 * whole blocks are dropped and counted.
 */
public interface OutputTap {
    /** Copies up to {@code dst.length} waiting samples (interleaved L, R) into {@code dst}; returns how many. */
    @ControlThread int read(float[] dst);

    /** Samples waiting to be read. */
    int available();

    /**
     * The engine sample of the first frame the tap holds (the first one written to it), or -1 before the audio
     * thread wrote any: where a recording made from this tap starts on the engine's time line.
     */
    long startSample();

    /** Stereo frames dropped so far because the reader fell behind. */
    long droppedFrames();
}
