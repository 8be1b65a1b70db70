package dev.aether.repl.session;

import dev.aether.arrange.AudioClip;
import dev.aether.arrange.AudioTrack;
import dev.aether.arrange.Edit;
import dev.aether.arrange.MediaPool;
import dev.aether.arrange.Metatrack;
import dev.aether.arrange.Track;
import dev.aether.arrange.live.LiveArrangement;
import dev.aether.arrange.stream.AudioPool;
import dev.aether.core.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.aether.arrange.History;
import dev.aether.arrange.Project;
import dev.aether.arrange.Tempo;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Session thread (the {@link LiveSession} calls it inside its edits). The arrangement of a session: the current
 * {@link Project} and its {@link History}, created at the first arrangement verb with the engine's tempo and metre.
 * Every applied edit is one step of the project's history and, through {@link LiveSession#arrange}, an inverse in the
 * session's undo history, so {@code :undo} takes arrangement edits back with the graph edits of the same input, and
 * {@code :redo} puts back what the latest undos took from the arrangement.
 *
 * <p>Redo bookkeeping: each session undo that took back {@code k > 0} arrangement steps pushes {@code k}; a redo pops
 * it and redoes {@code k} history steps as one session step. A new arrangement edit clears it (as the history does).
 */
public final class ArrangementSession {
    private final Engine engine;
    private final AudioPool pool = new AudioPool();
    private LiveArrangement live;
    private History history;
    private final Deque<Integer> redoCounts = new ArrayDeque<>();
    private int undoneInThisUndo;
    private final List<String> undoneNow = new ArrayList<>();
    private String lastUndone = "";
    private Consumer<Project> listener = p -> {};

    /** The arrangement of a session on {@code engine}; nothing is added to the engine before the first edit. */
    ArrangementSession(Engine engine) { this.engine = engine; }
    private final ArrangementRecipes recipes = new ArrangementRecipes();

    /** How recorded recipes become nodes. Any thread. */
    public ArrangementRecipes recipes() { return recipes; }

    /** True once an arrangement verb has made the project. */
    public boolean exists() { return history != null; }

    /** The project now; an empty one at {@code tempo} is made when there is none yet. */
    public Project project(Tempo tempo) {
        if (history == null) history = new History(Project.empty(tempo));
        return history.current();
    }

    /** The project now, or null when no arrangement verb ran yet. */
    public Project projectOrNull() { return history == null ? null : history.current(); }

    /** The history (null before the first edit); for tests and {@code :arr}. */
    public History history() { return history; }

    /**
     * Called with the project after every change (edit, undo, redo), on the session thread: how the live playback
     * follows. Replaces the previous listener.
     */
    public void onChange(Consumer<Project> listener) { this.listener = Objects.requireNonNull(listener, "listener"); }

    /**
     * Applies {@code edit} to the project (made at {@code tempo} when there is none).
     *
     * @return true when it changed the project (a no-op is no step)
     * @throws IllegalArgumentException from the edit, naming what was wrong; nothing changed
     */
    boolean apply(Edit edit, Tempo tempo) {
        Project before = project(tempo);
        Project after = history.apply(edit);
        if (after == before) return false;
        try {
            changed(after);
        } catch (RuntimeException e) {                       // the engine could not play it: as if never made
            history.undo();
            throw e;
        }
        redoCounts.clear();
        return true;
    }

    /** Plays {@code p} (what of it can play: clips of missing files are left out) and tells the listener. */
    private void changed(Project p) {
        Project playable = playable(p);
        if (live == null && !p.tracks().isEmpty()) live = LiveArrangement.attach(engine, pool, recipes::resolve);
        if (live != null) live.apply(playable);
        listener.accept(p);
    }

    /** The live arrangement, attached at the first edit that made a track (null before). */
    public LiveArrangement live() { return live; }

    /** The live arrangement, attached now when there is none (an empty project plays nothing). */
    public LiveArrangement liveOrAttach(Tempo tempo) {
        if (live == null) {
            live = LiveArrangement.attach(engine, pool, recipes::resolve);
            live.apply(playable(project(tempo)));
        }
        return live;
    }

    /**
     * Forgets the live arrangement after {@code :panic} emptied the engine's graph (its nodes are gone); the project
     * stays, and the next edit or {@code arr.play()} attaches a new one.
     */
    void panicked() { live = null; }

    /** The pool of audio files the arrangement plays, shared with its bounces. */
    public AudioPool pool() { return pool; }

    /** {@code p} without the clips whose files are missing (they were reported when the project was opened). */
    static Project playable(Project p) {
        boolean missing = false;
        for (Path f : p.pool().files().values()) missing |= !Files.isReadable(f);
        if (!missing) return p;
        return p.withTracks(withoutMissing(p.tracks(), p.pool()));
    }

    private static List<Track> withoutMissing(List<Track> tracks, MediaPool pool) {
        List<Track> out = new ArrayList<>();
        for (Track t : tracks) {
            if (t instanceof AudioTrack a) {
                List<AudioClip> keep = new ArrayList<>();
                for (AudioClip c : a.clips()) if (Files.isReadable(pool.file(c.source()))) keep.add(c);
                out.add(a.withClips(keep));
            } else if (t instanceof Metatrack m) {
                out.add(m.withChildren(withoutMissing(m.children(), pool)));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /** Starts counting the arrangement steps one session undo takes back. */
    void beginUndo() {
        undoneInThisUndo = 0;
        undoneNow.clear();
    }

    /** Ends a session undo: when it took arrangement steps back, they can be redone as one step. */
    void endUndo() {
        if (undoneInThisUndo > 0) redoCounts.push(undoneInThisUndo);
        undoneInThisUndo = 0;
        lastUndone = String.join(", ", undoneNow);
    }

    /** What the latest session undo took back from the arrangement ("" when nothing). */
    public String lastUndone() { return lastUndone; }

    /** The inverse recorded in the session's undo history for one arrangement step. */
    void undoOne() {
        if (history == null || !history.canUndo()) return;      // dropped under the history's memory cap
        String what = history.undoDescriptions().get(0);
        changed(history.undo());
        undoneNow.add(0, what);
        undoneInThisUndo++;
    }

    /** How many history steps the next {@code :redo} redoes (0: nothing to redo). */
    int redoable() {
        Integer k = redoCounts.peek();
        return k == null || history == null || !history.canRedo() ? 0 : k;
    }

    /** Redoes one history step; returns what it was. */
    String redoOne() {
        String what = history.redoDescriptions().get(0);
        changed(history.redo());
        return what;
    }

    /** Forgets the redo of the latest undo (after it was redone). */
    void redone() { redoCounts.poll(); }
}
