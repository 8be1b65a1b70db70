package dev.aether.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.nodes.delay.FeedbackDelay;
import dev.aether.nodes.dynamics.Compressor;
import dev.aether.nodes.mix.Pan;
import dev.aether.testkit.NodeHarness;
import dev.aether.testkit.signals.Allocations;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The block paths of the arrangement's effects allocate nothing: the compressor's passes, the echo's steady and rest
 * blocks, the pan's kept gains. After warm-up, windows of 10,000 blocks (noise, then silence long enough for the echo to
 * rest) until two in a row allocate 0 bytes on this thread.
 */
class BlockPathsAllocationTest {
    @ParameterizedTest
    @ValueSource(strings = {"comp", "delay", "pan"})
    void shouldAllocateNothingInTheBlockPaths(String kind) throws Exception {
        assumeTrue(Allocations.supported(), "this JVM does not count allocated bytes per thread");
        DspNode node = switch (kind) {
            case "comp" -> new Compressor().thresholdDb(-20).ratio(4);
            case "delay" -> new FeedbackDelay(500).delayMillis(180);
            default -> new Pan();
        };
        NodeHarness h = new NodeHarness(node, 48_000, 64);
        SplittableRandom rnd = new SplittableRandom(3);
        float[] x = new float[48_000 * 10];
        for (int i = 0; i < 48_000 * 4; i++) x[i] = (float) (0.25 * (rnd.nextDouble() * 2 - 1));   // then 6 s of silence
        InputPort in = h.spec().inputs().get(0);
        h.input(in, x);
        for (int b = 0; b < 2_000; b++) h.renderBlock(64);
        long[] bytes = Allocations.untilTwoQuietWindows(Thread.currentThread(), 6, () -> {
            for (int b = 0; b < 10_000; b++) h.renderBlock(64);
        });
        assertThat(Allocations.endsQuiet(bytes)).as("%s: bytes allocated per window of 10,000 blocks %s", kind,
                Arrays.toString(bytes)).isTrue();
    }
}
