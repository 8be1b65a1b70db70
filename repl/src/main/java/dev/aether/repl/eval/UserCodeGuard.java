package dev.aether.repl.eval;

import dev.aether.core.AnyThread;
import dev.aether.core.budget.RunBudget;
import dev.aether.core.budget.RunStopped;
import dev.aether.core.budget.Watch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Any thread. The budget of the user code one console runs off the audio thread (snippets on the evaluation worker;
 * constructors, trial runs and warm-ups on the session thread), and the way to cancel it. {@link #enter} arms the
 * calling thread's {@link Watch} for a budget, so a woven check in user code that runs past it throws
 * {@link RunStopped} inside it; {@link #cancel} (Ctrl-C, from any thread) stops every run of this guard now in
 * progress: at its next woven check, and by interrupting its thread for JDK code that waits ({@code Thread.sleep}).
 * The interrupt can only land inside a run; the run clears it when it ends.
 *
 * <p>Runs nest on one thread: an inner run's deadline is the earlier of its own and its outer run's, and the outer
 * budget holds again when the inner run ends. Arm only around user code, not around compiling.
 */
@AnyThread
public final class UserCodeGuard implements AutoCloseable {
    /** System property: the budget of one evaluation's user code, in seconds (default {@value #DEFAULT_EVAL_SECONDS}). */
    public static final String EVAL_BUDGET_PROPERTY = "aether.evalBudgetSeconds";
    /** Default of {@link #EVAL_BUDGET_PROPERTY}. */
    public static final double DEFAULT_EVAL_SECONDS = 10;

    private final Map<Thread, ThreadRuns> threads = new ConcurrentHashMap<>();

    /**
     * The budget of the user code of one evaluation (a snippet, a constructor, an edit of the session), in
     * nanoseconds: {@value #EVAL_BUDGET_PROPERTY} seconds, {@value #DEFAULT_EVAL_SECONDS} by default.
     *
     * @throws IllegalArgumentException naming the property when it is not a positive number of seconds
     */
    public static long evalBudgetNanos() {
        String s = System.getProperty(EVAL_BUDGET_PROPERTY);
        if (s == null || s.isBlank()) return (long) (DEFAULT_EVAL_SECONDS * 1e9);
        double seconds;
        try {
            seconds = Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (!(seconds > 0 && seconds <= 1e6)) {
            throw new IllegalArgumentException("-D" + EVAL_BUDGET_PROPERTY + " must be a number of seconds in (0, 1e6],"
                    + " was '" + s + "'; e.g. -D" + EVAL_BUDGET_PROPERTY + "=30");
        }
        return (long) (seconds * 1e9);
    }

    /** One run of user code on one thread; {@link #close} ends it (same thread). */
    public final class Run implements AutoCloseable {
        private final ThreadRuns on;
        private final long start, budget;
        private final Run outer;
        private boolean closed;

        private Run(ThreadRuns on, long start, long budget, Run outer) {
            this.on = on;
            this.start = start;
            this.budget = budget;
            this.outer = outer;
        }

        /** True when {@link #cancel} reached this run (or an outer run on its thread) while it ran. */
        public boolean cancelled() {
            synchronized (on) { return on.cancelled; }
        }

        /** Cancels this run (and any run nested in it) as {@link UserCodeGuard#cancel} would. Any thread. */
        public void cancel() { on.cancel(); }

        /** Ends the run: the outer run's budget holds again, or the thread's watch is disarmed. Idempotent. */
        @Override public void close() {
            if (closed) return;
            closed = true;
            on.leave(this);
        }
    }

    /** The runs of one thread, innermost last; guarded by its own monitor. */
    private final class ThreadRuns {
        final Thread thread;
        final Watch watch;
        Run current;
        boolean cancelled;
        boolean interrupted;

        ThreadRuns(Thread thread) {
            this.thread = thread;
            this.watch = RunBudget.watch(thread);
        }

        synchronized Run enter(long budgetNanos) {
            long now = System.nanoTime();
            long budget = budgetNanos;
            if (current != null) budget = Math.min(budget, Math.max(0, current.start + current.budget - now));
            current = new Run(this, now, budget, current);
            watch.armRt(now, budget);
            if (cancelled) watch.cancel();
            return current;
        }

        synchronized void leave(Run run) {
            if (run != current) throw new IllegalStateException("user-code runs must end innermost first");
            current = run.outer;
            if (current != null) {
                watch.armRt(current.start, current.budget);
                if (cancelled) watch.cancel();
                return;
            }
            watch.disarmRt();
            cancelled = false;
            if (interrupted) {
                interrupted = false;
                Thread.interrupted();           // the interrupt was for the run, not for what follows it
            }
        }

        synchronized boolean cancel() {
            if (current == null) return false;
            cancelled = true;
            watch.cancel();
            if (!interrupted) {
                interrupted = true;
                thread.interrupt();
            }
            return true;
        }
    }

    /**
     * Starts a run of user code on the calling thread that may last {@code budgetNanos}; end it with
     * {@link Run#close} on this thread (try-with-resources).
     */
    public Run enter(long budgetNanos) {
        if (budgetNanos <= 0) throw new IllegalArgumentException("budget must be > 0 ns, was " + budgetNanos);
        Thread t = Thread.currentThread();
        return threads.computeIfAbsent(t, ThreadRuns::new).enter(budgetNanos);
    }

    /** Runs {@code code} on the calling thread as one run of {@code budgetNanos}. */
    public <T> T call(long budgetNanos, Callable<T> code) throws Exception {
        try (Run run = enter(budgetNanos)) {
            return code.call();
        }
    }

    /**
     * Stops every run of this guard now in progress, on any thread: {@link RunStopped} with reason
     * {@link RunStopped.Reason#CANCELLED} at its next woven check, and an interrupt for code waiting in the JDK.
     * Runs that start later are not affected. Returns true when something was running.
     */
    public boolean cancel() {
        boolean any = false;
        for (ThreadRuns r : threads.values()) any |= r.cancel();
        return any;
    }

    /** True while some thread runs user code under this guard. */
    public boolean running() {
        for (ThreadRuns r : threads.values()) {
            synchronized (r) {
                if (r.current != null) return true;
            }
        }
        return false;
    }

    /** Forgets the watches of the threads this guard has seen (when they end with the console). */
    @Override public void close() {
        List<Thread> seen = new ArrayList<>(threads.keySet());
        threads.clear();
        for (Thread t : seen) RunBudget.forget(t);
    }
}
