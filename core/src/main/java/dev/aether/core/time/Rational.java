package dev.aether.core.time;

/**
 * An exact fraction of two {@code long}s, always in lowest terms with a positive denominator: the time base of
 * musical positions (beats, cycles), so that no position accumulates rounding. Immutable; any thread. Arithmetic
 * that overflows a {@code long} throws {@link ArithmeticException} rather than wrap. Not for the audio thread
 * (every result is a new object).
 */
public final class Rational implements Comparable<Rational> {
    public static final Rational ZERO = new Rational(0, 1);
    public static final Rational ONE = new Rational(1, 1);

    private final long num;
    private final long den;

    private Rational(long num, long den) {
        this.num = num;
        this.den = den;
    }

    /** {@code num / den} in lowest terms; {@code den} must not be 0. */
    public static Rational of(long num, long den) {
        if (den == 0) throw new ArithmeticException("a fraction with denominator 0: " + num + "/0");
        if (den < 0) {
            num = Math.negateExact(num);
            den = Math.negateExact(den);
        }
        long g = gcd(Math.abs(num), den);
        return num == 0 ? ZERO : new Rational(num / g, den / g);
    }

    /** The whole number {@code n}. */
    public static Rational of(long n) { return n == 0 ? ZERO : n == 1 ? ONE : new Rational(n, 1); }

    /**
     * The fraction nearest {@code x} whose denominator divides {@code 10^6} (a tempo such as 120.5 or 133.333333
     * BPM): exact for every decimal with up to six places.
     */
    public static Rational ofDecimal(double x) {
        if (!Double.isFinite(x)) throw new ArithmeticException("not a finite number: " + x);
        return of(Math.round(x * 1_000_000d), 1_000_000);
    }

    public long num() { return num; }
    public long den() { return den; }

    public Rational plus(Rational o) {
        if (den == o.den) return of(Math.addExact(num, o.num), den);
        long g = gcd(den, o.den);
        long d = Math.multiplyExact(den / g, o.den);
        return of(Math.addExact(Math.multiplyExact(num, o.den / g), Math.multiplyExact(o.num, den / g)), d);
    }

    public Rational minus(Rational o) { return plus(o.negate()); }

    public Rational negate() { return num == 0 ? this : new Rational(Math.negateExact(num), den); }

    public Rational times(Rational o) {
        long g1 = gcd(Math.abs(num), o.den), g2 = gcd(Math.abs(o.num), den);
        if (num == 0 || o.num == 0) return ZERO;
        return of(Math.multiplyExact(num / g1, o.num / g2), Math.multiplyExact(den / g2, o.den / g1));
    }

    public Rational times(long n) { return times(of(n)); }

    public Rational dividedBy(Rational o) {
        if (o.num == 0) throw new ArithmeticException("division by zero: " + this + " / 0");
        return times(of(o.den, o.num));
    }

    public Rational dividedBy(long n) { return dividedBy(of(n)); }

    /** The greatest whole number not above this. */
    public long floor() { return Math.floorDiv(num, den); }

    /** The least whole number not below this. */
    public long ceil() { return -Math.floorDiv(-num, den); }

    /** The nearest whole number, halves rounded up (towards positive infinity). */
    public long round() { return Math.floorDiv(Math.addExact(Math.multiplyExact(num, 2), den), Math.multiplyExact(den, 2)); }

    /** This minus its {@link #floor}: in [0, 1). */
    public Rational fraction() { return minus(of(floor())); }

    public int signum() { return Long.signum(num); }

    public double toDouble() { return (double) num / den; }

    public Rational min(Rational o) { return compareTo(o) <= 0 ? this : o; }
    public Rational max(Rational o) { return compareTo(o) >= 0 ? this : o; }

    @Override public int compareTo(Rational o) {
        if (den == o.den) return Long.compare(num, o.num);
        return Math.multiplyHigh(num, o.den) != Math.multiplyHigh(o.num, den)
                ? Long.compare(Math.multiplyHigh(num, o.den), Math.multiplyHigh(o.num, den))
                : Long.compareUnsigned(num * o.den, o.num * den);
    }

    @Override public boolean equals(Object o) { return o instanceof Rational r && r.num == num && r.den == den; }
    @Override public int hashCode() { return Long.hashCode(num) * 31 + Long.hashCode(den); }

    /** "3/4", or "2" for a whole number. */
    @Override public String toString() { return den == 1 ? Long.toString(num) : num + "/" + den; }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }
}
