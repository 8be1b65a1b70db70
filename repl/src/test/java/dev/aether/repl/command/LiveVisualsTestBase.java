package dev.aether.repl.command;

import dev.aether.repl.AetherRuntime;
import dev.aether.repl.LiveConsole;
import dev.aether.repl.console.ScriptedConsole;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.Callable;
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

    /**
     * What {@code capture} reads of the master after the tone just played has sounded {@code settleMillis}. A
     * dropout of the paced driver in that time (a loaded machine) makes the engine fade a block on purpose, which no
     * trace of a steady tone may hold: the capture is then retaken, up to three times, and the test is skipped,
     * saying so, when every try saw one.
     */
    <T> T steadyCapture(long settleMillis, Callable<T> capture) throws Exception {
        long dropouts = 0;
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = rt.engine().stats().xruns();
            Thread.sleep(settleMillis);
            T read = capture.call();
            long during = rt.engine().stats().xruns() - before;
            if (during == 0) return read;
            dropouts += during;
        }
        assumeTrue(false, "the paced driver dropped out in each of 3 captures (" + dropouts + " dropouts): the machine is too loaded to read a steady tone");
        return null;
    }

    @AfterEach void stop() {
        c.close();
        rt.close();
    }
}
