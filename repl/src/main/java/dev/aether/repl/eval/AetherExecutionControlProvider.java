package dev.aether.repl.eval;

import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Evaluation worker (JShell asks it for the execution control there). Runs user code in this JVM (so user classes
 * implement the engine's own {@code DspNode}) with classes loaded by an {@link AetherLoaderDelegate}. {@link
 * Mode#DIRECT} (the default) runs javac's bytecode with aether's budget checks woven in, each run of user code under
 * the evaluation budget of a {@link UserCodeGuard} ({@link GuardedExecutionControl}); {@link Mode#UNWOVEN} runs
 * javac's bytecode as it is, still guarded (kept for measurement: a runaway loop in it cannot be stopped); {@link
 * Mode#STOCK_LOCAL} uses the JDK's {@code LocalExecutionControl}, which on JDK 21+ weaves a volatile stop check into
 * every method entry and backward branch (kept for measurement; no budget).
 */
public final class AetherExecutionControlProvider implements ExecutionControlProvider {
    /** Which execution control to generate. */
    public enum Mode {
        DIRECT, UNWOVEN, STOCK_LOCAL;

        /** True when classes loaded in this mode get aether's budget checks. */
        public boolean woven() { return this == DIRECT; }
    }

    private final AetherLoaderDelegate delegate;
    private final Mode mode;
    private final UserCodeGuard guard;
    private volatile GuardedExecutionControl control;

    /** Runs user code loaded by {@code delegate}; in {@link Mode#DIRECT} each run is guarded by {@code guard}. */
    public AetherExecutionControlProvider(AetherLoaderDelegate delegate, Mode mode, UserCodeGuard guard) {
        this.delegate = delegate;
        this.mode = mode;
        this.guard = guard;
    }

    /** True when the last run of user code was cancelled before it ended (false in {@link Mode#STOCK_LOCAL}). */
    boolean lastRunCancelled() {
        GuardedExecutionControl c = control;
        return c != null && c.lastRunCancelled();
    }

    /** See {@link GuardedExecutionControl#cancelledBeforeRun}; nothing in {@link Mode#STOCK_LOCAL}. Evaluation worker. */
    void cancelledBeforeRun(java.util.function.BooleanSupplier cancelled) {
        GuardedExecutionControl c = control;
        if (c != null) c.cancelledBeforeRun(cancelled);
    }

    @Override public String name() { return "aether"; }

    @Override public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        if (mode == Mode.STOCK_LOCAL) return new LocalExecutionControl(delegate);
        control = new GuardedExecutionControl(delegate, guard, UserCodeGuard.evalBudgetNanos());
        return control;
    }
}
