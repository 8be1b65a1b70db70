package dev.aether.repl.command;

import dev.aether.repl.userapi.PreludeHelp;

/** Prompt thread: {@code :help [topic]} lists commands, or explains one command or topic (nodes, verbs, swap). */
final class HelpCommand implements ConsoleCommand {
    private static final String JAVA_HELP = String.join("\n",
            "Type Java. Examples:",
            "  play(sine(440))                          a 440 Hz sine, now",
            "  saw(110).to(lowpass(800)).to(gain(-6))   a chain (nothing sounds until played)",
            "  def(\"bass\", saw(55).to(lowpass(400)))    a named slot; def again crossfades, undef fades out",
            "  class Fuzz implements DspNode { ... }    your own node; redefine it and live ones are swapped",
            "Keys: Ctrl-C cancels what runs (an evaluation, a command); the music keeps playing.",
            "      Ctrl-D on an empty line leaves aether (it asks first while something plays).",
            "Topics: :help nodes, :help verbs, :help swap, or :help COMMAND");

    private final CommandRegistry registry;

    HelpCommand(CommandRegistry registry) { this.registry = registry; }

    @Override public String name() { return "help"; }
    @Override public String usage() { return ":help [topic]"; }
    @Override public String summary() { return "this list, or help on a command or topic"; }

    @Override public void run(String args, CommandContext console) {
        String topic = args.strip().replaceFirst("^:", "");
        if (topic.isEmpty()) {
            StringBuilder b = new StringBuilder(JAVA_HELP).append("\nCommands:");
            for (ConsoleCommand c : registry.all()) {
                b.append(String.format("%n  %-32s %s", c.usage(), c.summary()));
            }
            console.print(b.toString());
            return;
        }
        if (topic.equals("nodes")) {
            console.print(PreludeHelp.nodes());
            return;
        }
        if (topic.equals("verbs")) {
            console.print(PreludeHelp.verbs());
            return;
        }
        if (topic.equals("swap")) {
            console.print(String.join("\n",
                    "Redefine a class and every live instance is replaced by one of the new class:",
                    "fields with the same name and type are copied, saveState/restoreState are used where defined,",
                    "the new code is trial-run first (exceptions, NaN/Inf or over-budget cost reject the swap and the",
                    "old code keeps playing), then it is crossfaded in (10 ms by default; see swapFade(...))."));
            return;
        }
        StringBuilder problem = new StringBuilder();
        ConsoleCommand c = registry.find(topic, problem);
        console.print(c == null ? problem.toString() : c.usage() + "\n  " + c.help());
    }
}
