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
 * RBJ biquad low-pass (transposed direct form II, double state), a stand-in for the stdlib biquad.
 * Ports: in, out (mono). Params: cutoffHz 20..20000 Hz, default 1000 (coefficients recomputed once per
 * block while it ramps, never at rest). Q fixed at construction (default 0.707). State: z1, z2, flushed
 * to zero below 1e-25 at the end of each block.
 */
public final class RbjLowPass implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam cutoffHz = Params.hz("cutoffHz", 1_000, 20, 20_000);
    private final double q;
    private double b0, b1, b2, a1, a2;
    private double designedHz = -1, designedRate = -1;
    private double z1, z2;

    public RbjLowPass() { this(0.707); }

    public RbjLowPass(double q) { this.q = q; }

    @ControlThread public RbjLowPass cutoffHz(double hz) { cutoffHz.set(hz); return this; }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), y = ctx.out(out);
        int n = ctx.frames();
        double hz = cutoffHz.currentRt();
        if (hz != designedHz || ctx.sampleRate() != designedRate) design(hz, ctx.sampleRate());
        double c0 = b0, c1 = b1, c2 = b2, d1 = a1, d2 = a2, s1 = z1, s2 = z2;
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            double yi = c0 * xi + s1;
            s1 = c1 * xi - d1 * yi + s2;
            s2 = c2 * xi - d2 * yi;
            y[i] = (float) yi;
        }
        z1 = flush(s1);
        z2 = flush(s2);
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

    @Override public void reset() { z1 = 0; z2 = 0; }
}
