package dev.aether.core.driver;

import java.lang.management.ManagementFactory;

/** Heap bytes allocated by another thread, via {@code com.sun.management.ThreadMXBean}. */
final class Allocations {
    private Allocations() {}

    static boolean supported() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported();
    }

    /**
     * Warms up until two windows in a row of {@code quietFrames} rendered frames allocate nothing on {@code source}'s
     * audio thread (at most {@code maxWindows} tries: JIT compilation on a loaded machine can take seconds),
     * then returns {@code {bytes, frames}} allocated and rendered while {@code measureFrames} more render.
     */
    static long[] steadyState(SineSource source, long quietFrames, int maxWindows, long measureFrames)
            throws InterruptedException {
        Thread t = source.audioThread;
        int quiet = 0;                       // two quiet windows in a row: the JDK's one-off has happened
        for (int i = 0; i < maxWindows && quiet < 2; i++) {
            long f0 = source.framesRendered, b0 = allocatedBytes(t);
            waitFor(source, f0 + quietFrames);
            quiet = allocatedBytes(t) == b0 ? quiet + 1 : 0;
        }
        long f0 = source.framesRendered, b0 = allocatedBytes(t);
        waitFor(source, f0 + measureFrames);
        return new long[] {allocatedBytes(t) - b0, source.framesRendered - f0};
    }

    private static void waitFor(SineSource s, long frames) throws InterruptedException {
        long end = System.currentTimeMillis() + 20_000;
        while (s.framesRendered < frames && System.currentTimeMillis() < end) Thread.sleep(2);
    }

    @SuppressWarnings("deprecation")   // Thread.getId: threadId() needs Java 19
    static long allocatedBytes(Thread t) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!mx.isThreadAllocatedMemoryEnabled()) mx.setThreadAllocatedMemoryEnabled(true);
        return mx.getThreadAllocatedBytes(t.getId());
    }
}
