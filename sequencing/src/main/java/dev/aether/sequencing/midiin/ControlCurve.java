package dev.aether.sequencing.midiin;

import java.util.Locale;

/**
 * Stateless; any thread. How a controller's position {@code x} in 0..1 becomes a parameter value in {@code [min, max]}:
 * {@link #LIN} {@code min + x (max - min)}; {@link #EXP} {@code min (max / min)^x}, even per octave (for Hz and
 * other ratios; {@code min} and {@code max} both above 0). Both give exactly {@code min} at 0 and {@code max} at 1.
 */
public enum ControlCurve {
    LIN, EXP;

    /** The value at position {@code x} (clamped to 0..1) between {@code min} and {@code max}. */
    public double map(double x, double min, double max) {
        double t = x <= 0 ? 0 : x >= 1 ? 1 : x;
        if (t == 0) return min;
        if (t == 1) return max;
        return this == LIN ? min + t * (max - min) : min * Math.pow(max / min, t);
    }

    /** Refuses a range this curve cannot span, saying why and what to write instead. */
    public void check(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("a controller range needs finite ends, was " + min + ".." + max);
        }
        if (this == EXP && !(min > 0 && max > 0)) {
            throw new IllegalArgumentException("an \"exp\" curve needs both ends above 0, was " + min + ".." + max
                    + "; use \"lin\" for ranges that reach 0 or go below it");
        }
    }

    /** {@code "lin"} / {@code "linear"} or {@code "exp"} / {@code "exponential"} (any case). */
    public static ControlCurve parse(String s) {
        return switch (s == null ? "" : s.strip().toLowerCase(Locale.ROOT)) {
            case "lin", "linear" -> LIN;
            case "exp", "exponential" -> EXP;
            default -> throw new IllegalArgumentException("unknown curve \"" + s + "\": use \"lin\" or \"exp\"");
        };
    }

    /** {@code "lin"} or {@code "exp"}, as {@link #parse} reads it. */
    public String text() { return this == LIN ? "lin" : "exp"; }
}
