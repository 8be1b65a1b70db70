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
 * {@code out = in * 10^(gainDb/20)}, ramped per sample (linear in dB). Confined to the audio thread except
 * where noted. At -120 dB (the minimum) the output is silence.
 *
 * <ul>
 * <li>Ports: {@code in}, {@code out} (mono).</li>
 * <li>Params: {@code gainDb} dB -120..24, default 0.</li>
 * <li>State: none.</li>
 * </ul>
 */
public final class Gain implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam gainDb = Params.db("gainDb", 0, -120, 24);
    private double steadyDb = Double.NaN;    // the dB the steady gain below was computed for (audio thread)
    private float steadyGain;

    public Gain() {}
    public Gain(double db) { gainDb.reset(db); }

    @ControlThread public Gain gainDb(double db) { gainDb.set(db); return this; }
    public double gainDb() { return gainDb.get(); }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), y = ctx.out(out);
        int n = ctx.frames();
        if (!gainDb.isSmoothingRt()) {
            double db = gainDb.currentRt();
            float g = steadyGain;
            if (db != steadyDb) {                // Math.pow only when the gain moved, not every block
                g = db <= -120 ? 0f : (float) Gains.dbToGain(db);
                steadyGain = g;
                steadyDb = db;
            }
            for (int i = 0; i < n; i++) y[i] = x[i] * g;
            return;
        }
        for (int i = 0; i < n; i++) {
            double db = gainDb.nextRt();
            y[i] = db <= -120 ? 0f : (float) (x[i] * Gains.dbToGain(db));
        }
    }
}
