package dev.aether.nodes.dynamics;

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
 * Feed-forward peak compressor. Confined to the audio thread except where noted.
 *
 * <p>Detector: a smooth decoupled peak follower on {@code |in|} (release stage
 * {@code e1 = max(|x|, aR e1 + (1 - aR)|x|)}, then attack stage {@code e = aA e + (1 - aA) e1}; coefficients
 * {@code exp(-1 / (time * rate))}). Gain computer on the detected level L in dB (Giannoulis, Massberg and Reiss
 * 2012), threshold T, ratio R, knee width W:
 * below {@code T - W/2} no change; above {@code T + W/2} the output level is {@code T + (L - T) / R}; in the knee
 * {@code L + (1/R - 1)(L - T + W/2)^2 / (2W)}. So a steady sine of peak level L above the knee comes out at peak
 * {@code T + (L - T)/R + makeup}. The gain is computed for every sample (with steady parameters in passes over the
 * block, see {@code steadyRt}); below the knee ({@code L < T - W/2}, tested on
 * the linear level) it is the makeup alone, and above it the level and gain go through {@link Dsp#log2} and
 * {@link Dsp#exp2} (within 1e-11 of {@code log10}/{@code pow}, several times cheaper: 128 of these in an arrangement
 * benchmark made {@code pow} the largest cost). {@link #gainReductionDb()} reports the latest reduction (any thread).
 *
 * <ul>
 * <li>Ports: {@code in}, {@code out} (mono).</li>
 * <li>Params: {@code thresholdDb} dB -80..0, default -20; {@code ratio} 1..50, default 4;
 *     {@code attackMillis} ms 0.05..500, default 10; {@code releaseMillis} ms 1..5000, default 100;
 *     {@code makeupDb} dB 0..40, default 0; {@code kneeDb} dB 0..24, default 6.</li>
 * <li>State: the two detector stages ({@link State}).</li>
 * </ul>
 */
public final class Compressor implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam thresholdDb = Params.db("thresholdDb", -20, -80, 0);
    public final SmoothedParam ratio = Params.linear("ratio", "", 4, 1, 50);
    public final SmoothedParam attackMillis = Params.linear("attackMillis", "ms", 10, 0.05, 500);
    public final SmoothedParam releaseMillis = Params.linear("releaseMillis", "ms", 100, 1, 5_000);
    public final SmoothedParam makeupDb = Params.db("makeupDb", 0, 0, 40);
    public final SmoothedParam kneeDb = Params.db("kneeDb", 6, 0, 24);

    private static final double DB_TO_LOG2 = Math.log(10) / Math.log(2) / 20;   // dB to log2 of a gain
    private static final double LOG2_TO_DB = 20 * Math.log10(2);
    private static final double LOG2_TO_DB_GAIN = 1 / DB_TO_LOG2;

    /** Samples per pass of the steady block path. */
    static final int CHUNK = 64;

    private double e1, e;
    private final double[] env = new double[CHUNK], pa = new double[CHUNK], pb = new double[CHUNK];   // the passes
    private volatile float reductionDb;

    @ControlThread public Compressor thresholdDb(double v) { thresholdDb.set(v); return this; }
    @ControlThread public Compressor ratio(double v) { ratio.set(v); return this; }
    @ControlThread public Compressor attackMillis(double v) { attackMillis.set(v); return this; }
    @ControlThread public Compressor releaseMillis(double v) { releaseMillis.set(v); return this; }
    @ControlThread public Compressor makeupDb(double v) { makeupDb.set(v); return this; }
    @ControlThread public Compressor kneeDb(double v) { kneeDb.set(v); return this; }
    public double thresholdDb() { return thresholdDb.get(); }
    public double ratio() { return ratio.get(); }
    public double attackMillis() { return attackMillis.get(); }
    public double releaseMillis() { return releaseMillis.get(); }
    public double makeupDb() { return makeupDb.get(); }
    public double kneeDb() { return kneeDb.get(); }

    /** Gain reduction at the end of the last block, in dB (<= 0). Any thread. */
    public double gainReductionDb() { return reductionDb; }

    /** The static curve: output level in dB for a detected level in dB (before makeup). */
    @RealtimeSafe
    public static double staticCurveDb(double levelDb, double thresholdDb, double ratio, double kneeDb) {
        double over = levelDb - thresholdDb;
        if (2 * over < -kneeDb) return levelDb;
        if (kneeDb > 0 && 2 * Math.abs(over) <= kneeDb) {
            double t = over + kneeDb / 2;
            return levelDb + (1 / ratio - 1) * t * t / (2 * kneeDb);
        }
        return thresholdDb + over / ratio;
    }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), y = ctx.out(out);
        int n = ctx.frames();
        double sr = ctx.sampleRate();
        double aA = Math.exp(-1000 / (attackMillis.currentRt() * sr));
        double aR = Math.exp(-1000 / (releaseMillis.currentRt() * sr));
        if (!thresholdDb.isSmoothingRt() && !ratio.isSmoothingRt() && !kneeDb.isSmoothingRt() && !makeupDb.isSmoothingRt()) {
            steadyRt(x, y, n, aA, aR);
            return;
        }
        double s1 = e1, s = e, gr = 0;
        double kneeT = Double.NaN, kneeW = Double.NaN, quiet = 0, mkPrev = Double.NaN, mkGain = 1;
        for (int i = 0; i < n; i++) {
            double t = thresholdDb.nextRt(), r = ratio.nextRt(), w = kneeDb.nextRt(), mk = makeupDb.nextRt();
            double a = Math.abs(x[i]);
            s1 = peak(a, aR * s1 + (1 - aR) * a);
            s = aA * s + (1 - aA) * s1;
            if (mk != mkPrev) { mkPrev = mk; mkGain = Dsp.exp2(mk * DB_TO_LOG2); }
            if (t != kneeT || w != kneeW) {                // the linear level below which the curve does nothing
                kneeT = t;
                kneeW = w;
                quiet = Dsp.exp2((t - w / 2) * DB_TO_LOG2) * (1 - 1e-9);
            }
            if (s <= 1e-9 || s < quiet) {                  // below the knee: no reduction, only makeup
                gr = 0;
                y[i] = (float) (x[i] * mkGain);
                continue;
            }
            double l = LOG2_TO_DB * Dsp.log2(s);
            gr = staticCurveDb(l, t, r, w) - l;
            y[i] = (float) (x[i] * Dsp.exp2((mk + gr) * DB_TO_LOG2));
        }
        e1 = Math.abs(s1) < 1e-25 ? 0 : s1;
        e = Math.abs(s) < 1e-25 ? 0 : s;
        reductionDb = (float) gr;
    }

    /**
     * The block with every curve parameter steady (the usual case): the same detector and curve as the per-sample
     * path, with the curve's constants worked out once, in passes over chunks of {@value #CHUNK} samples so that
     * only the detector is a chain from sample to sample: (1) the detector level of each sample; (2) its
     * {@link Dsp#log2} (block form); (3) the log2 of each sample's gain: below the knee the makeup alone, above it
     * {@code makeup · (s / T)^(1/R - 1)}, in the knee the general formula; (4) {@link Dsp#exp2} (block form); (5)
     * the gains applied. Each sample's arithmetic is the per-sample form's, in the same order, so the output is
     * bit-identical to it ({@code CompressorBlockTest}).
     */
    @RealtimeSafe
    private void steadyRt(float[] x, float[] y, int n, double aA, double aR) {
        double t = thresholdDb.currentRt(), r = ratio.currentRt(), w = kneeDb.currentRt(), mk = makeupDb.currentRt();
        thresholdDb.advanceRt(n);
        ratio.advanceRt(n);
        kneeDb.advanceRt(n);
        makeupDb.advanceRt(n);
        double mkLog2 = mk * DB_TO_LOG2;
        double quiet = Dsp.exp2((t - w / 2) * DB_TO_LOG2) * (1 - 1e-9);          // below: no reduction
        double loud = Dsp.exp2((t + w / 2) * DB_TO_LOG2) * (1 + 1e-9);           // above: the straight part
        double slope = 1 / r - 1, tLog2 = t * DB_TO_LOG2;
        double[] env = this.env, pa = this.pa, pb = this.pb;
        double s1 = e1, s = e;
        for (int c = 0; c < n; c += CHUNK) {
            int m = Math.min(CHUNK, n - c);
            for (int i = 0; i < m; i++) {                                    // (1) the detector: a chain
                double a = Math.abs(x[c + i]);
                s1 = peak(a, aR * s1 + (1 - aR) * a);
                s = aA * s + (1 - aA) * s1;
                env[i] = s;
                pa[i] = s <= 1e-9 ? 1e-9 : s;           // Math.max(s, 1e-9): log2 is wanted above 1e-9 only
            }
            Dsp.log2(pa, pb, 0, m);                                          // (2)
            for (int i = 0; i < m; i++) {                                    // (3) log2 of the gain
                double si = env[i];
                if (si <= 1e-9 || si < quiet) {
                    pa[i] = mkLog2;
                } else if (si > loud) {
                    pa[i] = mkLog2 + slope * (pb[i] - tLog2);
                } else {
                    double l = LOG2_TO_DB * pb[i];
                    pa[i] = (mk + (staticCurveDb(l, t, r, w) - l)) * DB_TO_LOG2;
                }
            }
            Dsp.exp2(pa, pb, 0, m);                                          // (4)
            for (int i = 0; i < m; i++) y[c + i] = (float) (x[c + i] * pb[i]);  // (5)
        }
        double gr = 0;                                   // the last sample's reduction, as the per-sample form has it
        if (n > 0 && !(s <= 1e-9 || s < quiet)) {
            double lg = Dsp.log2(s);
            if (s > loud) {
                gr = slope * (lg - tLog2) * LOG2_TO_DB_GAIN;
            } else {
                double l = LOG2_TO_DB * lg;
                gr = staticCurveDb(l, t, r, w) - l;
            }
        }
        e1 = Math.abs(s1) < 1e-25 ? 0 : s1;
        e = Math.abs(s) < 1e-25 ? 0 : s;
        reductionDb = (float) gr;
    }

    /**
     * {@code Math.max(a, v)} for {@code a} not -0 (here {@code |x|}): the same value, NaN included, as a compare and a
     * select, where the intrinsic's blend made the detector's chain three times longer.
     */
    @RealtimeSafe
    private static double peak(double a, double v) { return a >= v || a != a ? a : v; }

    @Override @ControlThread public void reset() { e1 = e = 0; reductionDb = 0; }

    /** Saved state: detector stages. */
    public record State(double releaseStage, double attackStage) implements NodeState {}

    @Override public NodeState saveState() { return new State(e1, e); }

    @Override public void restoreState(NodeState s) {
        if (s instanceof State st) { e1 = st.releaseStage(); e = st.attackStage(); }
    }
}
