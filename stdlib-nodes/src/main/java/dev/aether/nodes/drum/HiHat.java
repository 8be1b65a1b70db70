package dev.aether.nodes.drum;

import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;
import dev.aether.nodes.filter.BiquadFilter;
import dev.aether.nodes.noise.Xorshift;

/**
 * A hi-hat, closed or open (the same sound with a short or long decay): six square waves at the TR-808's
 * inharmonic cymbal frequencies (205.3, 304.4, 369.6, 522.7, 540 and 800 Hz) plus seeded white noise, through a
 * four-pole high-pass at {@code cutoffHz} (two cookbook biquads, Q 0.707), under an exponential decay that reaches
 * -60 dB after {@code decaySeconds}. See {@link DrumVoice} for hits; in a {@link DrumKit} the closed hat chokes the
 * open one.
 *
 * <ul>
 * <li>Params (read at each hit): {@code decaySeconds} s 0.01..5 (closed 0.06, open 0.45), {@code cutoffHz} Hz
 *     2000..16000 (7000), and {@code gainDb}.</li>
 * </ul>
 */
public final class HiHat extends DrumVoice {
    public final SmoothedParam decaySeconds = Params.seconds("decaySeconds", 0.06, 0.01, 5);
    public final SmoothedParam cutoffHz = Params.hz("cutoffHz", 7_000, 2_000, 16_000);

    private static final double[] METAL_HZ = {205.3, 304.4, 369.6, 522.7, 540, 800};
    /** Makes up for what the high-pass takes, so a hit peaks near full scale. */
    private static final double MAKEUP = 0.8;
    private static final long SEED = 0x4A7_4A7L;
    private final Biquad first = new Biquad(), second = new Biquad();

    // ---- audio-thread state ----
    private final double[] phases = new double[METAL_HZ.length], steps = new double[METAL_HZ.length];
    private double amp, ampFactor;

    /** A hat that decays to -60 dB in {@code decaySeconds}. */
    public HiHat(double decaySeconds) {
        this.decaySeconds.reset(decaySeconds);
        rng = Xorshift.seedState(SEED);
    }

    /** Closed hat: -60 dB after 60 ms. */
    public static HiHat closed() { return new HiHat(0.06); }
    /** Open hat: -60 dB after 0.45 s. */
    public static HiHat open() { return new HiHat(0.45); }

    @ControlThread public HiHat decaySeconds(double v) { decaySeconds.set(v); return this; }
    public double decaySeconds() { return decaySeconds.get(); }
    @ControlThread public HiHat cutoffHz(double v) { cutoffHz.set(v); return this; }
    public double cutoffHz() { return cutoffHz.get(); }

    @Override @RealtimeSafe
    protected void startRt() {
        double sr = sampleRate, fc = cutoffHz.currentRt();
        for (int k = 0; k < phases.length; k++) {
            phases[k] = 0;
            steps[k] = METAL_HZ[k] / sr;
        }
        amp = 1;
        ampFactor = PitchedDrum.decayFactor(decaySeconds.currentRt(), sr);
        first.start(BiquadFilter.Mode.HIGH_PASS, fc, 0.7071, sr);
        second.start(BiquadFilter.Mode.HIGH_PASS, fc, 0.7071, sr);
    }

    @Override @RealtimeSafe
    protected boolean renderRt(float[] o, int from, int to) {
        double a = amp;
        long s = rng;
        double[] ph = phases, st = steps;
        int i = from;
        boolean on = true;
        while (i < to && on) {
            double metal = 0;
            for (int k = 0; k < ph.length; k++) {
                double p = ph[k] + st[k];
                if (p >= 1) p -= 1;
                ph[k] = p;
                metal += p < 0.5 ? 1 : -1;
            }
            s = Xorshift.next(s);
            double x = metal * (1.0 / 6) + Xorshift.bipolar(s);
            o[i] = (float) (second.stepRt(first.stepRt(x)) * a * MAKEUP);
            a *= ampFactor;
            i++;
            on = !(a < SILENT);
        }
        amp = a;
        rng = s;
        if (!on) silence(o, i, to);
        return on;
    }

    @Override protected void resetVoice() {
        for (int k = 0; k < phases.length; k++) phases[k] = 0;
        amp = 0;
        rng = Xorshift.seedState(SEED);
        first.clear();
        second.clear();
    }

    @Override protected double[] saveVoice() {
        double[] s = new double[2 * phases.length + 2 + 2 * Biquad.SAVED];
        System.arraycopy(phases, 0, s, 0, phases.length);
        System.arraycopy(steps, 0, s, phases.length, steps.length);
        int at = 2 * phases.length;
        s[at++] = amp;
        s[at++] = ampFactor;
        second.save(s, first.save(s, at));
        return s;
    }

    @Override protected void restoreVoice(double[] s) {
        System.arraycopy(s, 0, phases, 0, phases.length);
        System.arraycopy(s, phases.length, steps, 0, steps.length);
        int at = 2 * phases.length;
        amp = s[at++];
        ampFactor = s[at++];
        second.restore(s, first.restore(s, at));
    }
}
