package dev.aether.repl;

import dev.aether.core.EngineConfig;
import dev.aether.repl.console.ConsoleConfig;
import dev.aether.repl.console.ScriptedConsole;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The console as the tests drive it: a fresh {@link AetherRuntime} (default engine, no journal, its own output
 * discarded) behind a {@link ScriptedConsole} that types into it. No driver is started.
 */
record LiveConsole(AetherRuntime runtime, ScriptedConsole console) implements AutoCloseable {
    static LiveConsole start() throws Exception {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        AetherRuntime[] made = new AetherRuntime[1];
        ScriptedConsole c = new ScriptedConsole(t -> (made[0] = new AetherRuntime(EngineConfig.defaults(), t,
                ConsoleConfig.scripted(), null, quiet)).console()).sharedEvaluator();
        return new LiveConsole(made[0], c);
    }

    @Override public void close() {
        console.close();
        runtime.close();
    }
}
