package dev.aether.repl.command;

import dev.aether.repl.eval.Evaluator;
import dev.aether.repl.session.LiveSession;
import dev.aether.repl.session.NamedFiles;

/**
 * Prompt thread (at start-up): the one place console commands are registered. {@link #basic()} has what every
 * console has ({@code :help :quit :load :watch}); {@link #forSession} adds the engine, snapshot, visual,
 * recording, MIDI, OSC and live-view commands of a running aether.
 */
public final class Commands {
    private Commands() {}

    /** {@code :help}, {@code :quit}, {@code :load} and {@code :watch}. */
    public static CommandRegistry basic() {
        CommandRegistry r = new CommandRegistry();
        r.add(new HelpCommand(r));
        r.add(ConsoleCommand.of("quit", ":quit", "leave aether (the journal is closed cleanly)", (a, c) -> c.quit()));
        r.add(ConsoleCommand.of("load", ":load FILE.jsh", "evaluate a script file as if typed",
                (a, c) -> c.load(NamedFiles.readable(ConsoleCommand.requireArg(a, ":load FILE.jsh")))));
        r.add(new WatchCommand(null));
        return r;
    }

    /** Every command of a running aether on {@code session}, evaluating with {@code evaluator}. */
    public static CommandRegistry forSession(LiveSession session, Evaluator evaluator) {
        CommandRegistry r = basic();
        r.add(new WatchCommand(session));                    // replaces the additive one: the file is the whole set
        for (ConsoleCommand c : EngineCommands.commands(session)) r.add(c);
        r.add(new LookAheadCommand(session));
        r.add(new LinkCommand(session));
        for (ConsoleCommand c : new SnapshotCommands(session, evaluator).commands()) r.add(c);
        for (ConsoleCommand c : new ArrangeCommands(session).commands()) r.add(c);
        for (ConsoleCommand c : new VisualCommands(session.engine(), evaluator).commands()) r.add(c);
        r.add(new RecordCommand(session.engine()));
        r.add(new MidiCommand(session));
        r.add(new OscCommand(session));
        r.add(new LearnCommand(session));
        r.add(new LintCommand(evaluator));
        r.add(new ViewCommand(session));
        return r;
    }
}
