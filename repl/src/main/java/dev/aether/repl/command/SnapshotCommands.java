package dev.aether.repl.command;

import dev.aether.repl.eval.EvalReport;
import dev.aether.repl.eval.Evaluator;
import dev.aether.repl.session.LiveSession;
import dev.aether.repl.session.NamedFiles;
import dev.aether.repl.session.saved.SessionFile;
import dev.aether.repl.session.saved.SoundingState;
import dev.aether.repl.session.saved.SoundingStateCapture;
import dev.aether.repl.session.saved.SoundingStateRestore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prompt thread; the state is captured, and restored, on the session thread (restoring hands its edits there;
 * compiling saved sources waits for the evaluation worker from the prompt thread). {@code :save FILE},
 * {@code :open FILE} and {@code :undo}. A saved session is a state ({@link SoundingState}) in a JSON file
 * ({@link SessionFile}); undo steps back through the edits the {@link LiveSession} recorded.
 */
final class SnapshotCommands {
    private final LiveSession session;
    private final Evaluator evaluator;

    SnapshotCommands(LiveSession session, Evaluator evaluator) {
        this.session = session;
        this.evaluator = evaluator;
    }

    /** {@code :save}, {@code :open} and {@code :undo}. */
    List<ConsoleCommand> commands() {
        SnapshotCommands s = this;
        return List.of(ConsoleCommand.of("save", ":save FILE", "write what sounds (classes, nodes, parameters, states) to FILE as JSON",
                (a, c) -> c.print(s.save(NamedFiles.writable(ConsoleCommand.requireArg(a, ":save FILE"))))),
            ConsoleCommand.of("open", ":open FILE", "replace what sounds by the session saved in FILE",
                (a, c) -> c.print(s.open(ConsoleCommand.requireArg(a, ":open FILE"), c))),
            ConsoleCommand.of("undo", ":undo", "undo the last play/stop/def/undef/connect/set or :open (first, a quantised edit still waiting)",
                (a, c) -> c.print(s.undo(c))));
    }

    String save(Path file) throws IOException {
        List<String> sources = evaluator.declarationSources().join();
        SoundingStateCapture.Captured captured = session.onSessionThread(() -> SoundingStateCapture.capture(session, sources));
        List<String> warnings = new java.util.ArrayList<>(captured.warnings());
        String text = dev.aether.repl.midi.MidiSessionSection.addTo(SessionFile.write(captured.state()), session.midi().saved(warnings));
        Files.writeString(file, text, StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder("saved " + file);
        for (String w : warnings) b.append("\nwarning: ").append(w);
        return b.toString();
    }

    /**
     * Opens the session in the file {@code args} names and journals it with the file's text, so recovery does not
     * depend on the file: {@code :open FILE} followed by the text on the next lines, which {@code :open} then uses
     * instead of reading the file.
     */
    String open(String args, CommandContext c) throws IOException {
        int nl = args.indexOf('\n');
        Path file = nl < 0 ? NamedFiles.readable(args) : Path.of(args.substring(0, nl).strip());
        String text = nl < 0 ? Files.readString(file, StandardCharsets.UTF_8) : args.substring(nl + 1);
        SoundingState state = SessionFile.read(text);
        SoundingStateRestore.restore(state, session, this::define, name -> evaluator.loader().newestTopLevel(name));
        List<String> midiProblems = session.midi().restore(dev.aether.repl.midi.MidiSessionSection.readFrom(text));
        c.journalCommand(":open " + file + "\n" + text.strip());
        int maps = session.midi().mappings().size();
        StringBuilder b = new StringBuilder("opened " + file + " (" + session.sounding().size() + " patches"
                + (maps == 0 ? "" : ", " + maps + " MIDI mapping" + (maps == 1 ? "" : "s")) + ")");
        for (String p : midiProblems) b.append("\nwarning: ").append(p);
        return b.toString();
    }

    String undo(CommandContext c) {
        String waiting = session.cancelNewestPending();
        if (waiting != null) {
            c.journalCommand(":undo");
            return "cancelled " + waiting;
        }
        if (!session.undo()) return "nothing to undo";
        c.journalCommand(":undo");
        return "undone (" + session.sounding().size() + " patches sound)";
    }

    private void define(String source) {
        EvalReport r = evaluator.submit(source).join();
        if (r.failed()) throw new IllegalStateException("saved source does not compile any more:\n" + r.text());
    }

}
