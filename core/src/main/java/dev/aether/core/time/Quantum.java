package dev.aether.core.time;

/**
 * The grid an edit waits for: none (as soon as possible), the next beat, the next bar, or the next multiple of a
 * number of beats counted from beat 0 (SuperCollider's {@code quant}). Immutable; any thread. The clock turns a
 * quantum into an engine sample ({@link Clock#boundaryAtOrAfter}).
 */
public record Quantum(Kind kind, Rational beats) {
    public enum Kind { NONE, BEAT, BAR, BEATS }

    public static final Quantum NONE = new Quantum(Kind.NONE, Rational.ZERO);
    public static final Quantum BEAT = new Quantum(Kind.BEAT, Rational.ONE);
    public static final Quantum BAR = new Quantum(Kind.BAR, Rational.ZERO);

    public Quantum {
        if (kind == Kind.BEATS && beats.signum() <= 0) {
            throw new IllegalArgumentException("a quantum of beats must be more than 0, was " + beats);
        }
    }

    /** Every {@code n} beats from beat 0 ({@code n > 0}; 1 is {@link #BEAT}). */
    public static Quantum beats(Rational n) { return n.equals(Rational.ONE) ? BEAT : new Quantum(Kind.BEATS, n); }

    /** Every {@code n} beats, {@code n} a decimal with up to six places (0.5, 2, 1.5). */
    public static Quantum beats(double n) {
        if (!(n > 0) || Double.isInfinite(n)) throw new IllegalArgumentException("a quantum of beats must be more than 0, was " + n);
        return beats(Rational.ofDecimal(n));
    }

    /**
     * {@code "none"}, {@code "beat"}, {@code "bar"} or a number of beats ({@code "2"}, {@code "0.5"}); anything else
     * throws, naming what is accepted.
     */
    public static Quantum parse(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(java.util.Locale.ROOT);
        switch (t) {
            case "none": case "now": return NONE;
            case "beat": return BEAT;
            case "bar": return BAR;
            default:
                try {
                    return beats(Double.parseDouble(t));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown quantum '" + s
                            + "': use \"none\", \"beat\", \"bar\" or a number of beats such as \"2\" or \"0.5\"");
                }
        }
    }

    /** "none", "beat", "bar" or "N beats". */
    @Override public String toString() {
        return switch (kind) {
            case NONE -> "none";
            case BEAT -> "beat";
            case BAR -> "bar";
            case BEATS -> beats + " beats";
        };
    }
}
