package dev.aether.repl.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.repl.eval.Evaluator;
import dev.aether.repl.session.InputJournal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * The real console driven by keystrokes over piped streams (a JLine {@link DumbTerminal}), on its own
 * thread, with a JShell-style {@link #assertEval} helper. Output is what the terminal shows.
 */
public final class ScriptedConsole implements AutoCloseable {
    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Console console;
    private final Thread thread;
    private final Evaluator evaluator;
    private boolean ownsEvaluator = true;

    public ScriptedConsole(InputJournal journal) throws IOException {
        this(t -> new Console(t, new Evaluator(new PrintStream(OutputStream.nullOutputStream())),
                dev.aether.repl.command.Commands.basic(), ConsoleConfig.scripted(), journal, List::of, () -> false));
    }

    /** Runs the console {@code factory} builds on a dumb terminal over piped streams. */
    public ScriptedConsole(Function<Terminal, Console> factory) throws IOException {
        PipedInputStream in = new PipedInputStream(keys, 64 * 1024);
        OutputStream out = new OutputStream() {
            @Override public void write(int b) { synchronized (screen) { screen.write(b); } }
            @Override public void write(byte[] b, int off, int len) { synchronized (screen) { screen.write(b, off, len); } }
        };
        DumbTerminal terminal = new DumbTerminal("test", "dumb", in, out, StandardCharsets.UTF_8);
        Attributes keys = terminal.getAttributes();          // as a real terminal: Ctrl-C is SIGINT, Ctrl-D end of file
        keys.setLocalFlag(Attributes.LocalFlag.ISIG, true);
        keys.setControlChar(Attributes.ControlChar.VINTR, 3);
        keys.setControlChar(Attributes.ControlChar.VEOF, 4);
        terminal.setAttributes(keys);
        console = factory.apply(terminal);
        evaluator = console.evaluator();
        evaluator.awaitReady();
        thread = new Thread(console::run, "aether-prompt");
        thread.setDaemon(true);
        thread.start();
        awaitIdle();
        take();
    }

    public Console console() { return console; }

    /** Types {@code text} (keystrokes, include "\n" to press Enter). */
    public void type(String text) {
        try {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ctrl-C as the terminal delivers it while the prompt is not reading (SIGINT to the console's handler). */
    public void interrupt() { console.terminal().raise(Terminal.Signal.INT); }

    /** True once the console's loop has ended (it quit). */
    public boolean ended() { return !thread.isAlive(); }

    /** Waits up to {@code millis} for the console's loop to end; true when it did. */
    public boolean awaitEnd(long millis) throws InterruptedException {
        thread.join(millis);
        return ended();
    }

    /** Types one line, presses Enter, waits for the prompt and returns what was printed for it (no echo). */
    public String eval(String line) {
        take();
        type(line + "\n");
        sleep(20);
        awaitIdle();
        return stripEcho(take(), line);
    }

    /** Like {@link #eval} and asserts the printed output equals {@code expected} (trimmed). */
    public void assertEval(String input, String expected) {
        assertThat(eval(input)).as("output of: %s", input).isEqualTo(expected.strip());
    }

    /** Everything printed since the last call. */
    public String take() {
        synchronized (screen) {
            String s = screen.toString(StandardCharsets.UTF_8);
            screen.reset();
            return s;
        }
    }

    /** Waits until the prompt shows with nothing evaluating. */
    public void awaitIdle() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        int stable = 0;
        while (System.nanoTime() < deadline) {
            if (console.isIdle() && screenEndsWithPrompt()) {
                if (++stable == 3) return;
            } else {
                stable = 0;
            }
            sleep(10);
        }
        throw new AssertionError("console did not return to the prompt; screen:\n" + take());
    }

    /** Waits until the screen (since the last take) contains {@code text}; returns the screen. */
    public String awaitOutput(String text, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            synchronized (screen) {
                String s = screen.toString(StandardCharsets.UTF_8);
                if (s.contains(text)) return s;
            }
            sleep(10);
        }
        throw new AssertionError("'" + text + "' did not appear; screen:\n" + take());
    }

    private boolean screenEndsWithPrompt() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8).endsWith(ConsoleConfig.PROMPT);
        }
    }

    private static String stripEcho(String shown, String line) {
        String s = shown.replace("\r", "");
        if (s.endsWith(ConsoleConfig.PROMPT)) s = s.substring(0, s.length() - ConsoleConfig.PROMPT.length());
        String[] typed = line.split("\n", -1);
        for (String t : typed) {
            int i = s.indexOf(t);
            if (i >= 0 && s.substring(0, i).replaceAll("(\\.\\.\\.> )", "").isBlank()) {
                s = s.substring(i + t.length());
                if (s.startsWith("\n")) s = s.substring(1);
            }
        }
        return s.replace("...> ", "").strip();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override public void close() {
        type(":quit\n");
        try {
            thread.join(5_000);
            keys.close();
        } catch (InterruptedException | IOException e) {
            Thread.currentThread().interrupt();
        }
        if (ownsEvaluator) evaluator.close();
    }

    /** Leaves the evaluator open on close (its owner closes it). */
    public ScriptedConsole sharedEvaluator() {
        ownsEvaluator = false;
        return this;
    }
}
