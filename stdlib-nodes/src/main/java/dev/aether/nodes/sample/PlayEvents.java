package dev.aether.nodes.sample;

import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import org.jctools.queues.MpscArrayQueue;

/**
 * Timed start/stop events from any control thread to the audio thread (lock-free, bounded), as the envelopes'
 * gate queue. Events are expected in time order; an untimed event ({@code atSample < 0}) applies at the start
 * of the next block, a late one at the start of the block it is seen in.
 */
final class PlayEvents {
    static final int CAPACITY = 256;

    record Event(boolean start, long atSample) {}

    private final MpscArrayQueue<Event> queue = new MpscArrayQueue<>(CAPACITY);

    @ControlThread
    boolean offer(boolean start, long atSample) { return queue.offer(new Event(start, atSample)); }

    /** Offset in [0, frames) of the next event in the block starting at {@code blockStart}, or {@code frames}. */
    @AudioThread @RealtimeSafe
    int nextOffset(long blockStart, int frames) {
        Event e = queue.relaxedPeek();
        if (e == null) return frames;
        long d = e.atSample() - blockStart;
        if (d <= 0) return 0;
        return d >= frames ? frames : (int) d;
    }

    /** Removes the next event; true for a start. Call only after {@link #nextOffset} found one. */
    @AudioThread @RealtimeSafe
    boolean pollStart() {
        Event e = queue.relaxedPoll();
        return e != null && e.start();
    }

    @ControlThread
    void clear() { queue.clear(); }
}
