package dev.aether.nodes.mix;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;

/**
 * Sums N stereo inputs with per-input gain and balance, plus a master gain. Confined to the audio thread except
 * where noted.
 *
 * <p>{@code L = master * sum_k g_k bl(p_k) L_k}, {@code R = master * sum_k g_k br(p_k) R_k} with
 * {@code g_k = 10^(gainsDb[k]/20)} and the balance law of {@link Gains#balanceLeft}: at centre both sides pass
 * at unity; panning one way attenuates the other side with a constant-power curve down to 0.
 *
 * <ul>
 * <li>Ports: {@code ins[k]} named {@code in<k>} (stereo), {@code out} (stereo).</li>
 * <li>Params: {@code gainsDb[k]} named {@code gain<k>Db} dB -120..24, default 0 (-120 = off);
 *     {@code pans[k]} named {@code pan<k>} -1..1, default 0; {@code masterDb} dB -120..24, default 0.</li>
 * <li>State: none.</li>
 * </ul>
 */
public final class StereoMixer implements DspNode {
    public final InputPort[] ins;
    public final OutputPort out = Ports.audioOut("out", 2);
    public final SmoothedParam[] gainsDb;
    public final SmoothedParam[] pans;
    public final SmoothedParam masterDb = Params.db("masterDb", 0, -120, 24);

    /** A mixer with {@code channels} stereo inputs (1..64). */
    public StereoMixer(int channels) {
        if (channels < 1 || channels > 64) throw new IllegalArgumentException("channels must be 1..64, was " + channels);
        ins = new InputPort[channels];
        gainsDb = new SmoothedParam[channels];
        pans = new SmoothedParam[channels];
        for (int k = 0; k < channels; k++) {
            ins[k] = Ports.audioIn("in" + k, 2);
            gainsDb[k] = Params.db("gain" + k + "Db", 0, -120, 24);
            pans[k] = Params.linear("pan" + k, "", 0, -1, 1);
        }
    }

    public int channels() { return ins.length; }
    @ControlThread public StereoMixer gainDb(int k, double db) { gainsDb[k].set(db); return this; }
    @ControlThread public StereoMixer pan(int k, double p) { pans[k].set(p); return this; }
    @ControlThread public StereoMixer masterDb(double db) { masterDb.set(db); return this; }
    public double gainDb(int k) { return gainsDb[k].get(); }
    public double pan(int k) { return pans[k].get(); }
    public double masterDb() { return masterDb.get(); }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] l = ctx.out(out, 0), r = ctx.out(out, 1);
        int n = ctx.frames();
        for (int i = 0; i < n; i++) { l[i] = 0f; r[i] = 0f; }
        for (int k = 0; k < ins.length; k++) {
            float[] xl = ctx.in(ins[k], 0), xr = ctx.in(ins[k], 1);
            SmoothedParam gp = gainsDb[k], pp = pans[k];
            if (!gp.isSmoothingRt() && !pp.isSmoothingRt()) {
                double db = gp.currentRt();
                if (db <= -120) continue;
                double g = Gains.dbToGain(db), p = pp.currentRt();
                float gl = (float) (g * Gains.balanceLeft(p)), gr = (float) (g * Gains.balanceRight(p));
                for (int i = 0; i < n; i++) { l[i] += xl[i] * gl; r[i] += xr[i] * gr; }
            } else {
                for (int i = 0; i < n; i++) {
                    double db = gp.nextRt(), p = pp.nextRt();
                    double g = db <= -120 ? 0 : Gains.dbToGain(db);
                    l[i] += (float) (xl[i] * g * Gains.balanceLeft(p));
                    r[i] += (float) (xr[i] * g * Gains.balanceRight(p));
                }
            }
        }
        if (!masterDb.isSmoothingRt()) {
            double db = masterDb.currentRt();
            float m = db <= -120 ? 0f : (float) Gains.dbToGain(db);
            if (m != 1f) for (int i = 0; i < n; i++) { l[i] *= m; r[i] *= m; }
        } else {
            for (int i = 0; i < n; i++) {
                double db = masterDb.nextRt();
                float m = db <= -120 ? 0f : (float) Gains.dbToGain(db);
                l[i] *= m;
                r[i] *= m;
            }
        }
    }
}
