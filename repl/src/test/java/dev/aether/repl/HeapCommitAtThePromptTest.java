package dev.aether.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real console ({@link ConsoleProcess}) on the heap {@code bin/aether} gives it, ZGC from 64 MiB, uncommit off
 * (here at most 512 MiB, more than the console's start-up grows it to): once the prompt shows, its thread
 * {@value HeapCommit#THREAD_NAME} commits the heap to near the maximum, which the user's code sees.
 */
class HeapCommitAtThePromptTest {
    private static final long MAX_MIB = 512;

    @TempDir Path dir;

    @Test void theCommittedHeapReachesTheMaximumAfterThePrompt() throws Exception {
        List<String> flags = new ArrayList<>(List.of("-XX:+UseZGC", "-Xms64m", "-Xmx" + MAX_MIB + "m", "-XX:-ZUncommit"));
        int feature = Runtime.version().feature();
        if (feature >= 21 && feature <= 23) flags.add("-XX:+ZGenerational");
        long target = MAX_MIB - (HeapCommit.reserveBytes(MAX_MIB << 20) >> 20) - HeapCommit.STEP_MIB;
        try (ConsoleProcess c = ConsoleProcess.startWith(flags, "--home", dir.toString())) {
            long committed = 0;
            String shown = "";
            for (long deadline = System.nanoTime() + 60_000_000_000L; committed < target && System.nanoTime() < deadline; ) {
                shown = c.eval("System.out.println(\"committed \" + (Runtime.getRuntime().totalMemory() >> 20))");
                Matcher m = Pattern.compile("committed (\\d+)").matcher(shown);
                if (m.find()) committed = Long.parseLong(m.group(1));
                if (committed < target) ConsoleProcess.sleep(500);
            }
            assertTrue(committed >= target, "committed " + committed + " MiB of " + MAX_MIB + ", last shown: " + shown);
            String threads = c.eval("Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList()");
            assertTrue(!threads.contains(HeapCommit.THREAD_NAME), "the commit thread is still there: " + threads);
        }
    }
}
