package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aether.repl.console.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in a real terminal: a child JVM runs {@code dev.aether.repl.Aether} (what {@code bin/aether} runs) in
 * a tmux pane, and real Ctrl-C and Ctrl-D keys are sent to it; the JVM must survive Ctrl-C and say "cancelled".
 * Skipped when tmux is missing ({@code .ci/run} installs it).
 */
class RealTerminalTest {
    @TempDir Path dir;
    private final String session = "aether-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        return out;
    }

    private static boolean tmuxInstalled() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private String screen() throws Exception { return run("tmux", "capture-pane", "-p", "-S", "-1000", "-t", session); }

    private boolean dead() throws Exception { return run("tmux", "display", "-p", "-t", session, "#{pane_dead}").strip().equals("1"); }

    private void keys(String... keys) throws Exception {
        String[] cmd = new String[4 + keys.length];
        cmd[0] = "tmux";
        cmd[1] = "send-keys";
        cmd[2] = "-t";
        cmd[3] = session;
        System.arraycopy(keys, 0, cmd, 4, keys.length);
        run(cmd);
    }

    /** Types {@code text} literally, then Enter. */
    private void line(String text) throws Exception {
        run("tmux", "send-keys", "-t", session, "-l", text);
        keys("Enter");
    }

    /** Waits until the screen shows {@code text} {@code times} times; returns the screen. */
    private String await(String text, int times, long millis) throws Exception {
        long end = System.nanoTime() + millis * 1_000_000;
        String s = "";
        while (System.nanoTime() < end) {
            s = screen();
            if (count(s, text) >= times) return s;
            Thread.sleep(50);
        }
        throw new AssertionError("'" + text + "' did not show " + times + " time(s); screen:\n" + s);
    }

    private static int count(String s, String text) {
        int n = 0;
        for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) n++;
        return n;
    }

    @AfterEach void kill() throws Exception {
        if (tmuxInstalled()) run("tmux", "kill-session", "-t", session);
    }

    @Test void ctrlCCancelsAndTheJvmSurvivesCtrlDAsks() throws Exception {
        assumeTrue(tmuxInstalled(), "tmux is not installed (apt-get install -y tmux)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path launch = Files.writeString(dir.resolve("launch.sh"), String.join(" ", "exec", quote(java), "-Xmx512m",
                "-cp", quote(System.getProperty("java.class.path")), "dev.aether.repl.Aether", "--home",
                quote(dir.resolve("home").toString())) + "\n");
        run("tmux", "new-session", "-d", "-s", session, "-x", "200", "-y", "50", "bash " + quote(launch.toString()));
        run("tmux", "set-option", "-t", session, "remain-on-exit", "on");
        await("aether>", 1, 60_000);                          // tmux drops the trailing space

        line("play(sine(440))");
        await("==> sine(440)", 1, 20_000);
        line("Thread.sleep(6000);");
        // the terminal turns Ctrl-C into a signal at once, ahead of keys the console has not read yet: on a loaded
        // machine it would clear a line still being read instead of cancelling its evaluation
        await("aether> Thread.sleep(6000)", 1, 20_000);
        Thread.sleep(700);
        keys("C-c");
        String s = await("\ncancelled", 1, 15_000);            // a loaded machine may still be compiling the input
        assertThat(dead()).as("the JVM died on Ctrl-C; screen:\n%s", s).isFalse();
        line("1 + 1");
        await("==> 2", 1, 10_000);

        keys("C-c");
        Thread.sleep(200);
        keys("C-c");
        s = await(Console.HOW_TO_LEAVE.substring(0, 40), 1, 3_000);
        assertThat(dead()).as("two Ctrl-C quit; screen:\n%s", s).isFalse();

        keys("C-d");
        await(Console.QUIT_QUESTION.strip(), 1, 3_000);
        line("n");
        await("still playing", 1, 3_000);
        assertThat(dead()).isFalse();
        line("2 + 2");
        await("==> 4", 1, 10_000);

        keys("C-d");
        await(Console.QUIT_QUESTION.strip(), 2, 3_000);
        line("y");
        long end = System.nanoTime() + 10_000_000_000L;
        while (!dead() && System.nanoTime() < end) Thread.sleep(100);
        assertThat(dead()).as("the console left after 'y'; screen:\n%s", screen()).isTrue();
    }

    private static String quote(String s) { return "'" + s.replace("'", "'\\''") + "'"; }
}
