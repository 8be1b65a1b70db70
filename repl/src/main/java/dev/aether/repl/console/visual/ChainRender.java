package dev.aether.repl.console.visual;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.node.NodeRunner;
import dev.aether.core.node.NodeSpec;
import dev.aether.repl.session.StateCarrier;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Prompt thread (allocates; never touches the nodes it is given). Renders a chain offline on copies of its nodes,
 * so any node or slot can be shown, playing or not: each copy is a new instance of the node's class carrying its
 * parameters, plain fields and state (as a redefinition would, {@link StateCarrier}), run in its own
 * {@link NodeRunner} in blocks of {@value #BLOCK}. The nodes are in series, as a chain wires them: a node's first
 * input is fed the previous node's first output (its channels averaged to mono); the first node's input named
 * {@code in} or {@code gate}, when it has one, is fed the given input signal (an oscillator's {@code fm} is not). The result is the last node's first output, channels averaged.
 */
public final class ChainRender {
    public static final int BLOCK = 64;
    /** Seed of {@link #whiteNoise}: the same test signal in every run. */
    public static final long NOISE_SEED = 1;

    private ChainRender() {}

    /**
     * True when the chain's first node takes a signal (a filter, an effect, an envelope's gate: an input named
     * {@code in} or {@code gate}); false for a source, whose other inputs (an oscillator's {@code fm}) stay unconnected.
     */
    public static boolean takesInput(List<DspNode> nodes) { return fedInput(NodeSpec.of(nodes.get(0))) != null; }

    /** The input the test signal goes to: the first named {@code in} or {@code gate}, or null. */
    static InputPort fedInput(NodeSpec spec) {
        for (InputPort p : spec.inputs()) if (p.name().equals("in") || p.name().equals("gate")) return p;
        return null;
    }

    /** {@code frames} samples of the chain's output, fed {@code input} (ignored by a source; null: silence). */
    public static float[] render(List<DspNode> nodes, float[] input, int frames, double sampleRate) {
        return render(nodes, input, frames, sampleRate, false);
    }

    /**
     * As {@link #render(List, float[], int, double)}; {@code fromRest} resets each copy after its parameters and
     * state are carried ({@link DspNode#reset}), so a playing node's ringing does not count (a null test).
     */
    public static float[] render(List<DspNode> nodes, float[] input, int frames, double sampleRate, boolean fromRest) {
        List<NodeRunner> runners = new ArrayList<>();
        for (DspNode n : nodes) {
            DspNode copy = copyOf(n);
            if (fromRest) copy.reset();
            runners.add(new NodeRunner(copy, sampleRate, BLOCK));
        }
        float[] mono = new float[BLOCK], y = new float[frames];
        for (int t = 0; t < frames; t += BLOCK) {
            int n = Math.min(BLOCK, frames - t);
            java.util.Arrays.fill(mono, 0f);
            if (input != null) System.arraycopy(input, t, mono, 0, Math.max(0, Math.min(n, input.length - t)));
            for (int k = 0; k < runners.size(); k++) {
                NodeRunner r = runners.get(k);
                NodeSpec spec = r.spec();
                InputPort fed = k == 0 ? fedInput(spec) : spec.inputs().isEmpty() ? null : spec.inputs().get(0);
                if (fed != null) {
                    for (float[] ch : r.connect(fed)) System.arraycopy(mono, 0, ch, 0, n);
                }
                r.run(n);
                if (spec.outputs().isEmpty()) throw new IllegalArgumentException(r.node().typeName() + " has no output to show");
                float[][] out = r.output(spec.outputs().get(0));
                for (int i = 0; i < n; i++) {
                    float s = 0;
                    for (float[] ch : out) s += ch[i];
                    mono[i] = s / out.length;
                }
            }
            System.arraycopy(mono, 0, y, t, n);
        }
        return y;
    }

    /** Deterministic white noise, uniform in [-{@code amplitude}, {@code amplitude}], seed {@value #NOISE_SEED}. */
    public static float[] whiteNoise(int frames, double amplitude) {
        SplittableRandom r = new SplittableRandom(NOISE_SEED);
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) x[i] = (float) (amplitude * (2 * r.nextDouble() - 1));
        return x;
    }

    /** A new instance of {@code node}'s class with its parameters, plain fields and state carried over. */
    public static DspNode copyOf(DspNode node) {
        DspNode copy;
        try {
            Constructor<? extends DspNode> c = node.getClass().getDeclaredConstructor();
            c.setAccessible(true);
            copy = c.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException(node.typeName() + " has no no-argument constructor, so it cannot be copied"
                    + " to be measured; give it one (parameters and fields are carried over)");
        }
        StateCarrier.carry(node, copy);
        return copy;
    }
}
