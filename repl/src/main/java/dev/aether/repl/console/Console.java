package dev.aether.repl.console;

import dev.aether.repl.command.CommandContext;
import dev.aether.repl.command.CommandRegistry;
import dev.aether.repl.command.ConsoleCommand;
import dev.aether.repl.eval.EvalReport;
import dev.aether.repl.eval.Evaluator;
import dev.aether.repl.eval.TraceLog;
import dev.aether.repl.session.InputJournal;
import dev.aether.core.AnyThread;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import jdk.jshell.SourceCodeAnalysis;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * Prompt thread (JLine's reader), except {@link #print} and {@link #evaluate}, which any thread may call. The
 * prompt: reads Java snippets and {@code :commands} with JLine, hands snippets to the {@link Evaluator}'s worker
 * thread and prints what comes back. Enter waits at most {@link ConsoleConfig#resultWaitMillis} for a result, then
 * the prompt returns and the result is printed above it when it arrives. A command runs on a thread of its own
 * ({@value #COMMAND_THREAD}) while the prompt waits for it. Messages from other threads (engine faults, file
 * watchers, the session thread) go through {@link #print}.
 *
 * <p>Keys: Ctrl-C cancels what runs (the evaluations typed so far and their user code, a command) and returns to
 * the prompt, which says "cancelled"; the music keeps playing, and Ctrl-C never ends aether (once {@link #run}
 * has started, or {@link #catchCtrlC} was called, SIGINT is the console's). On an empty idle prompt it clears the line, and a second Ctrl-C within a
 * second says how to leave. Ctrl-D on an empty line leaves, after asking while something sounds.
 *
 * <p>Every accepted snippet is appended to the {@link InputJournal} as soon as the worker accepts it.
 */
public final class Console implements CommandContext {
    private static final long COMPLETION_TIMEOUT_MILLIS = 700;
    private static final long COMPLETENESS_TIMEOUT_MILLIS = 500;
    /** Name of the thread a command runs on. */
    public static final String COMMAND_THREAD = "aether-command";
    /** How long, after Ctrl-C, the prompt waits for what was cancelled to say so before it returns. */
    private static final long CANCEL_GRACE_MILLIS = 1_000;
    /** Two Ctrl-C on an idle prompt within this many milliseconds say how to leave. */
    private static final long DOUBLE_CTRL_C_MILLIS = 1_000;
    /** What Ctrl-C twice on an idle prompt, or Ctrl-C at the quit question, shows. */
    public static final String HOW_TO_LEAVE = "nothing is running to cancel; to leave aether type :quit, or press Ctrl-D"
            + " on an empty line";
    /** The question Ctrl-D asks while something sounds. */
    public static final String QUIT_QUESTION = "something is playing; quit aether and stop it? [y/N] ";

    private final Terminal terminal;
    private final Evaluator evaluator;
    private final CommandRegistry commands;
    private final ConsoleConfig config;
    private final InputJournal journal;
    private final LineReader reader;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile CompletableFuture<EvalReport> last = CompletableFuture.completedFuture(null);
    private volatile boolean quit;
    private volatile boolean atPrompt;
    private final BooleanSupplier sounding;
    private volatile CompletableFuture<Void> ctrlC = new CompletableFuture<>();   // completed by Ctrl-C while waiting
    private volatile RunningCommand commandThread;                            // the command the prompt waits for
    private long lastIdleCtrlC;

    /**
     * @param liveNames names for completion (slots, nodes)
     * @param sounding  true while something plays (Ctrl-D asks before quitting then)
     */
    public Console(Terminal terminal, Evaluator evaluator, CommandRegistry commands, ConsoleConfig config,
                   InputJournal journal, Supplier<List<String>> liveNames, BooleanSupplier sounding) {
        this.terminal = terminal;
        this.sounding = sounding;
        this.evaluator = evaluator;
        this.commands = commands;
        this.config = config;
        this.journal = journal;
        LineReaderBuilder b = LineReaderBuilder.builder()
                .appName("aether")
                .terminal(terminal)
                .parser(new SnippetParser(this::needsMoreInput))
                .completer(new SnippetCompleter(this::suggest, commands::names, liveNames))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P...> ")
                .variable(LineReader.INDENTATION, 4)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.INSERT_BRACKET, false);
        if (config.color()) b.highlighter(new JavaHighlighter());
        if (config.historyFile() != null) b.variable(LineReader.HISTORY_FILE, config.historyFile());
        this.reader = b.build();
    }

    /** From now on SIGINT (Ctrl-C) at the terminal cancels ({@link #ctrlC}) instead of ending the JVM. Idempotent. */
    public void catchCtrlC() {
        terminal.handle(Terminal.Signal.INT, signal -> {
            terminal.writer().println();                       // past the "^C" the terminal echoed
            terminal.writer().flush();
            ctrlC();
        });
    }

    /** Reads and evaluates until {@code :quit} or end of input; Ctrl-C cancels from here on ({@link #catchCtrlC}). */
    public void run() {
        catchCtrlC();
        while (!quit) {
            String line;
            try {
                atPrompt = true;
                dev.aether.repl.eval.StartupTrace.mark("prompt");
                line = reader.readLine(config.prompt());
            } catch (UserInterruptException e) {
                if (e.getPartialLine() == null || e.getPartialLine().isBlank()) ctrlC();
                continue;                                      // Ctrl-C with text typed clears the line
            } catch (EndOfFileException e) {
                if (confirmQuit()) break;
                continue;
            } finally {
                atPrompt = false;
            }
            accept(line);
        }
        try {
            last.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException ignored) {
            // leaving anyway
        }
    }

    /** Runs one line as typed at the prompt: a command or Java. */
    public void accept(String line) {
        if (line == null || line.isBlank()) return;
        String trimmed = line.strip();
        if (trimmed.startsWith(":")) {
            runCommand(trimmed.substring(1));
        } else {
            CompletableFuture<EvalReport> f = evaluate(line, 0);
            awaitOrCancel(f, config.resultWaitMillis());
        }
    }

    /**
     * Ctrl-C, from the signal handler or the prompt: cancels every evaluation submitted so far (with the user code
     * it runs on any thread of this session) and the command the prompt waits for, and wakes the prompt; on an idle
     * prompt, a second Ctrl-C within a second says how to leave. Any thread.
     */
    @AnyThread
    public void ctrlC() {
        RunningCommand command = commandThread;
        boolean busy = evaluator.cancel() | pending.get() > 0 | command != null;
        if (command != null) {
            command.cancelled = true;
            command.thread.interrupt();
        }
        ctrlC.complete(null);
        if (busy) return;
        long now = System.nanoTime();
        synchronized (this) {
            if (now - lastIdleCtrlC < DOUBLE_CTRL_C_MILLIS * 1_000_000) {
                print(HOW_TO_LEAVE);
                lastIdleCtrlC = 0;
            } else {
                lastIdleCtrlC = now;
            }
        }
    }

    /**
     * Waits for {@code f} up to {@code waitMillis}, or until Ctrl-C; after Ctrl-C, up to a second more for what
     * was cancelled to end (its report says "cancelled"). True when {@code f} is done.
     */
    private boolean awaitOrCancel(CompletableFuture<?> f, long waitMillis) {
        CompletableFuture<Void> interrupt = new CompletableFuture<>();
        ctrlC = interrupt;
        try {
            CompletableFuture.anyOf(f, interrupt).get(waitMillis, TimeUnit.MILLISECONDS);
            if (interrupt.isDone() && !f.isDone()) f.get(CANCEL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // still running: the prompt comes back and the result prints above it later
        } catch (ExecutionException e) {
            // printed by the handler
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return f.isDone();
    }

    /** Ctrl-D on an empty line: true to leave; asks first while something sounds. */
    private boolean confirmQuit() {
        if (!sounding.getAsBoolean()) return true;
        String answer;
        try {
            answer = reader.readLine(QUIT_QUESTION);
        } catch (EndOfFileException e) {
            return true;                                       // Ctrl-D again (or the input ended): leave
        } catch (UserInterruptException e) {
            answer = "";
        }
        if (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes")) return true;
        print("still playing (:quit leaves)");
        return false;
    }

    private void runCommand(String text) {
        int space = text.indexOf(' ');
        String word = space < 0 ? text : text.substring(0, space);
        String args = space < 0 ? "" : text.substring(space + 1).strip();
        StringBuilder problem = new StringBuilder();
        ConsoleCommand c = commands.find(word, problem);
        if (c == null) {
            print(problem.toString());
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        RunningCommand running = new RunningCommand(new Thread(() -> {
            runCommand(c, args);
            done.complete(null);
        }, COMMAND_THREAD));
        commandThread = running;
        running.thread.start();
        try {
            boolean ended = awaitOrCancel(done, Long.MAX_VALUE);
            if (running.cancelled) print(":" + c.name() + " cancelled" + (ended ? "" : "; it ends in the background"));
        } finally {
            commandThread = null;
        }
    }

    /** Command thread: runs {@code c}, printing what it throws. */
    private void runCommand(ConsoleCommand c, String args) {
        try {
            c.run(args, this);
        } catch (Exception e) {
            print(":" + c.name() + ": " + commandError(e));
        }
    }

    /** A command the prompt waits for; {@code cancelled} once Ctrl-C reached it. */
    private static final class RunningCommand {
        final Thread thread;
        volatile boolean cancelled;

        RunningCommand(Thread thread) {
            this.thread = thread;
            thread.setDaemon(true);
        }
    }

    /**
     * What a command's failure shows: the message of an error it reports on purpose (bad arguments or files, a
     * wrong state), else one line naming the exception with its trace in the {@link TraceLog}.
     */
    private static String commandError(Exception e) {
        boolean meant = e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e.getClass() == java.io.IOException.class || e instanceof java.io.UncheckedIOException;
        return meant && e.getMessage() != null ? e.getMessage() : TraceLog.oneLine(e.getClass().getName(), e.getMessage(), e);
    }

    /**
     * Evaluates Java on the worker; waits up to {@code waitMillis} so the result prints before the next prompt,
     * otherwise it prints above the prompt when it arrives.
     */
    @AnyThread
    @Override public CompletableFuture<EvalReport> evaluate(String input, long waitMillis) {
        pending.incrementAndGet();
        CompletableFuture<EvalReport> f = evaluator.submit(input).whenComplete((r, ex) -> {
            try {
                if (ex != null) {
                    print("internal error: " + TraceLog.oneLine(ex.getClass().getName(), ex.getMessage(), ex));
                } else {
                    if (journal != null) for (String s : r.accepted()) journal.append(s);
                    if (!r.output().isEmpty()) print(r.text());
                }
            } finally {
                pending.decrementAndGet();
            }
        });
        last = f;
        try {
            f.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // still compiling: the prompt comes back and the result prints above it later
        } catch (ExecutionException e) {
            // printed by the handler
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return f;
    }

    /** Prints above the prompt (or plainly when no prompt is shown). Any thread. */
    @AnyThread
    @Override public void print(String text) {
        if (text == null || text.isEmpty()) return;
        reader.printAbove(text.endsWith("\n") ? text : text + "\n");
    }

    /** Ends the loop after the current line. */
    @Override public void quit() { quit = true; }

    public boolean isQuitting() { return quit; }

    /** True when the prompt is shown and no evaluation is running (tests). */
    public boolean isIdle() { return atPrompt && pending.get() == 0; }

    public Evaluator evaluator() { return evaluator; }

    public CommandRegistry commands() { return commands; }

    public Terminal terminal() { return terminal; }

    public LineReader reader() { return reader; }

    /** The journal of this session, or null. */
    @Override public InputJournal journal() { return journal; }

    @Override public int width() { return terminal.getWidth(); }

    @Override public int height() { return terminal.getHeight(); }

    /** Evaluates a whole script file, entry by entry (as {@code :load}). */
    @Override public void load(Path script) throws java.io.IOException {
        String text = java.nio.file.Files.readString(script);
        evaluate(text, Long.MAX_VALUE).join();
    }

    private boolean needsMoreInput(String source) {
        if (!evaluator.isReady()) return CompletenessCheck.bracketsOpen(source);
        try {
            return evaluator.analyse(a -> {
                SourceCodeAnalysis.Completeness c = a.analyzeCompletion(source).completeness();
                return c == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
                        || c == SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE;
            }).get(COMPLETENESS_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return CompletenessCheck.bracketsOpen(source);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private SnippetCompleter.Suggestions suggest(String buffer, int cursor) {
        if (!evaluator.isReady()) return new SnippetCompleter.Suggestions(cursor, List.of());
        try {
            return evaluator.analyse(a -> {
                int[] anchor = new int[1];
                List<SourceCodeAnalysis.Suggestion> s = a.completionSuggestions(buffer, cursor, anchor);
                List<String> texts = new java.util.ArrayList<>();
                boolean smart = s.stream().anyMatch(SourceCodeAnalysis.Suggestion::matchesType);
                for (SourceCodeAnalysis.Suggestion x : s) {
                    if (!smart || x.matchesType()) texts.add(x.continuation());
                }
                return new SnippetCompleter.Suggestions(anchor[0], texts);
            }).get(COMPLETION_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return new SnippetCompleter.Suggestions(cursor, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SnippetCompleter.Suggestions(cursor, List.of());
        }
    }
}
