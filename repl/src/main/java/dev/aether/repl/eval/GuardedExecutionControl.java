package dev.aether.repl.eval;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.execution.LoaderDelegate;

/**
 * Evaluation worker. Runs user code in this JVM as javac wrote it (woven by the class loader), each run inside a
 * {@link UserCodeGuard} run with the evaluation budget: armed only while JShell runs user code (a snippet, a
 * variable's value), never while it compiles.
 */
final class GuardedExecutionControl extends DirectExecutionControl {
    private final UserCodeGuard guard;
    private final long budgetNanos;
    private UserCodeGuard.Run run;
    private boolean lastCancelled;
    private volatile java.util.function.BooleanSupplier cancelledBeforeRun = () -> false;

    GuardedExecutionControl(LoaderDelegate delegate, UserCodeGuard guard, long budgetNanos) {
        super(delegate);
        this.guard = guard;
        this.budgetNanos = budgetNanos;
    }

    @Override protected void clientCodeEnter() {
        lastCancelled = false;
        run = guard.enter(budgetNanos);
        if (cancelledBeforeRun.getAsBoolean()) run.cancel();   // Ctrl-C while it compiled: stop at its first check
    }

    /**
     * What says the input being evaluated was cancelled (Ctrl-C) while JShell compiled it, before its code ran: a
     * run that starts then is cancelled at once. Evaluation worker.
     */
    void cancelledBeforeRun(java.util.function.BooleanSupplier cancelled) { this.cancelledBeforeRun = cancelled; }

    @Override protected void clientCodeLeave() {
        if (run == null) return;
        lastCancelled = run.cancelled();
        run.close();
        run = null;
    }

    /**
     * A snippet's value as the prompt shows it ({@code s ==> ...}): a node as its type and its parameters' targets, as
     * {@code :nodes} lists them ({@code SawOscillator frequencyHz=110Hz}); anything else as JShell shows it.
     */
    @Override protected String invoke(java.lang.reflect.Method doit) throws Exception {
        Object value = doit.invoke(null);
        return value instanceof dev.aether.core.DspNode node ? NodeValue.describe(node) : valueString(value);
    }

    /** True when the last run of user code was cancelled ({@link UserCodeGuard#cancel}) before it ended. */
    boolean lastRunCancelled() { return lastCancelled; }
}
