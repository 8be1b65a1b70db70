package dev.aether.testkit.signals;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Heap bytes allocated per thread (HotSpot's {@code com.sun.management.ThreadMXBean}) and the "two quiet windows"
 * loop the zero-allocation tests share. Any thread; test code (allocates).
 */
public final class Allocations {
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {}

    /** One measured stretch of work: renders some blocks, or waits while another thread renders them. */
    @FunctionalInterface
    public interface Window {
        void run() throws Exception;
    }

    /** True when this JVM counts allocated bytes per thread. */
    public static boolean supported() { return MX.isThreadAllocatedMemorySupported(); }

    /** Bytes the current thread has allocated so far. */
    public static long currentThread() { return MX.getCurrentThreadAllocatedBytes(); }

    /** Bytes thread {@code t} has allocated so far (counting switched on if it was off). */
    @SuppressWarnings("deprecation")   // Thread.getId: threadId() needs Java 19
    public static long of(Thread t) {
        if (!MX.isThreadAllocatedMemoryEnabled()) MX.setThreadAllocatedMemoryEnabled(true);
        return MX.getThreadAllocatedBytes(t.getId());
    }

    /**
     * Runs {@code window} until two in a row allocate nothing on {@code thread}, at most {@code maxWindows} times
     * (a one-off of the JDK or the JIT, such as resolving a class's strings when a method is queued for C2, may show
     * in one window; a steady allocation shows in every window). Returns the bytes of each window run: quiet when
     * {@link #endsQuiet} holds.
     */
    public static long[] untilTwoQuietWindows(Thread thread, int maxWindows, Window window) throws Exception {
        long[] bytes = new long[maxWindows];
        int quiet = 0, w = 0;
        for (; w < maxWindows && quiet < 2; w++) {
            long before = of(thread);
            window.run();
            bytes[w] = of(thread) - before;
            quiet = bytes[w] == 0 ? quiet + 1 : 0;
        }
        return Arrays.copyOf(bytes, w);
    }

    /** True when the last two windows of {@code bytes} (from {@link #untilTwoQuietWindows}) allocated nothing. */
    public static boolean endsQuiet(long[] bytes) {
        int n = bytes.length;
        return n >= 2 && bytes[n - 1] == 0 && bytes[n - 2] == 0;
    }
}
