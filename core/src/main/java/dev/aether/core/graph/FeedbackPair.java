package dev.aether.core.graph;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.NodeState;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;

/**
 * The explicit way to close a loop: whatever reaches {@link Send#in} comes out of {@link Receive#out}
 * exactly {@code delayFrames} samples later (one block), whichever of the two runs first in a block.
 * The two nodes share a ring indexed by engine sample time, so no edge joins them and the graph stays acyclic.
 */
public final class FeedbackPair {
    private final float[][] ring;
    private final int mask;
    private final int delay;
    public final Send send;
    public final Receive receive;

    /** A pair carrying {@code channels} channels with a delay of {@code delayFrames} (the block size). */
    public FeedbackPair(int channels, int delayFrames, int maxFrames) {
        int size = Integer.highestOneBit(Math.max(2, delayFrames + maxFrames) * 2 - 1);
        this.ring = new float[channels][size];
        this.mask = size - 1;
        this.delay = delayFrames;
        this.send = new Send(channels);
        this.receive = new Receive(channels);
    }

    /** Frames between send and receive. */
    public int delayFrames() { return delay; }

    record State(float[][] ring) implements NodeState {}

    /** Writes its input into the ring. Ports: in. */
    public final class Send implements DspNode {
        public final InputPort in;
        Send(int channels) { in = Ports.audioIn("in", channels); }

        @Override @RealtimeSafe
        public void process(ProcessContext ctx) {
            int n = ctx.frames();
            long t = ctx.sampleTime();
            for (int c = 0; c < ring.length; c++) {
                float[] x = ctx.in(in, c), r = ring[c];
                for (int i = 0; i < n; i++) r[(int) ((t + i) & mask)] = x[i];
            }
        }

        @Override public String typeName() { return "feedbackSend"; }
        @Override public NodeState saveState() {
            float[][] copy = new float[ring.length][];
            for (int c = 0; c < ring.length; c++) copy[c] = ring[c].clone();
            return new State(copy);
        }
        @Override public void restoreState(NodeState s) {
            if (s instanceof State st && st.ring().length == ring.length && st.ring()[0].length == ring[0].length) {
                for (int c = 0; c < ring.length; c++) System.arraycopy(st.ring()[c], 0, ring[c], 0, ring[c].length);
            }
        }
    }

    /** Reads the ring {@code delayFrames} behind. Ports: out. */
    public final class Receive implements DspNode {
        public final OutputPort out;
        Receive(int channels) { out = Ports.audioOut("out", channels); }

        @Override @RealtimeSafe
        public void process(ProcessContext ctx) {
            int n = ctx.frames();
            long t = ctx.sampleTime() - delay;
            for (int c = 0; c < ring.length; c++) {
                float[] y = ctx.out(out, c), r = ring[c];
                for (int i = 0; i < n; i++) {
                    long s = t + i;
                    y[i] = s < 0 ? 0f : r[(int) (s & mask)];
                }
            }
        }

        @Override public String typeName() { return "feedbackReceive"; }
    }
}
