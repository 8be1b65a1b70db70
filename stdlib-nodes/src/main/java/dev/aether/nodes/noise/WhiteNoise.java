package dev.aether.nodes.noise;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.NodeState;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;

/**
 * White noise, uniform in [-1, 1) (RMS 1/&radic;3, about -4.8 dBFS), from a seeded xorshift64* generator:
 * the same seed gives the same samples. Confined to the audio thread except where noted;
 * {@link #process} is {@link RealtimeSafe}.
 *
 * <ul>
 * <li>Output {@code out}: mono.
 * <li>{@link #seed(long)}: default 1; setting it also resets the generator (control thread, node idle).
 * <li>State: the generator's 64-bit state.
 * </ul>
 */
public final class WhiteNoise implements DspNode {
    public final OutputPort out = Ports.audioOut("out");
    private long seed = 1;
    private long state = Xorshift.seedState(1);

    /** Sets the seed and restarts the sequence. Control thread, while the node is not sounding. */
    @ControlThread public WhiteNoise seed(long s) { seed = s; reset(); return this; }
    public long seed() { return seed; }

    @Override @RealtimeSafe public void process(ProcessContext ctx) {
        int n = ctx.frames();
        float[] o = ctx.out(out);
        long s = state;
        for (int i = 0; i < n; i++) {
            s = Xorshift.next(s);
            o[i] = (float) Xorshift.bipolar(s);
        }
        state = s;
    }

    @Override public void reset() { state = Xorshift.seedState(seed); }

    /** The generator state. */
    public record State(long rng) implements NodeState {}

    @Override public NodeState saveState() { return new State(state); }

    @Override public void restoreState(NodeState s) { if (s instanceof State st && st.rng() != 0) state = st.rng(); }
}
