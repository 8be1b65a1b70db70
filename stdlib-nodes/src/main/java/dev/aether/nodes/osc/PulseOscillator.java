package dev.aether.nodes.osc;

import dev.aether.core.ControlThread;
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
public final class PulseOscillator extends BlepOscillator {
    public final SmoothedParam width = Params.linear("width", "", 0.5, 0.01, 0.99);
    private float[] widthBuf = new float[1024];

    public PulseOscillator() { super(BlepCore.PULSE, State.class, State::new); }

    @ControlThread public PulseOscillator frequencyHz(double hz) { frequencyHz.set(hz); return this; }
    @ControlThread public PulseOscillator width(double w) { width.set(w); return this; }
    public double width() { return width.get(); }

    @Override public void prepare(double sampleRate, int maxFrames) {
        super.prepare(sampleRate, maxFrames);
        if (widthBuf.length < maxFrames) widthBuf = new float[maxFrames];
    }

    @Override @RealtimeSafe void renderRt(ProcessContext ctx, int n, double freqConst, float[] freqRamp) {
        double wc = width.currentRt();
        renderRt(ctx, n, freqConst, freqRamp, wc, rampOrNullRt(width, widthBuf, n));
    }

    /** The oscillator's state: phase in cycles, previous pm (cycles) and sync samples, correction ring. */
    public record State(double phase, double pmCycles, float sync, double[] ring, int ringPos) implements BlepState {}
}
