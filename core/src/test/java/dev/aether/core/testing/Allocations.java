package dev.aether.core.testing;

import java.lang.management.ManagementFactory;

/** Per-thread allocated bytes (HotSpot's com.sun.management.ThreadMXBean). */
public final class Allocations {
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {}

    /** Bytes the current thread has allocated so far. */
    public static long currentThread() { return MX.getCurrentThreadAllocatedBytes(); }

    /** Bytes thread {@code t} has allocated so far. */
    public static long of(Thread t) { return MX.getThreadAllocatedBytes(t.getId()); }
}
