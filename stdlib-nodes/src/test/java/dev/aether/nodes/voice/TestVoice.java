package dev.aether.nodes.voice;

import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.NodeState;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;

/** A sine voice with a linear 1 ms attack and a 10 ms release, for tests. */
public final class TestVoice implements Voice {
    public static final int ATTACK = 48, RELEASE = 480;
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam gainDb = Params.db("gainDb", 0, -60, 0);
    double frequencyHz, velocity, level, phase;
    boolean gate;

    @Override public void noteOnRt(double hz, double vel) { frequencyHz = hz; velocity = vel; gate = true; }
    @Override public void noteOffRt() { gate = false; }
    @Override public boolean isActiveRt() { return gate || level > 0; }

    @Override public void process(ProcessContext ctx) {
        float[] y = ctx.out(out);
        double inc = frequencyHz / ctx.sampleRate();
        for (int i = 0; i < ctx.frames(); i++) {
            level = gate ? Math.min(1, level + 1.0 / ATTACK) : Math.max(0, level - 1.0 / RELEASE);
            double g = Math.pow(10, gainDb.nextRt() / 20);
            y[i] = (float) (g * velocity * level * Math.sin(2 * Math.PI * phase));
            phase += inc;
            if (phase >= 1) phase -= 1;
        }
    }

    public record State(double frequencyHz, double velocity, double level, double phase, boolean gate)
            implements NodeState {}
    @Override public NodeState saveState() { return new State(frequencyHz, velocity, level, phase, gate); }
    @Override public void restoreState(NodeState s) {
        if (s instanceof State st) {
            frequencyHz = st.frequencyHz(); velocity = st.velocity(); level = st.level(); phase = st.phase();
            gate = st.gate();
        }
    }
}
