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

/**
 * Echo: a delay whose output, low-passed by a one-pole damping filter, is fed back into it.
 * {@code wet[n] = lp(in[n - d] + feedback * wet[n - d])}, {@code out = (1 - mix) * in + mix * wet}.
 * Linear interpolation, per-sample delay smoothing. Confined to the audio thread except where noted.
 *
 * <ul>
 * <li>Ports: {@code in} (mono), {@code out} (mono).</li>
 * <li>Params: {@code delayMillis} ms 1..maxDelayMillis, default min(250, max); {@code feedback} 0..0.98,
 *     default 0.4; {@code dampingHz} Hz 200..20000, default 6000 (low-pass in the loop);
 *     {@code mix} 0..1, default 0.5.</li>
 * <li>State: buffer, write position, damping filter memory ({@link State}).</li>
 * </ul>
 */
public final class FeedbackDelay implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam delayMillis;
    public final SmoothedParam feedback = Params.linear("feedback", "", 0.4, 0, 0.98);
    public final SmoothedParam dampingHz = Params.hz("dampingHz", 6_000, 200, 20_000);
    public final SmoothedParam mix = Params.unit("mix", 0.5);

    private final double maxDelayMillis;
    private final DelayBuffer buf = new DelayBuffer();
    private double lp;

    /** An echo holding up to {@code maxDelayMillis} (1 .. 600 000). */
    public FeedbackDelay(double maxDelayMillis) {
        if (!(maxDelayMillis >= 1 && maxDelayMillis <= 600_000)) {
            throw new IllegalArgumentException("maxDelayMillis must be in [1, 600000], was " + maxDelayMillis);
        }
        this.maxDelayMillis = maxDelayMillis;
        delayMillis = Params.linear("delayMillis", "ms", Math.min(250, maxDelayMillis), 1, maxDelayMillis);
        buf.allocate(maxDelayMillis * 48);
    }

    /** An echo holding up to 2 s. */
    public FeedbackDelay() { this(2_000); }

    @ControlThread public FeedbackDelay delayMillis(double ms) { delayMillis.set(ms); return this; }
    @ControlThread public FeedbackDelay feedback(double v) { feedback.set(v); return this; }
    @ControlThread public FeedbackDelay dampingHz(double hz) { dampingHz.set(hz); return this; }
    @ControlThread public FeedbackDelay mix(double v) { mix.set(v); return this; }
    public double delayMillis() { return delayMillis.get(); }
    public double feedback() { return feedback.get(); }
    public double dampingHz() { return dampingHz.get(); }
    public double mix() { return mix.get(); }

    @Override @ControlThread
    public void prepare(double sr, int maxFrames) { buf.allocate(maxDelayMillis * sr / 1000); lp = 0; }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), y = ctx.out(out);
        int n = ctx.frames();
        double sr = ctx.sampleRate(), toSamples = sr / 1000;
        int max = buf.maxDelay();
        double a = 1 - Math.exp(-2 * Math.PI * dampingHz.currentRt() / sr);
        double s = lp;
        for (int i = 0; i < n; i++) {
            double d = delayMillis.nextRt() * toSamples;
            double fb = feedback.nextRt(), m = mix.nextRt();
            double delayed = buf.readLinear(d - 1 > max ? max : d - 1);  // read before write: d samples back
            s += a * (delayed - s);
            double wet = s;
            double v = x[i] + fb * wet;
            buf.write((float) (Math.abs(v) < 1e-25 ? 0 : v));
            y[i] = (float) ((1 - m) * x[i] + m * wet);
        }
        lp = Math.abs(s) < 1e-25 ? 0 : s;
    }

    @Override @ControlThread public void reset() { buf.clear(); lp = 0; }

    /** Saved state. */
    public record State(float[] buffer, int writeIndex, double lowPass) implements NodeState {}

    @Override public NodeState saveState() { return new State(buf.copy(), buf.w, lp); }

    @Override public void restoreState(NodeState s) {
        if (s instanceof State st) { buf.restore(st.buffer(), st.writeIndex()); lp = st.lowPass(); }
    }
}
