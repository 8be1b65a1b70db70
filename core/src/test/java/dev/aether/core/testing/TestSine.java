package dev.aether.core.testing;

import dev.aether.core.DspNode;
import dev.aether.core.NodeState;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;

/** A plain sine for core tests (the stdlib has the real one). Ports: out. Params: frequencyHz, amplitude. */
public final class TestSine implements DspNode {
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam frequencyHz = Params.hz("frequencyHz", 440, 1, 20_000);
    public final SmoothedParam amplitude = Params.unit("amplitude", 0.5);
    private double phase;

    public TestSine frequencyHz(double hz) { frequencyHz.set(hz); return this; }

    @Override public void process(ProcessContext ctx) {
        float[] y = ctx.out(out);
        double sr = ctx.sampleRate();
        for (int i = 0; i < ctx.frames(); i++) {
            y[i] = (float) (amplitude.nextRt() * Math.sin(2 * Math.PI * phase));
            phase += frequencyHz.nextRt() / sr;
            if (phase >= 1) phase -= 1;
        }
    }

    public record State(double phase) implements NodeState {}
    @Override public NodeState saveState() { return new State(phase); }
    @Override public void restoreState(NodeState s) { if (s instanceof State st) phase = st.phase(); }
    @Override public void reset() { phase = 0; }
}
