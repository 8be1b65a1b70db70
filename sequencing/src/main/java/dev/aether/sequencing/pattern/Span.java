package dev.aether.sequencing.pattern;

import dev.aether.core.time.Rational;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A half-open span of musical time {@code [begin, end)} in cycles (1 cycle = 1 bar when played), exact. Immutable;
 * any thread. {@code begin <= end}; a span with {@code begin == end} is empty.
 */
public record Span(Rational begin, Rational end) {
    public Span {
        Objects.requireNonNull(begin, "begin");
        Objects.requireNonNull(end, "end");
        if (begin.compareTo(end) > 0) {
            throw new IllegalArgumentException("a span must not end before it begins: [" + begin + ", " + end + ")");
        }
    }

    /** {@code end - begin}, in cycles. */
    public Rational length() { return end.minus(begin); }

    public boolean isEmpty() { return begin.equals(end); }

    /** Whether {@code begin <= t < end}. */
    public boolean contains(Rational t) { return begin.compareTo(t) <= 0 && t.compareTo(end) < 0; }

    /** The overlap of this and {@code o}, or {@code null} if they do not overlap (touching is no overlap). */
    public Span intersect(Span o) {
        Rational b = begin.max(o.begin), e = end.min(o.end);
        return b.compareTo(e) < 0 ? new Span(b, e) : null;
    }

    /** This span split at every whole cycle: each piece lies within one cycle; none if this is empty. */
    public List<Span> cycles() {
        if (begin.compareTo(end) < 0 && end.ceil() - begin.floor() == 1) return List.of(this);
        List<Span> pieces = new ArrayList<>();
        Rational b = begin;
        while (b.compareTo(end) < 0) {
            Rational next = Rational.of(b.floor() + 1).min(end);
            pieces.add(new Span(b, next));
            b = next;
        }
        return pieces;
    }

    /** The whole cycle this span begins in ({@code floor(begin)}, Tidal's "sam"). */
    public Rational cycle() { return Rational.of(begin.floor()); }

    /** This span moved by {@code d} cycles. */
    public Span plus(Rational d) { return new Span(begin.plus(d), end.plus(d)); }

    /** This span with both ends multiplied by {@code f > 0}. */
    public Span times(Rational f) { return new Span(begin.times(f), end.times(f)); }

    /** This span mirrored about {@code axis / 2}: {@code [axis - end, axis - begin)}. */
    Span reflect(Rational axis) { return new Span(axis.minus(end), axis.minus(begin)); }

    /** "[1/4, 1/2)". */
    @Override public String toString() { return "[" + begin + ", " + end + ")"; }
}
