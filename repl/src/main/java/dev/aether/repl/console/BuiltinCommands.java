package dev.aether.repl.console;

import java.nio.file.Path;

/** The commands every console has, engine or not: {@code :help}, {@code :quit}, {@code :load}, {@code :watch}. */
final class BuiltinCommands {
    private BuiltinCommands() {}

    static void addTo(CommandRegistry r) {
        r.add(new HelpCommand(r));
        r.add(simple("quit", ":quit", "leave aether (the journal is closed cleanly)", (a, c) -> c.quit()));
        r.add(simple("load", ":load FILE.jsh", "evaluate a script file as if typed",
                (a, c) -> c.load(Path.of(requireArg(a, ":load FILE.jsh")))));
        r.add(new WatchCommand());
    }

    static String requireArg(String args, String usage) {
        if (args.isBlank()) throw new IllegalArgumentException("usage: " + usage);
        return args.strip();
    }

    /** The body of a command. */
    interface Body { void run(String args, Console console) throws Exception; }

    static ConsoleCommand simple(String name, String usage, String summary, Body body) {
        return new ConsoleCommand() {
            @Override public String name() { return name; }
            @Override public String usage() { return usage; }
            @Override public String summary() { return summary; }
            @Override public void run(String args, Console console) throws Exception { body.run(args, console); }
        };
    }
}
