package dev.aether.nodes.drum;

import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;
import dev.aether.nodes.Dsp;
import dev.aether.nodes.filter.BiquadFilter;
import dev.aether.nodes.noise.Xorshift;

/**
 * A snare: a sine tone at {@code toneHz} decaying to -60 dB in {@code toneDecaySeconds}, plus white noise through a
 * two-pole high-pass at {@code noiseHz} (Q 0.707) decaying to -60 dB in {@code noiseDecaySeconds}, mixed
 * {@code (1 - snappy) * tone + snappy * noise}. The noise is seeded (the same kit renders the same hits). See
 * {@link DrumVoice} for hits.
 *
 * <ul>
 * <li>Params (read at each hit): {@code toneHz} Hz 60..1000 (180), {@code toneDecaySeconds} s 0.01..2 (0.15),
 *     {@code noiseHz} Hz 200..12000 (1800), {@code noiseDecaySeconds} s 0.01..2 (0.25), {@code snappy} 0..1
 *     (0.5), and {@code gainDb}.</li>
 * </ul>
 */
public final class Snare extends DrumVoice {
    public final SmoothedParam toneHz = Params.hz("toneHz", 180, 60, 1_000);
    public final SmoothedParam toneDecaySeconds = Params.seconds("toneDecaySeconds", 0.15, 0.01, 2);
    public final SmoothedParam noiseHz = Params.hz("noiseHz", 1_800, 200, 12_000);
    public final SmoothedParam noiseDecaySeconds = Params.seconds("noiseDecaySeconds", 0.25, 0.01, 2);
    public final SmoothedParam snappy = Params.unit("snappy", 0.5);

    private static final long SEED = 0x5EED_5A4EL;
    private final Biquad highPass = new Biquad();

    // ---- audio-thread state ----
    private double phase, step, tone, toneFactor, noise, noiseFactor, toneMix, noiseMix;

    public Snare() { rng = Xorshift.seedState(SEED); }

    @ControlThread public Snare toneHz(double v) { toneHz.set(v); return this; }
    public double toneHz() { return toneHz.get(); }
    @ControlThread public Snare noiseHz(double v) { noiseHz.set(v); return this; }
    public double noiseHz() { return noiseHz.get(); }
    @ControlThread public Snare snappy(double v) { snappy.set(v); return this; }
    public double snappy() { return snappy.get(); }
    @ControlThread public Snare toneDecaySeconds(double v) { toneDecaySeconds.set(v); return this; }
    public double toneDecaySeconds() { return toneDecaySeconds.get(); }
    @ControlThread public Snare noiseDecaySeconds(double v) { noiseDecaySeconds.set(v); return this; }
    public double noiseDecaySeconds() { return noiseDecaySeconds.get(); }

    @Override @RealtimeSafe
    protected void startRt() {
        double sr = sampleRate;
        phase = 0;
        step = toneHz.currentRt() / sr;
        tone = 1;
        noise = 1;
        toneFactor = PitchedDrum.decayFactor(toneDecaySeconds.currentRt(), sr);
        noiseFactor = PitchedDrum.decayFactor(noiseDecaySeconds.currentRt(), sr);
        noiseMix = snappy.currentRt();
        toneMix = 1 - noiseMix;
        highPass.start(BiquadFilter.Mode.HIGH_PASS, noiseHz.currentRt(), 0.7071, sr);
    }

    @Override @RealtimeSafe
    protected boolean renderRt(float[] o, int from, int to) {
        double p = phase, t = tone, z = noise;
        long s = rng;
        int i = from;
        boolean on = true;
        while (i < to && on) {
            s = Xorshift.next(s);
            double hiss = highPass.stepRt(Xorshift.bipolar(s));
            o[i] = (float) (toneMix * t * Math.sin(Dsp.TWO_PI * p) + noiseMix * z * hiss);
            p += step;
            if (p >= 1) p -= 1;
            t *= toneFactor;
            z *= noiseFactor;
            i++;
            on = !(t < SILENT && z < SILENT);
        }
        phase = p;
        tone = t;
        noise = z;
        rng = s;
        if (!on) silence(o, i, to);
        return on;
    }

    @Override protected void resetVoice() {
        phase = tone = noise = 0;
        rng = Xorshift.seedState(SEED);
        highPass.clear();
    }

    @Override protected double[] saveVoice() {
        double[] s = java.util.Arrays.copyOf(new double[] {phase, step, tone, toneFactor, noise, noiseFactor, toneMix, noiseMix},
                8 + Biquad.SAVED);
        highPass.save(s, 8);
        return s;
    }

    @Override protected void restoreVoice(double[] s) {
        phase = s[0]; step = s[1]; tone = s[2]; toneFactor = s[3]; noise = s[4]; noiseFactor = s[5]; toneMix = s[6];
        noiseMix = s[7];
        highPass.restore(s, 8);
    }
}
