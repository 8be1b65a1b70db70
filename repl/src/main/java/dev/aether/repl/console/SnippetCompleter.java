package dev.aether.repl.console;

import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Prompt thread (JLine calls it on Tab; the analysis runs on the evaluation worker). Tab completion: console
 * commands at the start of a line; otherwise JShell's {@code completionSuggestions} (prelude functions, node methods
 * and parameters such as {@code cutoffHz}, user variables) plus the names of live slots and nodes.
 */
final class SnippetCompleter implements Completer {
    /** Supplies completions of {@code buffer} at {@code cursor}: each is the text replacing {@code buffer[anchor..cursor)}. */
    interface Source {
        /** Returns suggestions and the anchor; an empty list when none are known in time. */
        Suggestions suggest(String buffer, int cursor);
    }

    /** JShell-style suggestions: continuations that replace {@code buffer[anchor..cursor)}. */
    record Suggestions(int anchor, List<String> continuations) {}

    private final Source source;
    private final Supplier<List<String>> commandNames;
    private final Supplier<List<String>> liveNames;

    SnippetCompleter(Source source, Supplier<List<String>> commandNames, Supplier<List<String>> liveNames) {
        this.source = source;
        this.commandNames = commandNames;
        this.liveNames = liveNames;
    }

    @Override public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String buffer = line.line();
        int cursor = line.cursor();
        int wordStart = cursor - line.wordCursor();
        if (buffer.strip().startsWith(":") && wordStart == buffer.indexOf(':')) {
            for (String c : commandNames.get()) candidates.add(new Candidate(c, c, null, null, null, null, true));
            return;
        }
        Suggestions s = source.suggest(buffer, cursor);
        int anchor = Math.max(wordStart, Math.min(s.anchor(), cursor));
        String head = buffer.substring(wordStart, anchor);
        for (String c : s.continuations()) {
            candidates.add(new Candidate(head + c, c, null, null, null, null, !c.endsWith("(")));
        }
        String word = buffer.substring(wordStart, cursor);
        int quote = word.lastIndexOf('"');
        String prefix = quote >= 0 ? word.substring(0, quote + 1) : word;
        for (String n : liveNames.get()) {
            String value = quote >= 0 ? prefix + n + "\"" : n;
            candidates.add(new Candidate(value, n, "live", null, null, null, false));
        }
    }
}
