package dev.aether.nodes.mix;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;

/**
 * Voltage-controlled amplifier: {@code out = in * control}, sample by sample (connect an envelope to
 * {@code control}). Unconnected control reads 0, so the output is silent. Confined to the audio thread.
 *
 * <ul>
 * <li>Ports: {@code in}, {@code control}, {@code out} (mono).</li>
 * <li>Params, state: none.</li>
 * </ul>
 */
public final class Vca implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final InputPort control = Ports.audioIn("control");
    public final OutputPort out = Ports.audioOut("out");

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), c = ctx.in(control), y = ctx.out(out);
        int n = ctx.frames();
        for (int i = 0; i < n; i++) y[i] = x[i] * c[i];
    }
}
