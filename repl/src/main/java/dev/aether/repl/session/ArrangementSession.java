package dev.aether.repl.session;

import dev.aether.arrange.Edit;
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
    private History history;
    private final Deque<Integer> redoCounts = new ArrayDeque<>();
    private int undoneInThisUndo;
    private Consumer<Project> listener = p -> {};
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
        redoCounts.clear();
        listener.accept(after);
        return true;
    }

    /** Starts counting the arrangement steps one session undo takes back. */
    void beginUndo() { undoneInThisUndo = 0; }

    /** Ends a session undo: when it took arrangement steps back, they can be redone as one step. */
    void endUndo() {
        if (undoneInThisUndo > 0) redoCounts.push(undoneInThisUndo);
        undoneInThisUndo = 0;
    }

    /** The inverse recorded in the session's undo history for one arrangement step. */
    void undoOne() {
        if (history == null || !history.canUndo()) return;      // dropped under the history's memory cap
        listener.accept(history.undo());
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
        listener.accept(history.redo());
        return what;
    }

    /** Forgets the redo of the latest undo (after it was redone). */
    void redone() { redoCounts.poll(); }
}
