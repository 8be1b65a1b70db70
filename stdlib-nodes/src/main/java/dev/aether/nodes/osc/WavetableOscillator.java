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
import java.util.Objects;

/**
 * Plays a single-cycle waveform from a mip-map of band-limited tables.
 *
 * <p>The waveform is given as harmonic amplitudes ({@link #harmonics}) or as one cycle of samples
 * ({@link #cycle}, analysed by a DFT). From it {@value #LEVELS} tables of {@value #TABLE_SIZE} samples are built
 * additively, table {@code j} holding harmonics 1..{@code 1024 >> j}. Each sample plays the richest table whose
 * top harmonic stays below Nyquist at the current frequency, so nothing aliases except interpolation error; the
 * price is that the top octave below Nyquist may be missing (for a 1 kHz tone at 48 kHz: harmonics to 16 kHz),
 * and a sweep switches tables without crossfade. Tables are built on the control thread and published through
 * a volatile reference read once per block.
 * Confined to the audio thread except where noted; {@link #process} is {@link RealtimeSafe}.
 *
 * <ul>
 * <li>Input {@code fm}: Hz added to the frequency, per sample.
 * <li>Input {@code pm}: phase modulation in radians, per sample.
 * <li>Output {@code out}: mono; amplitude as the harmonics give it (harmonic amplitude 1 = a sine of peak 1).
 * <li>Param {@code frequencyHz}: Hz, 0.01..20000, default 440, exponential smoothing.
 * <li>{@link #interpolation}: LINEAR or CUBIC (4-point Hermite, default).
 * <li>State: phase in cycles [0, 1).
 * </ul>
 */
public final class WavetableOscillator implements DspNode {
    /** How samples between table points are read. */
    public enum Interpolation { LINEAR, CUBIC }

    public static final int TABLE_SIZE = 2048;
    public static final int LEVELS = 11;
    private static final int MASK = TABLE_SIZE - 1;

    public final InputPort fm = Ports.audioIn("fm");
    public final InputPort pm = Ports.audioIn("pm");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam frequencyHz = Params.hz("frequencyHz", 440, 0.01, 20_000);

    /** tables[j][1 + i] = sample i of level j; index 0 and the last two entries are wrap-around guards. */
    private volatile float[][] tables;
    private volatile Interpolation interpolation = Interpolation.CUBIC;
    private volatile int resetRequests;
    private int resetsSeen;
    private float[] freqBuf = new float[1024];
    private double phase;

    /** A sine table. */
    public WavetableOscillator() { this(new double[] {0, 1}); }

    /** A table with these harmonic amplitudes, index = harmonic number (index 0 is DC), sine phase. */
    public WavetableOscillator(double[] amplitudes) { harmonics(amplitudes); }

    /** Replaces the waveform: {@code amplitudes[k]} is the peak of harmonic k (k=0: DC), all in sine phase. */
    @ControlThread public WavetableOscillator harmonics(double... amplitudes) {
        tables = build(amplitudes, new double[amplitudes.length]);
        return this;
    }

    /** Replaces the waveform by one cycle of samples (any length >= 2), analysed into harmonics by a DFT. */
    @ControlThread public WavetableOscillator cycle(float[] samples) {
        int m = samples.length;
        if (m < 2) throw new IllegalArgumentException("a cycle needs at least 2 samples, had " + m);
        int kMax = Math.min(m / 2, TABLE_SIZE / 2);
        double[] amp = new double[kMax + 1], ph = new double[kMax + 1];
        for (int k = 0; k <= kMax; k++) {
            double re = 0, im = 0;
            for (int i = 0; i < m; i++) {
                double a = Dsp.TWO_PI * ((long) k * i % m) / m;
                re += samples[i] * Math.cos(a);
                im -= samples[i] * Math.sin(a);
            }
            double scale = (k == 0 || 2 * k == m) ? 1.0 / m : 2.0 / m;
            amp[k] = scale * Math.hypot(re, im);
            ph[k] = Math.atan2(re, -im);          // as a sine phase: a sin(x + ph)
            if (k == 0) { amp[0] = re / m; ph[0] = 0; }
        }
        tables = build(amp, ph);
        return this;
    }

    /** A band-limited sawtooth table (rising, harmonics 2/(pi k) alternating so it rises from -1 to 1). */
    public static WavetableOscillator saw() {
        double[] a = new double[TABLE_SIZE / 2 + 1];
        for (int k = 1; k < a.length; k++) a[k] = (k % 2 == 1 ? -2 : 2) / (Math.PI * k);
        return new WavetableOscillator(a);
    }

    @ControlThread public WavetableOscillator frequencyHz(double hz) { frequencyHz.set(hz); return this; }
    public double frequencyHz() { return frequencyHz.get(); }
    @ControlThread public WavetableOscillator interpolation(Interpolation i) {
        interpolation = Objects.requireNonNull(i);
        return this;
    }
    public Interpolation interpolation() { return interpolation; }

    /** Restarts the phase at the start of the next block. Any control thread. */
    @ControlThread public void resetPhase() { resetRequests++; }

    /** The top harmonic of mip level {@code j}. */
    public static int topHarmonic(int level) { return (TABLE_SIZE / 2) >> level; }

    private static float[][] build(double[] amp, double[] phase) {
        double[] sin = new double[TABLE_SIZE];
        for (int i = 0; i < TABLE_SIZE; i++) sin[i] = Math.sin(Dsp.TWO_PI * i / TABLE_SIZE);
        float[][] t = new float[LEVELS][TABLE_SIZE + 3];
        double[] acc = new double[TABLE_SIZE];
        int done = 0;                                           // harmonics summed into acc so far
        double dc = amp.length > 0 ? amp[0] : 0;
        for (int j = LEVELS - 1; j >= 0; j--) {                 // poorest level first, add harmonics upwards
            int top = Math.min(topHarmonic(j), amp.length - 1);
            for (int k = done + 1; k <= top; k++) {
                double a = amp[k];
                if (a == 0) continue;
                double c = Math.cos(phase[k]), s = Math.sin(phase[k]);
                for (int i = 0; i < TABLE_SIZE; i++) {
                    int idx = (int) (((long) k * i) & MASK);
                    // sin(x + ph) = sin x cos ph + cos x sin ph, cos x = sin(x + pi/2)
                    acc[i] += a * (sin[idx] * c + sin[(idx + TABLE_SIZE / 4) & MASK] * s);
                }
            }
            done = Math.max(done, top);
            float[] level = t[j];
            for (int i = -1; i <= TABLE_SIZE + 1; i++) level[i + 1] = (float) (dc + acc[i & MASK]);
        }
        return t;
    }

    @Override public void prepare(double sampleRate, int maxFrames) {
        if (freqBuf.length < maxFrames) freqBuf = new float[maxFrames];
    }

    @Override @RealtimeSafe public void process(ProcessContext ctx) {
        int n = ctx.frames();
        float[] o = ctx.out(out), fmIn = ctx.in(fm), pmIn = ctx.in(pm);
        double invSr = 1 / ctx.sampleRate();
        boolean ramp = frequencyHz.isSmoothingRt();
        double fc = frequencyHz.currentRt();
        if (ramp) frequencyHz.fillRt(freqBuf, n);
        float[][] t = tables;
        boolean cubic = interpolation == Interpolation.CUBIC;
        int req = resetRequests;
        double p = req != resetsSeen ? 0 : phase;
        resetsSeen = req;
        for (int i = 0; i < n; i++) {
            double inc = ((ramp ? freqBuf[i] : fc) + fmIn[i]) * invSr;
            float[] tab = t[level(Math.abs(inc))];
            double x = Dsp.wrap01(p + pmIn[i] * Dsp.INV_TWO_PI) * TABLE_SIZE;
            int k = (int) x;
            double f = x - k;
            double y;
            if (cubic) {
                double y0 = tab[k], y1 = tab[k + 1], y2 = tab[k + 2], y3 = tab[k + 3];
                double c1 = 0.5 * (y2 - y0);
                double c2 = y0 - 2.5 * y1 + 2 * y2 - 0.5 * y3;
                double c3 = 0.5 * (y3 - y0) + 1.5 * (y1 - y2);
                y = ((c3 * f + c2) * f + c1) * f + y1;
            } else {
                double y1 = tab[k + 1];
                y = y1 + (tab[k + 2] - y1) * f;
            }
            o[i] = (float) y;
            p += inc;
            p = Dsp.wrap01(p);
        }
        phase = p;
    }

    /** The richest level whose top harmonic stays below Nyquist for a phase increment {@code inc} (cycles). */
    @RealtimeSafe
    static int level(double inc) {
        double kMax = 0.5 / Math.max(inc, 1e-9);               // highest harmonic below Nyquist
        if (kMax < 1) return LEVELS - 1;
        int e = Math.getExponent(kMax);                         // floor(log2 kMax)
        return Math.max(0, Math.min(LEVELS - 1, LEVELS - 1 - e));
    }

    @Override public void reset() {
        phase = 0;
        resetsSeen = resetRequests;
    }

    /** Phase in cycles [0, 1). */
    public record State(double phase) implements NodeState {}

    @Override public NodeState saveState() { return new State(phase); }

    @Override public void restoreState(NodeState s) { if (s instanceof State st) phase = st.phase(); }
}
