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
import java.util.Objects;

/**
 * A zero-delay-feedback (topology-preserving transform) state-variable filter after Andrew Simper (Cytomic) and
 * Vadim Zavalishin: the analog SVF through the trapezoidal integrator with pre-warped cutoff, so the response at
 * {@code cutoffHz} is exactly the analog one (low-pass: gain Q, i.e. -3.01 dB at Q = 0.7071), and cutoff can
 * move every sample without blowing up. Confined to the audio thread except where noted; {@link #process} is
 * {@link RealtimeSafe}.
 *
 * <ul>
 * <li>Input {@code in}: mono audio.
 * <li>Input {@code cutoffMod}: per-sample cutoff offset in octaves: the cutoff is
 *     {@code cutoffHz * 2^cutoffMod}, clamped to 10 Hz..0.49 fs (unconnected: 0).
 * <li>Output {@code out}: the response chosen by {@link #mode(Mode)} (default LOW_PASS).
 * <li>Outputs {@code lowPass}, {@code bandPass}, {@code highPass}, {@code notch}: all four, always written.
 *     {@code bandPass} is normalised to 0 dB at the centre ({@code k * v1}); {@code notch = in - bandPass}.
 * <li>Param {@code cutoffHz}: Hz, 10..20000, default 1000, exponential smoothing, per sample.
 * <li>Param {@code q}: 0.1..40, default 0.7071, linear smoothing (read per block, interpolated).
 * <li>State: the two integrator states ic1eq, ic2eq.
 * </ul>
 */
public final class StateVariableFilter implements DspNode {
    /** Which response {@code out} carries. PEAK is low minus high, ALL_PASS is {@code in - 2 bandPass}. */
    public enum Mode { LOW_PASS, BAND_PASS, HIGH_PASS, NOTCH, PEAK, ALL_PASS }

    public final InputPort in = Ports.audioIn("in");
    public final InputPort cutoffMod = Ports.audioIn("cutoffMod");
    public final OutputPort out = Ports.audioOut("out");
    public final OutputPort lowPass = Ports.audioOut("lowPass");
    public final OutputPort bandPass = Ports.audioOut("bandPass");
    public final OutputPort highPass = Ports.audioOut("highPass");
    public final OutputPort notch = Ports.audioOut("notch");
    public final SmoothedParam cutoffHz = Params.hz("cutoffHz", 1_000, 10, 20_000);
    public final SmoothedParam q = Params.linear("q", "", 0.7071, 0.1, 40);

    private volatile Mode mode = Mode.LOW_PASS;
    private float[] cutoffBuf = new float[1024];
    private double ic1, ic2;

    public StateVariableFilter() {}

    public StateVariableFilter(Mode mode) { this.mode = Objects.requireNonNull(mode); }

    @ControlThread public StateVariableFilter mode(Mode m) { mode = Objects.requireNonNull(m); return this; }
    public Mode mode() { return mode; }
    @ControlThread public StateVariableFilter cutoffHz(double hz) { cutoffHz.set(hz); return this; }
    public double cutoffHz() { return cutoffHz.get(); }
    @ControlThread public StateVariableFilter q(double v) { q.set(v); return this; }
    public double q() { return q.get(); }

    @Override public void prepare(double sampleRate, int maxFrames) {
        if (cutoffBuf.length < maxFrames) cutoffBuf = new float[maxFrames];
    }

    @Override @RealtimeSafe public void process(ProcessContext ctx) {
        int n = ctx.frames();
        float[] x = ctx.in(in), mod = ctx.in(cutoffMod);
        float[] o = ctx.out(out), lp = ctx.out(lowPass), bp = ctx.out(bandPass), hp = ctx.out(highPass),
                no = ctx.out(notch);
        double sr = ctx.sampleRate();
        double piOverSr = Math.PI / sr, fMax = 0.49 * sr;
        boolean modulated = false;
        for (int i = 0; i < n; i++) if (mod[i] != 0) { modulated = true; break; }
        boolean ramp = cutoffHz.isSmoothingRt();
        double fc = cutoffHz.currentRt();
        if (ramp) cutoffHz.fillRt(cutoffBuf, n);
        double k0 = 1 / q.currentRt(), k1 = 1 / q.advanceRt(n), dk = (k1 - k0) / n;
        boolean perSample = ramp || modulated;
        double g = Math.tan(piOverSr * Dsp.clamp(fc, 10, fMax));
        Mode m = mode;
        double s1 = ic1, s2 = ic2;
        boolean fixed = !perSample && dk == 0;          // coefficients constant over the block: no division per sample
        double c1 = 1 / (1 + g * (g + k0)), c2 = g * c1, c3 = g * c2;
        for (int i = 0; i < n; i++) {
            if (perSample) {
                double f = (ramp ? cutoffBuf[i] : fc);
                if (mod[i] != 0) f *= Math.pow(2, mod[i]);
                g = Math.tan(piOverSr * Dsp.clamp(f, 10, fMax));
            }
            double k = k0 + dk * i, a1, a2, a3;
            if (fixed) {
                a1 = c1; a2 = c2; a3 = c3;
            } else {
                a1 = 1 / (1 + g * (g + k)); a2 = g * a1; a3 = g * a2;
            }
            double v0 = x[i];
            double v3 = v0 - s2;
            double v1 = a1 * s1 + a2 * v3;
            double v2 = s2 + a2 * s1 + a3 * v3;
            s1 = 2 * v1 - s1;
            s2 = 2 * v2 - s2;
            double low = v2, band = k * v1, high = v0 - band - v2, nt = v0 - band;
            lp[i] = (float) low;
            bp[i] = (float) band;
            hp[i] = (float) high;
            no[i] = (float) nt;
            double y;                                   // no enum switch: see Lfo.process
            if (m == Mode.LOW_PASS) y = low;
            else if (m == Mode.BAND_PASS) y = band;
            else if (m == Mode.HIGH_PASS) y = high;
            else if (m == Mode.NOTCH) y = nt;
            else if (m == Mode.PEAK) y = low - high;
            else y = v0 - 2 * band;
            o[i] = (float) y;
        }
        ic1 = Dsp.flushDenormal(s1);
        ic2 = Dsp.flushDenormal(s2);
    }

    @Override public void reset() { ic1 = 0; ic2 = 0; }

    /** The trapezoidal integrators' equivalent currents (Simper's ic1eq, ic2eq). */
    public record State(double ic1eq, double ic2eq) implements NodeState {}

    @Override public NodeState saveState() { return new State(ic1, ic2); }

    @Override public void restoreState(NodeState s) {
        if (s instanceof State st) { ic1 = st.ic1eq(); ic2 = st.ic2eq(); }
    }
}
