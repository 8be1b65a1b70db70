package dev.aether.repl.console;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.SyntaxError;
import org.jline.reader.impl.DefaultParser;

/**
 * Prompt thread (JLine calls it while reading a line). JLine parser for Java snippets: on Enter, an incomplete
 * statement (per {@link CompletenessCheck}, backed by JShell's {@code analyzeCompletion}) asks for another line
 * instead of being accepted. Console commands ({@code :help}) are always one line. Words are split as by JLine's
 * default parser, for completion.
 */
final class SnippetParser implements Parser {
    private final DefaultParser words = new DefaultParser();
    private final CompletenessCheck completeness;

    SnippetParser(CompletenessCheck completeness) {
        this.completeness = completeness;
        words.setEscapeChars(new char[0]);
        words.setQuoteChars(new char[0]);
    }

    @Override public ParsedLine parse(String line, int cursor, ParseContext context) throws SyntaxError {
        if (context == ParseContext.ACCEPT_LINE && !line.strip().startsWith(":") && !line.isBlank()
                && completeness.needsMoreInput(line)) {
            throw new EOFError(-1, cursor, "incomplete statement");
        }
        return words.parse(line, cursor, context == ParseContext.ACCEPT_LINE ? ParseContext.COMPLETE : context);
    }
}
