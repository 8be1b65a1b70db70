package dev.aether.core.testing;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;

/** Multiplies its input by a smoothed gain, filled per sample. Ports: in, out. Param: gain 0..1. */
public final class TestGain implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam gain = Params.unit("gain", 1);
    private float[] g = new float[0];

    @Override public void prepare(double sampleRate, int maxFrames) { g = new float[maxFrames]; }

    @Override public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), y = ctx.out(out);
        int n = ctx.frames();
        gain.fillRt(g, n);
        for (int i = 0; i < n; i++) y[i] = x[i] * g[i];
    }
}
