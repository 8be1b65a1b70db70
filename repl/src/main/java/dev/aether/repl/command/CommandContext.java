package dev.aether.repl.command;

import dev.aether.repl.eval.EvalReport;
import dev.aether.repl.session.InputJournal;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** Prompt thread, except {@link #print} (any thread): what a command may do with the console it was typed at. */
public interface CommandContext {
    /** Prints above the prompt. Any thread. */
    void print(String text);

    /** Evaluates Java as if typed; waits up to {@code waitMillis} for the result (see the console). */
    CompletableFuture<EvalReport> evaluate(String input, long waitMillis);

    /** Evaluates a whole script file, entry by entry. */
    void load(Path script) throws java.io.IOException;

    /** Ends the prompt loop after the current line. */
    void quit();

    /** Width of the terminal in columns. */
    int width();

    /** Height of the terminal in rows (0 when unknown). */
    default int height() { return 0; }

    /** The journal of typed inputs, or null. */
    InputJournal journal();

    /**
     * Records in the journal (when there is one) that a command changed what sounds, as {@code entry} (the command
     * line, e.g. {@code :panic}), so {@code bin/aether --recover} replays it in order with the Java typed around it.
     */
    default void journalCommand(String entry) {
        InputJournal j = journal();
        if (j != null) j.append(entry);
    }
}
