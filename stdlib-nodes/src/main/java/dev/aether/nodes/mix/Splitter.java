package dev.aether.nodes.mix;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;

/**
 * Copies one input to N outputs {@code out0 .. out(N-1)} (for graphs that want distinct fan-out points; an
 * output can also be connected to many inputs directly). Confined to the audio thread.
 *
 * <ul>
 * <li>Ports: {@code in} (mono); {@code outs[k]} named {@code out<k>} (mono).</li>
 * <li>Params, state: none.</li>
 * </ul>
 */
public final class Splitter implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort[] outs;

    /** A splitter with {@code count} outputs (1..64). */
    public Splitter(int count) {
        if (count < 1 || count > 64) throw new IllegalArgumentException("count must be 1..64, was " + count);
        outs = new OutputPort[count];
        for (int k = 0; k < count; k++) outs[k] = Ports.audioOut("out" + k);
    }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in);
        int n = ctx.frames();
        for (OutputPort o : outs) System.arraycopy(x, 0, ctx.out(o), 0, n);
    }
}
