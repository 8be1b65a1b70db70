package dev.aether.core.rt;

import dev.aether.core.RealtimeSafe;

/**
 * When the next block is due, learnt from the start times of the blocks the parallel worker has shared: a driver
 * renders a block every period (1.33 ms for 64 frames at 48 kHz), so the worker can nap between blocks and be
 * spinning when the next one is published, instead of finding it a nap late. Blocks that come back to back
 * (offline renders, a driver catching up) or irregularly give no prediction, and the worker falls back to its spin
 * and naps. Confined to the worker thread; allocation-free.
 *
 * <p>The period is the median of the last {@value #GAPS} gaps between consecutive blocks' starts; a prediction is
 * made only when at least {@value #STEADY} of them lie within {@value #TOLERANCE_PERCENT} % of it and it lies between
 * {@value #MIN_PERIOD_NANOS} and {@value #MAX_PERIOD_NANOS} ns.
 */
final class BlockPacer {
    static final int GAPS = 8, STEADY = 6, TOLERANCE_PERCENT = 25;
    static final long MIN_PERIOD_NANOS = 300_000, MAX_PERIOD_NANOS = 50_000_000;

    private final long[] gaps = new long[GAPS], sorted = new long[GAPS];
    private int next, filled;
    private long lastStart, due;

    /** A shared block started at {@code startNanos} ({@link System#nanoTime}); the same block again is ignored. */
    @RealtimeSafe
    void blockRt(long startNanos) {
        if (startNanos == lastStart) return;                   // a second segment of the same block
        if (lastStart != 0) {
            gaps[next] = startNanos - lastStart;
            next = (next + 1) % GAPS;
            if (filled < GAPS) filled++;
        }
        lastStart = startNanos;
        long period = steadyPeriodRt();
        due = period == 0 ? 0 : startNanos + period;
    }

    /** The {@link System#nanoTime} the next block is expected to start at, or 0 when blocks come unpredictably. */
    @RealtimeSafe
    long nextDueNanos() { return due; }

    @RealtimeSafe
    private long steadyPeriodRt() {
        if (filled < GAPS) return 0;
        System.arraycopy(gaps, 0, sorted, 0, GAPS);
        for (int i = 1; i < GAPS; i++) {                       // insertion sort of eight
            long g = sorted[i];
            int j = i - 1;
            while (j >= 0 && sorted[j] > g) { sorted[j + 1] = sorted[j]; j--; }
            sorted[j + 1] = g;
        }
        long median = sorted[GAPS / 2];
        if (median < MIN_PERIOD_NANOS || median > MAX_PERIOD_NANOS) return 0;
        long tolerance = median * TOLERANCE_PERCENT / 100;
        int near = 0;
        for (long g : gaps) if (Math.abs(g - median) <= tolerance) near++;
        return near >= STEADY ? median : 0;
    }
}
