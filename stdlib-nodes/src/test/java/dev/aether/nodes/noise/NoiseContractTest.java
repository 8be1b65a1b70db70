package dev.aether.nodes.noise;

import dev.aether.nodes.testing.NodeContract;
import dev.aether.nodes.testing.NodeContract.Case;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NoiseContractTest {
    static Stream<Case> nodes() {
        return Stream.of(
                NodeContract.of("WhiteNoise", () -> new WhiteNoise().seed(42)),
                NodeContract.of("PinkNoise", () -> new PinkNoise().seed(42)),
                NodeContract.of("BrownNoise", () -> new BrownNoise().seed(42)));
    }

    @ParameterizedTest @MethodSource("nodes")
    void shouldContinueBitIdenticallyAfterSaveAndRestore(Case c) { NodeContract.assertSaveRestoreBitIdentical(c); }

    @ParameterizedTest @MethodSource("nodes")
    void shouldRenderTheSameAfterReset(Case c) { NodeContract.assertResetDeterministic(c); }

    @ParameterizedTest @MethodSource("nodes")
    void shouldNotAllocateWhileRendering(Case c) { NodeContract.assertNoAllocation(c); }
}
