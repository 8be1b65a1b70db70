package dev.aether.nodes.filter;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.NodeState;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;
import dev.aether.nodes.Dsp;

/**
 * Removes DC: {@code y[n] = x[n] - x[n-1] + R y[n-1]}, {@code R = exp(-2 pi cutoffHz / fs)}: a zero at DC and a
 * pole just inside it, about -3 dB at {@code cutoffHz} and flat (within 0.01 dB) from 10 times that up.
 * Confined to the audio thread except where noted; {@link #process} is {@link RealtimeSafe}.
 *
 * <ul>
 * <li>Input {@code in}, output {@code out}: mono.
 * <li>Param {@code cutoffHz}: Hz, 1..200, default 10, exponential smoothing (R interpolated across the block).
 * <li>State: previous input and output.
 * </ul>
 */
public final class DcBlocker implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam cutoffHz = Params.hz("cutoffHz", 10, 1, 200);

    private double x1, y1;

    @ControlThread public DcBlocker cutoffHz(double hz) { cutoffHz.set(hz); return this; }
    public double cutoffHz() { return cutoffHz.get(); }

    @Override @RealtimeSafe public void process(ProcessContext ctx) {
        int n = ctx.frames();
        float[] x = ctx.in(in), o = ctx.out(out);
        double w = Dsp.TWO_PI / ctx.sampleRate();
        double r0 = Math.exp(-w * cutoffHz.currentRt()), r1 = Math.exp(-w * cutoffHz.advanceRt(n));
        double dr = (r1 - r0) / n;
        double xp = x1, yp = y1;
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            yp = xi - xp + (r0 + dr * i) * yp;
            xp = xi;
            o[i] = (float) yp;
        }
        x1 = xp;
        y1 = Dsp.flushDenormal(yp);
    }

    @Override public void reset() { x1 = 0; y1 = 0; }

    /** Previous input and output. */
    public record State(double x1, double y1) implements NodeState {}

    @Override public NodeState saveState() { return new State(x1, y1); }

    @Override public void restoreState(NodeState s) {
        if (s instanceof State st) { x1 = st.x1(); y1 = st.y1(); }
    }
}
