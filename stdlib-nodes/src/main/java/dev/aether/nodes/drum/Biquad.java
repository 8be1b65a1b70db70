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

    /** Coefficients and history, written into {@code s} from {@code at}; returns the next index. */
    int save(double[] s, int at) {
        System.arraycopy(c, 0, s, at, 5);
        s[at + 5] = x1;
        s[at + 6] = x2;
        s[at + 7] = y1;
        s[at + 8] = y2;
        return at + SAVED;
    }

    /** Reads what {@link #save} wrote; returns the next index. */
    int restore(double[] s, int at) {
        System.arraycopy(s, at, c, 0, 5);
        x1 = s[at + 5];
        x2 = s[at + 6];
        y1 = s[at + 7];
        y2 = s[at + 8];
        return at + SAVED;
    }

    /** Numbers {@link #save} writes. */
    static final int SAVED = 9;
}
