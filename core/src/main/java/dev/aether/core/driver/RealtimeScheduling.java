package dev.aether.core.driver;

import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Best-effort {@code SCHED_FIFO} for the audio thread on Linux, without JNI: the audio thread reads its
 * native thread id from {@code /proc/thread-self} once at start, and a control thread runs
 * {@code chrt -f -p PRIORITY TID}, then confirms with {@code chrt -p TID}. Every failure (not Linux, no
 * {@code chrt}, no permission) is harmless and ends up in {@link Outcome#report()}.
 */
public final class RealtimeScheduling {
    private static final long TIMEOUT_MILLIS = 3_000;

    private RealtimeScheduling() {}

    /**
     * What happened. {@code report} is a line for the console, e.g. {@code "audio thread: SCHED_FIFO 80"}
     * or {@code "audio thread: normal scheduling (no permission)"}.
     */
    public record Outcome(boolean fifo, int priority, String report) {
        static Outcome normal(String why) { return new Outcome(false, 0, "audio thread: normal scheduling (" + why + ")"); }
    }

    /** The calling thread's native (kernel) thread id, or -1 when {@code /proc/thread-self} is unavailable. */
    @AudioThread
    public static long currentNativeThreadId() {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString(); // "PID/task/TID"
            return Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Kernel ids of this process's threads named {@code comm} (as in {@code /proc/self/task/TID/comm}), e.g.
     * {@code "threaded-ml"}, the thread libpulse starts inside the JVM to feed PulseAudio. Empty when none or
     * when {@code /proc} is unavailable.
     */
    @ControlThread
    public static java.util.List<Long> nativeThreadsNamed(String comm) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    if (Files.readString(t.resolve("comm")).trim().equals(comm)) ids.add(Long.parseLong(t.getFileName().toString()));
                } catch (IOException | RuntimeException ignored) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException | RuntimeException e) {
            return ids;
        }
        return ids;
    }

    /** Asks for {@code SCHED_FIFO priority} for native thread {@code tid} using {@code chrt} from the PATH. */
    @ControlThread
    public static Outcome requestFifo(long tid, int priority) {
        return requestFifo(tid, priority, "chrt");
    }

    @ControlThread
    static Outcome requestFifo(long tid, int priority, String chrt) {
        if (tid <= 0) return Outcome.normal("native thread id unknown");
        String id = Long.toString(tid);
        Result set = run(chrt, "-f", "-p", Integer.toString(priority), id);
        if (set == null) return Outcome.normal("chrt not available");
        if (set.exitCode != 0) {
            String why = set.output.contains("not permitted") ? "no permission" : "chrt failed: " + firstLine(set.output);
            return Outcome.normal(why);
        }
        Result check = run(chrt, "-p", id);
        if (check == null || check.exitCode != 0 || !check.output.contains("SCHED_FIFO"))
            return Outcome.normal("chrt reported success but the policy did not change");
        int actual = priority;
        for (String line : check.output.split("\n")) {
            int colon = line.lastIndexOf(':');
            if (line.contains("priority") && colon >= 0) {
                try { actual = Integer.parseInt(line.substring(colon + 1).trim()); } catch (NumberFormatException ignored) { }
            }
        }
        return new Outcome(true, actual, "audio thread: SCHED_FIFO " + actual);
    }

    private record Result(int exitCode, String output) {}

    private static Result run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
