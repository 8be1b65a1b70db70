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
 * Equal-power crossfade between inputs {@code a} and {@code b}:
 * {@code out = cos(p pi/2) a + sin(p pi/2) b}, so uncorrelated inputs keep their total power at every
 * position; at 0.5 each is at -3.01 dB. Confined to the audio thread except where noted.
 *
 * <ul>
 * <li>Ports: {@code a}, {@code b}, {@code out} (mono).</li>
 * <li>Params: {@code position} 0 (all a) .. 1 (all b), default 0.5.</li>
 * <li>State: none.</li>
 * </ul>
 */
public final class Crossfader implements DspNode {
    public final InputPort a = Ports.audioIn("a");
    public final InputPort b = Ports.audioIn("b");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam position = Params.unit("position", 0.5);

    public Crossfader() {}
    public Crossfader(double position) { this.position.reset(position); }

    @ControlThread public Crossfader position(double p) { position.set(p); return this; }
    public double position() { return position.get(); }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] xa = ctx.in(a), xb = ctx.in(b), y = ctx.out(out);
        int n = ctx.frames();
        for (int i = 0; i < n; i++) {
            double p = position.nextRt() * (Math.PI / 2);
            y[i] = (float) (Math.cos(p) * xa[i] + Math.sin(p) * xb[i]);
        }
    }
}
