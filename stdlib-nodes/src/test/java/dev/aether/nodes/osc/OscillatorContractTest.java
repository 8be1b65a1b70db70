package dev.aether.nodes.osc;

import dev.aether.nodes.testing.NodeContract;
import dev.aether.nodes.testing.NodeContract.Case;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OscillatorContractTest {
    static Stream<Case> nodes() {
        float[] fmSig = NodeContract.testSignal(20_000, 7);
        float[] pmSig = NodeContract.testSignal(20_000, 11);
        float[] syncSig = new float[20_000];
        for (int i = 0; i < syncSig.length; i++) syncSig[i] = (float) Math.sin(2 * Math.PI * 97 * i / NodeContract.SR);
        for (int i = 0; i < fmSig.length; i++) fmSig[i] *= 200;
        return Stream.of(
                NodeContract.of("SineOscillator", () -> new SineOscillator().frequencyHz(331), "fm", fmSig, "pm", pmSig, "sync", syncSig),
                NodeContract.of("SawOscillator", () -> new SawOscillator().frequencyHz(331), "fm", fmSig, "pm", pmSig, "sync", syncSig),
                NodeContract.of("PulseOscillator", () -> new PulseOscillator().frequencyHz(331).width(0.3), "fm", fmSig, "pm", pmSig, "sync", syncSig),
                NodeContract.of("TriangleOscillator", () -> new TriangleOscillator().frequencyHz(331), "fm", fmSig, "pm", pmSig, "sync", syncSig),
                NodeContract.of("Lfo", () -> new Lfo().rateHz(3).range(-2, 5).shape(Lfo.Shape.TRIANGLE)),
                NodeContract.of("WavetableOscillator", () -> WavetableOscillator.saw().frequencyHz(331), "fm", fmSig, "pm", pmSig));
    }

    @ParameterizedTest @MethodSource("nodes")
    void shouldContinueBitIdenticallyAfterSaveAndRestore(Case c) { NodeContract.assertSaveRestoreBitIdentical(c); }

    @ParameterizedTest @MethodSource("nodes")
    void shouldRenderTheSameAfterReset(Case c) { NodeContract.assertResetDeterministic(c); }

    @ParameterizedTest @MethodSource("nodes")
    void shouldNotAllocateWhileRendering(Case c) { NodeContract.assertNoAllocation(c); }
}
