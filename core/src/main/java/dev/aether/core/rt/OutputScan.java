package dev.aether.core.rt;

import dev.aether.core.RealtimeSafe;

/**
 * The scheduler's guard over one output buffer: the largest magnitude of a block as raw float bits, from which
 * finiteness ({@code >= NON_FINITE_BITS} is NaN or Inf), the peak and the denormal-tail decision all follow, and a
 * cheaper upper bound of it ({@link #orBitsRt}) that settles finiteness and denormal tails alone for most blocks.
 * Stateless; any thread.
 *
 * <p>The OR has two implementations that give the same bits. When a JDK 25 or later runs with {@code --add-modules
 * jdk.incubator.vector} ({@code AETHER_VECTOR=on bin/aether}) it is {@link VectorOutputScan}'s: whole vectors of
 * samples per load, a few ns per 64 samples where the scalar OR takes 10–20 (C2 does not vectorise a float-to-bits
 * reduction on JDK 17 or 25: README, issue 15). Without the module, or with {@code -Daether.vector=false}, it is the
 * scalar loop below. The choice is a constant of the class, so C2 compiles one of them into the guard. The exact max
 * stays scalar: it runs for the few nodes metered in a block, and in a meter's loop is where JDK 17 compiled the
 * vector scan without its intrinsics.
 */
public final class OutputScan {
    /** Largest |x| as raw bits; bits at or above this are NaN or Inf. */
    public static final int NON_FINITE_BITS = 0x7f80_0000;
    /** Outputs whose largest |x| is below 1e-30 (but not zero) are denormal tails: zeroed. */
    public static final int TINY_BITS = Float.floatToRawIntBits(1e-30f);
    /**
     * True when the scans use the Vector API: JDK 25 or later, the incubator module in the boot layer, and not turned
     * off. JDK 17's C2 does not always compile the API's calls into vector instructions (in some compilations, such
     * as an on-stack replacement of a loop the scan is inlined into, it calls the Java fallback, which allocates: the
     * audio thread allocated 5 KB a block in 2 of 4 runs of {@code ZeroAllocationTest}), so 17 keeps the scalar scans.
     */
    public static final boolean VECTORISED = Runtime.version().feature() >= 25
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty("aether.vector"));

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

    /**
     * The OR of every sample's magnitude bits over {@code i < n}: one branch-free pass. An upper bound of {@link #peakBitsRt}: below
     * {@link #NON_FINITE_BITS} proves every sample finite, below {@link #TINY_BITS} proves every sample tiny. At or
     * above {@code NON_FINITE_BITS} it proves nothing (finite samples can OR to an all-ones exponent, e.g. 1.5 and
     * 2.5): ask {@link #peakBitsRt}.
     */
    @RealtimeSafe
    public static int orBitsRt(float[] b, int n) {
        if (VECTORISED) return VectorOutputScan.orBitsRt(b, n);
        // scalar: four OR chains in a counted loop (one chain was 64 dependent ORs)
        int o0 = 0, o1 = 0, o2 = 0, o3 = 0;
        int m = n & ~3;
        for (int i = 0; i < m; i += 4) {
            o0 |= Float.floatToRawIntBits(b[i]);
            o1 |= Float.floatToRawIntBits(b[i + 1]);
            o2 |= Float.floatToRawIntBits(b[i + 2]);
            o3 |= Float.floatToRawIntBits(b[i + 3]);
        }
        for (int i = m; i < n; i++) o0 |= Float.floatToRawIntBits(b[i]);
        return ((o0 | o1) | (o2 | o3)) & 0x7fff_ffff;
    }
}
