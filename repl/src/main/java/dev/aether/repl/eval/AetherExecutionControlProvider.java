package dev.aether.repl.eval;

import java.util.Map;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Evaluation worker (JShell asks it for the execution control there). Runs user code in this JVM (so user classes
 * implement the engine's own {@code DspNode}) with classes loaded by an {@link AetherLoaderDelegate}. {@link
 * Mode#DIRECT} (the default) runs javac's bytecode with aether's budget checks woven in; {@link Mode#UNWOVEN} runs
 * javac's bytecode as it is and {@link Mode#STOCK_LOCAL} uses the JDK's {@code LocalExecutionControl}, which on
 * JDK 21+ weaves a volatile stop check into every method entry and backward branch (both kept for measurement: user
 * code in them cannot be stopped).
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

    public AetherExecutionControlProvider(AetherLoaderDelegate delegate, Mode mode) {
        this.delegate = delegate;
        this.mode = mode;
    }

    @Override public String name() { return "aether"; }

    @Override public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return mode != Mode.STOCK_LOCAL ? new DirectExecutionControl(delegate) : new LocalExecutionControl(delegate);
    }
}
