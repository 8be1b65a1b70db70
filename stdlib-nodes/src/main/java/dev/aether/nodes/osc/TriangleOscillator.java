package dev.aether.nodes.osc;

import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;

/**
 * A band-limited triangle: -1 at phase 0, +1 at phase 1/2.
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
 * <li>Output {@code out}: mono, -1..1 (the band-limited corners are slightly rounded).
 * <li>Param {@code frequencyHz}: Hz, 0.01..20000, default 440, exponential smoothing.
 * <li>State: phase, previous pm and sync samples, the 32-sample correction ring.
 * </ul>
 */
public final class TriangleOscillator extends BlepOscillator {
    public TriangleOscillator() { super(BlepCore.TRIANGLE, State.class, State::new); }

    @ControlThread public TriangleOscillator frequencyHz(double hz) { frequencyHz.set(hz); return this; }

    /** The oscillator's state: phase in cycles, previous pm (cycles) and sync samples, correction ring. */
    public record State(double phase, double pmCycles, float sync, double[] ring, int ringPos) implements BlepState {}
}
