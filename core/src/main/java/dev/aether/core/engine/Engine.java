package dev.aether.core.engine;

import dev.aether.core.command.RetiredPlanRing;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.EngineBusyException;
import dev.aether.core.EngineConfig;
import dev.aether.core.ParallelMode;
import dev.aether.core.InputPort;
import dev.aether.core.NodeId;
import dev.aether.core.node.NodeRunner;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.NodeState;
import dev.aether.core.OutputPort;
import dev.aether.core.Port;
import dev.aether.core.time.When;

import dev.aether.core.buffer.BufferPool;
import dev.aether.core.command.Command;
import dev.aether.core.view.EngineEvent;
import dev.aether.core.command.EventRing;
import dev.aether.core.command.CommandRing;
import dev.aether.core.driver.AudioDriver;
import dev.aether.core.driver.AudioSource;
import dev.aether.core.graph.Crossfade;
import dev.aether.core.graph.Edge;
import dev.aether.core.graph.ExecutionPlan;
import dev.aether.core.graph.FeedbackPair;
import dev.aether.core.graph.MasterBus;
import dev.aether.core.graph.NodeSlot;
import dev.aether.core.graph.Patch;
import dev.aether.core.graph.PlanCompiler;
import dev.aether.core.param.SmoothedParam;
import dev.aether.core.rt.MasterTap;
import dev.aether.core.rt.Scheduler;
import dev.aether.core.time.TimedEventChannel;
import dev.aether.core.time.Clock;
import dev.aether.core.time.Quantum;
import java.util.ArrayList;
import java.util.List;
import dev.aether.core.view.Connection;
import dev.aether.core.view.EngineStats;
import dev.aether.core.view.NodeInfo;
import dev.aether.core.view.OutputTap;
import java.util.function.Consumer;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The engine's control-thread face: add, connect, replace and remove nodes; every edit compiles a new
 * immutable {@link ExecutionPlan} here and sends it to the audio thread on the command ring.
 *
 * <p>Thread-safe for control threads (edits serialise on this object); never called by the audio thread.
 * Without a running driver, commands are applied directly by the calling thread, so building a patch and
 * then {@link #render rendering} it offline needs no audio thread at all.
 *
 * <pre>{@code
 * Engine engine = Engine.create(EngineConfig.defaults());
 * SineLike osc = new SineLike();
 * engine.add(osc);
 * engine.connectToMaster(osc.out);
 * float[] stereo = new float[2 * 48_000];
 * engine.render(stereo, 48_000);                      // one second, offline
 * }</pre>
 */
public final class Engine implements AutoCloseable {
    private final EngineConfig config;
    private final Patch patch;
    private final BufferPool pool;
    private final PlanCompiler compiler;
    private final CommandRing commands;
    private final EventRing events;
    private final RetiredPlanRing returns;
    private final Clock clock;
    private final TimedEventChannel timed;
    private final Scheduler scheduler;
    private final MasterBus masterBus = new MasterBus();
    private final NodeSlot master;
    private AudioDriver driver;
    private volatile boolean running;            // a driver renders: a command sent now lands a block later
    private final List<OfflineBlockHook> offlineHooks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private int batchDepth;
    private boolean dirty;

    private Engine(EngineConfig config, ParallelMode parallel) {
        this.config = config;
        this.timed = new TimedEventChannel(TimedEventChannel.DEFAULT_CAPACITY);
        this.patch = new Patch(config.sampleRate(), timed);
        this.pool = new BufferPool(config.blockSize(), 256);
        this.compiler = new PlanCompiler(pool, parallel);
        this.commands = new CommandRing(config.ringCapacity());
        this.events = new EventRing(4096);
        this.returns = new RetiredPlanRing(4096);
        this.master = patch.add(masterBus);
        Scheduler[] rendering = new Scheduler[1];
        this.clock = new Clock(config.sampleRate(), () -> rendering[0].time(),
                () -> rendering[0].time() + (running ? config.blockSize() : 0));
        this.scheduler = new Scheduler(config, compiler.compile(patch, master), commands, events, returns, clock,
                timed);
        rendering[0] = scheduler;
    }

    /** A stopped engine with an empty patch (only the master bus). */
    @ControlThread
    public static Engine create(EngineConfig config) { return new Engine(config, ParallelMode.fromSystemProperty()); }

    /**
     * A stopped engine whose plans split for two threads as {@code parallel} says, whatever
     * {@code -Daether.parallel} is: in {@link ParallelMode#AUTO} and {@link ParallelMode#ON} independent branches
     * (voices, tracks) run on a second real-time thread with output bit-identical to one thread.
     */
    @ControlThread
    public static Engine create(EngineConfig config, ParallelMode parallel) { return new Engine(config, parallel); }

    /** How plans split for two threads. */
    public ParallelMode parallelMode() { return compiler.parallelMode(); }

    /**
     * One line on the parallel worker (running or not, segments shared, tasks it ran, the audio thread's waits for
     * it, its scheduling). Any thread.
     */
    public String parallelReport() { return scheduler.parallelReport(); }

    public EngineConfig config() { return config; }

    // ------------------------------------------------------------------ graph edits

    /** Adds a node (prepared, parameters settled, class warmed). It sounds once connected towards the master. */
    @ControlThread
    public synchronized NodeId add(DspNode node) {
        NodeSlot slot = patch.add(node);
        prepare(node, slot.spec());
        edited();
        return slot.id();
    }

    /** Removes a node and its connections at the next block. A stale id throws {@link StaleNodeException}. */
    @ControlThread
    public synchronized void remove(NodeId id) {
        if (id.equals(master.id())) throw new IllegalArgumentException("the master bus cannot be removed");
        patch.remove(id);
        edited();
    }

    /** Connects an output to an input (sources into one input are summed). A cycle is refused, named. */
    @ControlThread
    public synchronized void connect(OutputPort from, InputPort to) {
        patch.connect(from, to);
        edited();
    }

    /** Removes one connection; false if there was none. */
    @ControlThread
    public synchronized boolean disconnect(OutputPort from, InputPort to) {
        boolean removed = patch.disconnect(from, to);
        if (removed) edited();
        return removed;
    }

    /** Connects an output to the stereo master bus (a mono output feeds both sides). */
    @ControlThread
    public void connectToMaster(OutputPort from) { connect(from, masterBus.in); }

    /** The master bus input (stereo). */
    public InputPort masterInput() { return masterBus.in; }

    /** The master bus's id. */
    public NodeId masterId() { return master.id(); }

    /**
     * Adds an explicit feedback pair: connect the loop's end to {@code pair.send.in} and take
     * {@code pair.receive.out} back in; the signal arrives one block ({@link EngineConfig#blockSize()}) later.
     */
    @ControlThread
    public synchronized FeedbackPair feedback(int channels) {
        FeedbackPair pair = new FeedbackPair(channels, config.blockSize(), config.blockSize());
        batch(() -> {
            add(pair.send);
            add(pair.receive);
        });
        return pair;
    }

    /**
     * Replaces a live node by {@code next} (hot swap): connections are kept by port name, the old state is
     * copied in ({@link DspNode#saveState()} → {@link DspNode#restoreState}) when asked, and the audio thread
     * crossfades old → new with equal power when the swap is due. The state is read while the old node still
     * plays, so it is a recent state; the crossfade hides the gap.
     *
     * @throws IllegalArgumentException if {@code next} lacks a port that is connected on the old node
     */
    @ControlThread
    public void replace(NodeId id, DspNode next, SwapOptions options) { replace(id, next, options, null); }

    /**
     * As {@link #replace(NodeId, DspNode, SwapOptions)}, with {@code carry(old, next)} moving the state instead of
     * saveState/restoreState. It runs after {@code next} is prepared, so arrays it fills are the ones that play.
     */
    @ControlThread
    public void replace(NodeId id, DspNode next, SwapOptions options, BiConsumer<DspNode, DspNode> carry) {
        replace(id, next, options, carry, options::when);
    }

    /**
     * As {@link #replace(NodeId, DspNode, SwapOptions, BiConsumer)}, with the swap's time asked of {@code when} only
     * when the new plan is sent, after {@code next} was prepared (which may take long): {@code options.when()} is
     * not used.
     */
    @ControlThread
    public synchronized void replace(NodeId id, DspNode next, SwapOptions options,
                                     BiConsumer<DspNode, DspNode> carry, Supplier<When> when) {
        NodeSlot slot = patch.slot(id);
        if (slot == master) throw new IllegalArgumentException("the master bus cannot be replaced");
        DspNode old = slot.node();
        NodeSpec oldSpec = slot.spec();
        NodeSpec nextSpec = NodeSpec.of(next);
        for (Edge e : patch.edges()) {
            if (e.to() == id.packed() && nextSpec.input(e.toPort()) == null) {
                throw new IllegalArgumentException(next.typeName() + " has no input '" + e.toPort()
                        + "', which is connected on " + slot.label() + "; keep the port name or disconnect it first");
            }
            if (e.from() == id.packed() && nextSpec.output(e.fromPort()) == null) {
                throw new IllegalArgumentException(next.typeName() + " has no output '" + e.fromPort()
                        + "', which is connected on " + slot.label() + "; keep the port name or disconnect it first");
            }
        }
        nextSpec.bind(slot, config.sampleRate(), timed);
        prepare(next, nextSpec);
        if (carry != null) {
            carry.accept(old, next);
        } else if (options.carryState()) {
            NodeState s = old.saveState();
            if (s != null) next.restoreState(s);
        }
        int frames = (int) Math.round(options.crossfadeSeconds() * config.sampleRate());
        Crossfade fade = frames > 0 ? new Crossfade(old, oldSpec, nextSpec, frames, config.blockSize()) : null;
        patch.replaceNode(slot, next, nextSpec, fade);
        ExecutionPlan plan = compiler.compile(patch, master);
        post(new Command.SwapPlan(plan, clock.resolve(when.get())));
    }

    /** Runs {@code edits} and sends one plan for all of them, adopted at the next block. Nests. */
    @ControlThread
    public void batch(Runnable edits) { batch(When.NOW, edits); }

    /**
     * Runs {@code edits} and sends one plan for all of them, adopted exactly at {@code when} (a sample, the next
     * beat or the next bar): the audio thread splits the block there. Nested batches join the outermost one.
     */
    @ControlThread
    public void batch(When when, Runnable edits) { batch(() -> when, edits); }

    /**
     * As {@link #batch(When, Runnable)}, with the time asked of {@code when} only when the plan is sent, after the
     * edits (adding nodes prepares and warms them, which may take long), so a time "a little after now" is not
     * already past. Nested batches join the outermost one.
     */
    @ControlThread
    public synchronized void batch(Supplier<When> when, Runnable edits) {
        batchDepth++;
        try {
            edits.run();
        } finally {
            endBatch(when);
        }
    }

    /**
     * Opens a batch that stays open across calls until {@link #release}: every edit made meanwhile, by any thread,
     * joins it (a {@link #batch} inside it joins it too, and its time is not used), and one plan is sent for all of
     * them when it is released. A {@link #replace hot swap} and {@link #panic} still send their own plans at once.
     * Holds nest; each must be released once, in a {@code finally}. How a console input becomes one plan.
     */
    @ControlThread
    public synchronized void hold() { batchDepth++; }

    /**
     * Closes a {@link #hold}; when it was the outermost and an edit was made, sends one plan for all of them,
     * adopted at the time {@code when} gives (asked only now, after the edits).
     */
    @ControlThread
    public synchronized void release(Supplier<When> when) {
        if (batchDepth == 0) throw new IllegalStateException("release() without hold()");
        endBatch(when);
    }

    /** True while edits wait in an open batch or hold for their plan to be sent. */
    @ControlThread
    public synchronized boolean hasUnsentEdits() { return dirty; }

    private void endBatch(Supplier<When> when) {
        if (--batchDepth == 0 && dirty) {
            dirty = false;
            scheduler.panic(false);
            ExecutionPlan plan = compiler.compile(patch, master);
            post(new Command.SwapPlan(plan, clock.resolve(when.get())));
        }
    }

    /** Lets a node that was bypassed after a fault play again. */
    @ControlThread
    public synchronized void clearFault(NodeId id) { post(new Command.ClearFault(patch.slot(id))); }

    /**
     * Changes tempo (at once) and metre through the {@link #clock()}: the tempo at {@code when} (now: the first tick
     * the clock can still change; the next beat or bar; an engine sample, no earlier than now), the metre, if it
     * differs, from the first bar at or after that. The beat position is continuous. Both changes are made under the
     * clock's lock, so a look-ahead pass cannot queue past the sample asked for in between: an engine sample already
     * queued or played moves the change to the first tick the clock can still change, never refuses it.
     */
    @ControlThread
    public synchronized void tempo(double bpm, int beatsPerBar, When when) {
        if (!(bpm >= 1 && bpm <= 999)) throw new IllegalArgumentException("tempo must be 1..999 BPM, was " + bpm);
        if (beatsPerBar < 1 || beatsPerBar > 32) throw new IllegalArgumentException("beats per bar must be 1..32, was " + beatsPerBar);
        synchronized (clock) {                              // engine, then clock: the order tempoAtBeat took them in
            if (when.kind() == When.Kind.AT_SAMPLE) {
                clock.tempoFrom(when.sample(), bpm, 0);
            } else {
                clock.tempo(bpm, 0, when.kind() == When.Kind.NEXT_BEAT ? Quantum.BEAT
                        : when.kind() == When.Kind.NEXT_BAR ? Quantum.BAR : Quantum.NONE);
            }
            if (clock.snapshot().tempoMap().lastBeatsPerBar() != beatsPerBar) clock.metre(beatsPerBar);
        }
    }

    /** Silences everything now: removes every node (the master stays) and mutes until the next edit. */
    @ControlThread
    public void panic() { panic(When.NOW); }

    /**
     * Mutes the output now, until the next edit, and removes every node (the master stays) at {@code when}, after
     * plans sent earlier for samples before it.
     */
    @ControlThread
    public synchronized void panic(When when) {
        scheduler.panic(true);
        for (NodeSlot s : patch.slots()) if (s != master) patch.remove(s.id());
        post(new Command.SwapPlan(compiler.compile(patch, master), when));
    }

    // ------------------------------------------------------------------ reading

    /** The node under {@code id}; a stale id throws. */
    public synchronized DspNode node(NodeId id) { return patch.slot(id).node(); }

    /** A picture of the node under {@code id} (label, ports, meters, fault flag); a stale id throws. */
    public synchronized NodeInfo info(NodeId id) { return info(patch.slot(id)); }

    /** True while {@code id} names a live node. */
    public synchronized boolean contains(NodeId id) { return patch.contains(id); }

    /** Every live node, master first, in slot order. */
    public synchronized List<NodeInfo> nodes() { return infos(patch.slots()); }

    /** Every connection. */
    public synchronized List<Connection> edges() {
        List<Connection> out = new ArrayList<>(patch.edges().size());
        for (Edge e : patch.edges()) {
            out.add(new Connection(NodeId.unpack(e.from()), e.fromPort(), NodeId.unpack(e.to()), e.toPort()));
        }
        return out;
    }

    /** True when {@code from} is connected to {@code to}; either port's node not live throws. Costs no pass over the edges. */
    public synchronized boolean connected(OutputPort from, InputPort to) { return patch.connected(from, to); }

    /** The id of the node owning {@code port}. */
    public synchronized NodeId idOf(Port port) { return patch.owner(port).id(); }

    /** Nodes in the order the audio thread runs them. */
    public synchronized List<NodeInfo> order() { return infos(patch.order()); }

    /** The engine's musical clock: tempo map, transport, quantised edit samples. Any thread. */
    public Clock clock() { return clock; }

    /**
     * The one timed-event channel of this engine: every node added is bound to it (its params' {@code setAt},
     * gates, triggers, notes); the audio thread drains it once per block. Any thread may offer to it directly for
     * a {@link dev.aether.core.time.TimedTarget} of its own.
     */
    public TimedEventChannel timedEvents() { return timed; }

    /** Load, late blocks, dropouts and the worst stall. Any thread. */
    public EngineStats stats() { return scheduler; }

    /** Measures each node's cost per block (shown in {@link NodeInfo#costNanos()}) while {@code on}; off by default. */
    public void profileNodes(boolean on) { scheduler.profileNodes(on); }

    /** Hands waiting engine events to {@code handler} and recycles returned plans; returns the event count. */
    @ControlThread
    public int pollEvents(Consumer<? super EngineEvent> handler) {
        synchronized (this) { reclaim(); }
        synchronized (events) { return events.drain(handler); }   // the event ring has one consumer at a time
    }

    // ------------------------------------------------------------------ running

    /**
     * Starts {@code driver} pulling audio from this engine. The first start in a JVM first runs a throwaway engine
     * for a few thousand blocks so the audio path is compiled before it sounds ({@link EngineWarmup}).
     */
    @ControlThread
    public synchronized void start(AudioDriver driver) {
        if (this.driver != null) throw new IllegalStateException("already running on " + this.driver.description() + "; stop() first");
        EngineWarmup.runOnce(config);
        this.driver = driver;
        running = true;
        driver.start(scheduler);
        // the parallel worker follows the audio thread's SCHED_FIFO; in AUTO, live without it, the worker is not
        // used: a worker preempted mid-task by a normal thread would hold the audio thread up (measured: 0.1-0.3 s
        // on a loaded 2-core machine)
        int fifo = driver.fifoPriority();
        scheduler.parallelFifo(fifo);
        scheduler.allowParallel(fifo > 0 || compiler.parallelMode() == ParallelMode.ON);
        if (scheduler.currentPlan().parallel != null) scheduler.startParallelWorker();
    }

    /** Stops the driver, if any. */
    @ControlThread
    public synchronized void stop() {
        if (driver != null) {
            driver.stop();
            driver = null;
            running = false;
            scheduler.allowParallel(true);                       // offline: a late worker costs time, not a dropout
        }
    }

    /**
     * Opens a tap on the master output (after the limiter) holding {@code capacityFrames} stereo frames: for
     * recording, scopes and meters on another thread. Close it with {@link #closeTap}.
     */
    @ControlThread
    public OutputTap openTap(int capacityFrames) {
        MasterTap tap = new MasterTap(capacityFrames);
        scheduler.addTap(tap);
        return tap;
    }

    /** Stops feeding {@code tap}. */
    @ControlThread
    public void closeTap(OutputTap tap) { if (tap instanceof MasterTap m) scheduler.removeTap(m); }

    /** The driver the engine runs on, or null. */
    public synchronized AudioDriver driver() { return driver; }

    /** The engine as a driver sees it. */
    public AudioSource source() { return scheduler; }

    /**
     * Renders {@code frames} stereo frames into {@code interleaved} on the calling thread (offline: faster than
     * real time, deterministic). Only while no driver runs.
     */
    @ControlThread
    public synchronized void render(float[] interleaved, int frames) {
        if (driver != null) throw new IllegalStateException("render() is for offline use; a driver is running: stop() it first");
        scheduler.audioThreadStarted();
        if (scheduler.currentPlan().parallel != null) scheduler.startParallelWorker();
        if (offlineHooks.isEmpty()) {
            scheduler.renderRt(interleaved, frames);
        } else {
            for (int done = 0; done < frames; ) {
                int n = Math.min(config.blockSize(), frames - done);
                long from = scheduler.time();
                for (OfflineBlockHook h : offlineHooks) h.beforeBlock(from, n);
                scheduler.renderRt(interleaved, done, n);
                done += n;
            }
        }
        reclaim();
    }

    /**
     * Runs {@code hook} on the rendering thread before each block that {@link #render} renders (offline only; a
     * driver's audio thread runs no hooks): a look-ahead scheduler queues that block's timed events there, so
     * offline renders are deterministic. Any thread.
     */
    public void addOfflineHook(OfflineBlockHook hook) { offlineHooks.add(hook); }

    public void removeOfflineHook(OfflineBlockHook hook) { offlineHooks.remove(hook); }

    /** True while a driver renders this engine (live); false offline, where {@link #render} is the clock. Any thread. */
    public boolean isRunning() { return running; }

    /** Stops the driver, if any, and the parallel worker (a later render or start brings it back). */
    @Override public void close() {
        stop();
        scheduler.stopParallelWorker();
    }

    // ------------------------------------------------------------------ internals

    private static List<NodeInfo> infos(List<NodeSlot> slots) {
        List<NodeInfo> out = new ArrayList<>(slots.size());
        for (NodeSlot s : slots) out.add(info(s));
        return out;
    }

    private static NodeInfo info(NodeSlot s) {
        return new NodeInfo(s.id(), s.label(), s.node(), s.spec(), s.faulted, s.meterPeak, s.meterRms, s.costNanos);
    }

    private void prepare(DspNode node, NodeSpec spec) {
        node.prepare(config.sampleRate(), config.blockSize());
        for (SmoothedParam p : spec.params()) p.settle();
        NodeRunner.warmClass(node.getClass(), config.sampleRate(), config.blockSize());   // off the audio thread
    }

    private void edited() {
        if (batchDepth > 0) {
            dirty = true;
            return;
        }
        scheduler.panic(false);
        post(new Command.SwapPlan(compiler.compile(patch, master), When.NOW));
    }

    private void post(Command c) {
        reclaim();
        // a plan split for two threads needs the worker (started here, off the audio thread; it stays up)
        if (c instanceof Command.SwapPlan s && s.plan.parallel != null) scheduler.startParallelWorker();
        if (!commands.offer(c)) throw new EngineBusyException(commands.capacity());
        if (driver == null) scheduler.applyWhileStoppedRt();
    }

    /** Under this engine's monitor: the retired-plan ring has one consumer. */
    private void reclaim() {
        ExecutionPlan p;
        while ((p = returns.poll()) != null) compiler.recycle(p);
    }
}
