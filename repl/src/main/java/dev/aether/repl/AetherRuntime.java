package dev.aether.repl;

import dev.aether.core.engine.Engine;
import dev.aether.core.EngineConfig;
import dev.aether.repl.command.CommandRegistry;
import dev.aether.repl.command.Commands;
import dev.aether.repl.console.Console;
import dev.aether.repl.console.ConsoleConfig;
import dev.aether.repl.eval.AetherExecutionControlProvider;
import dev.aether.repl.eval.Evaluator;
import dev.aether.repl.eval.UserCodeGuard;
import dev.aether.repl.session.FaultReporter;
import dev.aether.repl.session.LiveSession;
import dev.aether.repl.session.InputJournal;
import java.io.PrintStream;
import org.jline.terminal.Terminal;

/**
 * Constructed and closed on one thread (the launcher's or a test's); it starts the session thread, the evaluation
 * worker and the event poller. One running aether: engine, live session, evaluation worker, console, fault reporter
 * and journal, wired together. Used by the launcher and by tests (which drive the console over a dumb terminal and
 * render the engine offline).
 */
public final class AetherRuntime implements AutoCloseable {
    private final Engine engine;
    private final Evaluator evaluator;
    private final LiveSession session;
    private final Console console;
    private final FaultReporter faults;
    private final InputJournal journal;
    private final CommandRegistry commands;

    public AetherRuntime(EngineConfig engineConfig, Terminal terminal, ConsoleConfig consoleConfig,
                         InputJournal journal, PrintStream userOut) {
        this.engine = Engine.create(engineConfig);
        dev.aether.repl.eval.StartupTrace.mark("engine created");
        this.journal = journal;
        Console[] holder = new Console[1];
        UserCodeGuard guard = new UserCodeGuard();          // Ctrl-C stops user code on the worker and the session thread
        this.session = new LiveSession(engine, text -> holder[0].print(text), guard);
        if (journal != null) session.onLanded(journal::landed);   // where each journalled edit landed
        this.evaluator = new Evaluator(AetherExecutionControlProvider.Mode.DIRECT, userOut, session, guard);
        evaluator.addTypeListener(session);                 // hot swaps are handed to the session thread
        evaluator.inputScope(session::input);               // one input: one plan, one undo step
        this.commands = Commands.forSession(session, evaluator);
        this.console = new Console(terminal, evaluator, commands, consoleConfig, journal, session::liveNames,
                () -> !session.sounding().isEmpty());
        holder[0] = console;
        dev.aether.repl.eval.StartupTrace.mark("console created");
        this.faults = new FaultReporter(engine, console::print);
    }

    public Engine engine() { return engine; }
    public Evaluator evaluator() { return evaluator; }
    public LiveSession session() { return session; }
    public Console console() { return console; }
    public FaultReporter faults() { return faults; }

    /** The {@code :osc} command, which owns the OSC server (started by {@code --osc PORT} or {@code :osc}). */
    public dev.aether.repl.command.OscCommand osc() {
        return (dev.aether.repl.command.OscCommand) commands.find("osc", new StringBuilder());
    }

    @Override public void close() {
        commands.close();
        faults.close();
        engine.close();
        session.close();
        evaluator.close();
        if (journal != null) journal.close();
    }
}
