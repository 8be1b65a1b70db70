package dev.aether.core.driver;

import java.lang.management.ManagementFactory;

/** Heap bytes allocated by another thread, via {@code com.sun.management.ThreadMXBean}. */
final class Allocations {
    private Allocations() {}

    static boolean supported() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported();
    }

    @SuppressWarnings("deprecation")   // Thread.getId: threadId() needs Java 19
    static long allocatedBytes(Thread t) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!mx.isThreadAllocatedMemoryEnabled()) mx.setThreadAllocatedMemoryEnabled(true);
        return mx.getThreadAllocatedBytes(t.getId());
    }
}
