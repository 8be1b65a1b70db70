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
 * Linear interpolation, per-sample delay smoothing. With delay, feedback and mix steady the block runs without
 * per-sample parameter reads, and at rest (silent input, a ring of zeros, no filter memory) it only writes silence:
 * both the per-sample form's bits ({@code FeedbackDelayRestTest}). Confined to the audio thread except where noted.
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
    private long zeroRun;                  // audio thread: samples written since the last one that was not +0

    /** An echo holding up to {@code maxDelayMillis} (1 .. 600 000). */
    public FeedbackDelay(double maxDelayMillis) {
        if (!(maxDelayMillis >= 1 && maxDelayMillis <= 600_000)) {
            throw new IllegalArgumentException("maxDelayMillis must be in [1, 600000], was " + maxDelayMillis);
        }
        this.maxDelayMillis = maxDelayMillis;
        delayMillis = Params.linear("delayMillis", "ms", Math.min(250, maxDelayMillis), 1, maxDelayMillis);
        buf.allocate(maxDelayMillis * 48);
        zeroRun = buf.data.length;                                      // a cleared ring holds only +0
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
    public void prepare(double sr, int maxFrames) { buf.allocate(maxDelayMillis * sr / 1000); lp = 0; zeroRun = buf.data.length; }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), y = ctx.out(out);
        int n = ctx.frames();
        double sr = ctx.sampleRate(), toSamples = sr / 1000;
        int max = buf.maxDelay();
        if (!delayMillis.isSmoothingRt() && !feedback.isSmoothingRt() && !mix.isSmoothingRt()) {
            if (ringSilent() && silent(x, n)) {
                restRt(y, n);
            } else {
                steadyRt(x, y, n, toSamples, max, 1 - Math.exp(-2 * Math.PI * dampingHz.currentRt() / sr));
            }
            return;
        }
        double a = 1 - Math.exp(-2 * Math.PI * dampingHz.currentRt() / sr);
        double s = lp;
        int nz = 0;
        for (int i = 0; i < n; i++) {
            double d = delayMillis.nextRt() * toSamples;
            double fb = feedback.nextRt(), m = mix.nextRt();
            double delayed = buf.readLinear(d - 1 > max ? max : d - 1);  // read before write: d samples back
            s += a * (delayed - s);
            double wet = s;
            double v = x[i] + fb * wet;
            float wv = (float) (Math.abs(v) < 1e-25 ? 0 : v);
            buf.write(wv);
            nz |= Float.floatToRawIntBits(wv);
            y[i] = (float) ((1 - m) * x[i] + m * wet);
        }
        lp = Math.abs(s) < 1e-25 ? 0 : s;
        zeroRun = nz == 0 ? zeroRun + n : 0;
    }

    /**
     * The block with delay, feedback and mix steady (the usual case): the per-sample loop with the parameters read
     * once and the ring's index in a local; the same arithmetic in the same order, so the same bits.
     */
    @RealtimeSafe
    private void steadyRt(float[] x, float[] y, int n, double toSamples, int max, double a) {
        double d = delayMillis.currentRt() * toSamples;
        double fb = feedback.currentRt(), m = mix.currentRt();
        delayMillis.advanceRt(n);
        feedback.advanceRt(n);
        mix.advanceRt(n);
        double dd = d - 1 > max ? max : d - 1;
        int k = (int) dd;                                   // as DelayBuffer.readLinear: d samples back
        double f = dd - k;
        float[] data = buf.data;
        int mask = buf.mask, w = buf.w, nz = 0;
        double s = lp;
        for (int i = 0; i < n; i++) {
            float p = data[(w - k) & mask], q = data[(w - k - 1) & mask];
            double delayed = p + f * (q - p);
            s += a * (delayed - s);
            double wet = s;
            double v = x[i] + fb * wet;
            float wv = (float) (Math.abs(v) < 1e-25 ? 0 : v);
            w = (w + 1) & mask;
            data[w] = wv;
            nz |= Float.floatToRawIntBits(wv);
            y[i] = (float) ((1 - m) * x[i] + m * wet);
        }
        buf.w = w;
        lp = Math.abs(s) < 1e-25 ? 0 : s;
        zeroRun = nz == 0 ? zeroRun + n : 0;
    }

    /**
     * At rest: silent input, a ring that holds only +0 and no filter memory. The per-sample form would write +0 and
     * output +0 (whatever the delay, feedback and mix), so this writes the output and moves the ring's index only.
     */
    @RealtimeSafe
    private void restRt(float[] y, int n) {
        delayMillis.advanceRt(n);
        feedback.advanceRt(n);
        mix.advanceRt(n);
        java.util.Arrays.fill(y, 0, n, 0f);
        buf.w = (buf.w + n) & buf.mask;
        zeroRun += n;
    }

    /** True when the ring holds only +0 and the filter has no memory: silent input keeps the node at rest. Tests. */
    @RealtimeSafe
    boolean ringSilent() { return zeroRun >= buf.data.length && Double.doubleToRawLongBits(lp) == 0; }

    /** True when {@code x[0..n)} is all zeros (of either sign). */
    @RealtimeSafe
    private static boolean silent(float[] x, int n) {
        int bits = 0;
        for (int i = 0; i < n; i++) bits |= Float.floatToRawIntBits(x[i]);
        return (bits & 0x7fff_ffff) == 0;
    }

    @Override @ControlThread public void reset() { buf.clear(); lp = 0; zeroRun = buf.data.length; }

    /** Saved state. */
    public record State(float[] buffer, int writeIndex, double lowPass) implements NodeState {}

    @Override public NodeState saveState() { return new State(buf.copy(), buf.w, lp); }

    @Override public void restoreState(NodeState s) {
        if (s instanceof State st) { buf.restore(st.buffer(), st.writeIndex()); lp = st.lowPass(); zeroRun = 0; }
    }
}
