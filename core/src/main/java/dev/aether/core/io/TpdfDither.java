package dev.aether.core.io;

import dev.aether.core.RealtimeSafe;

/**
 * Seeded triangular (TPDF) dither of plus or minus one LSB: the difference of two uniform variates
 * from a SplitMix64 generator, so the same seed gives the same noise. Confined to one thread.
 */
final class TpdfDither {
    private static final double INV_2_53 = 1.0 / (1L << 53);
    private long state;

    TpdfDither(long seed) { this.state = seed; }

    /** The next dither value in LSB units, triangular on (-1, 1). */
    @RealtimeSafe
    double nextRt() { return uniform() - uniform(); }

    private double uniform() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * INV_2_53;
    }
}
