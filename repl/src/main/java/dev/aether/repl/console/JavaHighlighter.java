package dev.aether.repl.console;

import java.util.Set;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Prompt thread (JLine calls it while reading a line). Colours Java as it is typed: keywords, strings and chars,
 * numbers, comments, and {@code :commands}. A single left-to-right scan; unterminated strings and comments colour to
 * the end of the buffer.
 */
final class JavaHighlighter implements Highlighter {
    private static final Set<String> KEYWORDS = Set.of(
            "abstract", "boolean", "break", "byte", "case", "catch", "char", "class", "continue", "default", "do",
            "double", "else", "enum", "extends", "final", "finally", "float", "for", "if", "implements", "import",
            "instanceof", "int", "interface", "long", "new", "null", "private", "protected", "public", "record",
            "return", "short", "static", "super", "switch", "this", "throw", "throws", "true", "false", "try",
            "var", "void", "volatile", "while", "yield");
    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT);
    static final AttributedStyle COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);

    @Override public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder b = new AttributedStringBuilder(buffer.length() + 16);
        if (buffer.stripLeading().startsWith(":")) {
            return b.styled(COMMAND, buffer).toAttributedString();
        }
        int i = 0, n = buffer.length();
        while (i < n) {
            char c = buffer.charAt(i);
            int end;
            if (c == '/' && i + 1 < n && buffer.charAt(i + 1) == '/') {
                end = indexOrEnd(buffer, "\n", i);
                b.styled(COMMENT, buffer.substring(i, end));
            } else if (c == '/' && i + 1 < n && buffer.charAt(i + 1) == '*') {
                int close = buffer.indexOf("*/", i + 2);
                end = close < 0 ? n : close + 2;
                b.styled(COMMENT, buffer.substring(i, end));
            } else if (c == '"' || c == '\'') {
                end = quotedEnd(buffer, i);
                b.styled(STRING, buffer.substring(i, end));
            } else if (Character.isDigit(c)) {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(buffer.charAt(end)) || buffer.charAt(end) == '_'
                        || buffer.charAt(end) == '.')) end++;
                b.styled(NUMBER, buffer.substring(i, end));
            } else if (Character.isJavaIdentifierStart(c)) {
                end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(buffer.charAt(end))) end++;
                String word = buffer.substring(i, end);
                if (KEYWORDS.contains(word)) b.styled(KEYWORD, word); else b.append(word);
            } else {
                end = i + 1;
                b.append(c);
            }
            i = end;
        }
        return b.toAttributedString();
    }

    private static int indexOrEnd(String s, String what, int from) {
        int k = s.indexOf(what, from);
        return k < 0 ? s.length() : k;
    }

    private static int quotedEnd(String s, int start) {
        char q = s.charAt(start);
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') i += 2;
            else if (c == q || c == '\n') return i + 1;
            else i++;
        }
        return s.length();
    }

    @Override public void setErrorPattern(Pattern errorPattern) {}
    @Override public void setErrorIndex(int errorIndex) {}
}
