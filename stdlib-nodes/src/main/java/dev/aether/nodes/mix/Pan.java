package dev.aether.nodes.mix;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;

/**
 * Constant-power mono-to-stereo pan: {@code L = cos((p + 1) pi/4) in}, {@code R = sin((p + 1) pi/4) in}, so
 * {@code L^2 + R^2 = in^2} everywhere and the centre is -3.01 dB per side. A steady position reuses the last
 * block's gains (no cos and sin; {@code PanRestTest}). Confined to the audio thread except where noted.
 *
 * <ul>
 * <li>Ports: {@code in} (mono), {@code out} (stereo).</li>
 * <li>Params: {@code position} -1 (left) .. 1 (right), default 0.</li>
 * <li>State: none.</li>
 * </ul>
 */
public final class Pan implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out", 2);
    public final SmoothedParam position = Params.linear("position", "", 0, -1, 1);

    private double lastP = Double.NaN;                  // audio thread: the steady position of the last block
    private float lastL, lastR;                          // and its gains

    public Pan() {}
    public Pan(double position) { this.position.reset(position); }

    @ControlThread public Pan position(double p) { position.set(p); return this; }
    public double position() { return position.get(); }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), l = ctx.out(out, 0), r = ctx.out(out, 1);
        int n = ctx.frames();
        if (!position.isSmoothingRt()) {
            double p = position.currentRt();
            if (p != lastP) {                                  // the pan law's cos and sin only when it moved
                lastP = p;
                lastL = (float) Gains.panLeft(p);
                lastR = (float) Gains.panRight(p);
            }
            float gl = lastL, gr = lastR;
            for (int i = 0; i < n; i++) { l[i] = x[i] * gl; r[i] = x[i] * gr; }
            return;
        }
        for (int i = 0; i < n; i++) {
            double p = position.nextRt();
            l[i] = (float) (x[i] * Gains.panLeft(p));
            r[i] = (float) (x[i] * Gains.panRight(p));
        }
    }
}
