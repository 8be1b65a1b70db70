package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.repl.console.Console;
import dev.aether.repl.console.ConsoleConfig;
import dev.aether.repl.console.ScriptedConsole;
import dev.aether.repl.eval.SnippetEvaluator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C cancels, never kills; Ctrl-D asks while something sounds. The real console on the paced null driver with a
 * sine playing, driven by keystrokes (Ctrl-C typed while the prompt reads) and by SIGINT as the terminal delivers it
 * while the prompt waits (the handler the console installs); what it prints, and the master output heard
 * throughout, are checked.
 */
class CtrlCTest {
    /** As at a terminal: Enter waits a little for a result, then the prompt comes back. */
    static final ConsoleConfig SHORT_WAIT = new ConsoleConfig(ConsoleConfig.PROMPT, null, 200, false);

    @TempDir Path dir;
    LiveConsole live;
    ScriptedConsole c;
    MasterListener ears;

    private void start(ConsoleConfig config) throws Exception {
        live = LiveConsole.playing(config);
        c = live.console();
        c.eval("play(sine(440))");
        Thread.sleep(100);                                      // past the fade-in
        ears = new MasterListener(live.runtime().engine());
    }

    @AfterEach void stop() throws Exception {
        if (ears != null) ears.close();
        if (live != null) live.close();
    }

    /** Waits until user code runs on the worker (the snippet was accepted and is running). */
    private void awaitUserCodeRunning() throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!live.runtime().evaluator().guard().running()) {
            if (System.nanoTime() > end) throw new AssertionError("no user code started; screen:\n" + c.take());
            Thread.sleep(10);
        }
        Thread.sleep(100);
    }

    /** The sine played on throughout: loud now, no gap of a block or more, nothing dropped by the test's reader. */
    private void assertTheMusicKeptPlaying() throws InterruptedException {
        Thread.sleep(100);
        assertThat(ears.frames()).as("frames heard").isGreaterThan(48_000 / 10);
        assertThat(ears.rmsOfLast(4_800)).as("RMS of the last 100 ms").isGreaterThan(0.1);
        assertThat(ears.dropped()).as("frames the test's tap dropped").isZero();
        assertThat(ears.longestSilence()).as("longest silence heard, in frames").isLessThan(64);
    }

    @Test void ctrlCDuringAnEvaluationCancelsItAndTheMusicKeepsPlaying() throws Exception {
        start(ConsoleConfig.scripted());                        // the prompt waits for the result: SIGINT reaches the handler
        c.type("Thread.sleep(6000);\n");
        awaitUserCodeRunning();
        long t0 = System.nanoTime();
        c.interrupt();
        String shown = c.awaitOutput(SnippetEvaluator.CANCELLED, 2_000);
        assertThat((System.nanoTime() - t0) / 1e6).as("ms from Ctrl-C to 'cancelled'").isLessThan(1_500);
        assertThat(shown).doesNotContain("InterruptedException");
        c.awaitIdle();
        assertThat(c.eval("Thread.sleep(20); 1 + 1")).as("the worker is not left interrupted").endsWith("==> 2");
        assertThat(live.runtime().engine().driver()).as("the engine still runs").isNotNull();
        assertTheMusicKeptPlaying();
    }

    @Test void ctrlCTypedAtThePromptCancelsTheEvaluationStillRunning() throws Exception {
        start(SHORT_WAIT);
        c.type("Thread.sleep(6000);\n");
        awaitUserCodeRunning();
        c.awaitOutput(ConsoleConfig.PROMPT, 1_000);             // the prompt is back while the sleep runs
        c.take();
        long t0 = System.nanoTime();
        c.type("\u0003");
        c.awaitOutput(SnippetEvaluator.CANCELLED, 2_000);
        assertThat((System.nanoTime() - t0) / 1e6).as("ms from Ctrl-C to 'cancelled'").isLessThan(1_500);
        c.awaitIdle();
        assertThat(c.eval("2 + 2")).endsWith("==> 4");
        assertTheMusicKeptPlaying();
    }

    @Test void ctrlCDuringABlockingCommandReturnsToThePrompt() throws Exception {
        start(ConsoleConfig.scripted());
        Path script = Files.writeString(dir.resolve("slow.jsh"), "Thread.sleep(8000);\nint after = 1;\n");
        c.type(":load " + script + "\n");
        awaitUserCodeRunning();
        long t0 = System.nanoTime();
        c.interrupt();
        String shown = c.awaitOutput(":load cancelled", 2_000);
        assertThat((System.nanoTime() - t0) / 1e6).as("ms from Ctrl-C to ':load cancelled'").isLessThan(1_500);
        c.awaitIdle();
        assertThat(shown + c.take()).contains(SnippetEvaluator.CANCELLED).doesNotContain("after ==>");
        assertThat(c.eval("after")).as("the rest of the script did not run").contains("cannot find symbol");
        assertTheMusicKeptPlaying();
    }

    @Test void twoCtrlCOnAnIdlePromptSayHowToLeaveAndNeverQuit() throws Exception {
        start(ConsoleConfig.scripted());
        c.take();
        c.type("\u0003");
        Thread.sleep(100);
        assertThat(c.take()).doesNotContain(Console.HOW_TO_LEAVE);
        c.type("\u0003");
        c.awaitOutput(Console.HOW_TO_LEAVE, 2_000);
        c.awaitIdle();
        assertThat(c.ended()).as("the console quit").isFalse();
        assertThat(c.eval("3 + 3")).endsWith("==> 6");
        assertTheMusicKeptPlaying();
    }

    @Test void ctrlCWithTextTypedOnlyClearsTheLine() throws Exception {
        start(ConsoleConfig.scripted());
        c.take();
        c.type("int notTyped = 1;\u0003");
        Thread.sleep(150);
        c.type("\u0003");                                       // a second one, on the now empty line
        Thread.sleep(150);
        assertThat(c.take()).doesNotContain(Console.HOW_TO_LEAVE);
        assertThat(c.eval("notTyped")).contains("cannot find symbol");
    }

    @Test void ctrlDAsksWhileSomethingSoundsAndLeavesOnYes() throws Exception {
        start(ConsoleConfig.scripted());
        c.take();
        c.type("\u0004");
        c.awaitOutput(Console.QUIT_QUESTION.strip(), 2_000);
        c.type("n\n");
        c.awaitOutput("still playing", 2_000);
        c.awaitIdle();
        assertThat(c.ended()).isFalse();
        assertTheMusicKeptPlaying();
        c.type("\u0004");
        c.awaitOutput(Console.QUIT_QUESTION.strip(), 2_000);
        c.type("y\n");
        assertThat(c.awaitEnd(5_000)).as("the console left after 'y'").isTrue();
    }

    @Test void ctrlDLeavesAtOnceWhenNothingSounds() throws Exception {
        live = LiveConsole.playing(ConsoleConfig.scripted());
        c = live.console();
        c.type("\u0004");
        assertThat(c.awaitEnd(5_000)).as("the console left").isTrue();
        assertThat(c.take()).doesNotContain(Console.QUIT_QUESTION.strip());
    }

    @Test void helpNamesCtrlCAndCtrlD() throws Exception {
        live = LiveConsole.start();
        assertThat(live.console().eval(":help")).contains("Ctrl-C cancels what runs").contains("Ctrl-D on an empty line");
    }
}
