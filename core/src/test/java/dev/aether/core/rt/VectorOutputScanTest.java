package dev.aether.core.rt;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The guard's OR scans agree bit for bit with a one-sample-at-a-time reference: {@link VectorOutputScan} (the Vector
 * API) and {@link OutputScan#orBitsRt} (vector or scalar, as the JVM runs), over blocks of any length up to past a block and a vector, holding NaN, both
 * infinities, denormals, signed zeros and ordinary samples anywhere.
 */
class VectorOutputScanTest {
    private static final Float[] SPECIAL = {
        Float.NaN, Float.intBitsToFloat(0xffc0_0001), Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MIN_VALUE, -Float.MIN_VALUE, 1e-31f, -0f, 0f, Float.MAX_VALUE, -Float.MAX_VALUE, 1.5f, 2.5f,
    };

    @Example
    void theTestJvmScansWithVectorsFromJdk25() {
        // this test runs with --add-modules=jdk.incubator.vector (surefire execution vector-guard), as
        // AETHER_VECTOR=on bin/aether does: from JDK 25 the guard takes the vector path, on 17 it stays scalar
        assertThat(OutputScan.VECTORISED).as("OutputScan.VECTORISED on JDK %d with jdk.incubator.vector in the boot layer",
                Runtime.version().feature()).isEqualTo(Runtime.version().feature() >= 25);
    }

    @Property(tries = 2000)
    void vectorAndScalarScansAgree(@ForAll("blocks") float[] b) {
        for (int n = 0; n <= b.length; n += Math.max(1, b.length / 7)) {
            assertThat(VectorOutputScan.orBitsRt(b, n)).as("OR of %d samples", n).isEqualTo(orOfMagnitudes(b, n));
        }
        assertThat(OutputScan.orBitsRt(b, b.length)).isEqualTo(orOfMagnitudes(b, b.length));
    }

    @Example
    void oneNonFiniteSampleAnywhereInABlockIsSeen() {
        for (int n : new int[] {1, 15, 16, 17, 63, 64, 65, 128}) {
            for (int at = 0; at < n; at++) {
                float[] b = new float[n];
                java.util.Arrays.fill(b, 0.25f);
                b[at] = Float.NaN;
                assertThat(VectorOutputScan.orBitsRt(b, n)).as("NaN at %d of %d", at, n)
                        .isGreaterThanOrEqualTo(OutputScan.NON_FINITE_BITS);
                b[at] = Float.NEGATIVE_INFINITY;
                assertThat(VectorOutputScan.orBitsRt(b, n)).as("-Inf at %d of %d", at, n)
                        .isGreaterThanOrEqualTo(OutputScan.NON_FINITE_BITS);
            }
        }
    }

    /** The reference: every sample's bits ORed one by one, the sign cleared. */
    private static int orOfMagnitudes(float[] b, int n) {
        int o = 0;
        for (int i = 0; i < n; i++) o |= Float.floatToRawIntBits(b[i]);
        return o & 0x7fff_ffff;
    }

    @Provide
    Arbitrary<float[]> blocks() {
        Arbitrary<Float> ordinary = Arbitraries.floats().between(-1f, 1f);
        Arbitrary<Float> special = Arbitraries.of(SPECIAL);
        Arbitrary<Float> anyBits = Arbitraries.integers().map(Float::intBitsToFloat);
        Arbitrary<Float> sample = Arbitraries.frequencyOf(Tuple.of(8, ordinary), Tuple.of(1, special), Tuple.of(1, anyBits));
        return sample.array(float[].class).ofMinSize(0).ofMaxSize(130);
    }
}
