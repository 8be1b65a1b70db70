package dev.aether.nodes.filter;

import dev.aether.nodes.testing.NodeContract;
import dev.aether.nodes.testing.NodeContract.Case;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FilterContractTest {
    static Stream<Case> nodes() {
        float[] x = NodeContract.testSignal(20_000, 3);
        float[] mod = NodeContract.testSignal(20_000, 5);
        Stream.Builder<Case> b = Stream.builder();
        for (BiquadFilter.Mode m : BiquadFilter.Mode.values()) {
            b.add(NodeContract.of("BiquadFilter " + m, () -> new BiquadFilter(m).cutoffHz(700).q(2).gainDb(6), "in", x));
        }
        b.add(NodeContract.of("StateVariableFilter", () -> new StateVariableFilter().cutoffHz(900).q(3), "in", x));
        b.add(NodeContract.of("StateVariableFilter modulated", () -> new StateVariableFilter(StateVariableFilter.Mode.PEAK)
                .cutoffHz(900).q(3), "in", x, "cutoffMod", mod));
        b.add(NodeContract.of("OnePoleLowPass", () -> new OnePoleLowPass().cutoffHz(500), "in", x));
        b.add(NodeContract.of("OnePoleHighPass", () -> new OnePoleHighPass().cutoffHz(500), "in", x));
        b.add(NodeContract.of("DcBlocker", () -> new DcBlocker().cutoffHz(30), "in", x));
        return b.build();
    }

    @ParameterizedTest @MethodSource("nodes")
    void shouldContinueBitIdenticallyAfterSaveAndRestore(Case c) { NodeContract.assertSaveRestoreBitIdentical(c); }

    @ParameterizedTest @MethodSource("nodes")
    void shouldRenderTheSameAfterReset(Case c) { NodeContract.assertResetDeterministic(c); }

    @ParameterizedTest @MethodSource("nodes")
    void shouldNotAllocateWhileRendering(Case c) { NodeContract.assertNoAllocation(c); }
}
