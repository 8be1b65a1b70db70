package dev.aether.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
    }

    @Test void takesNothingFromTheReserveWhenOthersHoldTheHeapAndThrowsNothing() throws Exception {
        long[] mib = child("crowded");      // the child holds 232 MiB of 256, more than the maximum less reserve and step
        assertTrue(mib[0] >= 232, "committed with the others' arrays " + mib[0] + " MiB");
        assertTrue(mib[1] - mib[0] < HeapCommit.STEP_MIB, "it allocated beside them: " + mib[0] + " -> " + mib[1] + " MiB");
    }

    /** Runs {@link Child} with {@code mode}; returns its four numbers (MiB). */
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
        assertEquals(4, words.length, out);
        long[] mib = new long[4];
        for (int i = 0; i < 4; i++) mib[i] = Long.parseLong(words[i]);
        return mib;
    }

    /**
     * The child: {@code commit}, or {@code crowded} (first holds 58 arrays of 4 MiB); prints "beforeCommit afterCommit
     * max afterFullGc", committed MiB.
     */
    static final class Child {
        public static void main(String[] args) throws Exception {
            Runtime r = Runtime.getRuntime();
            List<long[]> others = new ArrayList<>();
            if (args[0].equals("crowded")) for (int i = 0; i < 58; i++) others.add(new long[(4 << 20) / Long.BYTES]);
            long atStart = r.totalMemory();
            long after = HeapCommit.commit(r);
            others.clear();
            System.gc();
            Thread.sleep(200);
            System.out.println((atStart >> 20) + " " + (after >> 20) + " " + (r.maxMemory() >> 20) + " " + (r.totalMemory() >> 20));
        }
    }
}
