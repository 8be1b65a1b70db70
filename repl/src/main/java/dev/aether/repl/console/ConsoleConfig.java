package dev.aether.repl.console;

import java.nio.file.Path;

/**
 * Immutable; any thread. Console settings.
 *
 * @param prompt          the primary prompt
 * @param historyFile     persistent history, or null for none
 * @param resultWaitMillis how long Enter waits for an evaluation before returning to the prompt (later
 *                        output is printed above the prompt)
 * @param color           true to highlight (off for dumb terminals)
 */
public record ConsoleConfig(String prompt, Path historyFile, long resultWaitMillis, boolean color) {
    public static final String PROMPT = "aether> ";

    /** Defaults for a person at a terminal, history in {@code dir}. */
    public static ConsoleConfig interactive(Path dir) {
        return new ConsoleConfig(PROMPT, dir.resolve("history"), 2_000, true);
    }

    /** For tests: no history file, no colour, wait for every result. */
    public static ConsoleConfig scripted() { return new ConsoleConfig(PROMPT, null, 60_000, false); }
}
