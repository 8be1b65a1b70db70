package dev.aether.repl.session;

import dev.aether.core.AnyThread;
import dev.aether.repl.eval.UserCodeGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Any thread: the one thread ({@value #NAME}) that owns a {@link LiveSession}. Every edit of the live session and
 * its engine graph runs here; other threads hand work to it with {@link #call} (and wait) or {@link #later}
 * (and do not). A call made on this thread runs inline, so a task may call back into the session without
 * deadlock. Tasks must never wait for another repl thread (prompt, evaluation worker): those threads wait for
 * this one.
 *
 * <p>An exception thrown by a task is rethrown to the caller with the caller's own stack appended, so it reads
 * as if the call had run on the caller's thread (the console shows the first user frames of a trace).
 *
 * <p>Each task handed over by {@link #call} runs as one {@link UserCodeGuard} run with the evaluation budget
 * ({@link UserCodeGuard#evalBudgetNanos}): user code it runs (a constructor, {@code prepare}) that loops is stopped,
 * and Ctrl-C ({@link UserCodeGuard#cancel}) stops it.
 */
@AnyThread
public final class SessionThread implements AutoCloseable {
    /** Name of the thread. */
    public static final String NAME = "aether-session";

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, NAME);
        t.setDaemon(true);
        return t;
    });
    private volatile Thread thread;
    private final UserCodeGuard guard;
    private final long budgetNanos = UserCodeGuard.evalBudgetNanos();

    /** A session thread whose tasks run under {@code guard}. */
    public SessionThread(UserCodeGuard guard) {
        this.guard = guard;
        join(executor.submit(() -> thread = Thread.currentThread()));
    }

    public SessionThread() { this(new UserCodeGuard()); }

    /** The guard of the user code this thread runs. */
    public UserCodeGuard guard() { return guard; }

    /** True on the session thread. */
    public boolean isCurrent() { return Thread.currentThread() == thread; }

    /** Runs {@code task} on the session thread and returns its result: inline when already there, else waits. */
    public <T> T call(Callable<T> task) {
        if (isCurrent()) {
            try {
                return task.call();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        Future<T> f;
        try {
            f = executor.submit(() -> guard.call(budgetNanos, task));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the aether session is closed", e);
        }
        return join(f);
    }

    /** Runs {@code task} on the session thread: inline when already there, else waits for it. */
    public void run(Runnable task) {
        call(() -> {
            task.run();
            return null;
        });
    }

    /** Runs {@code task} on the session thread after {@code delayMillis}; dropped when the session closes first. */
    public void later(Runnable task, long delayMillis) {
        try {
            executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing: what was to be removed goes with the engine
        }
    }

    /**
     * Waits (not on the session thread) until every task handed to {@link #later} has run, at most
     * {@code timeoutMillis}; true when none is left. Recovery waits so between inputs, as a person typing does.
     */
    public boolean awaitLater(long timeoutMillis) throws InterruptedException {
        if (isCurrent()) throw new IllegalStateException("awaitLater on the session thread would wait for itself");
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!executor.getQueue().isEmpty() || executor.getActiveCount() > 0) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(2);
        }
        return true;
    }

    private static <T> T join(Future<T> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;                    // the edit is under way; finish it, then re-flag
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            stitch(cause);
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause.getMessage(), cause);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Replaces the executor's frames under the task by the caller's stack. */
    private static void stitch(Throwable t) {
        List<StackTraceElement> out = new ArrayList<>();
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("java.util.concurrent.")) break;
            if (!e.getClassName().equals(SessionThread.class.getName())) out.add(e);
        }
        for (StackTraceElement e : new Throwable().getStackTrace()) {
            if (!e.getClassName().equals(SessionThread.class.getName())) out.add(e);
        }
        t.setStackTrace(out.toArray(new StackTraceElement[0]));
    }

    /** Stops the thread; delayed tasks are dropped. */
    @Override public void close() { executor.shutdownNow(); }
}
