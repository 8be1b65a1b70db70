package dev.aether.arrange;

import dev.aether.core.RealtimeSafe;

/**
 * The shape of a segment from value {@code a} to value {@code b}: an automation segment between two points, a clip's
 * fade (from 0 to 1 or back). One definition for both, so a fade and a lane drawn with the same shape sound alike.
 * Pure functions, any thread, real-time safe ({@code PlayRealtimeCheckTest} checks {@link #interpolate}).
 */
public enum Curve {
    /** A straight line. */
    LINEAR,
    /**
     * Geometric when both ends are positive ({@code a·(b/a)^x}: equal ratios per equal time, right for frequencies and
     * gains); otherwise the curve {@code (e^(kx) − 1)/(e^k − 1)} with {@code k = ln 1000}, which rises through 60 dB
     * (right for a fade from or to 0).
     */
    EXPONENTIAL,
    /** A raised cosine: flat at both ends, steepest in the middle (no corner where it joins). */
    S_CURVE,
    /** Stays at {@code a} until the segment ends. */
    HOLD;

    private static final double K = Math.log(1000), EK = 1000 - 1;

    /**
     * The value at fraction {@code x} of a segment from {@code a} to {@code b}.
     *
     * @param x 0..1 (clamped); at 0 the result is {@code a}; at 1 it is {@code b}, except for {@link #HOLD}
     *          ({@code a} on the whole segment; the next segment starts at {@code b})
     */
    @RealtimeSafe
    public double interpolate(double a, double b, double x) {
        if (!(x > 0)) return a;
        if (x > 1) x = 1;
        // an if chain, not a switch: an enum switch reads a synthetic class loaded on first use (on the audio thread)
        if (this == LINEAR) return a + (b - a) * x;
        if (this == EXPONENTIAL) {
            if (a > 0 && b > 0) return a * Math.pow(b / a, x);
            return a + (b - a) * (Math.exp(K * x) - 1) / EK;
        }
        if (this == S_CURVE) return a + (b - a) * (0.5 - 0.5 * Math.cos(Math.PI * x));
        return a;
    }
}
