package dev.aether.core.driver;

import dev.aether.core.AudioThread;
import dev.aether.core.RealtimeSafe;

/**
 * Late-block accounting shared by the paced drivers ({@link PacedNullDriver}, {@link JavaSoundDriver}): classifies
 * each block by how far it is behind its deadline, reports late blocks to the source and counts them. A block more
 * than the late limit behind is reported once until the loop catches up; one more than the resync limit behind
 * (the device would have drained) is always reported, with {@code resync} true, and the caller re-anchors its
 * clock. Written by the audio thread only (one driver, one thread); the counters are readable from any thread.
 */
final class LateBlockMeter {
    /** Outcomes of {@link #checkRt}. */
    static final int ON_TIME = 0, LATE = 1, RESYNC = 2;

    private volatile long lateBlocks;
    private volatile long resyncs;
    private volatile long maxStallNanos;
    private boolean behind;             // a late block was reported and the loop has not caught up yet

    /**
     * Accounts for a block {@code stallNanos} behind its deadline and returns {@link #ON_TIME}, {@link #LATE}
     * or {@link #RESYNC}; reports late blocks through {@link AudioSource#lateRt(long, boolean)}.
     */
    @AudioThread @RealtimeSafe
    int checkRt(AudioSource src, long stallNanos, long lateNanos, long resyncNanos) {
        if (stallNanos > maxStallNanos) maxStallNanos = stallNanos;
        if (stallNanos > resyncNanos) {
            lateBlocks++;
            resyncs++;
            behind = false;
            src.lateRt(stallNanos, true);
            return RESYNC;
        }
        if (stallNanos > lateNanos) {
            if (!behind) {
                behind = true;
                lateBlocks++;
                src.lateRt(stallNanos, false);
            }
            return LATE;
        }
        behind = false;
        return ON_TIME;
    }

    /** Late blocks reported so far, resyncs included. Any thread. */
    long lateBlocks() { return lateBlocks; }

    /** Blocks late past the resync limit so far. Any thread. */
    long resyncs() { return resyncs; }

    /** The largest stall seen so far in nanoseconds (0 while never behind). Any thread. */
    long maxStallNanos() { return maxStallNanos; }
}
