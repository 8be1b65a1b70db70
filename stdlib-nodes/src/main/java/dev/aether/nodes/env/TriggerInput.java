package dev.aether.nodes.env;

import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.time.PendingEvents;
import dev.aether.core.time.TimedEventChannel;
import dev.aether.core.time.TimedTarget;

/**
 * The trigger of {@link LineSegment} and {@link ExponentialSegments}: a rising edge of the trigger input through
 * 0.5 (sample-accurate) or a timed trigger (any control thread, through the engine's {@link TimedEventChannel}).
 * Audio-thread state of the owning node except where noted; package-private.
 */
final class TriggerInput implements TimedTarget {
    static final int CAPACITY = 256;

    private final PendingEvents events = PendingEvents.growing(CAPACITY);   // storage at the first offer
    boolean lastHigh;                          // saved and restored by the owner
    private long blockStart;
    private int frames, next;

    @ControlThread void bind(TimedEventChannel channel) { events.bind(channel); }

    /** Queues a trigger at {@code atSample} ({@code < 0}: the next block); false if {@value #CAPACITY} wait. */
    @ControlThread boolean offer(long atSample) { return events.offer(this, 1, 0, atSample, 0, 0); }

    @Override @AudioThread @RealtimeSafe
    public void acceptRt(int kind, int key, long atSample, double a, double b) { events.addRt(kind, key, atSample, a, b); }

    /** Starts a block: finds the queued triggers due in it. */
    @AudioThread @RealtimeSafe
    void beginBlockRt(long blockStart, int frames) {
        this.blockStart = blockStart;
        this.frames = frames;
        next = events.offsetRt(blockStart, frames);
    }

    /** True if a queued trigger is due at block offset {@code i} or the input {@code x} rises through 0.5. */
    @AudioThread @RealtimeSafe
    boolean firesRt(int i, float x) {
        boolean fire = false;
        while (next == i) {
            events.removeRt();
            fire = true;
            next = events.offsetRt(blockStart, frames);
            if (next < i) next = i;
        }
        boolean high = x > 0.5f;
        if (high && !lastHigh) fire = true;
        lastHigh = high;
        return fire;
    }

    @ControlThread
    void reset() {
        lastHigh = false;
        events.clear();
    }
}
