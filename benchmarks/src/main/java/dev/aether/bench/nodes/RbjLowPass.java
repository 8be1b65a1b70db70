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

/**
 * RBJ biquad low-pass (direct form I, double state, the feedback through y[n-1] added last: the same
 * arithmetic as {@code FusedVoices}), a stand-in for the stdlib biquad.
 * Ports: in, out (mono). Params: cutoffHz 20..20000 Hz, default 1000 (coefficients recomputed once per
 * block while it ramps, never at rest). Q fixed at construction (default 0.707). State: x1, x2, y1, y2, the y's flushed
 * to zero below 1e-25 at the end of each block.
 */
public final class RbjLowPass implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam cutoffHz = Params.hz("cutoffHz", 1_000, 20, 20_000);
    private final double q;
    private double b0, b1, b2, a1, a2;
    private double designedHz = -1, designedRate = -1;
    private double x1, x2, y1, y2;

    public RbjLowPass() { this(0.707); }

    public RbjLowPass(double q) { this.q = q; }

    @ControlThread public RbjLowPass cutoffHz(double hz) { cutoffHz.set(hz); return this; }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), y = ctx.out(out);
        int n = ctx.frames();
        double hz = cutoffHz.currentRt();
        if (hz != designedHz || ctx.sampleRate() != designedRate) design(hz, ctx.sampleRate());
        double c0 = b0, c1 = b1, c2 = b2, d1 = a1, d2 = a2, xa = x1, xb = x2, ya = y1, yb = y2;
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            double yi = (c0 * xi + c1 * xa + c2 * xb - d2 * yb) - d1 * ya;
            xb = xa;
            xa = xi;
            yb = ya;
            ya = yi;
            y[i] = (float) yi;
        }
        x1 = xa;
        x2 = xb;
        y1 = flush(ya);
        y2 = flush(yb);
    }

    private void design(double hz, double rate) {
        double w0 = 2 * Math.PI * hz / rate;
        double cos = Math.cos(w0), alpha = Math.sin(w0) / (2 * q);
        double a0 = 1 + alpha;
        b0 = (1 - cos) / 2 / a0;
        b1 = (1 - cos) / a0;
        b2 = b0;
        a1 = -2 * cos / a0;
        a2 = (1 - alpha) / a0;
        designedHz = hz;
        designedRate = rate;
    }

    /** Zero for |v| < 1e-25 (keeps feedback state out of the denormal range). */
    @RealtimeSafe
    public static double flush(double v) { return Math.abs(v) < 1e-25 ? 0 : v; }

    @Override public void reset() { x1 = 0; x2 = 0; y1 = 0; y2 = 0; }
}
