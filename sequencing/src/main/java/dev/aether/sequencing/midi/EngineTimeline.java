package dev.aether.sequencing.midi;

import dev.aether.core.time.Clock;

/**
 * The running engine's sample line in wall time, measured by polling: each {@link #observe} reads the engine's
 * position {@code p} (the block being rendered) at wall time {@code t}; the block at {@code p} started no later than
 * {@code t}, so {@code t - p/rate} is an upper bound of the line's origin, and the smallest of them over a window is
 * the estimate (the first observation after each block boundary comes within a poll of it). The window slides
 * (the smallest of the last two {@value #WINDOW_NANOS} ns windows), so a device clock that drifts from the wall clock
 * is followed, and so are a burst and a stall: a driver that renders ahead (filling a device buffer, warming up) or
 * falls behind and resynchronises (the paced null driver after a late block) moves the line, and the estimate follows
 * within two windows, 0.2 s. Each window holds several block starts (a block is 10.7 ms at 512 frames and 48 kHz),
 * and the first observation after one comes within a poll of it. Observe from one thread; {@link #nanosOf} from any.
 */
final class EngineTimeline implements SampleTimeline {
    /** Length of one window of observations, ns. */
    static final long WINDOW_NANOS = 100_000_000L;

    private final Clock clock;
    private final WallClock wall;
    private final int rate;
    private long windowStart, current = Long.MAX_VALUE, previous = Long.MAX_VALUE;
    private volatile long origin = Long.MIN_VALUE;

    EngineTimeline(Clock clock, WallClock wall) {
        this.clock = clock;
        this.wall = wall;
        this.rate = clock.sampleRate();
    }

    @Override public synchronized void observe() {
        long t = wall.nanoTime();
        long o = t - SampleTimeline.nanosOfSamples(clock.position(), rate);
        if (origin == Long.MIN_VALUE) windowStart = t;
        if (t - windowStart > WINDOW_NANOS) {
            previous = current;
            current = Long.MAX_VALUE;
            windowStart = t;
        }
        current = Math.min(current, o);
        origin = Math.min(current, previous);
    }

    @Override public long nanosOf(long engineSample) {
        if (origin == Long.MIN_VALUE) observe();
        return origin + SampleTimeline.nanosOfSamples(engineSample, rate);
    }
}
