package dev.aether.core.rt;

import dev.aether.core.view.OutputTap;

import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A copy of the master output (interleaved stereo, after the limiter) for a recorder, a scope or a meter on
 * another thread: a single-producer single-consumer ring of floats. The audio thread never waits: when the
 * reader falls behind, whole blocks are dropped and counted.
 */
public final class MasterTap implements OutputTap {
    private final float[] ring;
    private final int mask;
    private final AtomicLong written = new AtomicLong();   // samples, published with lazySet by the audio thread
    private final AtomicLong read = new AtomicLong();      // samples, published by the reader
    private volatile long droppedFrames;
    private volatile long startSample = -1;

    /** A tap holding at least {@code capacityFrames} stereo frames. */
    public MasterTap(int capacityFrames) {
        int size = Integer.highestOneBit(Math.max(1024, capacityFrames * 2 - 1) * 2);
        ring = new float[size];
        mask = size - 1;
    }

    @AudioThread @RealtimeSafe
    void writeRt(float[] interleaved, int offset, int samples, long atSample) {
        long w = written.get();
        if (w == 0 && startSample < 0) startSample = atSample;
        if (w + samples - read.get() > ring.length) {
            droppedFrames += samples / 2;
            return;
        }
        for (int i = 0; i < samples; i++) ring[(int) ((w + i) & mask)] = interleaved[offset + i];
        written.lazySet(w + samples);
    }

    /** Copies up to {@code dst.length} waiting samples (interleaved L, R) into {@code dst}; returns how many. */
    @Override @ControlThread
    public int read(float[] dst) {
        long r = read.get();
        int n = (int) Math.min(dst.length, written.get() - r);
        for (int i = 0; i < n; i++) dst[i] = ring[(int) ((r + i) & mask)];
        read.lazySet(r + n);
        return n;
    }

    /** Samples waiting to be read. */
    @Override public int available() { return (int) (written.get() - read.get()); }

    @Override public long startSample() { return startSample; }

    /** Stereo frames the audio thread had to drop because the reader was behind. */
    @Override public long droppedFrames() { return droppedFrames; }
}
