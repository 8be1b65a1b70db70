package dev.aether.nodes.dynamics;

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
 * Brick-wall look-ahead limiter: the output never exceeds the ceiling. Confined to the audio thread except
 * where noted.
 *
 * <p>With look-ahead L samples (set at construction, 0 allowed): the required gain
 * {@code min(1, ceiling / |x|)} is min-held over the last L+1 samples, released upwards with a one-pole of
 * {@code releaseMillis} (never above the held minimum), and smoothed by an (L+1)-sample moving average; the
 * signal is delayed by L samples. Because the average of L+1 values each at most the required gain of the
 * delayed sample is itself at most that gain, {@code |out| <= ceiling} holds exactly (up to float rounding).
 * With L = 0 the attack is instant. Latency: L samples.
 *
 * <ul>
 * <li>Ports: {@code in}, {@code out} (mono).</li>
 * <li>Params: {@code ceilingDb} dB -40..0, default -1; {@code releaseMillis} ms 1..2000, default 100.</li>
 * <li>State: delay line, min-hold window, release and average state ({@link State}).</li>
 * </ul>
 */
public final class Limiter implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam ceilingDb = Params.db("ceilingDb", -1, -40, 0);
    public final SmoothedParam releaseMillis = Params.linear("releaseMillis", "ms", 100, 1, 2_000);

    private final double lookaheadMillis;
    private int window;                      // L + 1
    private float[] delay;                   // input delay line, length window
    private double[] gains;                  // ring of required gains, length window
    private double[] smoothed;               // ring of released gains for the moving average
    private int pos;
    private double released = 1, sum;
    private volatile float reductionDb;

    /** A limiter with {@code lookaheadMillis} of look-ahead (0..50). */
    public Limiter(double lookaheadMillis) {
        if (!(lookaheadMillis >= 0 && lookaheadMillis <= 50)) {
            throw new IllegalArgumentException("lookaheadMillis must be 0..50, was " + lookaheadMillis);
        }
        this.lookaheadMillis = lookaheadMillis;
        allocate(48_000);
    }

    /** A limiter with 2 ms look-ahead. */
    public Limiter() { this(2); }

    @ControlThread public Limiter ceilingDb(double v) { ceilingDb.set(v); return this; }
    @ControlThread public Limiter releaseMillis(double v) { releaseMillis.set(v); return this; }
    public double ceilingDb() { return ceilingDb.get(); }
    public double releaseMillis() { return releaseMillis.get(); }
    /** Latency in samples at the prepared rate. */
    public int latencySamples() { return window - 1; }
    /** Gain reduction at the end of the last block in dB (<= 0). Any thread. */
    public double gainReductionDb() { return reductionDb; }

    private void allocate(double sr) {
        window = (int) Math.round(lookaheadMillis * sr / 1000) + 1;
        delay = new float[window];
        gains = new double[window];
        smoothed = new double[window];
        clear();
    }

    private void clear() {
        java.util.Arrays.fill(delay, 0f);
        java.util.Arrays.fill(gains, 1);
        java.util.Arrays.fill(smoothed, 1);
        pos = 0;
        released = 1;
        sum = window;
        reductionDb = 0;
    }

    @Override @ControlThread public void prepare(double sr, int maxFrames) { allocate(sr); }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), y = ctx.out(out);
        int n = ctx.frames();
        double aR = Math.exp(-1000 / (releaseMillis.currentRt() * ctx.sampleRate()));
        int w = window;
        double inv = 1.0 / w;
        double rel = released, s = sum;
        int p = pos;
        boolean ramp = ceilingDb.isSmoothingRt();
        double ceiling = Math.pow(10, ceilingDb.currentRt() / 20);
        for (int i = 0; i < n; i++) {
            if (ramp) ceiling = Math.pow(10, ceilingDb.nextRt() / 20);
            double a = Math.abs(x[i]);
            gains[p] = a > ceiling ? ceiling / a : 1;
            double held = gains[0];
            for (int k = 1; k < w; k++) if (gains[k] < held) held = gains[k];   // O(L); L is small
            rel = held < rel ? held : held + aR * (rel - held);
            if (rel > held) rel = held;
            s += rel - smoothed[p];
            smoothed[p] = rel;
            delay[p] = x[i];
            float delayed = delay[p + 1 == w ? 0 : p + 1];   // x[n - L]
            y[i] = (float) (delayed * (s * inv));
            if (++p == w) p = 0;
        }
        pos = p;
        released = rel;
        // refresh the running sum against drift
        double exact = 0;
        for (int k = 0; k < w; k++) exact += smoothed[k];
        sum = exact;
        reductionDb = (float) (20 * Math.log10(Math.max(1e-9, exact * inv)));
    }

    @Override @ControlThread public void reset() { clear(); }

    /** Saved state. */
    public record State(float[] delay, double[] gains, double[] smoothed, int position, double released,
                        double sum) implements NodeState {}

    @Override public NodeState saveState() {
        return new State(delay.clone(), gains.clone(), smoothed.clone(), pos, released, sum);
    }

    @Override public void restoreState(NodeState s) {
        if (s instanceof State st && st.delay().length == delay.length) {
            System.arraycopy(st.delay(), 0, delay, 0, delay.length);
            System.arraycopy(st.gains(), 0, gains, 0, gains.length);
            System.arraycopy(st.smoothed(), 0, smoothed, 0, smoothed.length);
            pos = st.position();
            released = st.released();
            sum = st.sum();
        }
    }
}
