package dev.aether.bench.nodes;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;

/**
 * Band-limited sawtooth (PolyBLEP), a stand-in for the stdlib saw until it lands on main.
 * Ports: out (mono, -1..1). Params: frequencyHz 1..20000 Hz, default 110 (exponential ramp).
 * State: phase in [0, 1).
 */
public final class BlepSaw implements DspNode {
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam frequencyHz = Params.hz("frequencyHz", 110, 1, 20_000);
    private double phase;

    @ControlThread public BlepSaw frequencyHz(double hz) { frequencyHz.set(hz); return this; }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] o = ctx.out(out);
        int n = ctx.frames();
        double invRate = 1.0 / ctx.sampleRate();
        double p = phase;
        if (frequencyHz.isSmoothingRt()) {
            for (int i = 0; i < n; i++) {
                double dt = frequencyHz.nextRt() * invRate;
                o[i] = (float) (2 * p - 1 - blep(p, dt));
                p += dt;
                if (p >= 1) p -= 1;
            }
        } else {
            double dt = frequencyHz.currentRt() * invRate;
            for (int i = 0; i < n; i++) {
                o[i] = (float) (2 * p - 1 - blep(p, dt));
                p += dt;
                if (p >= 1) p -= 1;
            }
        }
        phase = p;
    }

    /** The PolyBLEP residual at phase {@code t} for phase increment {@code dt}. */
    @RealtimeSafe
    public static double blep(double t, double dt) {
        if (t < dt) {
            double x = t / dt;
            return x + x - x * x - 1;
        } else if (t > 1 - dt) {
            double x = (t - 1) / dt;
            return x * x + x + x + 1;
        }
        return 0;
    }

    @Override public void reset() { phase = 0; }
}
