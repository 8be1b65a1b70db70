package dev.aether.repl.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Confined to its session's lock. The recent graph edits of a {@link LiveSession}, newest first, each as what
 * inverts it (the removed patch objects themselves, the parameter value before a {@code set}), for {@code :undo}.
 * Recording costs what the edit touches, never a pass over every node.
 */
final class UndoHistory {
    /** How many edits {@code :undo} can step back. */
    static final int DEPTH = 32;

    /** One undo step: its inverses, run newest first; {@code key} merges a run of the same parameter's sets. */
    private record Step(Object key, List<Runnable> inverses) {}

    private final Deque<Step> steps = new ArrayDeque<>();
    private List<Runnable> group;
    private boolean undoing;

    /** Records the inverse of an edit just made (ignored while an undo runs; joins the open group if any). */
    void record(Runnable inverse) { record(null, inverse); }

    /**
     * Records an inverse; when the newest step has the same non-null {@code key} (another {@code set} of the same
     * parameter), it is kept and this one dropped, so one undo goes back to the value before the run.
     */
    void record(Object key, Runnable inverse) {
        if (undoing) return;
        if (group != null) {
            group.add(inverse);
            return;
        }
        Step top = steps.peek();
        if (key != null && top != null && key.equals(top.key)) return;
        push(new Step(key, List.of(inverse)));
    }

    /** Runs {@code edits}, recording all they do as one step (what {@code :open} does). */
    void group(Runnable edits) {
        if (group != null || undoing) {
            edits.run();
            return;
        }
        group = new ArrayList<>();
        try {
            edits.run();
        } finally {
            List<Runnable> g = group;
            group = null;
            if (!g.isEmpty()) push(new Step(null, List.copyOf(g)));
        }
    }

    /** Inverts the newest step; false when there is none. */
    boolean undo() {
        Step s = steps.poll();
        if (s == null) return false;
        undoing = true;
        try {
            for (int i = s.inverses.size() - 1; i >= 0; i--) s.inverses.get(i).run();
        } finally {
            undoing = false;
        }
        return true;
    }

    /** Forgets every step. */
    void clear() { steps.clear(); }

    /** How many steps {@code :undo} can take now. */
    int size() { return steps.size(); }

    private void push(Step s) {
        steps.push(s);
        while (steps.size() > DEPTH) steps.removeLast();
    }
}
