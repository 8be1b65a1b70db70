package dev.aether.nodes.osc;

import dev.aether.core.ControlThread;
import dev.aether.core.NodeState;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.nodes.Dsp;
import dev.aether.nodes.Quadrature;

/**
 * A sine oscillator with a double-precision phase accumulator: {@code out[n] = sin(2 pi phase[n] + pm[n])},
 * {@code phase[n+1] = phase[n] + (frequencyHz[n] + fm[n]) / sampleRate} (mod 1). It starts at phase 0 (output 0).
 * Confined to the audio thread except where noted; {@link #process} is {@link RealtimeSafe}.
 *
 * <ul>
 * <li>Input {@code fm}: Hz added to the frequency, per sample (through-zero allowed).
 * <li>Input {@code pm}: phase modulation in radians, per sample.
 * <li>Input {@code sync}: a rising edge (previous sample &lt;= 0, this one &gt; 0) restarts the phase at that sample.
 * <li>Output {@code out}: mono, -1..1.
 * <li>Param {@code frequencyHz}: Hz, 0.01..20000, default 440, exponential smoothing (phase stays continuous).
 * <li>State: phase (cycles, [0, 1)) and the previous sync sample.
 * </ul>
 */
public final class SineOscillator extends PhaseOscillator {
    private double phase;
    private float prevSync;
    private final Quadrature rotation = new Quadrature();

    @ControlThread public SineOscillator frequencyHz(double hz) { frequencyHz.set(hz); return this; }

    @Override @RealtimeSafe public void process(ProcessContext ctx) {
        int n = ctx.frames();
        double invSr = 1 / ctx.sampleRate();
        double fc = frequencyHz.currentRt();
        float[] fb = rampOrNullRt(frequencyHz, freqBuf, n);
        boolean reset = takeResetRequestRt();
        if (fb == null && !reset && !ctx.connected(fm) && !ctx.connected(pm) && !ctx.connected(sync)) {
            renderSteady(ctx.out(out), n, fc * invSr);
            return;
        }
        float[] o = ctx.out(out), fmIn = ctx.in(fm), pmIn = ctx.in(pm), syncIn = ctx.in(sync);
        double p = reset ? 0 : phase;
        float ps = prevSync;
        for (int i = 0; i < n; i++) {
            float s = syncIn[i];
            if (ps <= 0 && s > 0) p = 0;
            ps = s;
            o[i] = (float) Math.sin(Dsp.TWO_PI * p + pmIn[i]);
            p += ((fb != null ? fb[i] : fc) + fmIn[i]) * invSr;
            p = Dsp.wrap01(p);
        }
        phase = p;
        prevSync = ps;
    }

    /**
     * Constant frequency, nothing on fm, pm or sync: the output rotates a (cos, sin) pair by a fixed step, anchored
     * on the exact phase at every block start ({@link Quadrature}); the phase accumulates as in the general loop.
     * Ten times cheaper than a {@code Math.sin} per sample.
     */
    private void renderSteady(float[] o, int n, double inc) {
        double p = phase;
        Quadrature q = rotation;
        q.anchor(p, inc);
        for (int i = 0; i < n; i++) {
            o[i] = (float) q.sin();
            q.step();
            p = Dsp.wrap01(p + inc);
        }
        phase = p;
        prevSync = 0;
    }

    @Override public void reset() {
        phase = 0;
        prevSync = 0;
        clearResetRequests();
    }

    /** Phase in cycles [0, 1) and the previous sync sample. */
    public record State(double phase, float sync) implements NodeState {}

    @Override public NodeState saveState() { return new State(phase, prevSync); }

    @Override public void restoreState(NodeState s) {
        if (s instanceof State st) {
            phase = st.phase();
            prevSync = st.sync();
        }
    }
}
