package dev.aether.nodes.env;

import dev.aether.nodes.TimedSwitchQueue;
import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;

/**
 * The trigger of {@link LineSegment} and {@link ExponentialSegments}: a rising edge of the trigger input through
 * 0.5 (sample-accurate) or a queued trigger ({@link TimedSwitchQueue}, timed, any control thread). Audio-thread state of
 * the owning node except where noted; package-private.
 */
final class TriggerInput {
    private final TimedSwitchQueue events = new TimedSwitchQueue();
    boolean lastHigh;                          // saved and restored by the owner

    /** Queues a trigger at {@code atSample} ({@code < 0}: the next block); false if the queue is full. */
    @ControlThread boolean offer(long atSample) { return events.offer(true, atSample); }

    /** Starts a block: finds the queued triggers due in it. */
    @AudioThread @RealtimeSafe
    void beginBlockRt(long blockStart, int frames) { events.beginBlockRt(blockStart, frames); }

    /** True if a queued trigger is due at block offset {@code i} or the input {@code x} rises through 0.5. */
    @AudioThread @RealtimeSafe
    boolean firesRt(int i, float x) {
        boolean fire = false;
        while (events.dueRt(i)) fire |= events.takeRt(i);
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
