package dev.aether.nodes.drum;

import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;
import dev.aether.nodes.Dsp;

/**
 * A kick or a tom: a sine whose pitch sweeps exponentially from {@code startHz} to {@code endHz} in
 * {@code sweepSeconds} and then holds, under an exponential amplitude decay that reaches -60 dB after
 * {@code decaySeconds}. At {@code t} seconds after the hit the frequency is
 * {@code startHz * (endHz / startHz)^(t / sweepSeconds)} (then {@code endHz}) and the envelope
 * {@code 10^(-3 t / decaySeconds)}; the sine starts at phase 0 (no click). See {@link DrumVoice} for hits.
 *
 * <ul>
 * <li>Params (read at each hit): {@code startHz} Hz 20..2000, {@code endHz} Hz 20..2000, {@code sweepSeconds}
 *     s 0.001..2, {@code decaySeconds} s 0.01..10 (defaults: {@link #kick()}'s), and {@code gainDb}.</li>
 * </ul>
 */
public final class PitchedDrum extends DrumVoice {
    public final SmoothedParam startHz = Params.hz("startHz", 150, 20, 2_000);
    public final SmoothedParam endHz = Params.hz("endHz", 45, 20, 2_000);
    public final SmoothedParam sweepSeconds = Params.seconds("sweepSeconds", 0.06, 0.001, 2);
    public final SmoothedParam decaySeconds = Params.seconds("decaySeconds", 0.5, 0.01, 10);

    // ---- audio-thread state ----
    private double phase, hz, hzFactor, endHzNow, amp, ampFactor;
    private long sweepLeft;

    /** A drum with the given sweep (Hz, Hz, s) and -60 dB decay time (s). */
    public PitchedDrum(double startHz, double endHz, double sweepSeconds, double decaySeconds) {
        this.startHz.reset(startHz);
        this.endHz.reset(endHz);
        this.sweepSeconds.reset(sweepSeconds);
        this.decaySeconds.reset(decaySeconds);
    }

    /** Bass drum: 150 Hz to 45 Hz in 60 ms, -60 dB after 0.5 s. */
    public static PitchedDrum kick() { return new PitchedDrum(150, 45, 0.06, 0.5); }
    /** Low tom: 120 Hz to 90 Hz in 80 ms, -60 dB after 0.45 s. */
    public static PitchedDrum lowTom() { return new PitchedDrum(120, 90, 0.08, 0.45); }
    /** Mid tom: 170 Hz to 130 Hz in 80 ms, -60 dB after 0.4 s. */
    public static PitchedDrum midTom() { return new PitchedDrum(170, 130, 0.08, 0.4); }
    /** High tom: 240 Hz to 185 Hz in 80 ms, -60 dB after 0.35 s. */
    public static PitchedDrum highTom() { return new PitchedDrum(240, 185, 0.08, 0.35); }

    @ControlThread public PitchedDrum startHz(double v) { startHz.set(v); return this; }
    public double startHz() { return startHz.get(); }
    @ControlThread public PitchedDrum endHz(double v) { endHz.set(v); return this; }
    public double endHz() { return endHz.get(); }
    @ControlThread public PitchedDrum sweepSeconds(double v) { sweepSeconds.set(v); return this; }
    public double sweepSeconds() { return sweepSeconds.get(); }
    @ControlThread public PitchedDrum decaySeconds(double v) { decaySeconds.set(v); return this; }
    public double decaySeconds() { return decaySeconds.get(); }

    @Override @RealtimeSafe
    protected void startRt() {
        double sr = sampleRate, from = startHz.currentRt(), to = endHz.currentRt();
        sweepLeft = Math.max(1, Math.round(sweepSeconds.currentRt() * sr));
        hz = from;
        endHzNow = to;
        hzFactor = Math.pow(to / from, 1.0 / sweepLeft);
        phase = 0;
        amp = 1;
        ampFactor = decayFactor(decaySeconds.currentRt(), sr);
    }

    /** The per-sample factor of an exponential decay that falls 60 dB in {@code seconds}. */
    @RealtimeSafe
    static double decayFactor(double seconds, double sampleRate) { return Math.pow(1e-3, 1 / (seconds * sampleRate)); }

    @Override @RealtimeSafe
    protected boolean renderRt(float[] o, int from, int to) {
        double p = phase, f = hz, a = amp, inv = 1 / sampleRate;
        long left = sweepLeft;
        int i = from;
        boolean on = true;
        while (i < to && on) {
            o[i] = (float) (Math.sin(Dsp.TWO_PI * p) * a);
            p += f * inv;
            if (p >= 1) p -= 1;
            if (left > 0) {
                f = --left == 0 ? endHzNow : f * hzFactor;
            }
            a *= ampFactor;
            i++;
            on = !(a < SILENT);
        }
        phase = p;
        hz = f;
        amp = a;
        sweepLeft = left;
        if (!on) silence(o, i, to);
        return on;
    }

    @Override protected void resetVoice() { phase = hz = amp = 0; sweepLeft = 0; }

    @Override protected double[] saveVoice() { return new double[] {phase, hz, hzFactor, endHzNow, amp, ampFactor, sweepLeft}; }

    @Override protected void restoreVoice(double[] s) {
        phase = s[0]; hz = s[1]; hzFactor = s[2]; endHzNow = s[3]; amp = s[4]; ampFactor = s[5]; sweepLeft = (long) s[6];
    }
}
