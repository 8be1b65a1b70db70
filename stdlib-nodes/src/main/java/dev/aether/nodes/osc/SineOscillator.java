package dev.aether.nodes.osc;

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
public final class SineOscillator implements DspNode {
    public final InputPort fm = Ports.audioIn("fm");
    public final InputPort pm = Ports.audioIn("pm");
    public final InputPort sync = Ports.audioIn("sync");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam frequencyHz = Params.hz("frequencyHz", 440, 0.01, 20_000);

    private float[] freqBuf = new float[1024];
    private double phase;
    private float prevSync;
    private volatile int resetRequests;
    private int resetsSeen;

    @ControlThread public SineOscillator frequencyHz(double hz) { frequencyHz.set(hz); return this; }
    public double frequencyHz() { return frequencyHz.get(); }

    /** Restarts the phase at the start of the next block. Any control thread. */
    @ControlThread public void resetPhase() { resetRequests++; }

    @Override public void prepare(double sampleRate, int maxFrames) {
        if (freqBuf.length < maxFrames) freqBuf = new float[maxFrames];
    }

    @Override @RealtimeSafe public void process(ProcessContext ctx) {
        int n = ctx.frames();
        float[] o = ctx.out(out), fmIn = ctx.in(fm), pmIn = ctx.in(pm), syncIn = ctx.in(sync);
        double invSr = 1 / ctx.sampleRate();
        boolean ramp = frequencyHz.isSmoothingRt();
        double fc = frequencyHz.currentRt();
        if (ramp) frequencyHz.fillRt(freqBuf, n);
        int req = resetRequests;
        double p = req != resetsSeen ? 0 : phase;
        resetsSeen = req;
        float ps = prevSync;
        for (int i = 0; i < n; i++) {
            float s = syncIn[i];
            if (ps <= 0 && s > 0) p = 0;
            ps = s;
            o[i] = (float) Math.sin(Dsp.TWO_PI * p + pmIn[i]);
            p += ((ramp ? freqBuf[i] : fc) + fmIn[i]) * invSr;
            p -= Math.floor(p);
        }
        phase = p;
        prevSync = ps;
    }

    @Override public void reset() {
        phase = 0;
        prevSync = 0;
        resetsSeen = resetRequests;
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
