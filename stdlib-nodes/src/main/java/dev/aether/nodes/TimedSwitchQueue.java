package dev.aether.nodes;

import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jctools.queues.MpscArrayQueue;

/**
 * Timed on/off events (gates, triggers, start/stop) from any control thread to the audio thread: lock-free,
 * bounded ({@value #CAPACITY}). Events for one node are expected in time order; an untimed event
 * ({@code atSample < 0}) applies at the start of the next block, a late one at the start of the block it is seen in.
 */
public final class TimedSwitchQueue {
    public static final int CAPACITY = 256;

    private record Event(boolean on, long atSample) {}

    private final MpscArrayQueue<Event> queue = new MpscArrayQueue<>(CAPACITY);
    /** Set after every offer; the audio thread looks at the (padded, cache-cold) queue only when it is set. */
    private final AtomicBoolean offered = new AtomicBoolean();
    private boolean mayHold;               // audio thread: the queue was non-empty when last looked at
    private long blockStart;               // audio-thread cursor over the current block
    private int frames, next;

    @ControlThread
    public boolean offer(boolean on, long atSample) {
        if (!queue.offer(new Event(on, atSample))) return false;
        offered.set(true);
        return true;
    }

    /** Offset in [0, frames) of the next event in the block starting at {@code blockStart}, or {@code frames}. */
    @AudioThread @RealtimeSafe
    public int nextOffset(long blockStart, int frames) {
        if (!mayHold) {
            // getAndSet reads the latest flag write: every offer before it is visible to the peek below
            if (!offered.get() || !offered.getAndSet(false)) return frames;
            mayHold = true;
        }
        Event e = queue.relaxedPeek();
        if (e == null) {
            mayHold = false;
            return frames;
        }
        long d = e.atSample() - blockStart;
        if (d <= 0) return 0;
        return d >= frames ? frames : (int) d;
    }

    /** Removes the next event and returns its gate value. Call only after {@link #nextOffset} found one. */
    @AudioThread @RealtimeSafe
    public boolean pollOn() {
        Event e = queue.relaxedPoll();
        return e != null && e.on();
    }

    /** Starts a block of {@code frames} samples at engine sample {@code blockStart} for {@link #dueRt}. */
    @AudioThread @RealtimeSafe
    public void beginBlockRt(long blockStart, int frames) {
        this.blockStart = blockStart;
        this.frames = frames;
        next = nextOffset(blockStart, frames);
    }

    /** True while an event is due at block offset {@code i}; take it with {@link #takeRt}. */
    @AudioThread @RealtimeSafe
    public boolean dueRt(int i) { return next == i; }

    /** True when no event is due anywhere in the block {@link #beginBlockRt} started. */
    @AudioThread @RealtimeSafe
    public boolean noneDueRt() { return next >= frames; }

    /** Removes the event due at offset {@code i}, returns its gate value; late or same-sample events stay due. */
    @AudioThread @RealtimeSafe
    public boolean takeRt(int i) {
        boolean on = pollOn();
        next = nextOffset(blockStart, frames);
        if (next < i) next = i;
        return on;
    }

    @ControlThread
    public void clear() {
        queue.clear();
        offered.set(false);
        mayHold = false;
    }
}
