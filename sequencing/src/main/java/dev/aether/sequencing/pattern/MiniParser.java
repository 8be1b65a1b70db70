package dev.aether.sequencing.pattern;

import dev.aether.core.time.Rational;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads mini-notation into a {@link MiniAst}; one instance per parse (not thread-safe; {@link MiniNotation} makes
 * one per call). Errors are {@link MiniNotationException}s at the offending character.
 */
final class MiniParser {
    private static final String WORD_CHARS = "#.-:_'";
    private static final String CLOSERS = "]>})";

    /** How deep groups may nest: far beyond music, short of the thread's stack. */
    static final int MAX_DEPTH = 100;

    private final String src;
    private int pos;
    private int salt;
    private int depth;

    MiniParser(String src) { this.src = src; }

    /** What a group is written in, and what closes it. */
    private enum Bracket {
        TOP((char) 0, "the notation"), GROUP(']', "group"), ALTERNATION('>', "alternation"), POLYMETER('}', "polymeter");

        final char closer;
        final String name;

        Bracket(char closer, String name) {
            this.closer = closer;
            this.name = name;
        }
    }

    /** The whole source as one pattern. */
    MiniAst parse() {
        MiniAst all = group(Bracket.TOP, -1);
        skipSpace();
        if (pos < src.length()) throw unexpected();
        return all;
    }

    /**
     * Layers {@code a b, c d} (together) or {@code a b | c d} (one at random each cycle) up to the closer of
     * {@code kind} opened at {@code open}, as one node.
     */
    private MiniAst group(Bracket kind, int open) {
        List<List<MiniAst.Step>> layers = new ArrayList<>();
        char separator = 0;
        while (true) {
            layers.add(sequence());
            skipSpace();
            char ch = peek();
            if (ch != ',' && ch != '|') break;
            if (separator != 0 && ch != separator) {
                throw error(pos, "use either ',' (play together) or '|' (choose one each cycle) in one group, not both:"
                        + " put one part in brackets");
            }
            if (ch == '|' && kind == Bracket.POLYMETER) throw error(pos, "'|' cannot choose within a polymeter: put the choice in brackets");
            separator = ch;
            pos++;
        }
        if (kind != Bracket.TOP) {
            if (peek() != kind.closer) {
                throw error(pos, "expected '" + kind.closer + "' to close the " + kind.name + " opened at column "
                        + column(open) + (pos < src.length() ? ", not '" + peek() + "'" : "") + ": add '" + kind.closer + "'");
            }
            pos++;
        }
        if (kind == Bracket.POLYMETER) {
            Rational steps = null;
            if (peek() == '%') {
                pos++;
                steps = positive("'%'", "{a b c}%4");
            }
            return new MiniAst.Polymeter(layers, steps);
        }
        List<MiniAst> nodes = new ArrayList<>();
        for (List<MiniAst.Step> steps : layers) {
            if (steps.isEmpty()) nodes.add(new MiniAst.Rest());
            else if (kind == Bracket.ALTERNATION) nodes.add(new MiniAst.Alternation(steps));
            else nodes.add(steps.size() == 1 ? steps.get(0).node() : new MiniAst.Sequence(steps));
        }
        if (nodes.size() == 1) return nodes.get(0);
        return separator == '|' ? new MiniAst.Choice(nodes, salt++) : new MiniAst.Stack(nodes);
    }

    /** Steps up to ',', a closer or the end; {@code .} splits them into groups, {@code _} and {@code !} extend. */
    private List<MiniAst.Step> sequence() {
        List<List<MiniAst.Step>> groups = new ArrayList<>();
        List<MiniAst.Step> steps = new ArrayList<>();
        int groupStart = pos;
        while (true) {
            skipSpace();
            char ch = peek();
            if (ch == 0 || ch == ',' || ch == '|' || CLOSERS.indexOf(ch) >= 0) break;
            if (ch == '.' && standalone()) {
                if (steps.isEmpty()) throw error(pos, "nothing before this '.': put steps on both sides of '.' (a b . c)");
                groups.add(steps);
                steps = new ArrayList<>();
                groupStart = ++pos;
            } else if (ch == '_' && standalone()) {
                if (steps.isEmpty()) throw error(pos, "'_' lengthens the step before it and there is none: put a value first (a _ b)");
                MiniAst.Step last = steps.remove(steps.size() - 1);
                steps.add(new MiniAst.Step(last.node(), last.weight().plus(Rational.ONE)));
                pos++;
            } else if (ch == '!' && standalone()) {
                if (steps.isEmpty()) throw error(pos, "'!' repeats the step before it and there is none: put a value first (a ! b)");
                steps.add(steps.get(steps.size() - 1));
                pos++;
            } else {
                steps.addAll(step());
            }
        }
        if (groups.isEmpty()) return steps;
        if (steps.isEmpty()) throw error(groupStart, "nothing after the last '.': put steps on both sides of '.' (a b . c)");
        groups.add(steps);
        List<MiniAst.Step> grouped = new ArrayList<>();
        for (List<MiniAst.Step> g : groups) {
            grouped.add(new MiniAst.Step(g.size() == 1 ? g.get(0).node() : new MiniAst.Sequence(g), Rational.ONE));
        }
        return grouped;
    }

    /** A term and its modifiers; more than one step for {@code a!3}. */
    private List<MiniAst.Step> step() {
        MiniAst node = term();
        Rational weight = Rational.ONE;
        int copies = 1;
        while (true) {
            char ch = peek();
            if (ch == '*') {
                pos++;
                node = isGroupStart() ? new MiniAst.SpeedBy(node, term(), false) : new MiniAst.Fast(node, positive("'*'", "a*3"));
            } else if (ch == '/') {
                pos++;
                node = isGroupStart() ? new MiniAst.SpeedBy(node, term(), true) : new MiniAst.Slow(node, positive("'/'", "a/2"));
            } else if (ch == '@') {
                pos++;
                weight = positive("'@'", "a@3");
            } else if (ch == '!') {
                pos++;
                copies = Character.isDigit(peek()) ? (int) wholeNumber("'!'", "a!3", 1, 1024) : copies + 1;
            } else if (ch == '?') {
                pos++;
                double p = 0.5;
                if (Character.isDigit(peek()) || peek() == '.') {
                    int at = pos;
                    p = decimal("'?'", "a?0.3").toDouble();
                    if (p > 1) throw error(at, "a drop probability must be between 0 and 1, not " + src.substring(at, pos));
                }
                node = new MiniAst.Degrade(node, p, salt++);
            } else if (ch == '(') {
                node = euclid(node);
            } else {
                break;
            }
        }
        List<MiniAst.Step> out = new ArrayList<>();
        for (int i = 0; i < copies; i++) out.add(new MiniAst.Step(node, weight));
        return out;
    }

    /** {@code (pulses,steps[,rotation])} after {@code node}; each a whole number or a group ({@code bd(<3 5>,8)}). */
    private MiniAst euclid(MiniAst node) {
        int open = pos++;
        skipSpace();
        int pulsesAt = pos;
        MiniAst pulses = euclidArgument("'('", "bd(3,8)", 0, false);
        skipSpace();
        expect(',', "expected ',' and the number of steps, as in bd(3,8)");
        skipSpace();
        int stepsAt = pos;
        MiniAst steps = euclidArgument("','", "bd(3,8)", 1, false);
        skipSpace();
        MiniAst rotation = null;
        if (peek() == ',') {
            pos++;
            skipSpace();
            rotation = euclidArgument("','", "bd(3,8,2)", 0, true);
            skipSpace();
        }
        expect(')', "expected ')' to close the Euclidean rhythm opened at column " + column(open) + ": add ')'");
        if (pulses instanceof MiniAst.Atom k && steps instanceof MiniAst.Atom n && (rotation == null || rotation instanceof MiniAst.Atom)) {
            int kv = Integer.parseInt(k.token()), nv = Integer.parseInt(n.token());
            if (kv > nv) {
                throw error(pulsesAt, kv + " pulses do not fit in " + nv + " steps: use at most " + nv
                        + " (the steps are at column " + column(stepsAt) + ")");
            }
            return new MiniAst.Euclid(node, kv, nv, rotation == null ? 0 : Integer.parseInt(((MiniAst.Atom) rotation).token()));
        }
        return new MiniAst.EuclidBy(node, pulses, steps, rotation);
    }

    /** A whole number (as an atom) of at least {@code min}, or a group of them checked when built. */
    private MiniAst euclidArgument(String after, String example, long min, boolean signed) {
        if (isGroupStart()) return term();
        int at = pos;
        boolean negative = signed && peek() == '-';
        if (negative) pos++;
        long n = wholeNumber(after, example, min, 1024);
        return new MiniAst.Atom((negative ? "-" : "") + n, at);
    }

    private boolean isGroupStart() { return peek() == '<' || peek() == '['; }

    /** A value, {@code ~}, {@code [...]} or {@code <...>}. */
    private MiniAst term() {
        char ch = peek();
        int at = pos;
        if (ch == '~' || ch == '-' && standalone()) {
            pos++;
            return new MiniAst.Rest();
        }
        if (ch == '[' || ch == '<' || ch == '{') {
            if (++depth > MAX_DEPTH) throw error(pos, "groups nested more than " + MAX_DEPTH + " deep: flatten them");
            pos++;
            MiniAst group = group(ch == '[' ? Bracket.GROUP : ch == '<' ? Bracket.ALTERNATION : Bracket.POLYMETER, at);
            depth--;
            return group;
        }
        if (isWordStart()) {
            while (pos < src.length() && (Character.isLetterOrDigit(peek()) || WORD_CHARS.indexOf(peek()) >= 0)) pos++;
            return new MiniAst.Atom(src.substring(at, pos), at);
        }
        throw unexpected();
    }

    private RuntimeException unexpected() {
        char ch = peek();
        if (ch == 0) return error(pos, "expected a value here (a note, number or name, '~', '[', '<' or '{'), not the end");
        if (CLOSERS.indexOf(ch) >= 0) {
            return error(pos, "unexpected '" + ch + "': nothing open here to close; remove it");
        }
        return error(pos, "unexpected '" + ch + "': expected a value (a note, number or name), '~', '[', '<' or '{'");
    }

    private boolean isWordStart() {
        char ch = peek();
        if (Character.isLetterOrDigit(ch) || ch == '#') return true;
        char next = pos + 1 < src.length() ? src.charAt(pos + 1) : 0;
        return (ch == '-' || ch == '.') && (Character.isDigit(next) || ch == '-' && next == '.');
    }

    /** Whether the character at {@code pos} stands alone (followed by space, ',', a closer or the end). */
    private boolean standalone() {
        char next = pos + 1 < src.length() ? src.charAt(pos + 1) : 0;
        return next == 0 || Character.isWhitespace(next) || next == ',' || next == '|' || CLOSERS.indexOf(next) >= 0;
    }

    /** A decimal number above 0 after {@code after}. */
    private Rational positive(String after, String example) {
        int at = pos;
        Rational r = decimal(after, example);
        if (r.signum() <= 0) throw error(at, "the number after " + after + " must be above 0, as in " + example);
        return r;
    }

    /** A whole number in [min, max] after {@code after}. */
    private long wholeNumber(String after, String example, long min, long max) {
        int at = pos;
        while (Character.isDigit(peek())) pos++;
        if (at == pos) throw error(at, "expected a whole number after " + after + ", as in " + example);
        long n;
        try {
            n = Long.parseLong(src.substring(at, pos));
        } catch (NumberFormatException e) {
            n = Long.MAX_VALUE;
        }
        if (n < min || n > max) throw error(at, "expected a whole number from " + min + " to " + max + " here, not " + src.substring(at, pos));
        return n;
    }

    /** An exact decimal number ({@code 3}, {@code 1.5}, {@code .25}) after {@code after}. */
    private Rational decimal(String after, String example) {
        int at = pos;
        while (Character.isDigit(peek()) || peek() == '.') pos++;
        String text = src.substring(at, pos);
        try {
            BigDecimal d = new BigDecimal(text);
            if (d.scale() < 0) d = d.setScale(0);
            return Rational.of(d.unscaledValue().longValueExact(), BigDecimal.TEN.pow(d.scale()).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw error(at, text.isEmpty() ? "expected a number after " + after + ", as in " + example
                    : "'" + text + "' is not a number: write one such as " + example);
        }
    }

    private void expect(char ch, String message) {
        if (peek() != ch) throw error(pos, message + (pos < src.length() ? ", not '" + peek() + "'" : ""));
        pos++;
    }

    private void skipSpace() { while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++; }

    private char peek() { return pos < src.length() ? src.charAt(pos) : 0; }

    private int column(int offset) { return offset - (src.lastIndexOf('\n', offset - 1) + 1) + 1; }

    private MiniNotationException error(int offset, String reason) { return new MiniNotationException(src, offset, reason); }
}
