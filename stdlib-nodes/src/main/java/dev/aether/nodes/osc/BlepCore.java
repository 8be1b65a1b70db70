package dev.aether.nodes.osc;

import dev.aether.core.RealtimeSafe;
import dev.aether.nodes.Dsp;
import java.util.Arrays;

/**
 * The engine shared by {@link SawOscillator}, {@link PulseOscillator} and {@link TriangleOscillator}: a
 * double-precision phase, a naive waveform delayed by {@link BlepTable#HALF_WIDTH} samples, and a ring into
 * which every discontinuity adds its band-limited correction (BLEP for value steps, BLAMP for slope steps)
 * at its sub-sample position. Confined to the audio thread except save/restore (control thread, node idle).
 *
 * <p>The ring is a window that slides: {@code ring[j]} is the output {@code j} samples after the next one to be
 * written. A correction spans {@code RING} samples from the one that caused it, so between calls only
 * {@code ring[0, RING - 1)} is pending; the rest is stale, and a loop clears or overwrites each cell before it
 * adds to it (the general loops clear the cell a sample's correction reaches last, {@code RING - 1} ahead, as
 * they come to it). The loops run up to {@value #CHUNK} samples ahead of a slide, which moves the pending cells
 * down ({@link #slide}). The saw's steady loop needs that room: it writes a whole chunk's naive values and steps
 * before it reads the chunk's outputs.
 */
final class BlepCore {
    static final int SAW = 0, PULSE = 1, TRIANGLE = 2;
    private static final int H = BlepTable.HALF_WIDTH;
    private static final int OS = BlepTable.OVERSAMPLING;
    private static final int TAPS = BlepTable.RING;
    /** Samples rendered between two slides of the ring window. */
    static final int CHUNK = 64;
    private static final double MAX_INC = 0.49;
    /** The largest sub-sample offset the tables can be read at: just below 1. */
    private static final double LAST_OFFSET = Math.nextDown(1.0);
    /** What the general loop reads for an input that is not connected (never written). */
    private static final float[] SILENCE = new float[1024];
    /** {@code SAMPLES[i] = i + 1}: the saw's steady loop computes sample i's phase as p + SAMPLES[i] * inc. */
    private static final double[] SAMPLES = new double[CHUNK];

    static {
        for (int i = 0; i < CHUNK; i++) SAMPLES[i] = i + 1;
    }

    private final int shape;
    double phase;                 // effective phase (accumulator + pm) in [0, 1)
    double prevPmCycles;          // pm of the previous sample, in cycles
    float prevSync;               // sync input of the previous sample
    /** The corrections window: ring[j] is the output j samples from now; only ring[0, RING - 1) between calls. */
    final double[] ring = new double[CHUNK + TAPS];

    BlepCore(int shape) { this.shape = shape; }

    void reset() {
        phase = 0;
        prevPmCycles = 0;
        prevSync = 0;
        Arrays.fill(ring, 0);
    }

    /** The next {@link BlepTable#RING} outputs' corrections, in order (what a saved state holds). */
    double[] pendingCorrections() {
        double[] r = Arrays.copyOf(ring, TAPS);
        r[TAPS - 1] = 0;                                 // stale: nothing reaches it before the next sample
        return r;
    }

    /**
     * Restores {@link #pendingCorrections}: {@code saved[(from + k) % RING]} is the output k samples from now (a
     * saved ring of {@code RING} with its read position; states saved by this class have {@code from} 0).
     */
    void restoreCorrections(double[] saved, int from) {
        Arrays.fill(ring, 0);
        for (int k = 0; k < TAPS; k++) ring[k] = saved[(from + k) & (TAPS - 1)];
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
        int at = 0;
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
            r[at + TAPS - 1] = 0;                        // the cell this sample's corrections reach last
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
        slide(r, at);
        phase = p;
        prevPmCycles = prevPm;
        prevSync = ps;
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
        int at = 0;
        for (int i = 0; i < n; i++) {
            r[at + TAPS - 1] = 0;
            if (inc != 0) events(r, at, p, inc, w);
            p = Dsp.wrap01(p + inc);
            at = emit(r, at, p, w, out, i);
        }
        slide(r, at);
        phase = p;
        prevSync = 0;
    }

    /**
     * {@link #renderSteady} of a rising saw ({@code 0 < inc <= MAX_INC}), the oscillator of most patches, by chunks
     * of up to {@value #CHUNK} samples with no loop-carried phase: sample i of a chunk starting at phase p has the
     * phase {@code frac(p + (i + 1) inc)} in closed form, so its naive values go into the ring in loops C2
     * vectorises (without the floor when the chunk does not wrap); the chunk's wraps are found from the same
     * expression (a division per chunk that wraps), their steps added from the row table, and the chunk's outputs
     * read in one run (vectorised on JDK 25; JDK 17 converts double to float one sample at a time). Not the
     * general loop's bits: its phase accumulates {@code p += inc} sample by sample, this one restarts from each
     * chunk's first phase, so the two drift apart by rounding (about 1e-16 per sample; {@code BlepCoreSteadyTest}
     * bounds the output difference). The phase handed on is the closed form's, in [0, 1).
     */
    @RealtimeSafe
    private void renderSteadySaw(float[] out, int n, double inc) {
        double p = phase;
        double[] r = ring;
        for (int from = 0; from < n; from += CHUNK) {
            p = sawChunk(r, out, from, Math.min(CHUNK, n - from), p, inc);
        }
        phase = p;
        prevSync = 0;
    }

    /** One chunk of {@link #renderSteadySaw}: {@code m} samples into {@code out[from, from + m)}; returns the phase. */
    @RealtimeSafe
    private static double sawChunk(double[] r, float[] out, int from, int m, double p, double inc) {
        double[] s = SAMPLES;
        double last = p + s[m - 1] * inc;
        int wraps = (int) last;                          // the phase crosses 1, 2, ... wraps during the chunk
        int pending = Math.min(H - 1, m);                // naive 2 phase - 1, H samples ahead: onto pending cells,
        if (wraps == 0) {                                // then into stale ones
            double v0 = 2 * p - 1, dv = 2 * inc;         // no wrap: the phase is p + (i + 1) inc throughout
            for (int i = 0; i < pending; i++) r[H + i] += v0 + s[i] * dv;
            for (int i = pending; i < m; i++) r[H + i] = v0 + s[i] * dv;
        } else {
            for (int i = 0; i < pending; i++) {
                double x = p + s[i] * inc;
                r[H + i] += 2 * (x - Math.floor(x)) - 1;
            }
            for (int i = pending; i < m; i++) {
                double x = p + s[i] * inc;
                r[H + i] = 2 * (x - Math.floor(x)) - 1;
            }
        }
        for (int j = Math.max(TAPS - 1, H + m); j < m + TAPS - 1; j++) r[j] = 0;   // the rest steps can reach
        if (wraps > 0) {
            double perCycle = 1 / inc;
            for (int k = 1; k <= wraps; k++) {
                int i = (int) Math.ceil((k - p) * perCycle) - 1;   // the first sample at or past k, roughly ...
                if (i > m - 1) i = m - 1;
                if (i < 0) i = 0;
                while (i < m - 1 && p + s[i] * inc < k) i++;       // ... settled on the naive loop's expression
                while (i > 0 && p + s[i - 1] * inc >= k) i--;
                addSawStep(r, i, (p + s[i] * inc - k) * perCycle);
            }
        }
        for (int i = 0; i < m; i++) out[from + i] = (float) r[i];
        slide(r, m);
        return last - wraps;
    }

    /**
     * The saw's step (height -2) {@code b} samples before sample {@code at}, from the row table: two adjacent rows,
     * 8 cache lines, where {@link #addStep} reads 32 lines of the step table 512 entries apart. (C2 unrolls the
     * 32 taps rather than vectorising them; the step costs 30-40 ns either way, measured.)
     */
    private static void addSawStep(double[] r, int at, double b) {
        double x = Math.min(b, LAST_OFFSET) * OS;       // b = 1 would read past the table's last row
        int i0 = (int) x;
        double fr = x - i0;
        double[] t = BlepTable.STEP_RESIDUAL_ROWS;
        int r0 = i0 * TAPS, r1 = r0 + TAPS;
        for (int k = 0; k < TAPS; k++) r[at + k] -= 2 * (t[r0 + k] + (t[r1 + k] - t[r0 + k]) * fr);
    }

    /**
     * Adds the naive waveform at phase {@code p} to the ring (it comes out {@code H} samples later, when its
     * corrections are complete), writes the ring's next sample to {@code out[i]} and returns the next position;
     * at {@value #CHUNK} the window slides and the position goes back to 0.
     */
    private int emit(double[] r, int at, double p, double w, float[] out, int i) {
        r[at + H] += value(p, w);
        out[i] = (float) r[at];
        if (++at < CHUNK) return at;
        slide(r, CHUNK);
        return 0;
    }

    /** Slides the window by the {@code m} samples just written: the cells pending after them move to the front. */
    private static void slide(double[] r, int m) {
        if (m != 0) System.arraycopy(r, m, r, 0, TAPS - 1);
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
            r[at + k] += h * v;
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
            r[at + k] += s * v;
        }
    }
}
