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
 * Pink noise (-3 dB per octave) by Paul Kellet's "refined" filter: seven first-order sections over seeded white
 * noise, within about &plusmn;0.5 dB of a 1/f slope from ~10 Hz up to a few kHz below Nyquist (designed at
 * 44.1 kHz; at 48 kHz the slope is the same). Output RMS is about 0.2. Confined to the audio thread except where
 * noted; {@link #process} is {@link RealtimeSafe}.
 *
 * <ul>
 * <li>Output {@code out}: mono.
 * <li>{@link #seed(long)}: default 1; setting it also resets the generator and the filter.
 * <li>State: generator state and the seven filter memories.
 * </ul>
 */
public final class PinkNoise implements DspNode {
    public final OutputPort out = Ports.audioOut("out");
    private long seed = 1;
    private long state = Xorshift.seedState(1);
    private final double[] b = new double[7];

    /** Sets the seed and restarts the sequence. Control thread, while the node is not sounding. */
    @ControlThread public PinkNoise seed(long s) { seed = s; reset(); return this; }
    public long seed() { return seed; }

    @Override @RealtimeSafe public void process(ProcessContext ctx) {
        int n = ctx.frames();
        float[] o = ctx.out(out);
        long s = state;
        double b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4], b5 = b[5], b6 = b[6];
        for (int i = 0; i < n; i++) {
            s = Xorshift.next(s);
            double w = Xorshift.bipolar(s);
            b0 = 0.99886 * b0 + w * 0.0555179;
            b1 = 0.99332 * b1 + w * 0.0750759;
            b2 = 0.96900 * b2 + w * 0.1538520;
            b3 = 0.86650 * b3 + w * 0.3104856;
            b4 = 0.55000 * b4 + w * 0.5329522;
            b5 = -0.7616 * b5 - w * 0.0168980;
            double pink = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
            b6 = w * 0.115926;
            o[i] = (float) (pink * 0.11);
        }
        state = s;
        b[0] = Dsp.flushDenormal(b0); b[1] = Dsp.flushDenormal(b1); b[2] = Dsp.flushDenormal(b2);
        b[3] = Dsp.flushDenormal(b3); b[4] = Dsp.flushDenormal(b4); b[5] = Dsp.flushDenormal(b5);
        b[6] = b6;
    }

    @Override public void reset() {
        state = Xorshift.seedState(seed);
        java.util.Arrays.fill(b, 0);
    }

    /** Generator state and filter memories b0..b6. */
    public record State(long rng, double[] filter) implements NodeState {}

    @Override public NodeState saveState() { return new State(state, b.clone()); }

    @Override public void restoreState(NodeState s) {
        if (s instanceof State st && st.rng() != 0 && st.filter().length == b.length) {
            state = st.rng();
            System.arraycopy(st.filter(), 0, b, 0, b.length);
        }
    }
}
