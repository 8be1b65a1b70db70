package dev.aether.nodes.drum;

import dev.aether.core.RealtimeSafe;
import dev.aether.nodes.filter.BiquadFilter;

/**
 * One cookbook biquad (coefficients from {@link BiquadFilter#coefficients}) run a sample at a time inside a drum
 * voice. State of its voice: confined to the thread that runs it.
 */
final class Biquad {
    private final double[] c = new double[5];
    private double x1, x2, y1, y2;

    /** Sets the response and clears the history (at a hit). */
    @RealtimeSafe
    void start(BiquadFilter.Mode mode, double cutoffHz, double q, double sampleRate) {
        BiquadFilter.coefficients(mode, cutoffHz, q, 0, sampleRate, c);
        x1 = x2 = y1 = y2 = 0;
    }

    /** Filters one sample. */
    @RealtimeSafe
    double stepRt(double x) {
        double y = c[0] * x + c[1] * x1 + c[2] * x2 - c[3] * y1 - c[4] * y2;
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        return y;
    }

    /** Clears the history. */
    void clear() { x1 = x2 = y1 = y2 = 0; }

    /** Coefficients and history, as raw long bits, written into {@code s} from {@code at}; returns the next index. */
    int save(long[] s, int at) {
        for (double v : c) s[at++] = Double.doubleToRawLongBits(v);
        s[at++] = Double.doubleToRawLongBits(x1);
        s[at++] = Double.doubleToRawLongBits(x2);
        s[at++] = Double.doubleToRawLongBits(y1);
        s[at++] = Double.doubleToRawLongBits(y2);
        return at;
    }

    /** Reads what {@link #save} wrote; returns the next index. */
    int restore(long[] s, int at) {
        for (int k = 0; k < 5; k++) c[k] = Double.longBitsToDouble(s[at++]);
        x1 = Double.longBitsToDouble(s[at++]);
        x2 = Double.longBitsToDouble(s[at++]);
        y1 = Double.longBitsToDouble(s[at++]);
        y2 = Double.longBitsToDouble(s[at++]);
        return at;
    }

    /** Longs {@link #save} writes. */
    static final int SAVED = 9;
}
