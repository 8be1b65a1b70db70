package dev.aether.repl.command;

import dev.aether.repl.eval.Evaluator;
import dev.aether.repl.eval.RealtimeLint;

/**
 * Prompt thread: {@code :lint off|warn|strict} sets what the real-time lint ({@link RealtimeLint}) does with each
 * class defined from now on; {@code :lint} alone says the current mode.
 */
final class LintCommand implements ConsoleCommand {
    private final Evaluator evaluator;

    LintCommand(Evaluator evaluator) { this.evaluator = evaluator; }

    @Override public String name() { return "lint"; }
    @Override public String usage() { return ":lint [off|warn|strict]"; }
    @Override public String summary() { return "real-time check of your process(): off, warn (default) or strict"; }

    @Override public String help() {
        return String.join("\n  ",
                "When you define a class, its process() and the methods of yours it calls are checked for what the",
                "audio thread must not do: allocate (new, arrays, clone, boxing, string + or building, lambdas that",
                "capture), lock (synchronized, locks, Thread.sleep, wait) or do I/O and logging (System.out, files,",
                "java.util.logging) or call the console's verbs (play, set, undef...). Each finding is a warning",
                "with its line, column and a caret, and a fix.",
                ":lint warn    print the warnings, define the class anyway (the default)",
                ":lint strict  print them and refuse the class: the old definition stays in use",
                ":lint off     check nothing",
                "See docs/realtime.md, \"The lint of your own nodes\".");
    }

    @Override public void run(String args, CommandContext console) {
        RealtimeLint lint = evaluator.lint();
        if (args.isBlank()) {
            console.print("lint: " + lint.mode().word() + " (:lint off|warn|strict)");
            return;
        }
        RealtimeLint.Mode m = RealtimeLint.Mode.parse(args);
        lint.mode(m);
        console.print("lint: " + m.word() + switch (m) {
            case OFF -> ", classes are not checked";
            case WARN -> ", findings are warnings";
            case STRICT -> ", a class with findings is refused and the old definition stays in use";
        });
    }
}
