package dev.aether.nodes.osc;

/**
 * Band-limited step (BLEP) and ramp (BLAMP) tables for the band-limited oscillators.
 *
 * <p>The step is the running integral of a Kaiser-windowed sinc ({@value #HALF_WIDTH} samples either side,
 * beta {@value #KAISER_BETA}, cutoff {@value #CUTOFF} of the sample rate), so its spectrum is flat to about
 * 0.31 fs, falls through a transition band and is more than 80 dB down from 0.5 fs on: partials that would
 * fold back across Nyquist are suppressed by that much. The filter is linear phase, so an oscillator that
 * uses it runs {@value #HALF_WIDTH} samples late (0.33 ms at 48 kHz). Tables are sampled at
 * {@value #OVERSAMPLING} points per sample and read with linear interpolation. Immutable, shared, any thread.
 */
final class BlepTable {
    /** Half width of the kernel in samples. */
    static final int HALF_WIDTH = 16;
    /** Taps of one band-limited step or ramp: the samples it spans, and the length of a saved correction ring. */
    static final int RING = 2 * HALF_WIDTH;
    static final int OVERSAMPLING = 512;
    static final double CUTOFF = 0.41;
    static final double KAISER_BETA = 9.0;

    /** Band-limited unit step B(t), t = -HALF_WIDTH + i / OVERSAMPLING; B(-H) = 0, B(H) = 1. */
    static final double[] STEP;
    /** Band-limited unit ramp R(t) = integral of B from -H to t; R(t) -> t for t >= H. */
    static final double[] RAMP;
    /**
     * The step's residual B - u (u the naive unit step) by rows of {@link #RING} taps, one row per table phase:
     * {@code STEP_RESIDUAL_ROWS[r * RING + k] = STEP[k * OVERSAMPLING + r] - (k >= HALF_WIDTH ? 1 : 0)}, r in
     * 0..OVERSAMPLING. A step at one sub-sample offset reads two adjacent rows: 8 cache lines, not 32 scattered ones.
     */
    static final double[] STEP_RESIDUAL_ROWS;

    private BlepTable() {}

    static {
        int n = 2 * HALF_WIDTH * OVERSAMPLING + 1;
        double[] h = new double[n];
        double i0b = besselI0(KAISER_BETA);
        for (int i = 0; i < n; i++) {
            double t = -HALF_WIDTH + (double) i / OVERSAMPLING;
            double x = 2 * CUTOFF * t;
            double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
            double r = t / HALF_WIDTH;
            double w = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / i0b;
            h[i] = 2 * CUTOFF * sinc * w;
        }
        double dt = 1.0 / OVERSAMPLING;
        double[] step = new double[n];
        for (int i = 1; i < n; i++) step[i] = step[i - 1] + 0.5 * (h[i - 1] + h[i]) * dt;
        double total = step[n - 1];
        for (int i = 0; i < n; i++) step[i] /= total;
        // enforce the symmetry B(t) + B(-t) = 1 exactly, so the ramp integral lands on t for t >= H
        for (int i = 0, j = n - 1; i <= j; i++, j--) {
            double a = 0.5 * (step[i] + 1 - step[j]);
            step[i] = a;
            step[j] = 1 - a;
        }
        double[] ramp = new double[n];
        for (int i = 1; i < n; i++) ramp[i] = ramp[i - 1] + 0.5 * (step[i - 1] + step[i]) * dt;
        STEP = step;
        RAMP = ramp;
        double[] rows = new double[(OVERSAMPLING + 1) * RING];
        for (int r = 0; r <= OVERSAMPLING; r++) {
            for (int k = 0; k < RING; k++) rows[r * RING + k] = step[k * OVERSAMPLING + r] - (k >= HALF_WIDTH ? 1 : 0);
        }
        STEP_RESIDUAL_ROWS = rows;
    }

    private static double besselI0(double x) {
        double sum = 1, term = 1, q = x * x / 4;
        for (int k = 1; k < 200; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < 1e-17 * sum) break;
        }
        return sum;
    }
}
