package dev.aether.core.graph;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.NodeSpec;
import dev.aether.core.ProcessContext;
import dev.aether.core.param.SmoothedParam;
import java.lang.reflect.Constructor;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Runs a throwaway instance of a node class the engine has not played yet 256 blocks on the control thread,
 * so that the first call on the audio thread does not load classes, resolve constant-pool entries or allocate:
 * the first half with its inputs unconnected (reading the shared silence, so {@link ProcessContext#connected} is
 * false), the second half connected, so both paths a node may take are warm.
 *
 * <p>The live instance is never run here: that would consume what the user queued on it before it sounds
 * (a trigger, a note, a gate). Classes without a no-argument constructor cannot be copied and are not warmed;
 * the console's trial run warms user classes on an instance of its own. Exceptions during warm-up are ignored:
 * the real run reports them as faults.
 */
@ControlThread
public final class NodeWarmer {
    private static final int BLOCKS = 256;      // enough calls for the JIT to queue a compile of process()
    private final Set<Class<?>> seen = Collections.newSetFromMap(new WeakHashMap<>());
    private final double sampleRate;
    private final int blockSize;

    public NodeWarmer(double sampleRate, int blockSize) {
        this.sampleRate = sampleRate;
        this.blockSize = blockSize;
    }

    /** Warms {@code node}'s class if it is new and can be instantiated without arguments; true if it ran. */
    public synchronized boolean warm(DspNode node) {
        if (!seen.add(node.getClass())) return false;
        DspNode probe = freshInstance(node.getClass());
        if (probe == null) return false;
        try {
            NodeSpec spec = NodeSpec.of(probe).bind(this, sampleRate);
            probe.prepare(sampleRate, blockSize);
            float[] silence = new float[blockSize];
            float[][][] in = spec.unconnectedInputs(silence), out = spec.newOutputBuffers(blockSize);
            ProcessContext ctx = new ProcessContext(sampleRate);
            ctx.silence(silence);
            ctx.bind(in, out);
            SmoothedParam[] params = spec.params().toArray(new SmoothedParam[0]);
            for (int b = 0; b < BLOCKS; b++) {
                if (b == BLOCKS / 2) ctx.bind(spec.newInputBuffers(blockSize), out);   // now every input connected
                long t = (long) b * blockSize;
                for (SmoothedParam p : params) p.beginBlockRt(t, blockSize);
                ctx.time(t, blockSize, 120, 0);
                probe.process(ctx);
                for (SmoothedParam p : params) p.endBlockRt();
            }
            return true;
        } catch (Throwable ignored) {
            return false;          // reported when it happens for real
        }
    }

    private static DspNode freshInstance(Class<? extends DspNode> type) {
        try {
            Constructor<? extends DspNode> c = type.getDeclaredConstructor();
            if (!c.trySetAccessible()) return null;
            return c.newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
