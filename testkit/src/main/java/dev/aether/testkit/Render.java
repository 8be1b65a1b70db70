package dev.aether.testkit;

import dev.aether.core.DspNode;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.param.SmoothedParam;

/** Small rendering shortcuts over {@link NodeHarness} at 48 kHz, block 64. The test's thread. */
public final class Render {
    public static final double SR = 48_000;
    private Render() {}

    /** A harness over {@code node} with its parameters snapped to their targets (no start-up ramp). */
    public static NodeHarness harness(DspNode node) {
        for (SmoothedParam p : NodeSpec.of(node).params()) p.reset(p.get());
        return new NodeHarness(node, SR, 64);
    }

    /** Renders {@code frames} of the node's first output, channel 0, after snapping params. */
    public static float[] mono(DspNode node, int frames) { return harness(node).render(frames)[0][0]; }
}
