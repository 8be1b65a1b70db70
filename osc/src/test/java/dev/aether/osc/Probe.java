package dev.aether.osc;

import dev.aether.core.DspNode;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;

/**
 * A node that sounds its parameter {@code level} (0..1000, no ramp) as a DC signal, and remembers the engine sample
 * at which that value first changed and the value of its last sample: what "sounds" in the OSC tests.
 */
final class Probe implements DspNode {
    final OutputPort out = Ports.audioOut("out");
    final SmoothedParam level = Params.linear("level", "", 0, 0, 1_000).smoothingSeconds(0);
    private double first = Double.NaN;
    volatile long firstChange = -1;
    volatile double heard;

    @Override public void process(ProcessContext ctx) {
        float[] o = ctx.out(out);
        int n = ctx.frames();
        long t = ctx.sampleTime();
        double v = 0;
        for (int i = 0; i < n; i++) {
            v = level.nextRt();
            o[i] = (float) (v * 1e-4);                       // quiet: far below the master limiter
            if (first != first) first = v;
            else if (firstChange < 0 && v != first) firstChange = t + i;
        }
        heard = v;
    }
}
