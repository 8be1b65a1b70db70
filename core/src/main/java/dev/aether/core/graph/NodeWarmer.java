package dev.aether.core.graph;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.NodeSpec;
import dev.aether.core.NodeState;
import dev.aether.core.ProcessContext;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Runs a node of a class the engine has not played before a few times on the control thread, so that the
 * first call on the audio thread does not resolve constant-pool entries, load classes or allocate. The node's
 * state is saved before and restored after (or the node is {@link DspNode#reset() reset} when it has none).
 * Exceptions during warm-up are ignored: the real run reports them as faults.
 */
@ControlThread
public final class NodeWarmer {
    private static final int BLOCKS = 8;
    private final Set<Class<?>> warmed = Collections.newSetFromMap(new WeakHashMap<>());
    private final double sampleRate;
    private final int blockSize;

    public NodeWarmer(double sampleRate, int blockSize) {
        this.sampleRate = sampleRate;
        this.blockSize = blockSize;
    }

    /** Warms {@code node} if its class is new; returns true if it ran. */
    public synchronized boolean warm(DspNode node, NodeSpec spec) {
        if (!warmed.add(node.getClass())) return false;
        NodeState saved = null;
        try {
            saved = node.saveState();
        } catch (RuntimeException ignored) {
            // a node whose saveState fails is reset instead
        }
        float[][][] in = new float[spec.inputs().size()][][];
        for (int i = 0; i < in.length; i++) in[i] = new float[spec.inputs().get(i).channels()][blockSize];
        float[][][] out = new float[spec.outputs().size()][][];
        for (int i = 0; i < out.length; i++) out[i] = new float[spec.outputs().get(i).channels()][blockSize];
        ProcessContext ctx = new ProcessContext(sampleRate);
        ctx.bind(in, out);
        try {
            for (int b = 0; b < BLOCKS; b++) {
                ctx.time((long) b * blockSize, blockSize, 120, 0);
                node.process(ctx);
            }
        } catch (Throwable ignored) {
            // reported when it happens for real
        }
        try {
            if (saved != null) node.restoreState(saved);
            else node.reset();
        } catch (RuntimeException ignored) {
            // best effort
        }
        return true;
    }
}
