package dev.aether.repl.command;

import dev.aether.repl.AetherRuntime;
import dev.aether.repl.LiveConsole;
import dev.aether.repl.console.ScriptedConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh live console per test (paced null driver), with the picture commands reachable directly. */
abstract class LiveVisualsTestBase {
    AetherRuntime rt;
    ScriptedConsole c;
    VisualCommands visuals;

    @BeforeEach void start() throws Exception {
        LiveConsole live = LiveConsole.start();
        rt = live.runtime();
        c = live.console();
        visuals = new VisualCommands(rt.engine(), rt.evaluator());
    }

    @AfterEach void stop() {
        c.close();
        rt.close();
    }
}
