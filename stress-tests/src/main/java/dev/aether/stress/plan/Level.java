package dev.aether.stress.plan;

import dev.aether.core.DspNode;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import java.util.Arrays;

/** Outputs a constant level. Ports: out (mono). Audio thread ({@code process}); built on the control thread. */
public final class Level implements DspNode {
    public final OutputPort out = Ports.audioOut("out");
    private final float value;

    public Level(float value) { this.value = value; }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) { Arrays.fill(ctx.out(out), 0, ctx.frames(), value); }
}
