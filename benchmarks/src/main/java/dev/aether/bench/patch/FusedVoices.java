package dev.aether.bench.patch;

/**
 * The standard patch as one hand-fused loop with no engine: per voice a PolyBLEP saw, an RBJ low-pass
 * biquad (direct form I in double, the feedback through y[n-1] added last so its path is one multiply and one
 * subtraction; the transposed direct form II measured here before had a path twice as long), a linear ADSR and a gain, summed to mono and written to both sides
 * of an interleaved stereo block. The same math as the node versions, in structure-of-arrays form.
 * Confined to one thread; {@link #render} allocates nothing.
 */
public final class FusedVoices {
    private static final int ATTACK = 1, DECAY = 2, SUSTAIN = 3;

    private final int voices;
    private final double[] phase, dt;
    private final double[] b0, b1, b2, a1, a2, x1, x2, y1, y2;
    private final double[] level;
    private final int[] stage;
    private final double attackStep, decayStep, sustain;
    private final float gain;
    private final float[] mix = new float[Voicing.FRAMES];
    private final float[] voice = new float[Voicing.FRAMES];

    public FusedVoices(int voices) {
        this.voices = voices;
        phase = new double[voices];
        dt = new double[voices];
        b0 = new double[voices]; b1 = new double[voices]; b2 = new double[voices];
        a1 = new double[voices]; a2 = new double[voices];
        x1 = new double[voices]; x2 = new double[voices];
        y1 = new double[voices]; y2 = new double[voices];
        level = new double[voices];
        stage = new int[voices];
        double sr = Voicing.SAMPLE_RATE;
        for (int v = 0; v < voices; v++) {
            dt[v] = Voicing.frequencyHz(v) / sr;
            double w0 = 2 * Math.PI * Voicing.cutoffHz(v) / sr, cos = Math.cos(w0);
            double alpha = Math.sin(w0) / (2 * Voicing.Q), a0 = 1 + alpha;
            b0[v] = (1 - cos) / 2 / a0;
            b1[v] = (1 - cos) / a0;
            b2[v] = b0[v];
            a1[v] = -2 * cos / a0;
            a2[v] = (1 - alpha) / a0;
            stage[v] = ATTACK;
        }
        attackStep = 1 / Math.max(1, Voicing.ATTACK_SECONDS * sr);
        sustain = Voicing.SUSTAIN;
        decayStep = (1 - sustain) / Math.max(1, Voicing.DECAY_SECONDS * sr);
        gain = (float) Voicing.gain(voices);
    }

    /** Renders {@code n <= 64} stereo frames into {@code interleaved}. */
    public void render(float[] interleaved, int n) {
        float[] m = mix, y = voice;
        java.util.Arrays.fill(m, 0, n, 0f);
        for (int v = 0; v < voices; v++) {
            // saw -> biquad, written to the voice buffer
            double p = phase[v], d = dt[v];
            double c0 = b0[v], c1 = b1[v], c2 = b2[v], d1 = a1[v], d2 = a2[v];
            double xa = x1[v], xb = x2[v], ya = y1[v], yb = y2[v];
            for (int i = 0; i < n; i++) {
                double blep;
                if (p < d) { double x = p / d; blep = x + x - x * x - 1; }
                else if (p > 1 - d) { double x = (p - 1) / d; blep = x * x + x + x + 1; }
                else blep = 0;
                double xi = (float) (2 * p - 1 - blep);         // the saw's float output
                p += d;
                if (p >= 1) p -= 1;
                double yi = (c0 * xi + c1 * xa + c2 * xb - d2 * yb) - d1 * ya;
                xb = xa;
                xa = xi;
                yb = ya;
                ya = yi;
                y[i] = (float) yi;
            }
            phase[v] = p;
            x1[v] = xa;
            x2[v] = xb;
            y1[v] = Math.abs(ya) < 1e-25 ? 0 : ya;
            y2[v] = Math.abs(yb) < 1e-25 ? 0 : yb;
            // ADSR (sustain: a constant) and gain, summed into the mix
            if (stage[v] == SUSTAIN) {
                float e = (float) sustain * gain;
                for (int i = 0; i < n; i++) m[i] += y[i] * e;
            } else {
                double l = level[v];
                int s = stage[v];
                for (int i = 0; i < n; i++) {
                    if (s == ATTACK) { l += attackStep; if (l >= 1) { l = 1; s = DECAY; } }
                    else if (s == DECAY) { l -= decayStep; if (l <= sustain) { l = sustain; s = SUSTAIN; } }
                    m[i] += (float) (y[i] * l) * gain;
                }
                level[v] = l;
                stage[v] = s;
            }
        }
        for (int i = 0, o = 0; i < n; i++) {
            interleaved[o++] = m[i];
            interleaved[o++] = m[i];
        }
    }
}
