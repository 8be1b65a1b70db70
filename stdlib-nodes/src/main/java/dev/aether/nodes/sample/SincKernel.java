package dev.aether.nodes.sample;

import dev.aether.core.RealtimeSafe;

/**
 * The interpolation kernel of {@link SamplePlayer}: {@code sinc(x)} under a Kaiser window (beta
 * {@value #BETA}) of half-width {@value #HALF_WIDTH}, i.e. 32 taps at unit scale, tabulated at
 * {@value #RESOLUTION} points per unit and read with linear interpolation. It is an interpolating kernel:
 * exactly 1 at 0 and exactly 0 at every other integer. Immutable, shared; any thread.
 */
final class SincKernel {
    static final int HALF_WIDTH = 16;
    static final int RESOLUTION = 4096;
    static final double BETA = 9;
    private static final int END = HALF_WIDTH * RESOLUTION;
    private static final double[] TABLE = build();

    private SincKernel() {}

    private static double[] build() {
        double[] t = new double[END + 2];
        double i0b = besselI0(BETA);
        for (int j = 0; j <= END; j++) {
            double x = j / (double) RESOLUTION;
            if (j % RESOLUTION == 0) { t[j] = j == 0 ? 1 : 0; continue; }    // exact zeros at the integers
            double r = x / HALF_WIDTH;
            double w = besselI0(BETA * Math.sqrt(Math.max(0, 1 - r * r))) / i0b;
            t[j] = Math.sin(Math.PI * x) / (Math.PI * x) * w;
        }
        return t;                                                             // t[END] = t[END + 1] = 0
    }

    /** Modified Bessel function of the first kind, order 0 (power series). */
    static double besselI0(double x) {
        double sum = 1, term = 1, q = x * x / 4;
        for (int k = 1; k < 200 && term > 1e-21 * sum; k++) {
            term *= q / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    /** The kernel at {@code |x|} (in input samples at unit scale); 0 from {@link #HALF_WIDTH} on. */
    @RealtimeSafe
    static double at(double absX) {
        double u = absX * RESOLUTION;
        if (u >= END) return 0;
        int j = (int) u;
        double f = u - j;
        double a = TABLE[j];
        return a + f * (TABLE[j + 1] - a);
    }
}
