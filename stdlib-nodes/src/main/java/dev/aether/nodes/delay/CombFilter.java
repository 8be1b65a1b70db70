package dev.aether.nodes.delay;

import dev.aether.core.ControlThread;
import dev.aether.core.NodeState;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;

/**
 * Feedback comb filter with loop damping (the Freeverb comb): {@code out[n] = v[n - D]},
 * {@code v[n] = in[n] + feedback * lp(out[n])}, where {@code lp} is {@code y = (1 - damping) x + damping y}.
 * Resonates at multiples of 1000 / delayMillis Hz. Confined to the audio thread except where noted.
 *
 * <ul>
 * <li>Ports: {@code in}, {@code out} (mono).</li>
 * <li>Params: {@code delayMillis} ms 0.1..maxDelayMillis, default min(10, max) (linear interpolation);
 *     {@code feedback} -0.999..0.999, default 0.8; {@code damping} 0..1, default 0.</li>
 * <li>State: buffer, write position, damping memory ({@link State}).</li>
 * </ul>
 */
public final class CombFilter extends FeedbackLoopDelay {
    public final SmoothedParam feedback = Params.linear("feedback", "", 0.8, -0.999, 0.999);
    public final SmoothedParam damping = Params.unit("damping", 0);
    private double store;

    /** A comb holding up to {@code maxDelayMillis} (0.1 .. 60 000). */
    public CombFilter(double maxDelayMillis) {
        super(maxDelayMillis, 10);
    }

    /** A comb holding up to 100 ms. */
    public CombFilter() { this(100); }

    @ControlThread public CombFilter delayMillis(double ms) { delayMillis.set(ms); return this; }
    @ControlThread public CombFilter feedback(double g) { feedback.set(g); return this; }
    @ControlThread public CombFilter damping(double d) { damping.set(d); return this; }
    public double feedback() { return feedback.get(); }
    public double damping() { return damping.get(); }

    @Override @ControlThread
    public void prepare(double sr, int maxFrames) { super.prepare(sr, maxFrames); store = 0; }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), y = ctx.out(out);
        int n = ctx.frames();
        double toSamples = ctx.sampleRate() / 1000;
        int max = buf.maxDelay();
        double s = store;
        for (int i = 0; i < n; i++) {
            double o = readDelayedRt(toSamples, max);
            double fb = feedback.nextRt(), damp = damping.nextRt();
            s = o * (1 - damp) + s * damp;
            double v = x[i] + fb * s;
            buf.write((float) (Math.abs(v) < 1e-25 ? 0 : v));
            y[i] = (float) o;
        }
        store = Math.abs(s) < 1e-25 ? 0 : s;
    }

    @Override @ControlThread public void reset() { buf.clear(); store = 0; }

    /** Saved state. */
    public record State(float[] buffer, int writeIndex, double store) implements NodeState {}

    @Override public NodeState saveState() { return new State(buf.copy(), buf.w, store); }

    @Override public void restoreState(NodeState s) {
        if (s instanceof State st) { buf.restore(st.buffer(), st.writeIndex()); store = st.store(); }
    }
}
