package dev.aether.bench.latency;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Timestamps the {@link dev.aether.bench.EditToAudibleLatency} harness's user class takes from inside user code:
 * its constructor calls {@link #constructed()}. The hot swapper builds two instances of a redefined class, the
 * first for the trial run and the second (after the trial passed) for the engine, so the first call marks the
 * end of compiling and loading and the second the end of the trial run; the second instance also stamps its
 * first {@code process} call. Public because JShell's classes (in
 * another class loader) call it.
 */
public final class LatencyMarks {
    private static final AtomicInteger count = new AtomicInteger();
    private static volatile long firstNanos;
    private static volatile long secondNanos;
    private static volatile long processNanos;

    private LatencyMarks() {}

    /** Called by the user class's constructor; true for the second instance (the one that will play). */
    public static boolean constructed() {
        long now = System.nanoTime();
        int n = count.incrementAndGet();
        if (n == 1) firstNanos = now;
        else if (n == 2) secondNanos = now;
        return n == 2;
    }

    /** Called by the playing instance at the start of its first {@code process} (audio thread). */
    public static void firstProcess() { processNanos = System.nanoTime(); }

    /** Forgets the marks (before the next edit). */
    public static void reset() {
        firstNanos = 0;
        secondNanos = 0;
        processNanos = 0;
        count.set(0);
    }

    /** {@link System#nanoTime()} of the first constructor call since {@link #reset()} (0 if none). */
    public static long firstNanos() { return firstNanos; }

    /** {@link System#nanoTime()} of the second constructor call since {@link #reset()} (0 if none). */
    public static long secondNanos() { return secondNanos; }

    /** {@link System#nanoTime()} at the start of the playing instance's first {@code process} (0 if none). */
    public static long processNanos() { return processNanos; }

    /** Constructor calls since {@link #reset()}. */
    public static int count() { return count.get(); }
}
