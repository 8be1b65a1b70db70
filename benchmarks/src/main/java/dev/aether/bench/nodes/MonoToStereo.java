package dev.aether.bench.nodes;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;

/**
 * The plain stereo sum: everything connected to {@code in} is summed by the engine, then copied to both
 * sides. Ports: in (mono), out (stereo). No params, no state.
 */
public final class MonoToStereo implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out", 2);

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        int n = ctx.frames();
        float[] x = ctx.in(in);
        System.arraycopy(x, 0, ctx.out(out, 0), 0, n);
        System.arraycopy(x, 0, ctx.out(out, 1), 0, n);
    }
}
