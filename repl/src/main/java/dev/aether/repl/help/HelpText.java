package dev.aether.repl.help;

import java.util.ArrayList;
import java.util.List;

/**
 * Any thread (pure). How help is laid out for an 80-column terminal: lines wrapped at word boundaries keeping their
 * indentation, and two-column entries (a usage, then its text) whose text wraps under itself.
 */
public final class HelpText {
    /** The width every help text fits: an 80-column terminal. */
    public static final int WIDTH = 80;
    /** Where the text column of an {@link #entry} starts when the usage is short enough. */
    static final int TEXT_COLUMN = 36;

    private HelpText() {}

    /**
     * {@code text} with every line longer than {@code width} wrapped at spaces; a continuation keeps the line's
     * indentation (and hangs under the text when the line starts with a list marker or a usage column). Words longer than the
     * width stay whole.
     */
    public static String wrap(String text, int width) {
        StringBuilder b = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) b.append('\n');
            String line = lines[i].stripTrailing();
            if (line.length() <= width) {
                b.append(line);
                continue;
            }
            int lead = 0;
            while (lead < line.length() && line.charAt(lead) == ' ') lead++;
            int hanging = hangingIndent(line, lead);
            String head = hanging > lead ? line.substring(0, hanging) : " ".repeat(lead);   // keeps "usage   " columns
            b.append(String.join("\n", fill(line.substring(hanging > lead ? hanging : lead), width, head,
                    " ".repeat(hanging))));
        }
        return b.toString();
    }

    /** {@link #wrap(String, int)} at {@link #WIDTH}. */
    public static String wrap(String text) { return wrap(text, WIDTH); }

    /**
     * One entry of a listing: {@code indent}, the usage, and the text from column {@link #TEXT_COLUMN} (on the next
     * line when the usage reaches it), wrapped under itself at {@link #WIDTH}.
     */
    public static String entry(String indent, String usage, String text) { return entry(indent, usage, text, TEXT_COLUMN); }

    /** {@link #entry(String, String, String)} with the text from {@code column}. */
    public static String entry(String indent, String usage, String text, int column) {
        String head = indent + usage;
        String pad = " ".repeat(column);
        if (head.length() + 1 >= column) {
            return head + "\n" + String.join("\n", fill(text, WIDTH, pad, pad));
        }
        String first = head + " ".repeat(column - head.length());
        return String.join("\n", fill(text, WIDTH, first, pad));
    }

    /**
     * {@code text} re-laid at {@link #WIDTH} with every line starting with {@code indent}: runs of prose lines (as a
     * help text hard-wrapped at another width has them) are joined and filled again; a line that is a list item
     * ({@code - x}), a command ({@code :lint warn ...}) or has columns (two spaces inside) stays a line of its own,
     * wrapped under its text.
     */
    public static String reflow(String text, String indent) {
        List<String> out = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            boolean structured = line.isEmpty() || line.startsWith(":") || line.startsWith("- ") || line.startsWith("* ")
                    || line.contains("  ");
            if (!structured) {
                if (prose.length() > 0) prose.append(' ');
                prose.append(line);
                continue;
            }
            if (prose.length() > 0) {
                out.addAll(fill(prose.toString(), WIDTH, indent, indent));
                prose.setLength(0);
            }
            if (line.isEmpty()) out.add("");
            else out.add(wrap(indent + line, WIDTH));
        }
        if (prose.length() > 0) out.addAll(fill(prose.toString(), WIDTH, indent, indent));
        return String.join("\n", out);
    }

    /** Fills {@code words} into lines of at most {@code width}, the first starting with {@code first}, the rest with {@code rest}. */
    static List<String> fill(String words, int width, String first, String rest) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String w : words.strip().split(" +")) {
            if (!empty && line.length() + 1 + w.length() > width) {
                out.add(line.toString());
                line = new StringBuilder(rest);
                empty = true;
            }
            if (!empty) line.append(' ');
            line.append(w);
            empty = false;
        }
        out.add(line.toString());
        return out;
    }

    /** Extra indentation for a wrapped line: under the text of "- item", "1. item" or "usage   text" layouts. */
    private static int hangingIndent(String line, int lead) {
        String body = line.substring(lead);
        if (body.startsWith("- ") || body.startsWith("* ")) return lead + 2;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\S.*?\\S? {2,})\\S").matcher(body);
        if (m.find() && m.group(1).length() < 48) return lead + m.group(1).length();
        return lead;
    }
}
