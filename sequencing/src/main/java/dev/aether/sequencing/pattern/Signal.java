package dev.aether.sequencing.pattern;

import dev.aether.core.time.Rational;

/**
 * A continuous value over musical time (cycles), for parameter patterns: an LFO shape or a seeded random value.
 * It has no events of its own; {@link #segment} samples it into a {@link Pattern} of steps (Tidal's
 * {@code segment 16 $ range 200 2000 sine}). Immutable; any thread.
 *
 * <pre>
 * Signal.sine().slow(4).range(200, 2000).segment(16)   // 16 cutoff values per cycle, one sine over 4 cycles
 * </pre>
 */
public final class Signal {
    /** The value at a time (cycles) for a seed. */
    @FunctionalInterface
    private interface Shape {
        double at(Rational cycles, long seed);
    }

    private final Shape shape;

    private Signal(Shape shape) { this.shape = shape; }

    /** {@code 0.5 + 0.5 sin(2 pi t)}: 0.5 at each cycle start, rising to 1 at a quarter cycle; range [0, 1]. */
    public static Signal sine() { return new Signal((t, seed) -> 0.5 + 0.5 * Math.sin(2 * Math.PI * t.fraction().toDouble())); }

    /** {@code 0.5 + 0.5 cos(2 pi t)}: 1 at each cycle start; range [0, 1]. */
    public static Signal cosine() { return new Signal((t, seed) -> 0.5 + 0.5 * Math.cos(2 * Math.PI * t.fraction().toDouble())); }

    /** Rising from 0 at each cycle start to 1 at its end. */
    public static Signal saw() { return new Signal((t, seed) -> t.fraction().toDouble()); }

    /** 0 at each cycle start, 1 at half a cycle, 0 again at its end. */
    public static Signal triangle() {
        return new Signal((t, seed) -> {
            double x = t.fraction().toDouble();
            return x < 0.5 ? 2 * x : 2 - 2 * x;
        });
    }

    /** 0 in the first half of each cycle, 1 in the second. */
    public static Signal square() { return new Signal((t, seed) -> t.fraction().compareTo(Rational.of(1, 2)) < 0 ? 0 : 1); }

    /** A uniform random value in [0, 1) at each time, drawn from the pattern's seed ({@link Pattern#seed}). */
    public static Signal random() { return new Signal((t, seed) -> SeededRandom.at(seed, 2, t)); }

    /** This {@code factor} times as fast ({@code factor > 0}). */
    public Signal fast(Rational factor) {
        if (factor.signum() <= 0) throw new IllegalArgumentException("fast needs a factor above 0, not " + factor);
        return new Signal((t, seed) -> shape.at(t.times(factor), seed));
    }

    /** This {@code factor} times as fast; exact to 6 decimal places. */
    public Signal fast(double factor) { return fast(Rational.ofDecimal(factor)); }

    /** This {@code factor} times as slowly ({@code factor > 0}): {@code slow(4)} is one period in 4 cycles. */
    public Signal slow(Rational factor) {
        if (factor.signum() <= 0) throw new IllegalArgumentException("slow needs a factor above 0, not " + factor);
        return fast(Rational.ONE.dividedBy(factor));
    }

    /** This {@code factor} times as slowly; exact to 6 decimal places. */
    public Signal slow(double factor) { return slow(Rational.ofDecimal(factor)); }

    /** Values in [0, 1] mapped linearly to [lo, hi]. */
    public Signal range(double lo, double hi) { return new Signal((t, seed) -> lo + shape.at(t, seed) * (hi - lo)); }

    /**
     * This sampled into {@code steps} equal events per cycle ({@code steps >= 1}), each holding the value at its
     * middle.
     */
    public Pattern<Double> segment(int steps) {
        if (steps < 1) throw new IllegalArgumentException("segment needs 1 step per cycle or more, not " + steps);
        Rational half = Rational.of(1, 2L * steps);
        return Pattern.pure(Boolean.TRUE).fast(Rational.of(steps)).<Double>withValues((ev, seed) ->
                shape.at(ev.whole().begin().plus(half), seed));
    }

    /** The value of this at {@code cycles} for the default seed; for tests and displays. */
    public double at(Rational cycles) { return shape.at(cycles, Pattern.DEFAULT_SEED); }

}
