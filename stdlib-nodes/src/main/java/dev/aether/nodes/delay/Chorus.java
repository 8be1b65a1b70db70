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
 * Stereo chorus: one delay line read by two sine-modulated cubic taps, the right LFO a quarter cycle behind
 * the left. {@code out_c = (1 - mix) in + mix * in[n - (delay + depth sin(phase_c))]}. Confined to the audio
 * thread except where noted.
 *
 * <ul>
 * <li>Ports: {@code in} (mono), {@code out} (stereo).</li>
 * <li>Params: {@code rateHz} Hz 0.01..10, default 0.8; {@code depthMillis} ms 0..10, default 2;
 *     {@code delayMillis} ms 1..30, default 12 (centre); {@code mix} 0..1, default 0.5.</li>
 * <li>State: buffer, write position, LFO phase ({@link State}).</li>
 * </ul>
 */
public final class Chorus implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out", 2);
    public final SmoothedParam rateHz = Params.hz("rateHz", 0.8, 0.01, 10);
    public final SmoothedParam depthMillis = Params.linear("depthMillis", "ms", 2, 0, 10);
    public final SmoothedParam delayMillis = Params.linear("delayMillis", "ms", 12, 1, 30);
    public final SmoothedParam mix = Params.unit("mix", 0.5);

    private final DelayBuffer buf = new DelayBuffer();
    private double phase;                   // cycles, 0..1
    private final Quadrature lfo = new Quadrature();

    public Chorus() { buf.allocate(45 * 48.0); }

    @ControlThread public Chorus rateHz(double hz) { rateHz.set(hz); return this; }
    @ControlThread public Chorus depthMillis(double ms) { depthMillis.set(ms); return this; }
    @ControlThread public Chorus delayMillis(double ms) { delayMillis.set(ms); return this; }
    @ControlThread public Chorus mix(double v) { mix.set(v); return this; }
    public double rateHz() { return rateHz.get(); }
    public double depthMillis() { return depthMillis.get(); }
    public double delayMillis() { return delayMillis.get(); }
    public double mix() { return mix.get(); }

    @Override @ControlThread public void prepare(double sr, int maxFrames) { buf.allocate(45 * sr / 1000); }

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
            double m = mix.nextRt();
            buf.write(x[i]);
            double sin = steadyRate ? lfo.sin() : Math.sin(Dsp.TWO_PI * p);
            double cos = steadyRate ? lfo.cos() : Math.cos(Dsp.TWO_PI * p);
            if (steadyRate) lfo.step();
            double wl = buf.readCubic(base + depth * sin);
            double wr = buf.readCubic(base + depth * cos);
            l[i] = (float) ((1 - m) * x[i] + m * wl);
            r[i] = (float) ((1 - m) * x[i] + m * wr);
            p += inc;
            if (p >= 1) p -= 1;
        }
        phase = p;
    }

    @Override @ControlThread public void reset() { buf.clear(); phase = 0; }

    /** Saved state. */
    public record State(float[] buffer, int writeIndex, double phase) implements NodeState {}

    @Override public NodeState saveState() { return new State(buf.copy(), buf.w, phase); }

    @Override public void restoreState(NodeState s) {
        if (s instanceof State st) { buf.restore(st.buffer(), st.writeIndex()); phase = st.phase(); }
    }
}
