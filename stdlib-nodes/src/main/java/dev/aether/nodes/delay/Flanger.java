package dev.aether.nodes.delay;

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
import dev.aether.nodes.Quadrature;

/**
 * Stereo flanger: per channel a short delay swept by a sine LFO between {@code delayMillis} and
 * {@code delayMillis + depthMillis}, with feedback; the right LFO runs a quarter cycle behind the left.
 * {@code v_c = in + feedback * tap_c}, {@code out_c = (1 - mix) in + mix * tap_c}. Confined to the audio thread
 * except where noted.
 *
 * <ul>
 * <li>Ports: {@code in} (mono), {@code out} (stereo).</li>
 * <li>Params: {@code rateHz} Hz 0.01..10, default 0.25; {@code depthMillis} ms 0..10, default 3;
 *     {@code delayMillis} ms 0.1..10, default 1 (minimum delay); {@code feedback} -0.95..0.95, default 0.5;
 *     {@code mix} 0..1, default 0.5.</li>
 * <li>State: two buffers, write position, LFO phase ({@link State}).</li>
 * </ul>
 */
public final class Flanger implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out", 2);
    public final SmoothedParam rateHz = Params.hz("rateHz", 0.25, 0.01, 10);
    public final SmoothedParam depthMillis = Params.linear("depthMillis", "ms", 3, 0, 10);
    public final SmoothedParam delayMillis = Params.linear("delayMillis", "ms", 1, 0.1, 10);
    public final SmoothedParam feedback = Params.linear("feedback", "", 0.5, -0.95, 0.95);
    public final SmoothedParam mix = Params.unit("mix", 0.5);

    private final DelayBuffer left = new DelayBuffer(), right = new DelayBuffer();
    private double phase;
    private final Quadrature lfo = new Quadrature();

    public Flanger() { left.allocate(25 * 48.0); right.allocate(25 * 48.0); }

    @ControlThread public Flanger rateHz(double hz) { rateHz.set(hz); return this; }
    @ControlThread public Flanger depthMillis(double ms) { depthMillis.set(ms); return this; }
    @ControlThread public Flanger delayMillis(double ms) { delayMillis.set(ms); return this; }
    @ControlThread public Flanger feedback(double g) { feedback.set(g); return this; }
    @ControlThread public Flanger mix(double v) { mix.set(v); return this; }
    public double rateHz() { return rateHz.get(); }
    public double depthMillis() { return depthMillis.get(); }
    public double delayMillis() { return delayMillis.get(); }
    public double feedback() { return feedback.get(); }
    public double mix() { return mix.get(); }

    @Override @ControlThread
    public void prepare(double sr, int maxFrames) { left.allocate(25 * sr / 1000); right.allocate(25 * sr / 1000); }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), l = ctx.out(out, 0), r = ctx.out(out, 1);
        int n = ctx.frames();
        double sr = ctx.sampleRate(), toSamples = sr / 1000;
        double p = phase;
        boolean steadyRate = !rateHz.isSmoothingRt();           // then the LFO rotates instead of calling sin/cos
        if (steadyRate) lfo.anchor(p, rateHz.currentRt() / sr);
        for (int i = 0; i < n; i++) {
            double inc = rateHz.nextRt() / sr;
            double base = delayMillis.nextRt() * toSamples, depth = depthMillis.nextRt() * toSamples;
            double fb = feedback.nextRt(), m = mix.nextRt();
            // read before write: d samples back is d - 1 in the buffer
            double sin = steadyRate ? lfo.sin() : Math.sin(Dsp.TWO_PI * p);
            double cos = steadyRate ? lfo.cos() : Math.cos(Dsp.TWO_PI * p);
            if (steadyRate) lfo.step();
            double tl = left.readCubic(Math.max(1, base + depth * (0.5 + 0.5 * sin) - 1));
            double tr = right.readCubic(Math.max(1, base + depth * (0.5 + 0.5 * cos) - 1));
            double vl = x[i] + fb * tl, vr = x[i] + fb * tr;
            left.write((float) (Math.abs(vl) < 1e-25 ? 0 : vl));
            right.write((float) (Math.abs(vr) < 1e-25 ? 0 : vr));
            l[i] = (float) ((1 - m) * x[i] + m * tl);
            r[i] = (float) ((1 - m) * x[i] + m * tr);
            p += inc;
            if (p >= 1) p -= 1;
        }
        phase = p;
    }

    @Override @ControlThread public void reset() { left.clear(); right.clear(); phase = 0; }

    /** Saved state. */
    public record State(float[] left, float[] right, int writeIndex, double phase) implements NodeState {}

    @Override public NodeState saveState() { return new State(left.copy(), right.copy(), left.w, phase); }

    @Override public void restoreState(NodeState s) {
        if (s instanceof State st) {
            left.restore(st.left(), st.writeIndex());
            right.restore(st.right(), st.writeIndex());
            phase = st.phase();
        }
    }
}
