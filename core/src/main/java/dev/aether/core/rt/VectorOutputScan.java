package dev.aether.core.rt;

import dev.aether.core.RealtimeSafe;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link OutputScan#orBitsRt} in the Vector API: the samples' bits a whole vector at a time (16 floats per load with
 * AVX-512, 8 with AVX2), the last {@code n % lanes} samples in scalar code. Same result as the scalar scan, bit
 * for bit. Used only on JDK 25 or later with the {@code jdk.incubator.vector} module in the boot layer ({@link
 * OutputScan#VECTORISED}). C2 compiles the vectors into registers: nothing is allocated once the scan is compiled
 * (the zero-allocation tests run with the module); before that the vector boxes are garbage, as in any warm-up.
 * Stateless; any thread.
 */
final class VectorOutputScan {
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final int MAGNITUDE = 0x7fff_ffff;

    private VectorOutputScan() {}

    /** {@link OutputScan#orBitsRt}: the OR of every sample's magnitude bits over {@code i < n}. */
    @RealtimeSafe
    static int orBitsRt(float[] b, int n) {
        int whole = FLOATS.loopBound(n);
        IntVector acc = IntVector.zero(INTS);
        int i = 0;
        for (; i < whole; i += FLOATS.length()) acc = acc.or(FloatVector.fromArray(FLOATS, b, i).reinterpretAsInts());
        int o = acc.reduceLanes(VectorOperators.OR);
        for (; i < n; i++) o |= Float.floatToRawIntBits(b[i]);
        return o & MAGNITUDE;
    }
}
