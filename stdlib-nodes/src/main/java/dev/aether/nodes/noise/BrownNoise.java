package dev.aether.nodes.noise;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.NodeState;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.nodes.Dsp;

/**
 * Brown (red) noise, -6 dB per octave: seeded white noise through a leaky integrator
 * {@code y = r y + g w} with its pole at {@value #CORNER_HZ} Hz (flat below, -6 dB/oct above), gain set so the
 * output RMS is about 0.25 at any sample rate. Confined to the audio thread except where noted;
 * {@link #process} is {@link RealtimeSafe}.
 *
 * <ul>
 * <li>Output {@code out}: mono.
 * <li>{@link #seed(long)}: default 1; setting it also resets the generator and the integrator.
 * <li>State: generator state and the integrator.
 * </ul>
 */
public final class BrownNoise implements DspNode {
    public static final double CORNER_HZ = 5;
    private static final double TARGET_RMS = 0.25;

    public final OutputPort out = Ports.audioOut("out");
    private long seed = 1;
    private long state = Xorshift.seedState(1);
    private double y;
    private double r, g;

    public BrownNoise() { prepare(48_000, 0); }

    /** Sets the seed and restarts the sequence. Control thread, while the node is not sounding. */
    @ControlThread public BrownNoise seed(long s) { seed = s; reset(); return this; }
    public long seed() { return seed; }

    @Override public void prepare(double sampleRate, int maxFrames) {
        r = Math.exp(-Dsp.TWO_PI * CORNER_HZ / sampleRate);
        // var(y) = g^2 var(w) / (1 - r^2), var(w) = 1/3
        g = TARGET_RMS * Math.sqrt(3 * (1 - r * r));
    }

    @Override @RealtimeSafe public void process(ProcessContext ctx) {
        int n = ctx.frames();
        float[] o = ctx.out(out);
        long s = state;
        double v = y, rr = r, gg = g;
        for (int i = 0; i < n; i++) {
            s = Xorshift.next(s);
            v = rr * v + gg * Xorshift.bipolar(s);
            o[i] = (float) v;
        }
        state = s;
        y = Dsp.flushDenormal(v);
    }

    @Override public void reset() {
        state = Xorshift.seedState(seed);
        y = 0;
    }

    /** Generator state and integrator value. */
    public record State(long rng, double y) implements NodeState {}

    @Override public NodeState saveState() { return new State(state, y); }

    @Override public void restoreState(NodeState s) {
        if (s instanceof State st && st.rng() != 0) {
            state = st.rng();
            y = st.y();
        }
    }
}
