package dev.aether.repl.command;

import dev.aether.arrange.Project;
import dev.aether.arrange.Position;
import dev.aether.arrange.TimelineText;
import dev.aether.repl.console.visual.ArrangementPicture;
import dev.aether.repl.session.LiveSession;
import java.util.List;

/**
 * Prompt thread: {@code :arr} (the arrangement as a text timeline, or a picture with {@code --png FILE}) and
 * {@code :redo} (puts back what the latest {@code :undo} took from the arrangement).
 */
final class ArrangeCommands {
    private final LiveSession session;

    ArrangeCommands(LiveSession session) { this.session = session; }

    List<ConsoleCommand> commands() {
        ArrangeCommands a = this;
        return List.of(
            new ConsoleCommand() {
                @Override public String name() { return "arr"; }
                @Override public String usage() { return ":arr [--png FILE]"; }
                @Override public String summary() { return "the arrangement as a text timeline (tracks, clips, metatracks), or a picture"; }
                @Override public String help() {
                    return "Prints the arrangement made with track(...), meta(...) and friends as a text timeline: a ruler of bars, "
                            + "one row per track (indented under its metatrack), every metatrack's speed and offset applied. "
                            + "[=== is an audio clip, [--| a MIDI clip (| where notes start), ~~~ a metatrack's span; "
                            + "M muted, S solo, (silent) silenced by another track's solo. --png FILE draws it. :help arrangement "
                            + "lists the verbs.";
                }
                @Override public void run(String args, CommandContext c) throws Exception { c.print(a.arr(args, c.width())); }
            },
            ConsoleCommand.of("redo", ":redo", "redo what the last :undo took back from the arrangement (graph edits do not redo)",
                (args, c) -> c.print(a.redo(c))));
    }

    String arr(String args, int width) throws java.io.IOException {
        String a = args.strip();
        Project p = session.withArrangement(x -> x.projectOrNull());
        if (p == null || p.tracks().isEmpty()) return "no arrangement yet: track(\"drums\").clip(sample(\"kick.wav\"), bar(1)) makes one (:help arrangement)";
        if (a.isEmpty()) {
            Position[] loop = session.withArrangement(x -> x.live() == null ? null : x.live().loopRange());
            return TimelineText.render(p, Math.max(40, Math.min(width, 160)), loop == null ? null : loop[0], loop == null ? null : loop[1])
                    .stripTrailing();
        }
        if (a.startsWith("--png")) {
            String file = a.substring(5).strip();
            if (file.isEmpty()) throw new IllegalArgumentException("--png needs a file name, e.g. :arr --png arrangement.png");
            if (file.startsWith("\"") && file.endsWith("\"") && file.length() > 1) file = file.substring(1, file.length() - 1);
            return "wrote " + ArrangementPicture.write(p, file);
        }
        throw new IllegalArgumentException("usage: :arr [--png FILE]");
    }

    String redo(CommandContext c) {
        String done = session.redo();
        if (done == null) return "nothing to redo (only arrangement edits redo, right after an :undo)";
        c.journalCommand(":redo");
        return "redone: " + done;
    }
}
