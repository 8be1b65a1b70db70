package dev.aether.repl.command;

import dev.aether.repl.eval.EvalReport;
import dev.aether.repl.eval.Evaluator;
import dev.aether.repl.session.LiveSession;
import dev.aether.repl.session.SessionSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Prompt thread; the snapshots are taken, and restored, on the session thread (restoring hands its edits there,
 * compiling saved sources waits for the evaluation worker from the prompt thread). {@code :save FILE}, {@code :open
 * FILE} and {@code :undo}. A saved session is a state (see {@link SessionSnapshot}); undo keeps the last {@value
 * #UNDO_DEPTH} snapshots taken before each graph edit.
 */
final class SnapshotCommands {
    static final int UNDO_DEPTH = 32;

    private final LiveSession session;
    private final Evaluator evaluator;
    private final Deque<SessionSnapshot> undo = new ArrayDeque<>();

    SnapshotCommands(LiveSession session, Evaluator evaluator) {
        this.session = session;
        this.evaluator = evaluator;
    }

    /** {@code :save}, {@code :open} and {@code :undo}; from now on every graph edit is remembered for undo. */
    List<ConsoleCommand> commands() {
        SnapshotCommands s = this;
        session.beforeEdit(s::remember);
        return List.of(ConsoleCommand.of("save", ":save FILE", "write what sounds (classes, nodes, parameters, states) to FILE",
                (a, c) -> c.print(s.save(Path.of(ConsoleCommand.requireArg(a, ":save FILE"))))),
            ConsoleCommand.of("open", ":open FILE", "replace what sounds by the session saved in FILE",
                (a, c) -> c.print(s.open(Path.of(ConsoleCommand.requireArg(a, ":open FILE"))))),
            ConsoleCommand.of("undo", ":undo", "undo the last play/stop/def/undef/connect",
                (a, c) -> c.print(s.undo())));
    }

    /** Before every graph edit: keeps the state before it. */
    private void remember() {
        SessionSnapshot snap = SessionSnapshot.capture(session, List.of());
        synchronized (undo) {
            undo.push(snap);
            while (undo.size() > UNDO_DEPTH) undo.removeLast();
        }
    }

    String save(Path file) throws IOException {
        List<String> sources = evaluator.declarationSources().join();
        SessionSnapshot snap = session.onSessionThread(() -> SessionSnapshot.capture(session, sources));
        Files.writeString(file, snap.text(), StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder("saved " + file);
        for (String w : snap.warnings()) b.append("\nwarning: ").append(w);
        return b.toString();
    }

    String open(Path file) throws IOException {
        SessionSnapshot snap = SessionSnapshot.parse(Files.readString(file, StandardCharsets.UTF_8));
        remember();
        snap.restore(session, this::define, name -> evaluator.loader().newestTopLevel(name));
        return "opened " + file + " (" + session.sounding().size() + " patches)";
    }

    String undo() {
        SessionSnapshot snap;
        synchronized (undo) {
            snap = undo.poll();
        }
        if (snap == null) return "nothing to undo";
        snap.restore(session, null, name -> evaluator.loader().newestTopLevel(name));
        return "undone (" + session.sounding().size() + " patches sound)";
    }

    private void define(String source) {
        EvalReport r = evaluator.submit(source).join();
        if (r.failed()) throw new IllegalStateException("saved source does not compile any more:\n" + r.text());
    }

}
