package dev.aether.repl.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Confined to its session's lock. The recent graph edits of a {@link LiveSession}, newest first, each as what
 * inverts it (the removed patch objects themselves, the parameter value before a {@code set}), for {@code :undo}.
 * Recording costs what the edit touches, never a pass over every node. A console input's edits are one step: the
 * session {@link #open opens} a group when the input starts and {@link #close closes} it when it ends.
 */
final class UndoHistory {
    /** How many edits {@code :undo} can step back. */
    static final int DEPTH = 32;

    /** One undo step: its inverses, run newest first; {@code key} merges a run of the same parameter's sets. */
    private record Step(Object key, List<Runnable> inverses) {}

    private final Deque<Step> steps = new ArrayDeque<>();
    private List<Runnable> group;
    /** The key of the open group's only inverse so far (null when none or when it has several). */
    private Object groupKey;
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
            groupKey = group.isEmpty() ? key : null;
            group.add(inverse);
            return;
        }
        Step top = steps.peek();
        if (key != null && top != null && key.equals(top.key)) return;
        push(new Step(key, List.of(inverse)));
    }

    /**
     * Runs {@code edits}, recording all they do as one step (what {@code :open} does); {@code recorded[0]} tells
     * afterwards, even when {@code edits} threw, whether that made a step of its own (a step {@link #undo} can take back).
     */
    void group(Runnable edits, boolean[] recorded) {
        boolean opened = open();
        int before = steps.size();
        Step top = steps.peek();
        try {
            edits.run();
        } finally {
            if (opened) close();
            recorded[0] = opened && (steps.size() != before || steps.peek() != top);
        }
    }

    /**
     * Opens a group that every inverse recorded until {@link #close} joins (one console input); false, doing
     * nothing, when a group is already open or an undo runs. Only the caller that got true closes it.
     */
    boolean open() {
        if (group != null || undoing) return false;
        group = new ArrayList<>();
        groupKey = null;
        return true;
    }

    /**
     * Closes the open group as one step; none when nothing was recorded. A group of one keyed inverse (an input
     * that made one {@code set}) is recorded as that inverse alone, so it still merges with a run of the same sets.
     */
    void close() {
        List<Runnable> g = group;
        group = null;
        if (g == null || g.isEmpty()) return;
        if (g.size() == 1) record(groupKey, g.get(0));
        else push(new Step(null, List.copyOf(g)));
    }

    /** Runs {@code edits} with the open group, if any, set aside: what they record are steps of their own. */
    void aside(Runnable edits) {
        List<Runnable> g = group;
        Object k = groupKey;
        group = null;
        try {
            edits.run();
        } finally {
            group = g;
            groupKey = k;
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
