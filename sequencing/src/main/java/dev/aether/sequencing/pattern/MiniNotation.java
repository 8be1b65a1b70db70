package dev.aether.sequencing.pattern;

import dev.aether.core.time.Rational;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Tidal/Strudel mini-notation: a pattern written as a string. One cycle holds the top-level sequence.
 * <pre>
 * a b c        a sequence: three equal steps per cycle       ~ or -     a rest
 * [a b] c      a group: a and b share the first step          a*3        a three times in its step
 * a/2          a over two cycles (heard every other cycle)   &lt;a b&gt;      a in one cycle, b in the next
 * a, b         a stack: both at once (also [a, b])           a@3 b      a three times as long as b
 * a _ _ b      the same as a@3 b                              a!3, a !   a repeated: a a a
 * a(3,8)       a on 3 of 8 Euclidean steps; a(3,8,2) rotated left 2 steps
 * a?, a?0.3    a dropped with probability 0.5 or 0.3, by the pattern's seed
 * a b . c d    groups split by '.': [a b] [c d]
 * {a b c}%4    polymeter: the steps of a b c played 4 per cycle; {a b, c d e}: both at 2 steps per cycle
 * a | b c      random choice: a or b c, a new draw each cycle by the pattern's seed
 * a*&lt;2 3&gt;      speeds and Euclidean numbers may be groups: a*[1 2], bd(&lt;3 5&gt;,8,&lt;0 2&gt;)
 * </pre>
 * Values are tokens: note names ({@code c4}, {@code eb3}), numbers ({@code 60}, {@code 0.5}), drum or sample
 * names ({@code bd}, {@code hh:2}). Pure functions; any thread.
 */
public final class MiniNotation {
    /** Salts of mini-notation's {@code ?}s: the n-th {@code ?} draws with {@code SALT_BASE + n}, apart from the Java API's. */
    static final long SALT_BASE = 1000;

    private MiniNotation() {}

    /**
     * The pattern {@code notation} writes, its values the tokens as written.
     *
     * @throws MiniNotationException where the notation cannot be read, with a caret under the character
     */
    public static Pattern<String> parse(String notation) { return parse(notation, Function.identity()); }

    /**
     * The pattern {@code notation} writes, each token turned into a value by {@code valueOf} now, not when played:
     * {@code parse("c4 e4 g4", Note::midi)}. A token {@code valueOf} rejects with an
     * {@link IllegalArgumentException} is reported at its column.
     *
     * @throws MiniNotationException where the notation cannot be read or a token is not a value
     */
    public static <T> Pattern<T> parse(String notation, Function<String, ? extends T> valueOf) {
        return build(syntax(notation), valueOf, notation);
    }

    static MiniAst syntax(String notation) { return new MiniParser(notation).parse(); }

    static <T> Pattern<T> build(MiniAst node, Function<String, ? extends T> valueOf, String source) {
        if (node instanceof MiniAst.Atom a) {
            try {
                return Pattern.pure(valueOf.apply(a.token()));
            } catch (IllegalArgumentException e) {
                throw new MiniNotationException(source, a.offset(), e.getMessage());
            }
        }
        if (node instanceof MiniAst.Rest) return Pattern.silence();
        if (node instanceof MiniAst.Sequence s) return Pattern.sequence(MiniNotation.<T>steps(s.steps(), valueOf, source));
        if (node instanceof MiniAst.Alternation alt) {
            return Pattern.sequence(MiniNotation.<T>steps(alt.steps(), valueOf, source)).slow(total(alt.steps()));
        }
        if (node instanceof MiniAst.Stack st) {
            List<Pattern<T>> layers = new ArrayList<>();
            for (MiniAst layer : st.layers()) layers.add(build(layer, valueOf, source));
            return Pattern.stack(layers);
        }
        if (node instanceof MiniAst.Polymeter pm) {
            List<Pattern<T>> layers = new ArrayList<>();
            Rational base = pm.steps() != null ? pm.steps() : total(pm.layers().get(0));
            for (List<MiniAst.Step> layer : pm.layers()) {
                if (layer.isEmpty()) continue;
                layers.add(Pattern.sequence(MiniNotation.<T>steps(layer, valueOf, source)).fast(base.dividedBy(total(layer))));
            }
            return Pattern.stack(layers);
        }
        if (node instanceof MiniAst.Choice ch) {
            List<Pattern<T>> options = new ArrayList<>();
            for (MiniAst o : ch.options()) options.add(MiniNotation.<T>build(o, valueOf, source));
            return Pattern.chooseEachCycle(options, SALT_BASE + ch.salt());
        }
        if (node instanceof MiniAst.SpeedBy sp) {
            Pattern<Rational> factor = build(sp.factor(), MiniNotation::positiveNumber, source);
            Pattern<T> p = build(sp.node(), valueOf, source);
            return sp.slow() ? p.slow(factor) : p.fast(factor);
        }
        if (node instanceof MiniAst.EuclidBy e) {
            Pattern<Integer> pulses = build(e.pulses(), t -> wholeNumber(t, 0), source);
            Pattern<Integer> steps = build(e.steps(), t -> wholeNumber(t, 1), source);
            Pattern<Integer> rotation = e.rotation() == null ? Pattern.pure(0)
                    : build(e.rotation(), t -> wholeNumber(t, Integer.MIN_VALUE), source);
            return MiniNotation.<T>build(e.node(), valueOf, source).euclid(pulses, steps, rotation);
        }
        if (node instanceof MiniAst.Fast f) return MiniNotation.<T>build(f.node(), valueOf, source).fast(f.factor());
        if (node instanceof MiniAst.Slow s) return MiniNotation.<T>build(s.node(), valueOf, source).slow(s.factor());
        if (node instanceof MiniAst.Euclid e) return MiniNotation.<T>build(e.node(), valueOf, source).euclid(e.pulses(), e.steps(), e.rotation());
        if (node instanceof MiniAst.Degrade d) return MiniNotation.<T>build(d.node(), valueOf, source).keepByChance(d.probability(), SALT_BASE + d.salt(), true);
        throw new IllegalStateException("unknown mini-notation node " + node);
    }

    /** A token such as {@code 2} or {@code 1.5} as an exact number above 0. */
    private static Rational positiveNumber(String token) {
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(token);
            if (d.signum() > 0) {
                if (d.scale() < 0) d = d.setScale(0);
                return Rational.of(d.unscaledValue().longValueExact(), java.math.BigInteger.TEN.pow(d.scale()).longValueExact());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // the message below
        }
        throw new IllegalArgumentException("'" + token + "' is not a speed: write a number above 0 such as 2 or 1.5");
    }

    /** A token such as {@code 3} as a whole number of at least {@code min}. */
    private static int wholeNumber(String token, int min) {
        try {
            int n = Integer.parseInt(token);
            if (n >= min && n <= 1024) return n;
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("'" + token + "' is not a whole number from " + Math.max(min, -1024) + " to 1024");
    }

    /** The sum of the weights of {@code steps}: how many steps they make. */
    private static Rational total(List<MiniAst.Step> steps) {
        Rational total = Rational.ZERO;
        for (MiniAst.Step s : steps) total = total.plus(s.weight());
        return total;
    }

    private static <T> List<Pattern.Weighted<T>> steps(List<MiniAst.Step> steps, Function<String, ? extends T> valueOf, String source) {
        List<Pattern.Weighted<T>> out = new ArrayList<>();
        for (MiniAst.Step s : steps) out.add(new Pattern.Weighted<>(build(s.node(), valueOf, source), s.weight()));
        return out;
    }
}
