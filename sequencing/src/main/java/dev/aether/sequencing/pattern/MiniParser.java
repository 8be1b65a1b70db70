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

    private final String src;
    private int pos;
    private int salt;

    MiniParser(String src) { this.src = src; }

    /** The whole source as one pattern. */
    MiniAst parse() {
        MiniAst all = group(false, -1);
        skipSpace();
        if (pos < src.length()) throw unexpected();
        return all;
    }

    /** Layers {@code a b, c d} up to a closer or the end, as one node ({@code alternation}: each layer is {@code <...>}). */
    private MiniAst group(boolean alternation, int open) {
        List<MiniAst> layers = new ArrayList<>();
        while (true) {
            List<MiniAst.Step> steps = sequence();
            if (alternation) layers.add(steps.isEmpty() ? new MiniAst.Rest() : new MiniAst.Alternation(steps));
            else layers.add(steps.isEmpty() ? new MiniAst.Rest()
                    : steps.size() == 1 ? steps.get(0).node() : new MiniAst.Sequence(steps));
            skipSpace();
            if (peek() != ',') break;
            pos++;
        }
        if (open >= 0) {
            char closer = alternation ? '>' : ']';
            if (peek() != closer) {
                throw error(pos, "expected '" + closer + "' to close the " + (alternation ? "alternation" : "group")
                        + " opened at column " + column(open) + (pos < src.length() ? ", not '" + peek() + "'" : "")
                        + ": add '" + closer + "'");
            }
            pos++;
        }
        return layers.size() == 1 ? layers.get(0) : new MiniAst.Stack(layers);
    }

    /** Steps up to ',', a closer or the end; {@code .} splits them into groups, {@code _} and {@code !} extend. */
    private List<MiniAst.Step> sequence() {
        List<List<MiniAst.Step>> groups = new ArrayList<>();
        List<MiniAst.Step> steps = new ArrayList<>();
        int groupStart = pos;
        while (true) {
            skipSpace();
            char ch = peek();
            if (ch == 0 || ch == ',' || ch == ']' || ch == '>' || ch == ')') break;
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
                node = new MiniAst.Fast(node, positive("'*'", "a*3"));
            } else if (ch == '/') {
                pos++;
                node = new MiniAst.Slow(node, positive("'/'", "a/2"));
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

    /** {@code (pulses,steps[,rotation])} after {@code node}. */
    private MiniAst euclid(MiniAst node) {
        int open = pos++;
        skipSpace();
        int pulsesAt = pos;
        int pulses = (int) wholeNumber("'('", "bd(3,8)", 0, 1024);
        skipSpace();
        expect(',', "expected ',' and the number of steps, as in bd(3,8)");
        skipSpace();
        int stepsAt = pos;
        int steps = (int) wholeNumber("','", "bd(3,8)", 1, 1024);
        skipSpace();
        int rotation = 0;
        if (peek() == ',') {
            pos++;
            skipSpace();
            boolean negative = peek() == '-';
            if (negative) pos++;
            rotation = (int) wholeNumber("','", "bd(3,8,2)", 0, 1024) * (negative ? -1 : 1);
            skipSpace();
        }
        expect(')', "expected ')' to close the Euclidean rhythm opened at column " + column(open) + ": add ')'");
        if (pulses > steps) {
            throw error(pulsesAt, pulses + " pulses do not fit in " + steps + " steps: use at most " + steps
                    + " (the steps are at column " + column(stepsAt) + ")");
        }
        return new MiniAst.Euclid(node, pulses, steps, rotation);
    }

    /** A value, {@code ~}, {@code [...]} or {@code <...>}. */
    private MiniAst term() {
        char ch = peek();
        int at = pos;
        if (ch == '~' || ch == '-' && standalone()) {
            pos++;
            return new MiniAst.Rest();
        }
        if (ch == '[' || ch == '<') {
            pos++;
            return group(ch == '<', at);
        }
        if (isWordStart()) {
            while (pos < src.length() && (Character.isLetterOrDigit(peek()) || WORD_CHARS.indexOf(peek()) >= 0)) pos++;
            return new MiniAst.Atom(src.substring(at, pos), at);
        }
        throw unexpected();
    }

    private RuntimeException unexpected() {
        char ch = peek();
        if (ch == 0) return error(pos, "expected a value here (a note, number or name, '~', '[' or '<'), not the end");
        if (ch == ']' || ch == '>' || ch == ')') {
            return error(pos, "unexpected '" + ch + "': nothing open here to close; remove it");
        }
        if (ch == '{') return error(pos, "polymeter '{...}' is not supported: use groups '[...]' or alternation '<...>'");
        return error(pos, "unexpected '" + ch + "': expected a value (a note, number or name), '~', '[' or '<'");
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
        return next == 0 || Character.isWhitespace(next) || next == ',' || next == ']' || next == '>';
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
