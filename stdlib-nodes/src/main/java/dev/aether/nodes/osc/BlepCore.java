package dev.aether.nodes.osc;

import dev.aether.core.RealtimeSafe;
import dev.aether.nodes.Dsp;

/**
 * The engine shared by {@link SawOscillator}, {@link PulseOscillator} and {@link TriangleOscillator}: a
 * double-precision phase, a naive waveform delayed by {@link BlepTable#HALF_WIDTH} samples, and a ring into
 * which every discontinuity adds its band-limited correction (BLEP for value steps, BLAMP for slope steps)
 * at its sub-sample position. Confined to the audio thread except save/restore (control thread, node idle).
 */
final class BlepCore {
    static final int SAW = 0, PULSE = 1, TRIANGLE = 2;
    private static final int H = BlepTable.HALF_WIDTH;
    private static final int OS = BlepTable.OVERSAMPLING;
    private static final double MAX_INC = 0.49;
    /** The largest sub-sample offset the tables can be read at: just below 1. */
    private static final double LAST_OFFSET = Math.nextDown(1.0);
    /** What the general loop reads for an input that is not connected (never written). */
    private static final float[] SILENCE = new float[1024];

    private final int shape;
    double phase;                 // effective phase (accumulator + pm) in [0, 1)
    double prevPmCycles;          // pm of the previous sample, in cycles
    float prevSync;               // sync input of the previous sample
    final double[] ring = new double[BlepTable.RING];
    int pos;

    BlepCore(int shape) { this.shape = shape; }

    void reset() {
        phase = 0;
        prevPmCycles = 0;
        prevSync = 0;
        java.util.Arrays.fill(ring, 0);
        pos = 0;
    }

    /**
     * Renders {@code n} samples. Base frequency is {@code freqBuf[i]} or, when null, {@code freqConst};
     * pulse width likewise. {@code resetNow} restarts the phase at the first sample (band-limited).
     */
    @RealtimeSafe
    void render(float[] out, int n, double sampleRate, double freqConst, float[] freqBuf, float[] fm,
                float[] pm, float[] sync, double widthConst, float[] widthBuf, boolean resetNow) {
        double invSr = 1 / sampleRate;
        double p = phase, prevPm = prevPmCycles;
        float ps = prevSync;
        double[] r = ring;
        int at = pos;
        for (int i = 0; i < n; i++) {
            double f = (freqBuf == null ? freqConst : freqBuf[i]) + fm[i];
            double inc = Dsp.clamp(f * invSr, -MAX_INC, MAX_INC);
            double w = shape == PULSE ? Dsp.clamp(widthBuf == null ? widthConst : widthBuf[i], 0.01, 0.99) : 0.5;
            double pmc = pm[i] * Dsp.INV_TWO_PI;
            double delta = inc + (pmc - prevPm);
            prevPm = pmc;
            float s = sync[i];
            boolean restart = (ps <= 0 && s > 0) || (resetNow && i == 0);
            ps = s;
            if (restart) {
                double would = Dsp.wrap01(p + delta);
                double next = Dsp.wrap01(pmc);
                addStep(r, at, value(next, w) - value(would, w), 0);
                if (shape == TRIANGLE) addRamp(r, at, slope(next) * inc - slope(would) * delta, 0);
                p = next;
            } else {
                if (delta != 0) events(r, at, p, delta, w);
                p = Dsp.wrap01(p + delta);
            }
            at = emit(r, at, p, w, out, i);
        }
        phase = p;
        prevPmCycles = prevPm;
        prevSync = ps;
        pos = at;
    }

    /**
     * {@link #render} for the common case: constant frequency and width, no FM, PM or sync connected, no reset.
     * The same samples as the general loop fed silence (the per-sample input reads and checks are skipped).
     */
    @RealtimeSafe
    void renderSteady(float[] out, int n, double sampleRate, double freq, double widthConst) {
        if (prevPmCycles != 0) {     // PM was just disconnected: its last offset unwinds in the general loop
            render(out, n, sampleRate, freq, null, SILENCE, SILENCE, SILENCE, widthConst, null, false);
            return;
        }
        double inc = Dsp.clamp(freq * (1 / sampleRate), -MAX_INC, MAX_INC);
        if (shape == SAW && inc > 0 && phase >= 0 && phase < 1) {    // a restored phase may lie outside [0, 1)
            renderSteadySaw(out, n, inc);
            return;
        }
        double w = shape == PULSE ? Dsp.clamp(widthConst, 0.01, 0.99) : 0.5;
        double p = phase;
        double[] r = ring;
        int at = pos;
        for (int i = 0; i < n; i++) {
            if (inc != 0) events(r, at, p, inc, w);
            p = Dsp.wrap01(p + inc);
            at = emit(r, at, p, w, out, i);
        }
        phase = p;
        prevSync = 0;
        pos = at;
    }

    /**
     * {@link #renderSteady} of a rising saw ({@code 0 < inc <= MAX_INC}), the oscillator of most patches: the general
     * steady loop with the shape's switches resolved and {@link #crossing} and {@link Dsp#wrap01} written out for a
     * phase in [0, 1) moving forward by less than one cycle. The same arithmetic in the same order, so the same bits.
     */
    private void renderSteadySaw(float[] out, int n, double inc) {
        double p = phase;
        double[] r = ring;
        int at = pos;
        for (int i = 0; i < n; i++) {
            double d = -p;                      // crossing(0, p, inc, inc): the wrap at phase 0 ...
            if (d <= 0) d += 1;
            if (d <= inc) {
                double b = 1 - d / inc;
                if (b >= 0) addStep(r, at, -2, b);
            }
            double x = p + inc;                 // ... and wrap01(p + inc), x in [0, 1 + MAX_INC)
            p = x < 1 ? x : x - 1;
            r[(at + H) & BlepTable.RING_MASK] += 2 * p - 1;
            out[i] = (float) r[at];
            r[at] = 0;
            at = (at + 1) & BlepTable.RING_MASK;
        }
        phase = p;
        prevSync = 0;
        pos = at;
    }

    /**
     * Adds the naive waveform at phase {@code p} to the ring (it comes out {@code H} samples later, when its
     * corrections are complete), writes the ring's oldest sample to {@code out[i]} and returns the next position.
     */
    private int emit(double[] r, int at, double p, double w, float[] out, int i) {
        r[(at + H) & BlepTable.RING_MASK] += value(p, w);
        out[i] = (float) r[at];
        r[at] = 0;
        return (at + 1) & BlepTable.RING_MASK;
    }

    private void events(double[] r, int at, double p, double delta, double w) {
        double ad = Math.abs(delta);
        switch (shape) {
            case SAW -> {
                double b = crossing(0, p, delta, ad);
                if (b >= 0) addStep(r, at, delta > 0 ? -2 : 2, b);
            }
            case PULSE -> {
                double b = crossing(0, p, delta, ad);
                if (b >= 0) addStep(r, at, delta > 0 ? 2 : -2, b);
                b = crossing(w, p, delta, ad);
                if (b >= 0) addStep(r, at, delta > 0 ? -2 : 2, b);
            }
            default -> {
                double b = crossing(0, p, delta, ad);
                if (b >= 0) addRamp(r, at, 8 * ad, b);
                b = crossing(0.5, p, delta, ad);
                if (b >= 0) addRamp(r, at, -8 * ad, b);
            }
        }
    }

    /**
     * If the phase moving from {@code p} by {@code delta} crosses {@code q}, returns how far (in samples,
     * [0, 1]) before the current sample it did; otherwise -1. Exactly 1 when a phase moving backwards starts on
     * {@code q} (through-zero FM or PM from phase 0).
     */
    private static double crossing(double q, double p, double delta, double ad) {
        if (delta > 0) {
            double d = q - p;
            if (d <= 0) d += 1;
            return d <= ad ? 1 - d / ad : -1;
        }
        double d = p - q;
        if (d < 0) d += 1;
        return d < ad ? 1 - d / ad : -1;
    }

    private double value(double p, double w) {
        switch (shape) {
            case SAW: return 2 * p - 1;
            case PULSE: return p < w ? 1 : -1;
            default: return p < 0.5 ? 4 * p - 1 : 3 - 4 * p;
        }
    }

    /** Triangle slope in value per cycle. */
    private static double slope(double p) { return p < 0.5 ? 4 : -4; }

    /** Adds a band-limited step of height {@code h} that happened {@code b} samples before the current one. */
    private static void addStep(double[] r, int at, double h, double b) {
        if (h == 0) return;
        double x = Math.min(b, LAST_OFFSET) * OS;     // b = 1 would read past the table's end
        int i0 = (int) x;
        double fr = x - i0;
        double[] t = BlepTable.STEP;
        for (int k = 0; k < 2 * H; k++) {
            int j = k * OS + i0;
            double v = t[j] + (t[j + 1] - t[j]) * fr;
            if (k >= H) v -= 1;
            r[(at + k) & BlepTable.RING_MASK] += h * v;
        }
    }

    /** Adds a band-limited slope change of {@code s} (value per sample) {@code b} samples before now. */
    private static void addRamp(double[] r, int at, double s, double b) {
        if (s == 0) return;
        double x = Math.min(b, LAST_OFFSET) * OS;     // b = 1 would read past the table's end
        int i0 = (int) x;
        double fr = x - i0;
        double[] t = BlepTable.RAMP;
        for (int k = 0; k < 2 * H; k++) {
            int j = k * OS + i0;
            double v = t[j] + (t[j + 1] - t[j]) * fr;
            if (k >= H) v -= k - H + b;
            r[(at + k) & BlepTable.RING_MASK] += s * v;
        }
    }
}
