package dev.aether.core.rt;

import dev.aether.core.command.RetiredPlanRing;

import dev.aether.core.view.EngineStats;

import dev.aether.core.time.TimedEventChannel;
import dev.aether.core.time.Clock;
import dev.aether.core.time.ClockSnapshot;

import dev.aether.core.AudioThread;
import dev.aether.core.EngineConfig;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.time.When;
import dev.aether.core.command.Command;
import dev.aether.core.command.EventRing;
import dev.aether.core.command.CommandRing;
import dev.aether.core.driver.AudioSource;
import dev.aether.core.graph.ExecutionPlan;
import dev.aether.core.graph.ParallelSchedule;
import dev.aether.core.graph.NodeSlot;
import dev.aether.core.graph.PlanEntry;
import dev.aether.core.budget.RunBudget;
import dev.aether.core.budget.Watch;
import java.util.Arrays;

/**
 * Runs the current {@link ExecutionPlan} block by block. Confined to the audio thread except where noted;
 * nothing here allocates, locks, blocks or logs in steady state.
 *
 * <p>Each block it takes at most {@code commandsPerBlock} commands from the ring, resolves when each is due
 * (now or an exact sample: the clock turned beats and bars into samples) and splits the block at due samples so a
 * plan swap lands on its exact sample; a plan never lands before one taken earlier (each is the whole graph, so the
 * later one holds the earlier one's edits: a quantised edit waiting for its bar is not undone). Tempo and position come from the clock's published snapshot. A node that throws or writes NaN/Inf is bypassed (silent) and reported;
 * the master goes through the safety limiter; replaced plans go back on the return ring.
 *
 * <p>A plan with a {@link ParallelSchedule} shares its independent tasks with the parallel worker
 * ({@link ParallelRunner}) before the audio thread runs its tail; every entry on either thread goes through the one
 * {@link EntryRunner} routine, so the output is bit-identical to one thread.
 *
 * <p>User code is on a budget: the rendering thread's {@link Watch} is armed for
 * {@link EngineConfig#userCodeBudgetNanos()} from the start of each block, so a check woven into user code that runs
 * past it throws {@link dev.aether.core.budget.RunStopped} inside that code; its node is bypassed like one that threw, reported as
 * over budget with the site (an int: nothing allocated), and the watch is armed afresh for the nodes after it.
 */
public final class Scheduler implements AudioSource, EngineStats {
    private static final int PENDING_CAPACITY = 128;
    private static final int METERS_PER_BLOCK = 4;
    /** While profiling, nodes are timed in one block of every {@code PROFILE_EVERY_MASK + 1}. */
    private static final int PROFILE_EVERY_MASK = 7;

    private final EngineConfig config;
    private final int blockSize;
    private final EntryRunner lane;          // the audio thread's runner of plan entries
    private final ParallelRunner parallel;   // the worker that shares plans with a ParallelSchedule
    private final CommandRing commands;
    private final EventRing events;
    private final RetiredPlanRing returns;
    private final Clock clock;
    private final TimedEventChannel timed;
    private final MasterLimiter limiter;
    private final Command[] pending = new Command[PENDING_CAPACITY];
    private int pendingCount;
    private long lastPlanDue;                // the latest sample a plan taken so far is due at

    private ExecutionPlan plan;
    private long time;
    private volatile long publishedTime;     // time at the end of the last block, for the control thread
    private int meterCursor;
    private long blocks;
    private int resyncFadeRemaining;
    private float masterPeak;
    private double masterSumSquares;
    private long masterFrames;

    // figures published for the control thread
    private volatile long lateBlocks;        // every late report from the driver
    private volatile long xruns;             // late past the device buffer: the device ran dry (resync)
    private volatile long worstStallNanos;
    private volatile double load;            // smoothed render time / block time
    private volatile double peakLoad;
    private volatile boolean panic;
    private volatile boolean profileNodes;
    private volatile Thread audioThread;
    private volatile MasterTap[] taps = new MasterTap[0];
    private final long userCodeBudgetNanos;
    private long blockStartNanos;

    public Scheduler(EngineConfig config, ExecutionPlan initial, CommandRing commands, EventRing events,
                     RetiredPlanRing returns, Clock clock, TimedEventChannel timed) {
        this.config = config;
        this.blockSize = config.blockSize();
        this.userCodeBudgetNanos = config.userCodeBudgetNanos();
        // initial.silence: one block per engine (its buffer pool's): every plan shares it
        this.lane = new EntryRunner(config.sampleRate(), initial.silence, events, userCodeBudgetNanos);
        this.parallel = new ParallelRunner(this, events, config.sampleRate(), initial.silence, userCodeBudgetNanos);
        this.commands = commands;
        this.events = events;
        this.returns = returns;
        this.clock = clock;
        this.timed = timed;
        this.limiter = new MasterLimiter(config.limiterCeiling());
        this.plan = initial;
    }

    @Override public int channels() { return 2; }
    @Override public double sampleRate() { return config.sampleRate(); }
    @Override public int blockSize() { return blockSize; }

    /** Driver or offline renderer, on the thread about to render (allocates its watch once per thread). */
    @Override
    public void audioThreadStarted() {
        Thread t = Thread.currentThread();
        audioThread = t;
        Watch w = lane.watch();
        if (w == null || w.owner() != t) lane.watch(RunBudget.watch(t));
    }

    /** The thread that last rendered (null before the first render). Any thread. */
    @Override public Thread audioThread() { return audioThread; }

    @Override @AudioThread @RealtimeSafe
    public void renderRt(float[] interleaved, int frames) { renderRt(interleaved, 0, frames); }

    /** As {@link #renderRt(float[], int)}, writing from frame {@code offset} of {@code interleaved} on. */
    @AudioThread @RealtimeSafe
    public void renderRt(float[] interleaved, int offset, int frames) {
        if (audioThread == null) audioThread = Thread.currentThread();
        int done = 0;
        while (done < frames) {
            int n = Math.min(blockSize, frames - done);
            long t0 = System.nanoTime();
            blockStartNanos = t0;
            Watch w = lane.watch();
            if (w != null) w.armRt(t0, userCodeBudgetNanos);
            try {
                renderBlockRt(interleaved, offset + done, n);
            } finally {
                if (w != null) w.disarmRt();
            }
            long spent = System.nanoTime() - t0;
            double l = spent * config.sampleRate() / (n * 1e9);
            load = load * 0.99 + l * 0.01;
            if (l > peakLoad) peakLoad = l;
            done += n;
        }
    }

    /** Renders one block of {@code n <= blockSize} frames into {@code out} at frame {@code offset}. */
    private void renderBlockRt(float[] out, int offset, int n) {
        takeCommandsRt();
        timed.drainRt();            // timed events to their targets, before any param clock or node runs
        int done = 0;
        while (done < n) {
            applyDueRt();
            int seg = n - done;
            long next = nextDueRt();
            if (next - time < seg) seg = (int) (next - time);
            runPlanRt(seg);
            writeMasterRt(out, offset + done, seg);
            time += seg;
            done += seg;
        }
        publishedTime = time;
        if ((++blocks & 15) == 0) {
            ClockSnapshot c = clock.snapshot();
            events.positionRt(time, c.beatAtRt(time), c.bpmAtRt(time));
            events.meterRt(null, masterPeak, (float) Math.sqrt(masterSumSquares / Math.max(1, masterFrames)));
            masterPeak = 0;
            masterSumSquares = 0;
            masterFrames = 0;
        }
        reportMetersRt();
    }

    /**
     * Applies due commands on the calling thread while no driver runs (the caller is then the only thread
     * touching the scheduler). Timed commands stay pending until rendering reaches them.
     */
    public void applyWhileStoppedRt() {
        takeCommandsRt();
        applyDueRt();
    }

    private void takeCommandsRt() {
        int budget = config.commandsPerBlock();
        while (budget-- > 0 && pendingCount < PENDING_CAPACITY) {
            Command c = commands.pollRt();
            if (c == null) break;
            // the clock resolved beats and bars to samples on the control side (Clock.resolve): the audio thread
            // computes no musical time; an unresolved NEXT_BEAT/NEXT_BAR would apply at once
            if (c.when.kind() == When.Kind.AT_SAMPLE) c.dueSample = Math.max(time, c.when.sample());
            else c.dueSample = time;
            // a plan is a snapshot of the whole graph: one sent later (holding every edit sent before it) never
            // lands before one sent earlier, or it would be undone when that one lands (a quantised edit waiting)
            if (c instanceof Command.SwapPlan) {
                if (c.dueSample < lastPlanDue) c.dueSample = lastPlanDue;
                lastPlanDue = c.dueSample;
            }
            pending[pendingCount++] = c;
        }
    }

    /** Applies, in arrival order, every pending command that is due. */
    private void applyDueRt() {
        int kept = 0;
        for (int i = 0; i < pendingCount; i++) {
            Command c = pending[i];
            if (c.dueSample <= time) {
                applyRt(c);
            } else {
                pending[kept++] = c;
            }
        }
        for (int i = kept; i < pendingCount; i++) pending[i] = null;
        pendingCount = kept;
    }

    private long nextDueRt() {
        long next = Long.MAX_VALUE;
        for (int i = 0; i < pendingCount; i++) next = Math.min(next, pending[i].dueSample);
        return next;
    }

    private void applyRt(Command c) {
        if (c instanceof Command.SwapPlan s) {
            ExecutionPlan old = plan;
            plan = s.plan;
            if (old != null) returns.offerRt(old);
        } else if (c instanceof Command.ClearFault f) {
            f.slot.faulted = false;
        }
    }

    private void runPlanRt(int n) {
        ExecutionPlan p = plan;
        Arrays.fill(p.silence, 0, n, 0f);
        ClockSnapshot c = clock.snapshot();
        double bpm = c.bpmAtRt(time), beat = c.beatAtRt(time);
        lane.segmentRt(time, n, bpm, beat);
        PlanEntry[] entries = p.entries;
        int meterFrom = meterCursor >= entries.length ? 0 : meterCursor;
        int meterTo = meterFrom + METERS_PER_BLOCK;
        // one clock read per node while profiling: a node's cost runs from the end of the one before it to its end
        boolean profile = profileNodes && (blocks & PROFILE_EVERY_MASK) == 0;
        int from = 0;
        ParallelSchedule split = p.parallel;
        if (split != null && parallel.readyRt()) {
            parallel.runTasksRt(lane, entries, split, time, n, bpm, beat, meterFrom, meterTo, profile, blockStartNanos);
            from = split.tailStart();
        }
        lane.runRt(entries, from, entries.length, n, meterFrom, meterTo, profile);
    }

    private void reportMetersRt() {
        PlanEntry[] entries = plan.entries;
        if (entries.length == 0) return;
        for (int k = 0; k < METERS_PER_BLOCK && k < entries.length; k++) {
            if (meterCursor >= entries.length) meterCursor = 0;
            NodeSlot s = entries[meterCursor++].slot;
            float rms = (float) Math.sqrt(s.sumSquares / Math.max(1, s.frames));
            s.meterPeak = s.peak;
            s.meterRms = rms;
            events.meterRt(s, s.peak, rms);
            s.peak = 0;
            s.sumSquares = 0;
            s.frames = 0;
        }
    }

    private void writeMasterRt(float[] out, int offset, int n) {
        float[] l = plan.master[0], r = plan.master[1];
        boolean mute = panic;
        int o = offset * 2;
        float pk = masterPeak;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            float a = mute ? 0f : limiter.apply(l[i]);
            float b = mute ? 0f : limiter.apply(r[i]);
            if (resyncFadeRemaining > 0) {
                float g = 1f - resyncFadeRemaining / (float) blockSize;
                a *= g;
                b *= g;
                resyncFadeRemaining--;
            }
            out[o++] = a;
            out[o++] = b;
            pk = Math.max(pk, Math.max(Math.abs(a), Math.abs(b)));
            ss += a * a + b * b;
        }
        masterPeak = pk;
        masterSumSquares += ss * 0.5;
        masterFrames += n;
        MasterTap[] t = taps;
        for (MasterTap tap : t) tap.writeRt(out, offset * 2, n * 2, time);
    }

    @Override @AudioThread @RealtimeSafe
    public void lateRt(long stallNanos, boolean resync) {
        long late = lateBlocks + 1;
        lateBlocks = late;
        if (resync) {
            xruns = xruns + 1;
            resyncFadeRemaining = blockSize;
        }
        if (stallNanos > worstStallNanos) worstStallNanos = stallNanos;
        events.xrunRt(late, stallNanos, resync);
    }

    // ---------------------------------------------------------------- any thread

    /** Engine sample position of the next block. Racy read, for display. */
    public long time() { return publishedTime; }
    /** Dropouts: blocks so late that the device buffer ran dry and the engine resynchronised. Any thread. */
    @Override public long xruns() { return xruns; }
    /** Late blocks the driver reported, including those the device buffer still absorbed. Any thread. */
    @Override public long lateBlocks() { return lateBlocks; }
    @Override public long worstStallNanos() { return worstStallNanos; }
    /** Smoothed render time as a fraction of real time (0.1 = 10 % of the deadline). */
    @Override public double load() { return load; }
    @Override public double peakLoad() { return peakLoad; }
    /** Mutes the master at once (true) or lets it sound again (false). Any thread. */
    public void panic(boolean on) { panic = on; }
    /**
     * Turns per-node timing on or off. Any thread. While on, one block in eight is timed, with one clock read per
     * node: a node's {@code costNanos} is the time from the end of the node before it to its own end in that block
     * (its input sums, its {@code process} call and the guard of its outputs: what it costs the engine).
     */
    public void profileNodes(boolean on) { profileNodes = on; }
    public ExecutionPlan currentPlan() { return plan; }

    /**
     * Starts the parallel worker unless it runs (control thread; plans with a {@link ParallelSchedule} need it, and
     * run on the audio thread alone without it). It follows the audio thread's {@code SCHED_FIFO} priority given to
     * {@link #parallelFifo}.
     */
    public void startParallelWorker() { parallel.ensureStarted("aether-parallel"); }

    /** The audio thread runs at {@code SCHED_FIFO priority} (0: normal): the worker asks for the same. Control thread. */
    public void parallelFifo(int priority) { parallel.fifo(priority); }

    /**
     * Whether split plans may use the worker (true by default); while false the audio thread runs every task itself.
     * The engine turns it off for a live driver without {@code SCHED_FIFO} in {@link dev.aether.core.ParallelMode#AUTO}.
     * Any thread.
     */
    public void allowParallel(boolean on) { parallel.allow(on); }

    /** Ends the parallel worker, if any (control thread); plans then run on the audio thread alone. */
    public void stopParallelWorker() { parallel.stop(); }

    /** The worker's side of the hand-off (tests). */
    ParallelRunner parallelRunner() { return parallel; }

    /** The parallel worker thread, or null when none runs. Any thread. */
    public Thread parallelWorker() { return parallel.worker(); }

    /**
     * One line on the parallel worker: segments shared, tasks the worker ran, the audio thread's waits for a task in
     * flight and the longest, and its scheduling. Racy figures, any thread.
     */
    public String parallelReport() {
        String sched = parallel.schedulingReport();
        return String.format("parallel worker: %s; %d segments shared, %d tasks on the worker, %d waits (longest %.1f µs)%s",
                parallel.worker() == null ? "not running" : "running", parallel.segments(), parallel.tasksByWorker(),
                parallel.waits(), parallel.worstWaitNanos() / 1e3,
                sched == null ? "" : "; " + sched.replace("audio thread", "worker"));
    }

    /** Starts copying the master output into {@code tap}. Control thread. */
    public synchronized void addTap(MasterTap tap) {
        MasterTap[] old = taps, next = java.util.Arrays.copyOf(old, old.length + 1);
        next[old.length] = tap;
        taps = next;
    }

    /** Stops copying into {@code tap}. Control thread. */
    public synchronized void removeTap(MasterTap tap) {
        taps = java.util.Arrays.stream(taps).filter(t -> t != tap).toArray(MasterTap[]::new);
    }
}
