package dev.aether.repl.console;

/** Prompt thread. Decides whether typed text is a whole statement yet (Enter accepts it) or needs more lines. */
@FunctionalInterface
public interface CompletenessCheck {
    /** True when {@code source} needs more lines before it can be evaluated. */
    boolean needsMoreInput(String source);

    /** Counts unclosed brackets and braces outside strings and comments; a fallback while JShell is busy. */
    static boolean bracketsOpen(String s) {
        int depth = 0;
        boolean inString = false, inChar = false, lineComment = false, blockComment = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i), next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            if (lineComment) { if (c == '\n') lineComment = false; continue; }
            if (blockComment) { if (c == '*' && next == '/') { blockComment = false; i++; } continue; }
            if (inString || inChar) {
                if (c == '\\') i++;
                else if (inString && c == '"') inString = false;
                else if (inChar && c == '\'') inChar = false;
                continue;
            }
            if (c == '/' && next == '/') lineComment = true;
            else if (c == '/' && next == '*') blockComment = true;
            else if (c == '"') inString = true;
            else if (c == '\'') inChar = true;
            else if (c == '(' || c == '{' || c == '[') depth++;
            else if (c == ')' || c == '}' || c == ']') depth--;
        }
        return depth > 0 || blockComment;
    }
}
