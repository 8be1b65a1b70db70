package dev.aether.repl.console;

/** A console command such as {@code :graph}; runs on the prompt thread and must not block for long. */
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
    void run(String args, Console console) throws Exception;
}
