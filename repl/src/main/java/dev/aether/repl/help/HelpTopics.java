package dev.aether.repl.help;

import dev.aether.repl.command.CommandRegistry;
import dev.aether.repl.command.ConsoleCommand;
import dev.aether.repl.userapi.PreludeHelp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Any thread (reads the registry, the prelude's annotations and the shipped tutorial). The one source of help text:
 * {@code :help TOPIC} prints {@link #text}, and {@link ReferenceDoc} writes the same texts into
 * {@code docs/reference.md}. Every text fits an 80-column terminal.
 */
public final class HelpTopics {
    static final String JAVA_HELP = String.join("\n",
            "Type Java. Examples:",
            "  play(sine(440))                          a 440 Hz sine, now",
            "  saw(110).to(lowpass(800)).to(gain(-6))   a chain (nothing sounds until played)",
            "  def(\"bass\", saw(55).to(lowpass(400)))    a named slot; def again crossfades,",
            "                                           undef fades out",
            "  class Fuzz implements DspNode { ... }    your own node; redefine it and live",
            "                                           ones are swapped",
            "Keys: Ctrl-C cancels what runs (an evaluation, a command); the music plays on.",
            "      Ctrl-D on an empty line leaves aether (it asks while something plays).",
            "Topics: :help tutorial, :help nodes, :help verbs, :help stdlib, :help swap,",
            "        :help patterns, :help pictures, :help midi, :help arrangement,",
            "        :help COMMAND,",
            "        :help FUNCTION (lowpass), :help Gain");

    static final String PATTERNS_HELP = String.join("\n",
            "Patterns play in time: one cycle is one bar at the current tempo and metre",
            "(docs/patterns.md).",
            "  pat(\"k\", \"bd*4\", drums())                kick on every beat, from the next bar",
            "  pat(\"h\", \"[~ hh]*4 oh(3,8)\", drums())     off-beat hats, a Euclidean open hat",
            "  pat(\"m\", \"c4 e4 <g4 b4> c5\", synth(4))    notes: each held for its step",
            "  def(\"pad\", saw(110).to(lowpass(800)));",
            "  pat(\"f\", \"200 800 2000\", param(slot(\"pad\"), \"cutoffHz\"))",
            "      a parameter stepped (param(chain, name, seconds): ramped)",
            "  pat(\"m\", MiniNotation.parse(\"0 2 4 7\").scale(\"minor\").every(4, p -> p.rev()),",
            "      synth(4))",
            "Notation: a b c  ~ rest  [a b] group  a*3 a/2  <a b> alternate  a, b stack  a@3",
            "          a(3,8,2)  a? a?0.3",
            "Redefining pat(\"k\", ...) changes at the next bar, no event lost or doubled;",
            "undef(\"k\") ends it there and fades its slot; hush() ends every pattern at the",
            "next bar; stop() stops everything now. A notation error points at its character",
            "and the old pattern keeps playing. Drum names: bd sn hh oh cp lt mt ht.");

    static final String SWAP_HELP = String.join("\n",
            "Redefine a class and every live instance is replaced by one of the new class:",
            "fields with the same name and type are copied, saveState/restoreState are used",
            "where defined, the new code is trial-run first (exceptions, NaN/Inf or",
            "over-budget cost reject the swap and the old code keeps playing), then it is",
            "crossfaded in (10 ms by default; see swapFade(...)).");

    static final String PICTURES_HELP = String.join("\n",
            "Pictures at the prompt (braille, at the terminal's size) and on paper",
            "(--png FILE, 1600 x 900; docs/pictures.md):",
            "  :scope [MS] [EXPR]             waveform, time in ms",
            "  :spectrum [EXPR]               dBFS over log frequency",
            "  :response EXPR                 magnitude (dB) and phase, -3 dB points dashed",
            "  :spectrogram [SECONDS] [EXPR]  levels over time and frequency",
            "  :envelope EXPR [HOLD_S]        an envelope's shape",
            "  :analyze [EXPR]                fundamental, harmonics (dBFS, dBc), THD, THD+N,",
            "                                 peak, RMS",
            "  :compare A B                   null test on 1 s of white noise: first differing",
            "                                 sample, peak and RMS of the difference",
            "Without EXPR they listen to the master; with one (a node, a chain, slot(\"bass\")",
            "or \"bass\") they render copies, so what plays is untouched and what does not",
            "play can be shown. A chain taking a signal is fed white noise.",
            "  :response lowpass(800, 4) --png lp.png",
            "  :spectrum saw(110).to(lowpass(900))",
            "  :compare lowpass(800) new MyLowpass()");

    static final String MIDI_HELP = String.join("\n",
            "MIDI out, MIDI files and MIDI clock (docs/midi.md):",
            "  midiOuts()                         the output devices, numbered",
            "  pat(\"m\", \"c4 e4 g4\", midiOut(0))    a pattern out to device 0, channel 1",
            "                                     (midiOut(0, 10): channel 10)",
            "  var song = midiFile(\"song.mid\")     a Standard MIDI File, type 0 or 1, with its",
            "                                     tempo map and metre",
            "  playMidi(song, synth(8))           plays it once in its own tempo from the next",
            "                                     bar (or into midiOut(0))",
            "  pat(\"loop\", song.bars(5, 8), synth(8))",
            "                                     bars 5..8 looped, one file bar per clock bar",
            "  midiClock(0)                       sends 24 clocks per beat, start/stop/continue",
            "                                     and song position",
            "  midiLatency(20)                    messages leave 20 ms after their sample is",
            "                                     rendered (the audio latency)",
            "A sender thread waits for the wall time the engine renders each message's",
            "sample. :panic stops the files and sends every open output note-offs and",
            "all-notes-off (CC 123) on all 16 channels.");

    static final String ARRANGEMENT_HELP = String.join("\n",
            "An arrangement: tracks of clips on a timeline, played by the engine in time with",
            "patterns (docs/arrangement.md). Every verb is an edit: :undo, :redo, :save.",
            "  track(\"drums\").clip(sample(\"kick.wav\"), bar(1)).gain(-3).loop(bars(4))",
            "                                     an audio track and a clip (also .length,",
            "                                     .fadeIn, .fadeOut, .offset, .reverse, .rate)",
            "  instrument(\"bass\", \"synth(8)\").notes(bar(1), bars(2), \"c2 e2 g2 c3\")",
            "                                     a MIDI track; one notation cycle a bar",
            "  track(\"pad\").fx(lowpass(800)).volume(-6).pan(0.3).mute().solo()",
            "  bus(\"verb\").fx(reverb(0.8, 1)); track(\"pad\").send(\"verb\", -12, \"pre\")",
            "  meta(\"verse\", \"drums\", \"bass\").stretch(0.5).offset(bar(9)).transpose(2)",
            "                                     a metatrack: half speed from bar 9; nests;",
            "                                     meta(\"verse\").ungroup() / .flatten()",
            "  automate(track(\"bass\"), \"volume\", point(bar(1), -20), point(bar(5), 0, \"exp\"))",
            "                                     \"pan\", \"fx[0].cutoffHz\"; \"lin\" \"exp\" \"s\" \"hold\"",
            "  arr.play()  arr.stop()  arr.seek(bar(9))  arr.loop(bar(1), bar(9))",
            "  arr.bounce(\"mix.wav\")  freeze(\"drums\")  unfreeze(\"drums\")",
            "Positions: bar(9), bar(9, 2.5), bars(4), beats(1.5), secs(2.5). :arr shows the",
            "timeline, :arr --png FILE draws it. Audio under a metatrack's stretch is",
            "resampled (varispeed): its pitch follows its speed.");

    static final String LINK_HELP = String.join("\n",
            "Ableton Link: play in time with other people on the local network (docs/link.md):",
            "  link(true)           join the session: tempo, bar phase and start/stop are shared",
            "                       with Live, Bitwig, Sonic Pi, SuperCollider, phone apps, other aethers",
            "  tempo(128)           proposed to everyone; any peer's change reaches aether's clock",
            "  :link                peers, tempo, engine phase offset, measured round trip",
            "  :link quantum 8      align phase to 8 beats instead of a 4-beat bar",
            "  linkOffset(12)       play 12 ms earlier than the device buffer implies",
            "  link(false)          leave (the others keep playing; aether keeps the tempo)",
            "quant(\"bar\") edits and pattern cycles land on the session's bar lines.");

    /** The fixed topics, in the order {@code docs/reference.md} lists them, each with one line saying what it holds. */
    static final List<String[]> TOPICS = List.of(
            new String[] {"tutorial", "the tutorial's chapters; :help tutorial N shows chapter N"},
            new String[] {"nodes", "the creation functions (sine, lowpass, drums...) with their units"},
            new String[] {"verbs", "what you do with nodes: play, def, set, pat, tempo, quant..."},
            new String[] {"stdlib", "every stdlib node class; :help NAME shows its ports and params"},
            new String[] {"patterns", "mini-notation and pat(...)"},
            new String[] {"swap", "what happens when you redefine a class"},
            new String[] {"pictures", "scope, spectrum, response, spectrogram, envelope, analyze, compare"},
            new String[] {"midi", "MIDI in and out, MIDI files, MIDI clock"},
            new String[] {"arrangement", "tracks, clips, metatracks, automation, arr.play, :arr"},
            new String[] {"link", "Ableton Link: shared tempo, phase and start/stop with other peers"});

    private final CommandRegistry commands;

    public HelpTopics(CommandRegistry commands) { this.commands = commands; }

    /** {@code :help} with no topic: how to type Java, the keys, the topics and every command in one line each. */
    public String overview() {
        StringBuilder b = new StringBuilder(JAVA_HELP).append("\nCommands:");
        for (ConsoleCommand c : commands.all()) b.append('\n').append(HelpText.entry("  ", c.usage(), c.summary(), 28));
        return HelpText.wrap(b.toString());
    }

    /** {@code :help midi}: the input commands ({@code :midi}'s help, when the console has it), then MIDI out. */
    private String midi() {
        ConsoleCommand in = commands.find("midi", new StringBuilder());
        return in == null ? MIDI_HELP : command(in) + "\n\n" + MIDI_HELP;
    }

    /** {@code :help :name}: the usage line, then the command's help indented. */
    public static String command(ConsoleCommand c) {
        return HelpText.wrap(c.usage()) + "\n" + HelpText.reflow(c.help(), "  ");
    }

    /** {@code :help stdlib}: the stdlib node classes by group. */
    public static String stdlib() {
        StringBuilder b = new StringBuilder("Stdlib node classes (play(new SineOscillator()); :help NAME: ports, params):");
        String group = null;
        StringBuilder line = null;
        for (StdlibNodes.Description d : StdlibNodes.all()) {
            if (!d.group().equals(group)) {
                if (line != null) b.append('\n').append(groupLine(group, line));
                group = d.group();
                line = new StringBuilder();
            }
            if (line.length() > 0) line.append(' ');
            line.append(d.name());
        }
        if (line != null) b.append('\n').append(groupLine(group, line));
        return b.toString();
    }

    private static String groupLine(String group, CharSequence names) {
        String head = String.format("  %-10s ", group + ":");
        return String.join("\n", HelpText.fill(names.toString(), HelpText.WIDTH, head, " ".repeat(head.length())));
    }

    /**
     * The text for {@code topic} (without or with its colon): the overview when blank; a fixed topic; a tutorial
     * chapter ({@code tutorial 3}, {@code tutorial patterns}); else everything the word names among the commands
     * (exactly or by unique prefix), the prelude functions ({@code lowpass}) and the stdlib node classes
     * ({@code SineOscillator}); else a line saying nothing matched and where to look.
     */
    public String text(String topic) { return HelpText.wrap(unwrapped(topic)); }

    private String unwrapped(String topic) {
        String t = topic.strip();
        if (t.startsWith(":")) t = t.substring(1);
        String lower = t.toLowerCase(Locale.ROOT);
        boolean explicitCommand = topic.strip().startsWith(":");
        if (t.isEmpty()) return overview();
        if (!explicitCommand && (lower.equals("tutorial") || lower.startsWith("tutorial "))) return tutorial(t.substring("tutorial".length()).strip());
        if (!explicitCommand) switch (lower) {
            case "nodes": return PreludeHelp.nodes();
            case "verbs": return PreludeHelp.verbs();
            case "stdlib": return stdlib();
            case "patterns": return PATTERNS_HELP;
            case "swap": return SWAP_HELP;
            case "midi": return midi();
            case "pictures": return PICTURES_HELP;
            case "arrangement": return ARRANGEMENT_HELP;
            case "link": return LINK_HELP;
            default: break;
        }
        List<String> found = new ArrayList<>();
        for (ConsoleCommand c : commands.all()) if (c.name().equals(lower)) found.add(command(c));
        if (!explicitCommand) {
            String functions = functions(t);
            if (functions != null) found.add(functions);
            StdlibNodes.find(t).ifPresent(d -> found.add(StdlibNodes.text(d)));
        }
        if (found.isEmpty()) {
            StringBuilder problem = new StringBuilder();
            ConsoleCommand c = commands.find(lower, problem);
            if (c != null) return command(c);
            if (explicitCommand || problem.indexOf("ambiguous") >= 0) return problem.toString();
            return "no help on " + t + ": try :help (commands), :help nodes, :help verbs, :help stdlib or :help tutorial";
        }
        return String.join("\n\n", found);
    }

    /** {@code :help tutorial [N|WORD]}. */
    String tutorial(String key) {
        Tutorial tutorial = Tutorial.shipped();
        if (key.isEmpty()) return tutorial.contents();
        Optional<Tutorial.Chapter> c = tutorial.find(key);
        if (c.isPresent()) return tutorial.text(c.get());
        return "no tutorial chapter " + key + "; the chapters are 1.." + tutorial.chapters().size() + ":\n" + tutorial.contents();
    }

    /** Every prelude function called {@code name} ({@code lowpass}: its documented forms), or null when none is. */
    static String functions(String name) {
        List<PreludeHelp.Entry> matches = new ArrayList<>();
        for (PreludeHelp.Entry e : PreludeHelp.verbEntries()) if (e.usage().startsWith(name + "(")) matches.add(e);
        for (PreludeHelp.Entry e : PreludeHelp.nodeEntries()) if (e.usage().startsWith(name + "(")) matches.add(e);
        if (matches.isEmpty()) return null;
        StringBuilder b = new StringBuilder();
        for (PreludeHelp.Entry e : matches) {
            if (b.length() > 0) b.append('\n');
            b.append(HelpText.entry("", e.usage(), e.text() + " [" + e.group() + "]"));
        }
        return b.toString();
    }
}
