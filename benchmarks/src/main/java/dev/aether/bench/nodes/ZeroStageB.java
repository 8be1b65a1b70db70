package dev.aether.bench.nodes;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import java.util.Arrays;

/**
 * Scheduler-overhead probe: ignores its input and fills its mono output with {@link ZeroStages#level} (0, silence,
 * unless a benchmark sets it). Four identical classes ({@code ZeroStageA..D}) make the scheduler's {@code process} call site megamorphic, as in a real patch.
 * Ports: in (mono), out (mono). No params, no state.
 */
public final class ZeroStageB implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out");

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        Arrays.fill(ctx.out(out), 0, ctx.frames(), ZeroStages.level);
    }
}
