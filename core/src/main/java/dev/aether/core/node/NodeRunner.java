package dev.aether.core.node;

import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;

import dev.aether.core.param.ParamClock;
import dev.aether.core.param.SmoothedParam;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import dev.aether.core.time.TimedEventChannel;

/**
 * Runs one node outside any plan, the way the engine runs it: its own buffers and context, parameters settled
 * and then clocked by a {@link ParamClock} (while all rest and none is set, a block costs them nothing), inputs
 * unconnected (reading a shared silence, so {@link ProcessContext#connected} is false) until fed or connected.
 * The one node harness of the code base:
 * <ul>
 *   <li>a composite node (a voice built from stdlib nodes, an instrument of voices) holds a runner per child
 *       and calls {@link #runRt} from its own {@code process}; the engine sees only the composite, so the
 *       children share its fault isolation and its per-node cost;</li>
 *   <li>the engine warms a class it has not played yet on a throwaway instance ({@link #warmClass});</li>
 *   <li>the console trial-runs a hot-swap candidate, measures {@code :response} on copies, and tests render
 *       nodes, all through {@link #run} on a runner that owns its node ({@link #NodeRunner(DspNode, double, int)}),
 *       then {@link #release} it so it can go into an engine.</li>
 * </ul>
 *
 * <p>Built, wired ({@link #feed}, {@link #connect}) and {@link #run} on the control thread (or a test's thread);
 * {@link #runRt} is confined to the audio thread. Not thread-safe.
 *
 * <p>Timed events: a runner leaves the child unbound ({@code setAt}, gates and notes sent to it apply directly,
 * which suits a child run on the producer's own thread, e.g. a test or a trial run). A composite that plays in an
 * engine is a {@link dev.aether.core.time.TimedNode}: its {@code bindTimed} calls {@link #bindTimed} on each of its
 * runners, so the children's events travel through the engine's channel like the composite's own.
 */
public final class NodeRunner {
    /** Blocks {@link #warmUp} runs on each path (inputs unconnected, then connected): enough calls for the JIT. */
    public static final int WARM_UP_BLOCKS_PER_PATH = 128;
    private static final Set<Class<?>> WARM = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private final Object owner;
    private final DspNode node;
    private final NodeSpec spec;
    private final ParamClock clock;
    private final ProcessContext ctx;
    private final double sampleRate;
    private final int maxFrames;
    private final float[] silence;
    private final float[][][] inputs;
    private final float[][][] outputs;
    private long time;
    private int unconnectedBlocks, connectedBlocks;     // blocks run() ran on each path, for warmUp

    /**
     * Prepares {@code node} for {@code sampleRate} and blocks of up to {@code maxFrames}, binds its ports to
     * {@code owner} (so they cannot be connected in an engine) and jumps its parameters to their last set values,
     * as the engine does for a node about to sound.
     */
    @ControlThread
    public NodeRunner(Object owner, DspNode node, double sampleRate, int maxFrames) {
        this(owner, node, sampleRate, maxFrames, false);
    }

    /**
     * A runner owning {@code node} (its ports are bound to this runner until {@link #release}): for warming,
     * trials, measurements and tests. Otherwise as {@link #NodeRunner(Object, DspNode, double, int)}.
     */
    @ControlThread
    public NodeRunner(DspNode node, double sampleRate, int maxFrames) {
        this(null, node, sampleRate, maxFrames, true);
    }

    private NodeRunner(Object owner, DspNode node, double sampleRate, int maxFrames, boolean ownsNode) {
        if (maxFrames < 1) throw new IllegalArgumentException("maxFrames must be >= 1, was " + maxFrames);
        this.owner = ownsNode ? this : owner;
        this.node = node;
        this.sampleRate = sampleRate;
        this.maxFrames = maxFrames;
        spec = NodeSpec.of(node).bind(this.owner, sampleRate);
        for (SmoothedParam p : spec.params()) p.settle();
        clock = new ParamClock(spec.params());
        silence = new float[maxFrames];
        inputs = spec.unconnectedInputs(silence);
        outputs = spec.newOutputBuffers(maxFrames);
        ctx = new ProcessContext(sampleRate);
        ctx.silence(silence);
        ctx.bind(inputs, outputs);
        node.prepare(sampleRate, maxFrames);
    }

    public DspNode node() { return node; }
    public NodeSpec spec() { return spec; }
    public double sampleRate() { return sampleRate; }
    public int maxFrames() { return maxFrames; }

    /** Binds the child's timed targets (params, gates, ...) to {@code channel} ({@code null}: unbound). */
    @ControlThread
    public NodeRunner bindTimed(TimedEventChannel channel) {
        spec.bindTimed(channel);
        return this;
    }

    /** The engine sample the next {@link #run} starts at (0 at first; advanced by each run). */
    public long time() { return time; }

    /** The buffers of output {@code port}, [channel][frame]: what the last run wrote (a next child may read them). */
    public float[][] output(OutputPort port) { return outputs[port.index()]; }

    /**
     * The buffers input {@code port} reads, [channel][frame]: the shared silence while it is unconnected (do not
     * write to it), its own buffers after {@link #connect}, or what it was {@link #feed fed}.
     */
    public float[][] input(InputPort port) { return inputs[port.index()]; }

    /** Points input {@code port} at {@code channels} (another runner's {@link #output}), one array per channel. */
    @ControlThread
    public NodeRunner feed(InputPort port, float[][] channels) {
        if (channels.length != port.channels()) {
            throw new IllegalArgumentException("input '" + port.name() + "' has " + port.channels()
                    + " channel(s); feed it " + port.channels() + " buffer(s), not " + channels.length);
        }
        inputs[port.index()] = channels.clone();
        return this;
    }

    /**
     * Gives input {@code port} buffers of its own (zeroed, {@link #maxFrames} frames per channel), so the node
     * sees it connected; returns them for the caller to fill before each {@link #run}. Already own buffers are kept.
     */
    @ControlThread
    public float[][] connect(InputPort port) {
        float[][] chans = inputs[port.index()];
        for (int c = 0; c < chans.length; c++) if (chans[c] == silence) chans[c] = new float[maxFrames];
        return chans;
    }

    /** {@link #connect}s every input. */
    @ControlThread
    public NodeRunner connectAll() {
        for (InputPort p : spec.inputs()) connect(p);
        return this;
    }

    /** Points every input back at the shared silence (unconnected); own buffers are dropped. */
    @ControlThread
    public NodeRunner disconnectAll() {
        for (float[][] chans : inputs) Arrays.fill(chans, silence);
        return this;
    }

    /** Renders {@code frames} frames starting at engine sample {@code sampleTime}, clocking the node's params. */
    @AudioThread @RealtimeSafe
    public void runRt(long sampleTime, int frames, double bpm, double beat) {
        ctx.time(sampleTime, frames, bpm, beat);
        clock.beginRt(sampleTime, frames);
        node.process(ctx);          // an exception leaves the clock mid-block: the next beginRt resets it
        clock.endRt();
    }

    /**
     * Clocks the node's params over {@code frames} frames from engine sample {@code sampleTime} without running the
     * node: for a composite that skips a silent child, so that a ramp set while the child is silent runs on (and has
     * ended by the time it sounds again) as it would in an engine, where every node is clocked every block. Costs one
     * flag read while every param rests.
     */
    @AudioThread @RealtimeSafe
    public void idleRt(long sampleTime, int frames) {
        clock.beginRt(sampleTime, frames);
        clock.endRt();
    }

    /**
     * Renders one block of {@code frames} (1..{@link #maxFrames}) at {@link #time} at 120 BPM (beat 0 at sample 0),
     * then advances the time; the shared silence is zeroed first, in case the node wrote to it. Control thread:
     * the node is not in an engine. Exceptions from {@code process} propagate (the time still advances).
     */
    @ControlThread
    public void run(int frames) {
        if (frames < 1 || frames > maxFrames) {
            throw new IllegalArgumentException("frames must be 1.." + maxFrames + ", was " + frames);
        }
        Arrays.fill(silence, 0f);
        countPath();
        long t = time;
        time += frames;
        runRt(t, frames, 120, t * 2.0 / sampleRate);
    }

    /**
     * Runs the node until it has had {@link #WARM_UP_BLOCKS_PER_PATH} full blocks with every input unconnected and
     * as many with every input connected (counting blocks already {@link #run}; a node without inputs takes both
     * at once), so that the audio thread's first call loads no class, resolves no constant and allocates nothing;
     * then remembers its class as warm ({@link #isWarm}). Leaves the inputs connected.
     */
    @ControlThread
    public NodeRunner warmUp() { return warmUp(NodeRunner::run); }

    /** One block of a warm-up: {@code runner.run(frames)}, e.g. under a budget. */
    @FunctionalInterface
    public interface BlockRun { void run(NodeRunner runner, int frames); }

    /** As {@link #warmUp()}, with each block run by {@code block} (which must call {@link #run} with the frames). */
    @ControlThread
    public NodeRunner warmUp(BlockRun block) {
        if (unconnectedBlocks < WARM_UP_BLOCKS_PER_PATH) {
            disconnectAll();
            while (unconnectedBlocks < WARM_UP_BLOCKS_PER_PATH) block.run(this, maxFrames);
        }
        connectAll();
        while (connectedBlocks < WARM_UP_BLOCKS_PER_PATH) {
            for (float[][] chans : inputs) for (float[] ch : chans) Arrays.fill(ch, 0f);
            block.run(this, maxFrames);
        }
        WARM.add(node.getClass());
        return this;
    }

    /** Frees the node's ports from this runner so the node can be added to an engine. Control thread. */
    @ControlThread
    public void release() { spec.release(owner); }

    /** True once a node of {@code type} has been {@link #warmUp warmed up} (or tried, see {@link #warmClass}) in this JVM. */
    public static boolean isWarm(Class<?> type) { return WARM.contains(type); }

    /**
     * Warms {@code type} off the audio thread if it is not warm yet: {@link #warmUp} on a throwaway instance made
     * with its no-argument constructor, never on the instance that will play (that would consume what was queued on
     * it: a trigger, a note, a gate). A class is tried once per JVM (class loading and the JIT are JVM-wide);
     * classes without a no-argument constructor are not warmed, and exceptions are ignored (the real run reports
     * them as faults). Returns true if it ran.
     */
    @ControlThread
    public static boolean warmClass(Class<? extends DspNode> type, double sampleRate, int maxFrames) {
        if (!WARM.add(type)) return false;
        DspNode probe = freshInstance(type);
        if (probe == null) return false;
        try {
            new NodeRunner(probe, sampleRate, maxFrames).warmUp();
            return true;
        } catch (Throwable ignored) {
            return false;          // reported when it happens for real
        }
    }

    private void countPath() {
        boolean any = false, all = true;
        for (float[][] chans : inputs) {
            boolean connected = chans[0] != silence;
            any |= connected;
            all &= connected;
        }
        if (!any) unconnectedBlocks++;
        if (all) connectedBlocks++;
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
