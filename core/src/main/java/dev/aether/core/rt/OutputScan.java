package dev.aether.core.rt;

import dev.aether.core.RealtimeSafe;

/**
 * The scheduler's guard over one output buffer: the largest magnitude of a block as raw float bits, from which
 * finiteness ({@code >= NON_FINITE_BITS} is NaN or Inf), the peak and the denormal-tail decision all follow.
 * Stateless; any thread.
 *
 * <p>Four independent running maxima: the plain one-accumulator loop is a chain of dependent compare-and-moves
 * that C2 does not vectorise on JDK 17 or 25 (28 ns per 64 samples in {@code SchedulerBenchmark.scanOnly});
 * four chains let the core overlap them.
 */
public final class OutputScan {
    /** Largest |x| as raw bits; bits at or above this are NaN or Inf. */
    public static final int NON_FINITE_BITS = 0x7f80_0000;
    /** Outputs whose largest |x| is below 1e-30 (but not zero) are denormal tails: zeroed. */
    public static final int TINY_BITS = Float.floatToRawIntBits(1e-30f);

    private OutputScan() {}

    /** Largest {@code |b[i]|} over {@code i < n}, as raw bits (sign cleared); NaN and Inf sort above every finite. */
    @RealtimeSafe
    public static int peakBitsRt(float[] b, int n) {
        int m0 = 0, m1 = 0, m2 = 0, m3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            m0 = Math.max(m0, Float.floatToRawIntBits(b[i]) & 0x7fff_ffff);
            m1 = Math.max(m1, Float.floatToRawIntBits(b[i + 1]) & 0x7fff_ffff);
            m2 = Math.max(m2, Float.floatToRawIntBits(b[i + 2]) & 0x7fff_ffff);
            m3 = Math.max(m3, Float.floatToRawIntBits(b[i + 3]) & 0x7fff_ffff);
        }
        for (; i < n; i++) m0 = Math.max(m0, Float.floatToRawIntBits(b[i]) & 0x7fff_ffff);
        return Math.max(Math.max(m0, m1), Math.max(m2, m3));
    }

    /** As {@link #peakBitsRt} with eight chains (measured against four in {@code SchedulerBenchmark}). */
    @RealtimeSafe
    public static int peakBits8Rt(float[] b, int n) {
        int m0 = 0, m1 = 0, m2 = 0, m3 = 0, m4 = 0, m5 = 0, m6 = 0, m7 = 0;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            m0 = Math.max(m0, Float.floatToRawIntBits(b[i]) & 0x7fff_ffff);
            m1 = Math.max(m1, Float.floatToRawIntBits(b[i + 1]) & 0x7fff_ffff);
            m2 = Math.max(m2, Float.floatToRawIntBits(b[i + 2]) & 0x7fff_ffff);
            m3 = Math.max(m3, Float.floatToRawIntBits(b[i + 3]) & 0x7fff_ffff);
            m4 = Math.max(m4, Float.floatToRawIntBits(b[i + 4]) & 0x7fff_ffff);
            m5 = Math.max(m5, Float.floatToRawIntBits(b[i + 5]) & 0x7fff_ffff);
            m6 = Math.max(m6, Float.floatToRawIntBits(b[i + 6]) & 0x7fff_ffff);
            m7 = Math.max(m7, Float.floatToRawIntBits(b[i + 7]) & 0x7fff_ffff);
        }
        for (; i < n; i++) m0 = Math.max(m0, Float.floatToRawIntBits(b[i]) & 0x7fff_ffff);
        return Math.max(Math.max(Math.max(m0, m1), Math.max(m2, m3)), Math.max(Math.max(m4, m5), Math.max(m6, m7)));
    }

    /**
     * Finiteness alone, no peak: ORs {@code (exponent field + 1)} so that only an all-ones exponent (NaN, Inf)
     * carries into the sign bit. Branch-free with no compare, for measurement against {@link #peakBitsRt}.
     */
    @RealtimeSafe
    public static boolean finiteRt(float[] b, int n) {
        int o0 = 0, o1 = 0, o2 = 0, o3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            o0 |= (Float.floatToRawIntBits(b[i]) & 0x7f80_0000) + 0x0080_0000;
            o1 |= (Float.floatToRawIntBits(b[i + 1]) & 0x7f80_0000) + 0x0080_0000;
            o2 |= (Float.floatToRawIntBits(b[i + 2]) & 0x7f80_0000) + 0x0080_0000;
            o3 |= (Float.floatToRawIntBits(b[i + 3]) & 0x7f80_0000) + 0x0080_0000;
        }
        for (; i < n; i++) o0 |= (Float.floatToRawIntBits(b[i]) & 0x7f80_0000) + 0x0080_0000;
        return ((o0 | o1) | (o2 | o3)) >= 0;
    }
}
