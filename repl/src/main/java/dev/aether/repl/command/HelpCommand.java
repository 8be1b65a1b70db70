package dev.aether.repl.command;

import dev.aether.repl.userapi.PreludeHelp;

/** Prompt thread: {@code :help [topic]} lists commands, or explains one command or topic (nodes, verbs, swap, patterns, pictures). */
final class HelpCommand implements ConsoleCommand {
    private static final String JAVA_HELP = String.join("\n",
            "Type Java. Examples:",
            "  play(sine(440))                          a 440 Hz sine, now",
            "  saw(110).to(lowpass(800)).to(gain(-6))   a chain (nothing sounds until played)",
            "  def(\"bass\", saw(55).to(lowpass(400)))    a named slot; def again crossfades, undef fades out",
            "  class Fuzz implements DspNode { ... }    your own node; redefine it and live ones are swapped",
            "Keys: Ctrl-C cancels what runs (an evaluation, a command); the music keeps playing.",
            "      Ctrl-D on an empty line leaves aether (it asks first while something plays).",
            "Topics: :help nodes, :help verbs, :help swap, :help patterns, :help pictures, or :help COMMAND");

    private static final String PICTURES_HELP = String.join("\n",
            "Pictures at the prompt (braille, the terminal's size) and on paper (--png FILE, 1600 x 900) (docs/pictures.md):",
            "  :scope [MS] [EXPR]            waveform, time in ms            :spectrum [EXPR]     dBFS over log frequency",
            "  :response EXPR                magnitude (dB) and phase, -3 dB points dashed",
            "  :spectrogram [SECONDS] [EXPR] levels over time and frequency  :envelope EXPR [HOLD_S]   an envelope's shape",
            "  :analyze [EXPR]               fundamental, harmonics (dBFS, dBc), THD, THD+N, peak, RMS",
            "  :compare A B                  null test on 1 s of white noise: first differing sample, peak and RMS of the difference",
            "Without EXPR they listen to the master; with one (a node, a chain, slot(\"bass\") or \"bass\") they render copies,",
            "so what plays is untouched and what does not play can be shown. A chain taking a signal is fed white noise.",
            "  :response lowpass(800, 4) --png lp.png     :spectrum saw(110).to(lowpass(900))     :compare lowpass(800) new MyLowpass()");

    private static final String PATTERNS_HELP = String.join("\n",
            "Patterns play in time: one cycle is one bar at the current tempo and metre (docs/patterns.md).",
            "  pat(\"k\", \"bd*4\", drums())                 kick on every beat, from the next bar",
            "  pat(\"h\", \"[~ hh]*4 oh(3,8)\", drums())      off-beat hats and a Euclidean open hat",
            "  pat(\"m\", \"c4 e4 <g4 b4> c5\", synth(4))     notes: each held for its step",
            "  def(\"pad\", saw(110).to(lowpass(800)));   pat(\"f\", \"200 800 2000\", param(slot(\"pad\"), \"cutoffHz\"))",
            "                                            a parameter stepped (param(chain, name, seconds): ramped)",
            "  pat(\"m\", MiniNotation.parse(\"0 2 4 7\").scale(\"minor\").every(4, p -> p.rev()), synth(4))",
            "Notation: a b c  ~ rest  [a b] group  a*3 a/2  <a b> alternate  a, b stack  a@3  a(3,8,2)  a? a?0.3",
            "Redefining pat(\"k\", ...) changes at the next bar, no event lost or doubled; undef(\"k\") ends it there",
            "and fades its slot; hush() ends every pattern at the next bar; stop() stops everything now.",
            "A notation error points at its character and the old pattern keeps playing. Drum names: bd sn hh oh cp lt mt ht.");

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
        if (topic.equals("pictures")) {
            console.print(PICTURES_HELP);
            return;
        }
        if (topic.equals("patterns")) {
            console.print(PATTERNS_HELP);
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
