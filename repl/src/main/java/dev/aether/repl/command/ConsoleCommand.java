package dev.aether.repl.command;

/**
 * Prompt thread: a console command such as {@code :graph}; it must not block for long. "Prompt thread" for a command
 * means the console's command thread ({@code aether-command}): one command at a time while the prompt waits, so
 * Ctrl-C can interrupt it and return to the prompt (a command that ignores the interrupt ends in the background). Every command is made
 * either as a class implementing this or with {@link #of}, and registered in one place, {@link Commands}.
 * A command that holds resources (a device, a file, a thread) also implements {@link AutoCloseable}; the
 * registry closes it when aether exits.
 */
public interface ConsoleCommand {
    /** Name without the colon, e.g. {@code graph}. */
    String name();

    /** How to call it, e.g. {@code :record FILE.wav | :record stop}. */
    String usage();

    /** One line for {@code :help}. */
    String summary();

    /** Longer text for {@code :help name}; defaults to the summary. */
    default String help() { return summary(); }

    /** Runs with everything after the name ({@code ""} when nothing). Throwing prints the message. */
    void run(String args, CommandContext console) throws Exception;

    /** The body of a command made with {@link #of}. */
    interface Body { void run(String args, CommandContext console) throws Exception; }

    /** A command without state of its own. */
    static ConsoleCommand of(String name, String usage, String summary, Body body) {
        return new ConsoleCommand() {
            @Override public String name() { return name; }
            @Override public String usage() { return usage; }
            @Override public String summary() { return summary; }
            @Override public void run(String args, CommandContext console) throws Exception { body.run(args, console); }
        };
    }

    /** {@code args} stripped; fails with "usage: ..." when blank. */
    static String requireArg(String args, String usage) {
        if (args.isBlank()) throw new IllegalArgumentException("usage: " + usage);
        return args.strip();
    }
}
