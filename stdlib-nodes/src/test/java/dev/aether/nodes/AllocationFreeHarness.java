package dev.aether.nodes;

import dev.aether.core.DspNode;
import dev.aether.core.NodeSpec;
import dev.aether.core.ProcessContext;
import dev.aether.core.param.SmoothedParam;

/**
 * Renders a node block by block exactly like {@code NodeHarness.renderBlock} but over arrays, so the
 * harness itself allocates nothing (NodeHarness iterates {@code spec.params()} with an iterator, which on
 * JDK 17 costs 64 bytes per block). Inputs are fixed buffers filled once with seeded noise / gate squares.
 */
final class AllocationFreeHarness {
    private final DspNode node;
    private final SmoothedParam[] params;
    private final ProcessContext ctx;
    private long time;

    AllocationFreeHarness(DspNode node, double sampleRate, int blockSize) {
        this.node = node;
        NodeSpec spec = NodeSpec.of(node).bind(this, sampleRate);
        node.prepare(sampleRate, blockSize);
        params = spec.params().toArray(new SmoothedParam[0]);
        ctx = new ProcessContext(sampleRate);
        float[][][] in = new float[spec.inputs().size()][][];
        java.util.Random rnd = new java.util.Random(5);
        for (int i = 0; i < in.length; i++) {
            String name = spec.inputs().get(i).name();
            in[i] = new float[spec.inputs().get(i).channels()][blockSize];
            for (float[] ch : in[i]) {
                for (int k = 0; k < blockSize; k++) {
                    ch[k] = name.equals("gate") || name.equals("trigger") ? (k < blockSize / 2 ? 1f : 0f)
                            : (float) (rnd.nextDouble() - 0.5);
                }
            }
        }
        float[][][] out = new float[spec.outputs().size()][][];
        for (int i = 0; i < out.length; i++) out[i] = new float[spec.outputs().get(i).channels()][blockSize];
        ctx.bind(in, out);
    }

    void renderBlock(int n) {
        SmoothedParam[] ps = params;
        for (int i = 0; i < ps.length; i++) ps[i].beginBlockRt(time, n);
        ctx.time(time, n, 120, 0);
        node.process(ctx);
        for (int i = 0; i < ps.length; i++) ps[i].endBlockRt();
        time += n;
    }
}
