package dev.aether.sequencing.pattern;

/**
 * Mini-notation that cannot be read, or a value in it that is not what the target takes. Its message reads like a
 * compile error: what is wrong and what to do, the line and column, the text and a caret under the character:
 * <pre>
 * expected ']' to close the group opened at column 4
 *   at column 10:
 *   bd [sn hh
 *            ^
 * </pre>
 */
public final class MiniNotationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int offset;
    private final String reason;

    /** {@code reason} about the character at {@code offset} (0-based; {@code source.length()} = just past the end). */
    public MiniNotationException(String source, int offset, String reason) {
        super(render(source, offset, reason));
        this.source = source;
        this.offset = offset;
        this.reason = reason;
    }

    /** The mini-notation as written. */
    public String source() { return source; }

    /** Where the problem is: 0-based index into {@link #source}. */
    public int offset() { return offset; }

    /** The 1-based line of {@link #offset}. */
    public int line() { return 1 + (int) source.substring(0, offset).chars().filter(c -> c == '\n').count(); }

    /** The 1-based column of {@link #offset} within its line. */
    public int column() { return offset - (source.lastIndexOf('\n', offset - 1) + 1) + 1; }

    /** What is wrong and what to do, without the position. */
    public String reason() { return reason; }

    private static String render(String source, int offset, String reason) {
        int lineStart = source.lastIndexOf('\n', offset - 1) + 1;
        int lineEnd = source.indexOf('\n', offset);
        if (lineEnd < 0) lineEnd = source.length();
        long line = 1 + source.substring(0, lineStart).chars().filter(c -> c == '\n').count();
        StringBuilder caret = new StringBuilder();
        for (int i = lineStart; i < offset; i++) caret.append(source.charAt(i) == '\t' ? '\t' : ' ');
        caret.append('^');
        return reason + "\n  at " + (line > 1 ? "line " + line + ", " : "") + "column " + (offset - lineStart + 1)
                + ":\n  " + source.substring(lineStart, lineEnd) + "\n  " + caret;
    }
}
