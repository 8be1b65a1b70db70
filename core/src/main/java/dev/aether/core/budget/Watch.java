package dev.aether.core.budget;

import dev.aether.core.AnyThread;
import dev.aether.core.RealtimeSafe;

/**
 * Arm and disarm on the owner thread; {@link #cancel} from any thread. The budget of one thread: while armed, a
 * woven check on the owner thread that finds the deadline passed, or a cancel request, throws {@link RunStopped}.
 * Get one with {@link RunBudget#watch(Thread)}. Its {@link RunStopped} is made once and reused.
 */
@AnyThread
public final class Watch {
    private static final long UNARMED = Long.MAX_VALUE;

    final Thread owner;
    private final RunStopped error;
    private volatile long deadline = UNARMED;      // System.nanoTime() value; UNARMED when off
    private volatile long budgetNanos;
    private volatile boolean cancelled;
    private volatile boolean tripped;

    Watch(Thread owner) {
        this.owner = owner;
        this.error = new RunStopped();
    }

    /** The thread this watch guards. */
    public Thread owner() { return owner; }

    /** Owner thread: code on it may run for {@code budgetNanos} from {@code startNanos} (a System.nanoTime value). */
    @RealtimeSafe
    public void armRt(long startNanos, long budgetNanos) {
        this.budgetNanos = budgetNanos;
        this.cancelled = false;
        this.tripped = false;
        this.deadline = startNanos + budgetNanos;
    }

    /** Owner thread: stops checking (cancel requests are dropped). */
    @RealtimeSafe
    public void disarmRt() {
        deadline = UNARMED;
        cancelled = false;
        tripped = false;
    }

    /** Any thread: the owner's armed code stops at its next check, with {@link RunStopped.Reason#CANCELLED}. */
    public void cancel() {
        cancelled = true;
        RunBudget.lookSoon();
    }

    /** True while armed. */
    public boolean armed() { return deadline != UNARMED; }

    /** Owner thread, from a check: throws when the deadline passed or a cancel came. */
    @RealtimeSafe
    void look(int site) {
        if (deadline == UNARMED) return;
        if (cancelled) trip(RunStopped.Reason.CANCELLED, site);
        if (tripped || System.nanoTime() - deadline > 0) trip(RunStopped.Reason.OVER_BUDGET, site);
    }

    private void trip(RunStopped.Reason reason, int site) {
        tripped = true;
        RunBudget.lookSoon();               // a catch in user code meets the next check at once
        throw error.set(reason, site, reason == RunStopped.Reason.CANCELLED ? 0 : budgetNanos);
    }
}
