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
 * A one-pole (6 dB/oct) low-pass, the analog RC filter through the trapezoidal (TPT) integrator with pre-warped
 * cutoff: {@code |H(cutoffHz)| = 1/sqrt 2} (-3.01 dB) exactly, unity at DC, zero at Nyquist. Confined to the
 * audio thread except where noted; {@link #process} is {@link RealtimeSafe}.
 *
 * <ul>
 * <li>Input {@code in}, output {@code out}: mono.
 * <li>Param {@code cutoffHz}: Hz, 10..20000, default 1000 (clamped to 0.49 fs), exponential smoothing, per sample.
 * <li>State: the integrator state s.
 * </ul>
 */
public final class OnePoleLowPass implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam cutoffHz = Params.hz("cutoffHz", 1_000, 10, 20_000);

    private float[] cutoffBuf = new float[1024];
    private double s;

    @ControlThread public OnePoleLowPass cutoffHz(double hz) { cutoffHz.set(hz); return this; }
    public double cutoffHz() { return cutoffHz.get(); }

    @Override public void prepare(double sampleRate, int maxFrames) {
        if (cutoffBuf.length < maxFrames) cutoffBuf = new float[maxFrames];
    }

    /** The TPT gain G = g / (1 + g), g = tan(pi fc / fs). */
    static double gain(double hz, double sr) {
        double g = Math.tan(Math.PI * Dsp.clamp(hz, 10, 0.49 * sr) / sr);
        return g / (1 + g);
    }

    @Override @RealtimeSafe public void process(ProcessContext ctx) {
        int n = ctx.frames();
        float[] x = ctx.in(in), o = ctx.out(out);
        double sr = ctx.sampleRate();
        boolean ramp = cutoffHz.isSmoothingRt();
        if (ramp) cutoffHz.fillRt(cutoffBuf, n);
        double gg = gain(cutoffHz.currentRt(), sr);
        double z = s;
        for (int i = 0; i < n; i++) {
            if (ramp) gg = gain(cutoffBuf[i], sr);
            double v = (x[i] - z) * gg;
            double y = v + z;
            z = y + v;
            o[i] = (float) y;
        }
        s = Dsp.flushDenormal(z);
    }

    @Override public void reset() { s = 0; }

    /** The integrator state. */
    public record State(double s) implements NodeState {}

    @Override public NodeState saveState() { return new State(s); }

    @Override public void restoreState(NodeState st) { if (st instanceof State v) s = v.s(); }
}
