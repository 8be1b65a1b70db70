package dev.aether.sequencing.pattern;

import dev.aether.core.time.Rational;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The syntax tree of mini-notation: what {@link MiniParser} reads and {@link MiniNotation} turns into a
 * {@link Pattern}; {@link #notation} writes it back. Immutable; any thread.
 */
sealed interface MiniAst {
    /** This written as mini-notation that parses to the same events. */
    String notation();

    /** This as a single step: in brackets if it is a sequence or stack. */
    default String term() { return notation(); }

    /** A value ({@code c4}, {@code bd}, {@code 0.5}) at {@code offset} in the source. */
    record Atom(String token, int offset) implements MiniAst {
        @Override public String notation() { return token; }
    }

    /** {@code ~}. */
    record Rest() implements MiniAst {
        @Override public String notation() { return "~"; }
    }

    /** A step of a sequence with its relative length ({@code a@3}). */
    record Step(MiniAst node, Rational weight) {
        String notation() { return node.term() + (weight.equals(Rational.ONE) ? "" : "@" + number(weight)); }
    }

    /** Steps one after another within a cycle: {@code a b c}. */
    record Sequence(List<Step> steps) implements MiniAst {
        @Override public String notation() { return steps.stream().map(Step::notation).collect(Collectors.joining(" ")); }
        @Override public String term() { return "[" + notation() + "]"; }
    }

    /** Layers played together: {@code a b, c}. */
    record Stack(List<MiniAst> layers) implements MiniAst {
        @Override public String notation() {
            return layers.stream().map(l -> l instanceof Stack || l instanceof Choice ? l.term() : l.notation())
                    .collect(Collectors.joining(", "));
        }
        @Override public String term() { return "[" + notation() + "]"; }
    }

    /** Steps one per cycle in turn: {@code <a b>}. */
    record Alternation(List<Step> steps) implements MiniAst {
        @Override public String notation() {
            return "<" + steps.stream().map(Step::notation).collect(Collectors.joining(" ")) + ">";
        }
    }

    /**
     * Layers each with its own number of steps, played at {@code steps} steps per cycle (the first layer's count
     * when null): {@code {a b c}%4}, {@code {a b, c d e}}.
     */
    record Polymeter(List<List<Step>> layers, Rational steps) implements MiniAst {
        @Override public String notation() {
            return "{" + layers.stream().map(l -> l.stream().map(Step::notation).collect(Collectors.joining(" ")))
                    .collect(Collectors.joining(", ")) + "}" + (steps == null ? "" : "%" + number(steps));
        }
    }

    /** One of the options each cycle, drawn by the seed: {@code a | b c}; the {@code salt}-th random choice. */
    record Choice(List<MiniAst> options, int salt) implements MiniAst {
        @Override public String notation() {
            return options.stream().map(o -> o instanceof Stack || o instanceof Choice ? o.term() : o.notation())
                    .collect(Collectors.joining(" | "));
        }
        @Override public String term() { return "[" + notation() + "]"; }
    }

    /** {@code a*3}. */
    record Fast(MiniAst node, Rational factor) implements MiniAst {
        @Override public String notation() { return node.term() + "*" + number(factor); }
    }

    /** {@code a/2}. */
    record Slow(MiniAst node, Rational factor) implements MiniAst {
        @Override public String notation() { return node.term() + "/" + number(factor); }
    }

    /** {@code a*<2 3>} or, {@code slow}, {@code a/[1 2]}: a speed that is itself a pattern of numbers. */
    record SpeedBy(MiniAst node, MiniAst factor, boolean slow) implements MiniAst {
        @Override public String notation() { return node.term() + (slow ? "/" : "*") + factor.term(); }
    }

    /** {@code a(<3 5>,8,<0 2>)}: a Euclidean rhythm whose numbers are patterns ({@code rotation} may be null). */
    record EuclidBy(MiniAst node, MiniAst pulses, MiniAst steps, MiniAst rotation) implements MiniAst {
        @Override public String notation() {
            return node.term() + "(" + pulses.term() + "," + steps.term() + (rotation == null ? "" : "," + rotation.term()) + ")";
        }
    }

    /** {@code a(3,8,2)}. */
    record Euclid(MiniAst node, int pulses, int steps, int rotation) implements MiniAst {
        @Override public String notation() {
            return node.term() + "(" + pulses + "," + steps + (rotation == 0 ? "" : "," + rotation) + ")";
        }
    }

    /** {@code a?0.3}: dropped with {@code probability}, the {@code salt}-th random choice of its notation. */
    record Degrade(MiniAst node, double probability, int salt) implements MiniAst {
        @Override public String notation() { return node.term() + "?" + BigDecimal.valueOf(probability).toPlainString(); }
    }

    /** {@code r} as a decimal ("3", "1.5"); only fractions whose denominators have no factors but 2 and 5. */
    static String number(Rational r) {
        long d = r.den();
        while (d % 2 == 0) d /= 2;
        while (d % 5 == 0) d /= 5;
        if (d != 1) throw new IllegalArgumentException(r + " has no finite decimal form for mini-notation");
        return new BigDecimal(BigInteger.valueOf(r.num())).divide(new BigDecimal(BigInteger.valueOf(r.den())))
                .stripTrailingZeros().toPlainString();
    }
}
