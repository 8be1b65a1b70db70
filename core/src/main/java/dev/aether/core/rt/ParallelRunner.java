package dev.aether.core.rt;

import dev.aether.core.Threads;
import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.budget.RunBudget;
import dev.aether.core.command.EventRing;
import dev.aether.core.driver.RealtimeScheduling;
import dev.aether.core.graph.ParallelSchedule;
import dev.aether.core.graph.PlanEntry;
import java.lang.ref.WeakReference;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The second rendering thread and its hand-off with the audio thread: in each segment of a plan that has a
 * {@link ParallelSchedule}, the two threads share out the schedule's tasks, the audio thread from the front, the
 * worker from the back, each running them with its own {@link EntryRunner} (the engine's one per-entry routine).
 *
 * <p>Hand-off, per segment: the audio thread writes the segment's job (plain fields), then publishes one word
 * {@code (segment number, lo, hi)} of unclaimed tasks {@code [lo, hi)}; each thread claims a task by a CAS on that
 * word (the audio thread {@code lo}, the worker {@code hi - 1}), so every task runs exactly once. The worker reads
 * the job only after a successful claim (the audio thread cannot start another segment while a claim of it is
 * unfinished) and publishes {@code (segment, tasks done)} after each task. When no task is left to claim, the audio
 * thread spins until the worker's count reaches the tasks it claimed, then takes the worker's fault reports and
 * runs the tail. Nothing locks or allocates; the audio thread never waits for a task the worker has not started: a
 * worker that is late, asleep or gone leaves its tasks to the audio thread. The wait is at most the worker's one
 * task in flight (a few microseconds), longer only when the system preempts the worker mid-task (it runs at the
 * audio thread's {@code SCHED_FIFO} priority where the audio thread has it, which keeps normal threads off it).
 *
 * <p>Worker idling: it spins {@value #SPIN_NANOS} ns after a segment, then naps {@value #NAP_NANOS} ns at a time
 * (parking with a timeout: the audio thread never unparks it, so its path holds no system call), then 1 ms naps
 * after {@value #ACTIVE_NANOS} ns without work, 20 ms naps after 2 s; it ends when its scheduler is gone. While
 * blocks come at a steady period (a live driver: {@link BlockPacer}) it naps until {@value #LEAD_NANOS} ns before the
 * next is due and spins from there, so it starts a live block within a microsecond or two instead of a nap late.
 *
 * <p>The class holds no string literal (HotSpot resolves a class's strings on the thread that first asks C2 for
 * one of its loops, which would be charged to the worker as allocation).
 */
public final class ParallelRunner {
    static final long SPIN_NANOS = 50_000;
    static final long NAP_NANOS = 50_000;
    static final long ACTIVE_NANOS = 50_000_000;
    /** Around a block's due time ({@link BlockPacer}) the worker spins from this long before to this long after. */
    static final long LEAD_NANOS = 150_000, LATE_NANOS = 250_000;
    private static final long MAX_WAKE_NAP = 5_000_000;
    private static final long DROWSY_NANOS = 2_000_000_000L;
    private static final long DROWSY_NAP = 1_000_000, SLEEP_NAP = 20_000_000;
    /** Indices in {@link #cells}: the claim word and the worker's done word, on separate cache lines. */
    private static final int CLAIM = 8, DONE = 24;

    private final AtomicLongArray cells = new AtomicLongArray(32);
    private final EntryRunner workerLane;
    private final FaultOutbox outbox;
    private final EventRing events;
    private final WeakReference<Object> owner;

    // the job of the current segment: written by the audio thread before it publishes the segment
    private PlanEntry[] entries;
    private ParallelSchedule schedule;
    private long time, blockStartNanos;
    private int frames, meterFrom, meterTo;
    private double bpm, beat;
    private boolean profile;
    private int seq;                          // audio thread: the last segment published
    private int seen;                         // worker: the last segment it looked at
    private final BlockPacer pacer = new BlockPacer();   // worker: when the next block is due

    // figures for the console: plain fields written by the audio thread, read racily
    private long segments, tasksByWorker, waits, worstWaitNanos;

    private volatile Thread worker;
    private volatile boolean allowed = true;
    private volatile boolean stopping;
    private volatile long nativeThreadId = -1;
    private int fifoPriority;                 // control thread
    private String schedulingReport;          // control thread

    /**
     * A runner whose worker (once started) lives as long as {@code owner} is reachable; its reports go to
     * {@code events} through the audio thread. {@code silence} is the engine's shared silent block.
     */
    public ParallelRunner(Object owner, EventRing events, double sampleRate, float[] silence, long userCodeBudgetNanos) {
        this.owner = new WeakReference<>(owner);
        this.events = events;
        this.outbox = new FaultOutbox();
        this.workerLane = new EntryRunner(sampleRate, silence, outbox, userCodeBudgetNanos);
    }

    // ------------------------------------------------------------------ audio thread

    /** True while a worker thread runs and may be used (the audio thread then shares tasks with it). */
    @AudioThread @RealtimeSafe
    boolean readyRt() { return allowed && worker != null; }

    /**
     * Runs every task of {@code s} for the segment {@code lane} was set to (this thread's runner), sharing them with
     * the worker, and returns once all are done and the worker's fault reports are on the event ring. The tail
     * ({@link ParallelSchedule#tailStart()} on) is left to the caller.
     */
    @AudioThread @RealtimeSafe
    public void runTasksRt(EntryRunner lane, PlanEntry[] entries, ParallelSchedule s, long time, int n, double bpm,
                    double beat, int meterFrom, int meterTo, boolean profile, long blockStartNanos) {
        this.entries = entries;
        this.schedule = s;
        this.time = time;
        this.frames = n;
        this.bpm = bpm;
        this.beat = beat;
        this.meterFrom = meterFrom;
        this.meterTo = meterTo;
        this.profile = profile;
        this.blockStartNanos = blockStartNanos;
        int id = ++seq;
        int tasks = s.tasks();
        cells.set(CLAIM, claimWord(id, 0, tasks));          // publishes the job
        int mine = 0;
        while (true) {
            long c = cells.get(CLAIM);
            int lo = lo(c), hi = hi(c);
            if (lo >= hi) break;
            if (!cells.compareAndSet(CLAIM, c, claimWord(id, lo + 1, hi))) continue;
            lane.runRt(entries, s.taskStart(lo), s.taskEnd(lo), n, meterFrom, meterTo, profile);
            mine++;
        }
        int theirs = tasks - mine;
        if (theirs > 0) awaitWorkerRt(doneWord(id, theirs));
        outbox.drainRt(events);
        segments++;
        tasksByWorker += theirs;
        this.entries = null;                                // nothing of an old plan stays reachable from here
        this.schedule = null;
    }

    /** Spins until the worker's done word is {@code want}: only tasks it claimed (already started) remain. */
    private void awaitWorkerRt(long want) {
        if (cells.get(DONE) == want) return;
        long t0 = System.nanoTime();
        while (cells.get(DONE) != want) Thread.onSpinWait();   // no yield: a system call; the worker runs on the other core
        long waited = System.nanoTime() - t0;
        waits++;
        if (waited > worstWaitNanos) worstWaitNanos = waited;
    }

    // ------------------------------------------------------------------ worker thread

    private void workerMain() {
        Thread me = Thread.currentThread();
        try {
            workerLane.watch(RunBudget.watch(me));
            seen = seqOf(cells.get(CLAIM));
            while (!stopping) {
                int next = awaitSegment(seen);
                if (next == seen) break;                    // stopping, or the scheduler is gone
                seen = next;
                workSegmentRt(next);
            }
        } finally {
            RunBudget.forget(me);
            if (worker == me) worker = null;
        }
    }

    /**
     * The worker's side once, without waiting: when a segment it has not looked at is published, claims and runs its
     * tasks from the back until none is left. Returns the tasks it ran. For a thread standing in for the worker
     * (stress tests); the worker thread loops on the same steps.
     */
    @RealtimeSafe
    public int pollOnceRt() {
        int s = seqOf(cells.get(CLAIM));
        if (s == seen) return 0;
        seen = s;
        return workSegmentRt(s);
    }

    /** Claims and runs tasks of segment {@code id} from the back until none is left; returns how many it ran. */
    @RealtimeSafe
    private int workSegmentRt(int id) {
        int done = 0;
        while (true) {
            long c = cells.get(CLAIM);
            if (seqOf(c) != id) break;
            int lo = lo(c), hi = hi(c);
            if (lo >= hi) break;
            if (!cells.compareAndSet(CLAIM, c, claimWord(id, lo, hi - 1))) continue;
            if (done == 0) {                                // the job is stable while this claim is unfinished
                pacer.blockRt(blockStartNanos);
                workerLane.segmentRt(time, frames, bpm, beat);
                workerLane.armRt(blockStartNanos);
            }
            ParallelSchedule s = schedule;
            workerLane.runRt(entries, s.taskStart(hi - 1), s.taskEnd(hi - 1), frames, meterFrom, meterTo, profile);
            cells.set(DONE, doneWord(id, ++done));
        }
        if (done > 0) workerLane.disarmRt();
        return done;
    }

    /**
     * Waits for a segment other than {@code last}; returns its number, or {@code last} when the worker should end.
     * Spins {@value #SPIN_NANOS} ns (back-to-back blocks, offline), then naps, except around the time the next block
     * is due when blocks have come at a steady period ({@link BlockPacer}): there it spins from {@value #LEAD_NANOS}
     * ns before until {@value #LATE_NANOS} ns after, so a live block finds it awake.
     */
    private int awaitSegment(int last) {
        long idleSince = System.nanoTime();
        while (!stopping) {
            int s = seqOf(cells.get(CLAIM));
            if (s != last) return s;
            long now = System.nanoTime();
            long idle = now - idleSince;
            long due = pacer.nextDueNanos();
            if (idle < SPIN_NANOS || (due != 0 && now >= due - LEAD_NANOS && now < due + LATE_NANOS)) {
                Thread.onSpinWait();
            } else if (idle < ACTIVE_NANOS) {
                long nap = NAP_NANOS;
                if (due != 0 && now < due - LEAD_NANOS) nap = Math.min(due - LEAD_NANOS - now, MAX_WAKE_NAP);
                LockSupport.parkNanos(nap);
            } else if (idle < DROWSY_NANOS) {
                LockSupport.parkNanos(DROWSY_NAP);
            } else {
                LockSupport.parkNanos(SLEEP_NAP);
                if (owner.get() == null) return last;
            }
        }
        return last;
    }

    private static long claimWord(int seq, int lo, int hi) { return ((long) seq << 32) | ((long) lo << 16) | hi; }
    private static long doneWord(int seq, int done) { return ((long) seq << 32) | done; }
    private static int seqOf(long word) { return (int) (word >>> 32); }
    private static int lo(long word) { return (int) (word >>> 16) & 0xffff; }
    private static int hi(long word) { return (int) word & 0xffff; }

    // ------------------------------------------------------------------ control thread

    /**
     * Starts the worker unless it runs, named {@code name}; with a {@code SCHED_FIFO} priority set
     * ({@link #fifo}), asks for it on the new thread too (runs {@code chrt}: a few ms).
     */
    @ControlThread
    synchronized void ensureStarted(String name) {
        Thread w = worker;
        if (w != null && w.isAlive()) return;
        stopping = false;
        CountDownLatch idKnown = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            nativeThreadId = RealtimeScheduling.currentNativeThreadId();
            idKnown.countDown();
            workerMain();
        }, name);
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        worker = t;
        t.start();
        try {
            idKnown.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (fifoPriority > 0) schedulingReport = RealtimeScheduling.requestFifo(nativeThreadId, fifoPriority).report();
    }

    /** The audio thread runs at {@code SCHED_FIFO priority} (0: normal scheduling): the worker follows it. */
    @ControlThread
    synchronized void fifo(int priority) {
        fifoPriority = priority;
        Thread w = worker;
        if (priority > 0 && w != null && w.isAlive()) {
            schedulingReport = RealtimeScheduling.requestFifo(nativeThreadId, priority).report();
        }
    }

    /**
     * Whether the audio thread may share tasks with the worker ({@code false}: it runs them all itself, the worker
     * idles). Any thread; takes effect at the next segment.
     */
    void allow(boolean on) { allowed = on; }

    /** Ends the worker (waits up to a second for it); the audio thread then runs every task itself. */
    @ControlThread
    synchronized void stop() {
        Thread w = worker;
        if (w == null) return;
        stopping = true;
        LockSupport.unpark(w);
        Threads.join(w, 1000);
        worker = null;
    }

    /** The worker thread, or null. */
    Thread worker() { return worker; }

    /** The outcome of asking for {@code SCHED_FIFO} on the worker (null: not asked). */
    synchronized String schedulingReport() { return schedulingReport; }

    /** Segments run in parallel so far. Racy read. */
    long segments() { return segments; }

    /** Tasks the worker ran so far (counted by the audio thread). Racy read. */
    public long tasksByWorker() { return tasksByWorker; }

    /** Times the audio thread waited for a task in flight on the worker, and the longest wait in ns. Racy reads. */
    long waits() { return waits; }

    long worstWaitNanos() { return worstWaitNanos; }
}
