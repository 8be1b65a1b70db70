package dev.aether.core.budget;

import dev.aether.core.RealtimeSafe;

/**
 * Thrown by a woven check inside user code that ran past its budget or was cancelled. An {@link Error}, so the
 * usual {@code catch (Exception e)} in user code does not swallow it; a check that catches it anyway throws it
 * again at the next check until its watch is re-armed. Each watch throws one preallocated instance, without a
 * stack trace (the site names the place): read its fields before the watch is armed again, or copy them.
 */
public final class RunStopped extends Error {
    /** Why the code was stopped. */
    public enum Reason { OVER_BUDGET, CANCELLED }

    private volatile Reason reason = Reason.OVER_BUDGET;
    private volatile int site = -1;
    private volatile long budgetNanos;

    RunStopped() {
        super(null, null, false, false);
    }

    @RealtimeSafe
    RunStopped set(Reason reason, int site, long budgetNanos) {
        this.reason = reason;
        this.site = site;
        this.budgetNanos = budgetNanos;
        return this;
    }

    public Reason reason() { return reason; }

    /** The site of the check that threw: {@link RunBudget#site(int)}. */
    public int site() { return site; }

    /** The budget that was exceeded, in nanoseconds (0 when cancelled). */
    public long budgetNanos() { return budgetNanos; }

    @Override public String getMessage() {
        String where = RunBudget.site(site).describe();
        return reason == Reason.CANCELLED ? "cancelled in " + where
                : String.format("ran past its budget (%.2f ms) in %s", budgetNanos / 1e6, where);
    }
}
