package dev.aether.repl;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.aether.repl.console.ConsoleConfig;

/**
 * The real console in a child JVM ({@link Aether#main}, as {@code bin/aether} starts it, on whatever sound device
 * there is), typed at through its standard input, which is how a person's keystrokes reach it when no terminal
 * is attached (JLine makes a dumb terminal). The test thread types; a daemon thread reads what it prints.
 */
final class ConsoleProcess implements AutoCloseable {
    private static final long TIMEOUT_MILLIS = 120_000;

    private final Process process;
    private final OutputStream keys;
    private final StringBuilder screen = new StringBuilder();
    private boolean shellUp;

    private ConsoleProcess(List<String> jvmFlags, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss4m"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Aether.class.getName()));
        command.addAll(args);
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        keys = process.getOutputStream();
        Thread reader = new Thread(this::read, "console-process-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code aether ARGS} and waits for its first prompt and for the line that says whether the audio started
     * (the console shows its prompt while the audio starts and prints that line above it later: read as the output of
     * the first input, it made a test flaky).
     */
    static ConsoleProcess start(String... args) throws IOException {
        return startWith(List.of(), args);
    }

    /** {@link #start} with JVM flags before the class name (e.g. the heap {@code bin/aether} gives the console). */
    static ConsoleProcess startWith(List<String> jvmFlags, String... args) throws IOException {
        ConsoleProcess p = new ConsoleProcess(jvmFlags, List.of(args));
        p.awaitPrompt(0);
        p.awaitAudioLine();
        return p;
    }

    private void awaitAudioLine() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            int at;
            synchronized (screen) {
                at = Math.max(screen.indexOf("aether: audio on "), screen.indexOf("aether: the audio did not start"));
            }
            if (at >= 0) {
                awaitPrompt(at);
                return;
            }
            if (!process.isAlive()) throw new AssertionError("the console exited with " + process.exitValue() + ":\n" + screen());
            sleep(50);
        }
        throw new AssertionError("no line about the audio within " + TIMEOUT_MILLIS + " ms; screen:\n" + screen());
    }

    /**
     * Types {@code line} and Enter, waits for the next prompt and returns what was printed in between. The first
     * Java typed must print something: while the JShell starts, the prompt comes back before the result, so that
     * input waits for its result; later ones are done before the prompt returns.
     */
    String eval(String line) throws IOException {
        int from;
        synchronized (screen) { from = screen.length(); }
        keys.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keys.flush();
        String shown = awaitPrompt(from);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (!shellUp && !line.startsWith(":") && shown.isEmpty() && System.nanoTime() < deadline) shown = awaitPrompt(from);
        if (!line.startsWith(":")) shellUp = true;
        return shown;
    }

    /** Everything printed so far. */
    String screen() {
        synchronized (screen) { return screen.toString(); }
    }

    /** SIGKILL ({@code kill -9}): no shutdown hook, no journal close. Returns the exit status (137). */
    int kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("the console did not die");
        return process.exitValue();
    }

    private String awaitPrompt(int from) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        int seen = -1;
        while (System.nanoTime() < deadline) {
            synchronized (screen) {
                boolean atPrompt = screen.length() > from && screen.indexOf(ConsoleConfig.PROMPT, from) >= 0
                        && screen.lastIndexOf(ConsoleConfig.PROMPT) == screen.length() - ConsoleConfig.PROMPT.length();
                if (atPrompt && seen == screen.length()) {       // and nothing more printed for 50 ms
                    String s = screen.substring(from, screen.length() - ConsoleConfig.PROMPT.length());
                    return s.replace("\r", "").replace(ConsoleConfig.PROMPT, "").strip();
                }
                seen = atPrompt ? screen.length() : -1;
            }
            if (!process.isAlive()) throw new AssertionError("the console exited with " + process.exitValue() + ":\n" + screen());
            sleep(50);
        }
        throw new AssertionError("no prompt within " + TIMEOUT_MILLIS + " ms; screen:\n" + screen());
    }

    private void read() {
        try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            char[] buf = new char[4096];
            for (int n; (n = in.read(buf)) >= 0; ) {
                synchronized (screen) { screen.append(buf, 0, n); }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override public void close() { process.destroyForcibly(); }
}
