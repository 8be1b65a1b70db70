package dev.aether.nodes.osc;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.NodeState;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;
import dev.aether.nodes.Dsp;

/**
 * A low-frequency oscillator for modulation, mapped onto a range: {@code out = min + (max - min) * u} where
 * {@code u} in [0, 1] is the shape at the current phase. Not band-limited (square and saw edges are sample
 * steps), which is what a modulation source wants. Confined to the audio thread except where noted;
 * {@link #process} is {@link RealtimeSafe}.
 *
 * <ul>
 * <li>Output {@code out}: mono, in [min, max].
 * <li>Param {@code rateHz}: Hz, 0.001..1000, default 1, exponential smoothing.
 * <li>Param {@code min}: output at the shape's bottom, -20000..20000, default 0.
 * <li>Param {@code max}: output at the shape's top, -20000..20000, default 1 (may be below {@code min}: inverts).
 * <li>{@link #shape(Shape)}: SINE (starts at the middle, rising), TRIANGLE (starts at the bottom), SAW (rising,
 *     bottom to top), SQUARE (top for the first half-cycle). Default SINE. Control thread, applies next block.
 * <li>State: phase in cycles [0, 1).
 * </ul>
 * Rate and range are interpolated linearly across each block.
 */
public final class Lfo implements DspNode {
    /** Waveforms. */
    public enum Shape { SINE, TRIANGLE, SAW, SQUARE }

    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam rateHz = Params.hz("rateHz", 1, 0.001, 1_000);
    public final SmoothedParam min = Params.linear("min", "", 0, -20_000, 20_000);
    public final SmoothedParam max = Params.linear("max", "", 1, -20_000, 20_000);

    private volatile Shape shape = Shape.SINE;
    private volatile int resetRequests;
    private int resetsSeen;
    private double phase;

    @ControlThread public Lfo rateHz(double hz) { rateHz.set(hz); return this; }
    public double rateHz() { return rateHz.get(); }
    @ControlThread public Lfo range(double lo, double hi) { min.set(lo); max.set(hi); return this; }
    @ControlThread public Lfo shape(Shape s) { shape = java.util.Objects.requireNonNull(s); return this; }
    public Shape shape() { return shape; }

    /** Restarts the phase at the start of the next block. Any control thread. */
    @ControlThread public void resetPhase() { resetRequests++; }

    @Override @RealtimeSafe public void process(ProcessContext ctx) {
        int n = ctx.frames();
        float[] o = ctx.out(out);
        double invSr = 1 / ctx.sampleRate();
        double r0 = rateHz.currentRt(), r1 = rateHz.advanceRt(n);
        double lo0 = min.currentRt(), lo1 = min.advanceRt(n);
        double hi0 = max.currentRt(), hi1 = max.advanceRt(n);
        double dr = (r1 - r0) / n, dlo = (lo1 - lo0) / n, dhi = (hi1 - hi0) / n;
        int req = resetRequests;
        double p = req != resetsSeen ? 0 : phase;
        resetsSeen = req;
        Shape sh = shape;
        for (int i = 0; i < n; i++) {
            // an if chain, not a switch on the enum: javac 17 compiles that to a synthetic class (Lfo$1) that the JVM
            // would load on the audio thread at the first block (RealtimeBytecodeTest)
            double u;
            if (sh == Shape.SINE) u = 0.5 + 0.5 * Math.sin(Dsp.TWO_PI * p);
            else if (sh == Shape.TRIANGLE) u = p < 0.5 ? 2 * p : 2 - 2 * p;
            else if (sh == Shape.SAW) u = p;
            else u = p < 0.5 ? 1 : 0;
            double lo = lo0 + dlo * i, hi = hi0 + dhi * i;
            o[i] = (float) (lo + (hi - lo) * u);
            p += (r0 + dr * i) * invSr;
            if (p >= 1) p -= Math.floor(p);
        }
        phase = p;
    }

    @Override public void reset() {
        phase = 0;
        resetsSeen = resetRequests;
    }

    /** Phase in cycles [0, 1). */
    public record State(double phase) implements NodeState {}

    @Override public NodeState saveState() { return new State(phase); }

    @Override public void restoreState(NodeState s) { if (s instanceof State st) phase = st.phase(); }
}
