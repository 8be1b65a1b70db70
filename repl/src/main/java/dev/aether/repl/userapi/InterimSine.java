package dev.aether.repl.userapi;

import dev.aether.core.DspNode;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;

/**
 * Stand-in sine until {@code dev.aether.nodes.osc.SineOscillator} is on main; same port and parameter names
 * ({@code out}, {@code frequencyHz} 0.01..20000 Hz, default 440). State: phase in cycles.
 */
final class InterimSine implements DspNode {
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam frequencyHz = Params.hz("frequencyHz", 440, 0.01, 20_000);
    private double phase;

    @Override @RealtimeSafe public void process(ProcessContext ctx) {
        float[] y = ctx.out(out);
        double inc = 1 / ctx.sampleRate();
        for (int i = 0, n = ctx.frames(); i < n; i++) {
            y[i] = (float) Math.sin(2 * Math.PI * phase);
            phase += frequencyHz.nextRt() * inc;
            phase -= Math.floor(phase);
        }
    }

    @Override public void reset() { phase = 0; }
    @Override public String typeName() { return "SineOscillator"; }
}
