package dev.aether.nodes.delay;

import dev.aether.core.ControlThread;
import dev.aether.core.NodeState;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;

/**
 * Schroeder all-pass: {@code v[n] = in[n] + g v[n - D]}, {@code out[n] = -g v[n] + v[n - D]}. Flat magnitude
 * response, dispersing phase (diffusion in reverbs). Confined to the audio thread except where noted.
 *
 * <ul>
 * <li>Ports: {@code in}, {@code out} (mono).</li>
 * <li>Params: {@code delayMillis} ms 0.1..maxDelayMillis, default min(5, max) (linear interpolation);
 *     {@code gain} g -0.99..0.99, default 0.5.</li>
 * <li>State: buffer and write position ({@link State}).</li>
 * </ul>
 */
public final class AllPassFilter extends FeedbackLoopDelay {
    public final SmoothedParam gain = Params.linear("gain", "", 0.5, -0.99, 0.99);

    /** An all-pass holding up to {@code maxDelayMillis} (0.1 .. 60 000). */
    public AllPassFilter(double maxDelayMillis) {
        super(maxDelayMillis, 5);
    }

    /** An all-pass holding up to 100 ms. */
    public AllPassFilter() { this(100); }

    @ControlThread public AllPassFilter delayMillis(double ms) { delayMillis.set(ms); return this; }
    @ControlThread public AllPassFilter gain(double g) { gain.set(g); return this; }
    public double gain() { return gain.get(); }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), y = ctx.out(out);
        int n = ctx.frames();
        double toSamples = ctx.sampleRate() / 1000;
        int max = buf.maxDelay();
        for (int i = 0; i < n; i++) {
            double vd = readDelayedRt(toSamples, max);
            double g = gain.nextRt();
            double v = x[i] + g * vd;
            buf.write((float) (Math.abs(v) < 1e-25 ? 0 : v));
            y[i] = (float) (-g * v + vd);
        }
    }

    @Override @ControlThread public void reset() { buf.clear(); }

    /** Saved state. */
    public record State(float[] buffer, int writeIndex) implements NodeState {}

    @Override public NodeState saveState() { return new State(buf.copy(), buf.w); }

    @Override public void restoreState(NodeState s) {
        if (s instanceof State st) buf.restore(st.buffer(), st.writeIndex());
    }
}
