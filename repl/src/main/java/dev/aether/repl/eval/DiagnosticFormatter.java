package dev.aether.repl.eval;

import java.util.Locale;
import jdk.jshell.Diag;

/**
 * Any thread (pure functions). Turns a compiler diagnostic into text a person can act on: the message, the line and
 * column in what they typed, the offending line and a caret under the code ({@code ^} at the position, {@code ~} to
 * the end of the marked range on that line).
 *
 * <pre>
 * error: cannot find symbol
 *   symbol:   variable freq
 *   at line 1, column 12:
 *   play(sine(freq))
 *             ^~~~
 * </pre>
 */
public final class DiagnosticFormatter {
    private DiagnosticFormatter() {}

    /**
     * Formats {@code d}, reported against {@code snippet}, where the snippet starts at offset
     * {@code snippetStart} of {@code input} (the whole text the person entered).
     */
    public static String format(Diag d, String input, int snippetStart) {
        int pos = clamp(snippetStart + (int) position(d), input);
        int end = clamp(snippetStart + (int) Math.max(d.getEndPosition(), d.getPosition()), input);
        return format(d.isError() ? "error" : "warning", d.getMessage(Locale.ROOT), input, pos, end);
    }

    /** Formats a message about {@code input[pos, end)}. */
    public static String format(String kind, String message, String input, int pos, int end) {
        int lineStart = input.lastIndexOf('\n', pos - 1) + 1;
        int lineEnd = input.indexOf('\n', pos);
        if (lineEnd < 0) lineEnd = input.length();
        int line = 1;
        for (int i = 0; i < lineStart; i++) if (input.charAt(i) == '\n') line++;
        int column = pos - lineStart + 1;
        String code = input.substring(lineStart, lineEnd);
        StringBuilder caret = new StringBuilder();
        for (int i = lineStart; i < pos; i++) caret.append(input.charAt(i) == '\t' ? '\t' : ' ');
        caret.append('^');
        for (int i = pos + 1; i < Math.min(end, lineEnd); i++) caret.append('~');
        String[] msg = message.split("\n", -1);
        StringBuilder out = new StringBuilder(kind).append(": ").append(msg[0].strip()).append('\n');
        for (int i = 1; i < msg.length; i++) {
            if (!msg[i].isBlank() && !msg[i].strip().matches("location: class( REPL\\..*)?")) out.append("  ").append(msg[i].strip()).append('\n');
        }
        out.append("  at line ").append(line).append(", column ").append(column).append(":\n");
        out.append("  ").append(code).append('\n');
        out.append("  ").append(caret);
        return out.toString();
    }

    private static long position(Diag d) {
        long p = d.getPosition();
        return p < 0 ? Math.max(0, d.getStartPosition()) : p;
    }

    private static int clamp(int pos, String input) { return Math.max(0, Math.min(pos, input.length())); }
}
