package dev.aether.repl;

import dev.aether.core.EngineConfig;
import dev.aether.core.driver.DriverConfig;
import dev.aether.core.driver.PacedNullDriver;
import dev.aether.repl.console.ConsoleConfig;
import dev.aether.repl.console.ScriptedConsole;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The console as the tests drive it: a fresh {@link AetherRuntime} (default engine, no journal, its own output
 * discarded) behind a {@link ScriptedConsole} that types into it.
 */
public record LiveConsole(AetherRuntime runtime, ScriptedConsole console) implements AutoCloseable {
    public static LiveConsole start() throws Exception { return start(ConsoleConfig.scripted()); }

    /** {@link #start()} with other console settings (e.g. a short wait for results, as at a terminal). */
    public static LiveConsole start(ConsoleConfig config) throws Exception {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        AetherRuntime[] made = new AetherRuntime[1];
        ScriptedConsole c = new ScriptedConsole(t -> (made[0] = new AetherRuntime(EngineConfig.defaults(), t,
                config, null, quiet)).console()).sharedEvaluator();
        return new LiveConsole(made[0], c);
    }

    /** {@link #start()}, with the engine playing on a paced null driver at 48 kHz. */
    public static LiveConsole playing() throws Exception { return playing(ConsoleConfig.scripted()); }

    /** {@link #start(ConsoleConfig)}, with the engine playing on a paced null driver at 48 kHz. */
    public static LiveConsole playing(ConsoleConfig config) throws Exception {
        LiveConsole live = start(config);
        live.runtime.engine().start(new PacedNullDriver(DriverConfig.defaults().sampleRateHz(48_000)));
        return live;
    }

    @Override public void close() {
        console.close();
        runtime.close();
    }
}
