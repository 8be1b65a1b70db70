package dev.aether.repl.command;

import dev.aether.repl.help.HelpTopics;

/**
 * Prompt thread: {@code :help [topic]} prints the help of a topic, command, prelude function, stdlib node or
 * tutorial chapter, from {@link HelpTopics}: the same text {@code docs/reference.md} is generated from.
 */
final class HelpCommand implements ConsoleCommand {
    private final HelpTopics topics;

    HelpCommand(CommandRegistry registry) { this.topics = new HelpTopics(registry); }

    @Override public String name() { return "help"; }
    @Override public String usage() { return ":help [topic]"; }
    @Override public String summary() { return "this list, or help on a command, function, node or topic"; }

    @Override public String help() {
        return String.join("\n",
                "With no topic: how to type Java, the keys and every command. Topics:",
                "tutorial [N|WORD] (its chapters), nodes, verbs, stdlib, patterns, swap;",
                "a command (:help record), a prelude function (:help lowpass) or a stdlib",
                "node class (:help BiquadFilter). docs/reference.md holds the same texts.");
    }

    @Override public void run(String args, CommandContext console) {
        console.print(topics.text(args));
    }
}
