package dev.aether.nodes.drum;

import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;
import dev.aether.nodes.filter.BiquadFilter;
import dev.aether.nodes.noise.Xorshift;

/**
 * A hand clap: seeded white noise through a band-pass at {@code bandHz} (Q 1.5), shaped by {@value #BURSTS} short
 * bursts {@code spacingSeconds} apart (each starts at full level and falls 60 dB in one spacing) and then, at
 * {@code BURSTS * spacingSeconds}, a tail that falls 60 dB in {@code tailSeconds}: the envelope peaks at 0, 1, 2
 * and 3 spacings after the hit. See {@link DrumVoice} for hits.
 *
 * <ul>
 * <li>Params (read at each hit): {@code spacingSeconds} s 0.002..0.05 (0.01), {@code tailSeconds} s 0.02..2
 *     (0.2), {@code bandHz} Hz 300..5000 (1200), and {@code gainDb}.</li>
 * </ul>
 */
public final class Clap extends DrumVoice {
    /** Short bursts before the tail. */
    public static final int BURSTS = 3;
    public final SmoothedParam spacingSeconds = Params.seconds("spacingSeconds", 0.01, 0.002, 0.05);
    public final SmoothedParam tailSeconds = Params.seconds("tailSeconds", 0.2, 0.02, 2);
    public final SmoothedParam bandHz = Params.hz("bandHz", 1_200, 300, 5_000);

    /** Makes up for what the band-pass takes, so a hit peaks near full scale. */
    private static final double MAKEUP = 2;
    private static final long SEED = 0xC1A9L;
    private final Biquad bandPass = new Biquad();

    // ---- audio-thread state ----
    private double amp, burstFactor, tailFactor;
    private long age, spacing;

    public Clap() { rng = Xorshift.seedState(SEED); }

    @ControlThread public Clap spacingSeconds(double v) { spacingSeconds.set(v); return this; }
    public double spacingSeconds() { return spacingSeconds.get(); }
    @ControlThread public Clap tailSeconds(double v) { tailSeconds.set(v); return this; }
    public double tailSeconds() { return tailSeconds.get(); }
    @ControlThread public Clap bandHz(double v) { bandHz.set(v); return this; }
    public double bandHz() { return bandHz.get(); }

    @Override @RealtimeSafe
    protected void startRt() {
        double sr = sampleRate;
        spacing = Math.max(1, Math.round(spacingSeconds.currentRt() * sr));
        burstFactor = PitchedDrum.decayFactor(spacing / sr, sr);
        tailFactor = PitchedDrum.decayFactor(tailSeconds.currentRt(), sr);
        age = 0;
        amp = 1;
        bandPass.start(BiquadFilter.Mode.BAND_PASS, bandHz.currentRt(), 1.5, sr);
    }

    @Override @RealtimeSafe
    protected boolean renderRt(float[] o, int from, int to) {
        double a = amp;
        long s = rng, t = age, gap = spacing, tailStart = BURSTS * gap;
        int i = from;
        boolean on = true;
        while (i < to && on) {
            if (t <= tailStart && t % gap == 0) a = 1;
            s = Xorshift.next(s);
            o[i] = (float) (bandPass.stepRt(Xorshift.bipolar(s)) * a * MAKEUP);
            a *= t < tailStart ? burstFactor : tailFactor;
            t++;
            i++;
            on = !(t > tailStart && a < SILENT);
        }
        amp = a;
        rng = s;
        age = t;
        if (!on) silence(o, i, to);
        return on;
    }

    @Override protected void resetVoice() {
        amp = 0;
        age = 0;
        rng = Xorshift.seedState(SEED);
        bandPass.clear();
    }

    @Override protected double[] saveVoice() {
        double[] s = java.util.Arrays.copyOf(new double[] {amp, burstFactor, tailFactor, age, spacing}, 5 + Biquad.SAVED);
        bandPass.save(s, 5);
        return s;
    }

    @Override protected void restoreVoice(double[] s) {
        amp = s[0]; burstFactor = s[1]; tailFactor = s[2]; age = (long) s[3]; spacing = (long) s[4];
        bandPass.restore(s, 5);
    }
}
