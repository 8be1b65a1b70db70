package dev.aether.arrange.live;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;

/**
 * A send: its input scaled by the send level into a bus's head. A level change ramps over one block (no click).
 * Ports {@code in}, {@code out}, stereo. Confined to the audio thread except where noted.
 */
public final class SendTap implements DspNode {
    public final InputPort in = Ports.audioIn("in", 2);
    public final OutputPort out = Ports.audioOut("out", 2);

    private volatile double gain;
    private double current = Double.NaN;

    SendTap(double gain) { this.gain = gain; }

    /** The level, linear, from the next block (ramped over it). Control thread. */
    @ControlThread
    void gain(double g) { gain = g; }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        int n = ctx.frames();
        double g = gain, g0 = current != current ? g : current;
        double dg = (g - g0) / n;
        for (int c = 0; c < 2; c++) {
            float[] x = ctx.in(in, c), y = ctx.out(out, c);
            if (dg == 0) {
                for (int i = 0; i < n; i++) y[i] = (float) (x[i] * g);
            } else {
                for (int i = 0; i < n; i++) y[i] = (float) (x[i] * (g0 + dg * (i + 1)));
            }
        }
        current = g;
    }

    @Override public String typeName() { return "Send"; }
}
