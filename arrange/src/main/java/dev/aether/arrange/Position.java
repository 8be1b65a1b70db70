package dev.aether.arrange;

import dev.aether.core.time.Rational;
import java.util.Objects;

/**
 * A place on a timeline, or a length: either musical ({@code beats}, an exact {@link Rational}, converted to seconds
 * through the project's {@link Tempo}) or absolute ({@code seconds}, a {@code double}). A position counts from the
 * start of its timeline (the project's, or a metatrack's inner timeline); a length counts from zero. Immutable; any
 * thread.
 *
 * <p>Text form (JSON, messages): {@code "9:1"} bar 9 beat 1 (both from 1), {@code "9:2.5"} half way through beat 2
 * of bar 9, {@code "7/2b"} three and a half beats from zero, {@code "1.25s"} seconds. {@link #toString()} writes
 * beats as {@code "<rational>b"} and seconds as {@code "<decimal>s"}; {@link #parse} reads all three.
 *
 * <p>No natural order: a musical and an absolute position compare only through a tempo
 * ({@link #compareTo(Position, Tempo)}). Equality is of representation: 4 beats and 2 seconds are not equal, even
 * at 120 BPM.
 */
public final class Position {
    /** The start of a timeline (0 beats). */
    public static final Position ZERO = new Position(Rational.ZERO, 0);

    private final Rational beats;   // null when in seconds
    private final double seconds;

    private Position(Rational beats, double seconds) {
        this.beats = beats;
        this.seconds = seconds;
    }

    /** {@code n} beats from zero. */
    public static Position beats(long n) { return new Position(Rational.of(n), 0); }

    /** {@code beats} beats from zero, exactly. */
    public static Position beats(Rational beats) { return new Position(Objects.requireNonNull(beats, "beats"), 0); }

    /** {@code beats} beats from zero (exact for decimals with up to six places). */
    public static Position beats(double beats) { return new Position(Rational.ofDecimal(beats), 0); }

    /** Bar {@code bar}, beat 1 (bars count from 1), in a metre of {@code beatsPerBar}. */
    public static Position bar(int bar, int beatsPerBar) { return bar(bar, 1, beatsPerBar); }

    /** Bar {@code bar}, beat {@code beat} (both count from 1; {@code beat} may be fractional, e.g. 2.5). */
    public static Position bar(int bar, double beat, int beatsPerBar) {
        if (bar < 1) throw new IllegalArgumentException("bar " + bar + " does not exist; bars count from 1");
        if (!(beat >= 1)) throw new IllegalArgumentException("beat " + beat + " does not exist; beats count from 1");
        return new Position(Rational.of((long) (bar - 1) * beatsPerBar).plus(Rational.ofDecimal(beat - 1)), 0);
    }

    /** {@code n} whole bars as a length (n × beatsPerBar beats). */
    public static Position bars(long n, int beatsPerBar) { return beats(n * beatsPerBar); }

    /** {@code s} seconds from zero; finite. */
    public static Position seconds(double s) {
        if (!Double.isFinite(s)) throw new IllegalArgumentException("a position of " + s + " seconds; give a finite number");
        return new Position(null, s == 0 ? 0 : s);
    }

    /** True when this position is musical (counted in beats), false when in seconds. */
    public boolean isBeats() { return beats != null; }

    /** The exact beats of a musical position. */
    public Rational beats() {
        if (beats == null) throw new IllegalStateException(this + " is in seconds, not beats; convert it with seconds(tempo)");
        return beats;
    }

    /** Seconds from zero: beats converted through {@code tempo}, or the seconds themselves. */
    public double seconds(Tempo tempo) { return beats != null ? tempo.seconds(beats) : seconds; }

    /** True when this position lies before zero. */
    public boolean isNegative() { return beats != null ? beats.signum() < 0 : seconds < 0; }

    /**
     * This plus {@code other}: exact when both are in beats (and the fraction fits in {@code long}s), else in
     * seconds through {@code tempo}.
     */
    public Position plus(Position other, Tempo tempo) {
        if (beats != null && other.beats != null) {
            try { return new Position(beats.plus(other.beats), 0); } catch (ArithmeticException overflow) { /* below */ }
        }
        return seconds(seconds(tempo) + other.seconds(tempo));
    }

    /** This minus {@code other}: exact when both are in beats (and fit), else in seconds through {@code tempo}. */
    public Position minus(Position other, Tempo tempo) {
        if (beats != null && other.beats != null) {
            try { return new Position(beats.minus(other.beats), 0); } catch (ArithmeticException overflow) { /* below */ }
        }
        return seconds(seconds(tempo) - other.seconds(tempo));
    }

    /**
     * This divided by a speed factor (a stretch): exact in beats when {@code factor} is a decimal of up to six
     * places, else in seconds through {@code tempo}.
     */
    public Position dividedBy(double factor, Tempo tempo) {
        if (!(factor > 0) || !Double.isFinite(factor))
            throw new IllegalArgumentException("a speed factor of " + factor + "; give a finite number > 0");
        if (beats != null) {
            Rational f = Rational.ofDecimal(factor);
            if (f.signum() > 0 && f.toDouble() == factor) {
                try { return new Position(beats.dividedBy(f), 0); } catch (ArithmeticException overflow) { /* below */ }
            }
        }
        return seconds(seconds(tempo) / factor);
    }

    /**
     * Reads the text form: {@code "bar:beat"} (from 1, beat may be a decimal), {@code "<rational or decimal>b"} or
     * {@code "<decimal>s"}.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static Position parse(String text, int beatsPerBar) {
        String t = text.strip();
        try {
            if (t.endsWith("s")) return seconds(Double.parseDouble(t.substring(0, t.length() - 1)));
            if (t.endsWith("b")) {
                String n = t.substring(0, t.length() - 1);
                int slash = n.indexOf('/');
                if (slash > 0) return beats(Rational.of(Long.parseLong(n.substring(0, slash)), Long.parseLong(n.substring(slash + 1))));
                return n.contains(".") ? beats(Double.parseDouble(n)) : beats(Long.parseLong(n));
            }
            int colon = t.indexOf(':');
            if (colon > 0) return bar(Integer.parseInt(t.substring(0, colon)), Double.parseDouble(t.substring(colon + 1)), beatsPerBar);
        } catch (NumberFormatException | ArithmeticException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a position; write bar:beat (\"9:1\"), beats (\"7/2b\", \"3.5b\") or seconds (\"1.25s\")");
    }

    /**
     * The text form for a place on a timeline: {@code "bar:beat"} (from 1) when the position is musical, not before
     * zero, and its beat is a decimal of at most six places (so it reads back exactly), else {@link #toString()}.
     */
    public String text(int beatsPerBar) {
        if (beats == null || beats.signum() < 0) return toString();
        long bar = beats.floor() / beatsPerBar;
        Rational beat = beats.minus(Rational.of(bar * beatsPerBar)).plus(Rational.ONE);
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(beat.num()).divide(new java.math.BigDecimal(beat.den()));
            if (d.scale() > 6) return toString();
            return (bar + 1) + ":" + d.stripTrailingZeros().toPlainString();
        } catch (ArithmeticException notADecimal) {
            return toString();
        }
    }

    /** Orders by seconds through {@code tempo}; exact when both are in beats. */
    public int compareTo(Position other, Tempo tempo) {
        if (beats != null && other.beats != null) return beats.compareTo(other.beats);
        return Double.compare(seconds(tempo), other.seconds(tempo));
    }

    @Override public boolean equals(Object o) {
        return o instanceof Position p && Objects.equals(beats, p.beats) && Double.compare(seconds, p.seconds) == 0;
    }

    @Override public int hashCode() { return Objects.hash(beats, seconds); }

    @Override public String toString() { return beats != null ? beats + "b" : seconds + "s"; }
}
