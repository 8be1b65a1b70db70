package dev.aether.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link HeapCommit} in a child JVM on ZGC with a small initial heap, as {@code bin/aether} starts the console:
 * {@code -Xms64m -Xmx256m -XX:-ZUncommit}. The child ({@link Child}) prints what is committed.
 */
class HeapCommitTest {
    private static final long MAX_MIB = 256;

    @Test void growsTheCommittedHeapToNearTheMaximumAndItStays() throws Exception {
        long[] mib = child("commit");
        assertTrue(mib[0] <= 96, "committed at start " + mib[0] + " MiB: the child did not start small");
        long reserve = HeapCommit.reserveBytes(MAX_MIB << 20) >> 20;
        assertTrue(mib[1] >= MAX_MIB - reserve - 2L * HeapCommit.STEP_MIB,
                "committed after " + mib[1] + " MiB of " + mib[2] + " MiB");
        assertEquals(mib[1], mib[3], "a full GC after it gave memory back (uncommit is off)");
        assertTrue(mib[4] >= mib[1] - mib[0] - 2L * HeapCommit.STEP_MIB, "it allocated " + mib[4] + " MiB for "
                + (mib[1] - mib[0]) + " MiB more committed: the child's allocation count is wrong");
    }

    @Test void takesNothingWhenOthersAlreadyHoldMoreThanTheMaximumLessTheReserve() throws Exception {
        long[] mib = child("crowded");      // the child holds 236 MiB of 256: above 256 less reserve (16) and step (16)
        assertTrue(mib[0] >= 236, "committed with the others' arrays " + mib[0] + " MiB");
        // What it allocated, not what is committed: ZGC may still be finishing a cycle the others' arrays started and
        // commit a few pages for it while the call runs (CI saw 236 -> 244 MiB with no step taken).
        assertTrue(mib[4] < HeapCommit.STEP_MIB, "it allocated " + mib[4] + " MiB beside them (" + mib[0] + " -> " + mib[1]
                + " MiB committed)");
    }

    @Test void stepsOnlyWhileIdle() throws Exception {
        long[] mib = child("busy");         // idle false for the first 600 ms, then true
        assertTrue(mib[0] <= 96, "committed at start " + mib[0] + " MiB");
        assertTrue(mib[2] - mib[0] <= 4, "it grew the heap while busy: " + mib[0] + " -> " + mib[2] + " MiB");
        long reserve = HeapCommit.reserveBytes(MAX_MIB << 20) >> 20;
        assertTrue(mib[1] >= MAX_MIB - reserve - 2L * HeapCommit.STEP_MIB, "committed once idle " + mib[1] + " MiB");
    }

    /** Runs {@link Child} with {@code mode}; returns its five numbers (MiB). */
    private static long[] child(String mode) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseZGC", "-Xms64m", "-Xmx" + MAX_MIB + "m", "-XX:-ZUncommit"));
        int feature = Runtime.version().feature();
        if (feature >= 21 && feature <= 23) command.add("-XX:+ZGenerational");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName(), mode));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child did not end");
        assertEquals(0, p.exitValue(), out);
        String[] words = out.lines().reduce((a, b) -> b).orElse("").split(" ");
        assertEquals(5, words.length, out);
        long[] mib = new long[5];
        for (int i = 0; i < 5; i++) mib[i] = Long.parseLong(words[i]);
        return mib;
    }

    /**
     * The child: {@code commit}, or {@code crowded} (first fills 236 MiB with arrays of 128 KiB); prints "beforeCommit afterCommit
     * max afterFullGc allocatedByCommit", committed MiB and the MiB the call allocated on its thread. {@code busy}: idle
     * only after 600 ms; prints "beforeCommit afterCommit whileBusy afterFullGc allocatedByCommit".
     */
    static final class Child {
        public static void main(String[] args) throws Exception {
            Runtime r = Runtime.getRuntime();
            List<long[]> others = new ArrayList<>();
            while (args[0].equals("crowded") && r.totalMemory() - r.freeMemory() < (236L << 20)) {
                others.add(new long[(128 << 10) / Long.BYTES]);
            }
            long atStart = r.totalMemory();
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            if (args[0].equals("busy")) {       // "atStart afterCommit whileBusy afterFullGc"
                long idleFrom = System.nanoTime() + 600_000_000L;
                long[] whileBusy = {0};
                long after = HeapCommit.commit(r, () -> {
                    boolean idle = System.nanoTime() >= idleFrom;
                    if (!idle) whileBusy[0] = r.totalMemory();
                    return idle;
                });
                long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
                System.gc();
                System.out.println((atStart >> 20) + " " + (after >> 20) + " " + (whileBusy[0] >> 20) + " " + (r.totalMemory() >> 20)
                        + " " + (allocated >> 20));
                return;
            }
            long after = HeapCommit.commit(r);
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            others.clear();
            System.gc();
            Thread.sleep(200);
            System.out.println((atStart >> 20) + " " + (after >> 20) + " " + (r.maxMemory() >> 20) + " " + (r.totalMemory() >> 20)
                    + " " + (allocated >> 20));
        }
    }
}
