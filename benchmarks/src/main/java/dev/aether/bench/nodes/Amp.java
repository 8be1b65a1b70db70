package dev.aether.bench.nodes;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;

/** Linear gain. Ports: in, out (mono). Params: gain 0..4, default 1 (linear ramp). No state. */
public final class Amp implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam gain = Params.linear("gain", "", 1, 0, 4);
    private float[] ramp = new float[0];

    @ControlThread public Amp gain(double g) { gain.set(g); return this; }

    @Override
    public void prepare(double sampleRate, int maxFrames) { ramp = new float[maxFrames]; }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), y = ctx.out(out);
        int n = ctx.frames();
        if (gain.isSmoothingRt()) {
            float[] g = ramp;
            gain.fillRt(g, n);
            for (int i = 0; i < n; i++) y[i] = x[i] * g[i];
        } else {
            float g = (float) gain.currentRt();
            for (int i = 0; i < n; i++) y[i] = x[i] * g;
        }
    }
}
