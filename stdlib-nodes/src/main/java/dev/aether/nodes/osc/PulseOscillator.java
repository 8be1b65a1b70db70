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

/**
 * A band-limited pulse (square at width 0.5): +1 while the phase is below the width, else -1.
 *
 * <p>Band-limited by a table BLEP/BLAMP (a Kaiser-windowed sinc 16 samples either side, see the package's
 * {@code BlepTable}): partials that would alias are more than 80 dB down, the spectrum is flat to about 0.31 of
 * the sample rate, and the output runs 16 samples (0.33 ms at 48 kHz) behind the phase. Confined to the audio
 * thread except where noted; {@link #process} is {@link RealtimeSafe}.
 *
 * <ul>
 * <li>Input {@code fm}: Hz added to the frequency, per sample (through-zero: the phase may run backwards).
 * <li>Input {@code pm}: phase modulation in radians, added to the phase per sample (2&pi; = one cycle).
 * <li>Input {@code sync}: hard sync; a rising edge (previous sample &lt;= 0, this one &gt; 0) restarts the phase at
 *     that sample. The jump is band-limited but sample-, not sub-sample-accurate.
 * <li>Output {@code out}: mono, -1..1 (the band-limited edges overshoot by about 14 % (Gibbs)).
 * <li>Param {@code frequencyHz}: Hz, 0.01..20000, default 440, exponential smoothing.
 * <li>Param {@code width}: fraction of the cycle spent high, 0.01..0.99, default 0.5, linear smoothing.
 * <li>State: phase, previous pm and sync samples, the 32-sample correction ring.
 * </ul>
 */
public final class PulseOscillator implements DspNode {
    public final InputPort fm = Ports.audioIn("fm");
    public final InputPort pm = Ports.audioIn("pm");
    public final InputPort sync = Ports.audioIn("sync");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam frequencyHz = Params.hz("frequencyHz", 440, 0.01, 20_000);
    public final SmoothedParam width = Params.linear("width", "", 0.5, 0.01, 0.99);
    private final BlepCore core = new BlepCore(BlepCore.PULSE);
    private float[] freqBuf = new float[1024];
    private float[] widthBuf = new float[1024];
    private volatile int resetRequests;
    private int resetsSeen;

    @ControlThread public PulseOscillator frequencyHz(double hz) { frequencyHz.set(hz); return this; }
    public double frequencyHz() { return frequencyHz.get(); }
    @ControlThread public PulseOscillator width(double w) { width.set(w); return this; }
    public double width() { return width.get(); }

    /** Restarts the phase at the start of the next block (band-limited). Any control thread. */
    @ControlThread public void resetPhase() { resetRequests++; }

    @Override public void prepare(double sampleRate, int maxFrames) {
        if (freqBuf.length < maxFrames) freqBuf = new float[maxFrames];
        if (widthBuf.length < maxFrames) widthBuf = new float[maxFrames];
    }

    @Override @RealtimeSafe public void process(ProcessContext ctx) {
        int n = ctx.frames();
        float[] fb = null;
        double fc = frequencyHz.currentRt();
        if (frequencyHz.isSmoothingRt()) { frequencyHz.fillRt(freqBuf, n); fb = freqBuf; }
        float[] wb = null;
        double wc = width.currentRt();
        if (width.isSmoothingRt()) { width.fillRt(widthBuf, n); wb = widthBuf; }
        int req = resetRequests;
        boolean restart = req != resetsSeen;
        resetsSeen = req;
        core.render(ctx.out(out), n, ctx.sampleRate(), fc, fb, ctx.in(fm), ctx.in(pm), ctx.in(sync), wc, wb, restart);
    }

    @Override public void reset() {
        core.reset();
        resetsSeen = resetRequests;
    }

    /** The oscillator's state: phase in cycles, previous pm (cycles) and sync samples, correction ring. */
    public record State(double phase, double pmCycles, float sync, double[] ring, int ringPos) implements NodeState {}

    @Override public NodeState saveState() {
        return new State(core.phase, core.prevPmCycles, core.prevSync, core.ring.clone(), core.pos);
    }

    @Override public void restoreState(NodeState s) {
        if (!(s instanceof State st) || st.ring().length != core.ring.length) return;
        core.phase = st.phase();
        core.prevPmCycles = st.pmCycles();
        core.prevSync = st.sync();
        System.arraycopy(st.ring(), 0, core.ring, 0, core.ring.length);
        core.pos = st.ringPos() & (core.ring.length - 1);
    }
}
