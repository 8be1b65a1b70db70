package dev.aether.core.graph;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;

/** The stereo master bus every audible chain ends in. Ports: in (stereo, summed), out (stereo, to the driver). */
public final class MasterBus implements DspNode {
    public final InputPort in = Ports.audioIn("in", 2);
    public final OutputPort out = Ports.audioOut("out", 2);

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        int n = ctx.frames();
        System.arraycopy(ctx.in(in, 0), 0, ctx.out(out, 0), 0, n);
        System.arraycopy(ctx.in(in, 1), 0, ctx.out(out, 1), 0, n);
    }

    @Override public String typeName() { return "master"; }
}
