package dev.aether.core.testing;

import dev.aether.core.DspNode;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import java.util.Arrays;

/** Outputs a constant. Ports: out. */
public final class Constant implements DspNode {
    public final OutputPort out = Ports.audioOut("out");
    private final float value;
    public Constant(float value) { this.value = value; }
    @Override public void process(ProcessContext ctx) { Arrays.fill(ctx.out(out), 0, ctx.frames(), value); }
}
