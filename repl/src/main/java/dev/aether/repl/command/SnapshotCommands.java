package dev.aether.repl.command;

import dev.aether.arrange.Edit;
import dev.aether.arrange.Project;
import dev.aether.arrange.json.ProjectJson;
import dev.aether.repl.session.saved.ArrangementSection;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.TypeDeclSnippet;

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
            ConsoleCommand.of("open", ":open FILE", "replace what sounds by the session saved in FILE, all or nothing (a failure names the entry)",
                (a, c) -> c.print(s.open(ConsoleCommand.requireArg(a, ":open FILE"), c))),
            ConsoleCommand.of("undo", ":undo", "undo the last play/stop/def/undef/connect/set, arrangement edit or :open (first, a quantised edit still waiting)",
                (a, c) -> c.print(s.undo(c))));
    }

    String save(Path file) throws IOException {
        List<String> sources = evaluator.declarationSources().join();
        SoundingStateCapture.Captured captured = session.onSessionThread(() -> SoundingStateCapture.capture(session, sources));
        List<String> warnings = new java.util.ArrayList<>(captured.warnings());
        String text = dev.aether.repl.midi.MidiSessionSection.addTo(SessionFile.write(captured.state()), session.midi().saved(warnings));
        text = ArrangementSection.addTo(text, session.withArrangement(a -> a.projectOrNull()), file.toAbsolutePath().getParent());
        dev.aether.core.io.AtomicFile.writeString(file, text);
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
        Path base = file.toAbsolutePath().getParent();
        ProjectJson.Loaded arrangement = ArrangementSection.readFrom(text, base, file.toString());
        List<String> problems = new ArrayList<>(arrangement == null ? List.of() : arrangement.problems());
        Runnable putBack = () -> {
            Project now = session.withArrangement(a -> a.projectOrNull());
            if (now == null && arrangement == null) return;
            Project from = now != null ? now : session.arrangementProject();
            Project to = arrangement != null ? arrangement.project() : Project.empty(from.tempo());
            Edit replace = ArrangementSection.replace(from, to, ":open " + file.getFileName());
            if (replace != null) session.arrange(replace);
        };
        try {
            SoundingStateRestore.restore(state, session, new SavedSources(), name -> evaluator.loader().newestTopLevel(name), putBack);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open " + file + " — nothing changed, what played plays on:\n" + e.getMessage(), e);
        }
        List<String> midiProblems = session.midi().restore(dev.aether.repl.midi.MidiSessionSection.readFrom(text));
        c.journalCommand(":open " + file + "\n" + text.strip());
        int maps = session.midi().mappings().size();
        StringBuilder b = new StringBuilder("opened " + file + " (" + session.sounding().size() + " patches"
                + (maps == 0 ? "" : ", " + maps + " MIDI mapping" + (maps == 1 ? "" : "s")) + ")");
        Project arranged = session.withArrangement(a -> a.projectOrNull());
        if (arranged != null && !arranged.tracks().isEmpty()) {
            int tracks = arranged.allTracks().size();
            b.append("\narrangement: ").append(tracks).append(tracks == 1 ? " track" : " tracks").append(" (:arr shows it)");
        }
        for (String p : problems) b.append("\nwarning: ").append(p);
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
        String arranged = session.withArrangement(a -> a.lastUndone());
        return "undone (" + session.sounding().size() + " patches sound)" + (arranged.isEmpty() ? "" : "; arrangement: " + arranged);
    }

    /**
     * The saved sources of one {@code :open}, defined in the session: a source the same as the declaration the session
     * has is not defined again (so its class that sounds is not swapped for nothing); when the restore fails, the
     * declarations the sources defined so far replaced are defined again from their earlier sources (hot-swapping back
     * what sounds). Declarations new to the session stay defined: they change nothing that sounds.
     */
    private final class SavedSources implements SoundingStateRestore.Sources {
        private final Map<String, String> before = new HashMap<>();     // key -> the session's source before :open
        private final List<String> defined = new ArrayList<>();

        SavedSources() {
            for (String source : evaluator.declarationSources().join()) {
                for (String key : keys(source)) before.put(key, source);
            }
        }

        @Override public void define(int index, int count, String source) {
            List<String> keys = keys(source);
            if (!keys.isEmpty() && keys.stream().allMatch(k -> source.strip().equals(strip(before.get(k))))) return;
            EvalReport r = evaluator.submit(source).join();
            defined.add(source);
            if (r.failed()) {
                throw new IllegalStateException("saved source " + (index + 1) + " of " + count
                        + (keys.isEmpty() ? "" : " (" + String.join(", ", keys).replace("type ", "").replace("method ", "") + ")") + " does not compile any more:\n" + r.text());
            }
        }

        @Override public void rollBack() {
            List<String> again = new ArrayList<>();
            for (int i = defined.size() - 1; i >= 0; i--) {
                for (String key : keys(defined.get(i))) {
                    String earlier = before.get(key);
                    if (earlier != null && !again.contains(earlier)) again.add(earlier);
                }
            }
            for (String earlier : again) evaluator.submit(earlier).join();
        }

        private static String strip(String s) { return s == null ? null : s.strip(); }

        /** What {@code source} declares, as "class Fuzz" or "method gain(double)" (empty for an import or a statement). */
        private List<String> keys(String source) {
            return evaluator.analyse(a -> {
                List<String> keys = new ArrayList<>();
                for (Snippet s : a.sourceToSnippets(source)) {
                    if (s instanceof TypeDeclSnippet t) keys.add("type " + t.name());
                    else if (s instanceof MethodSnippet m) keys.add("method " + m.name() + "(" + m.parameterTypes() + ")");
                }
                return keys;
            }).join();
        }
    }

}
