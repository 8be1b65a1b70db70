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
 * A plain fractional delay: {@code out[n] = in[n - d]} with {@code d = delayMillis * rate / 1000} samples,
 * read with {@link Interpolation} (default {@link Interpolation#LINEAR}). The delay is smoothed per sample, so
 * sweeping it bends pitch like tape instead of clicking. Confined to the audio thread except where noted.
 *
 * <ul>
 * <li>Ports: {@code in} (mono), {@code out} (mono).</li>
 * <li>Params: {@code delayMillis} ms 0..maxDelayMillis (set at construction), default min(100, max).
 *     Clamped to 0 (1 sample for cubic) .. the buffer.</li>
 * <li>State: the buffer and write position ({@link State}).</li>
 * </ul>
 */
public final class DelayLine implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam delayMillis;

    private final double maxDelayMillis;
    private volatile Interpolation interpolation = Interpolation.LINEAR;
    private final DelayBuffer buf = new DelayBuffer();
    private double sampleRate = 48_000;

    /** A delay line holding up to {@code maxDelayMillis} (0 < max <= 600 000). */
    public DelayLine(double maxDelayMillis) {
        if (!(maxDelayMillis > 0 && maxDelayMillis <= 600_000)) {
            throw new IllegalArgumentException("maxDelayMillis must be in (0, 600000], was " + maxDelayMillis);
        }
        this.maxDelayMillis = maxDelayMillis;
        this.delayMillis = Params.linear("delayMillis", "ms", Math.min(100, maxDelayMillis), 0, maxDelayMillis);
        buf.allocate(maxDelayMillis * sampleRate / 1000);
    }

    public double maxDelayMillis() { return maxDelayMillis; }
    @ControlThread public DelayLine delayMillis(double ms) { delayMillis.set(ms); return this; }
    public double delayMillis() { return delayMillis.get(); }

    /** Sets the delay in samples at the prepared rate (48 kHz before {@link #prepare}), with no ramp. */
    @ControlThread public DelayLine delaySamples(double samples) {
        delayMillis.set(samples * 1000 / sampleRate, 0);
        return this;
    }

    public DelayLine interpolation(Interpolation i) { interpolation = i; return this; }
    public Interpolation interpolation() { return interpolation; }

    @Override @ControlThread
    public void prepare(double sr, int maxFrames) {
        sampleRate = sr;
        buf.allocate(maxDelayMillis * sr / 1000);
    }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), y = ctx.out(out);
        int n = ctx.frames();
        double toSamples = ctx.sampleRate() / 1000;
        int max = buf.maxDelay();
        Interpolation mode = interpolation;
        boolean smooth = delayMillis.isSmoothingRt();
        double d = delayMillis.currentRt() * toSamples;
        for (int i = 0; i < n; i++) {
            if (smooth) d = delayMillis.nextRt() * toSamples;
            buf.write(x[i]);
            double dd = d > max ? max : d;
            if (mode == Interpolation.NONE) y[i] = buf.at((int) dd);   // no enum switch: see Lfo.process
            else if (mode == Interpolation.CUBIC) y[i] = (float) buf.readCubic(dd < 1 ? 1 : dd);
            else y[i] = (float) buf.readLinear(dd);
        }
    }

    @Override @ControlThread public void reset() { buf.clear(); }

    /** Saved state: buffer contents and write index. */
    public record State(float[] buffer, int writeIndex) implements NodeState {}

    @Override public NodeState saveState() { return new State(buf.copy(), buf.w); }

    @Override public void restoreState(NodeState s) {
        if (s instanceof State st) buf.restore(st.buffer(), st.writeIndex());
    }
}
