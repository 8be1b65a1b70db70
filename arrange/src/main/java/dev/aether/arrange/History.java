package dev.aether.arrange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The current project and its undo/redo history. Each applied {@link Edit} is kept with the project before and after
 * it; undo and redo swap those immutable snapshots, so every edit undoes exactly. Unchanged tracks are shared between
 * snapshots, so a step costs about what it changed.
 *
 * <p>The history is unbounded in steps but capped in memory: each step carries an estimate of the bytes it keeps
 * alive ({@link #estimateBytes}); when the total passes the cap, the oldest undo steps are dropped first (the current
 * project and the redo steps stay). Not thread-safe: confine a history to one thread (the console's control thread).
 */
public final class History {
    /** The default memory cap: 64 MiB of estimated snapshot data. */
    public static final long DEFAULT_CAP_BYTES = 64L << 20;

    private record Step(Edit edit, Project before, Project after, long bytes) {}

    private final Deque<Step> undo = new ArrayDeque<>(), redo = new ArrayDeque<>();
    private final long capBytes;
    private Project current;
    private long bytes;
    private int dropped;

    /** A history starting at {@code initial}, capped at {@code capBytes} of estimated snapshot data (&gt; 0). */
    public History(Project initial, long capBytes) {
        this.current = Objects.requireNonNull(initial, "initial");
        if (capBytes <= 0) throw new IllegalArgumentException("a history cap of " + capBytes + " bytes; give a positive cap (e.g. 64 MiB)");
        this.capBytes = capBytes;
    }

    /** A history starting at {@code initial} with the {@link #DEFAULT_CAP_BYTES default cap}. */
    public History(Project initial) { this(initial, DEFAULT_CAP_BYTES); }

    /** The project as it is now. */
    public Project current() { return current; }

    /**
     * Applies {@code edit} to the current project, records it and clears the redo steps.
     *
     * @return the new current project
     * @throws IllegalArgumentException from the edit; the project and the history are then unchanged
     */
    public Project apply(Edit edit) {
        Project before = current, after = edit.apply(before);
        if (after.equals(before)) return current;             // a no-op is not a step
        clear(redo);
        push(undo, new Step(edit, before, after, estimateBytes(before, after)));
        current = after;
        trim();
        return current;
    }

    /** True when there is a step to undo. */
    public boolean canUndo() { return !undo.isEmpty(); }

    /** True when there is a step to redo. */
    public boolean canRedo() { return !redo.isEmpty(); }

    /**
     * Undoes the latest step.
     *
     * @throws IllegalStateException when there is nothing to undo (the message says whether steps were dropped)
     */
    public Project undo() {
        Step s = undo.pollLast();
        if (s == null) throw new IllegalStateException(dropped == 0 ? "nothing to undo"
                : "nothing more to undo; the " + dropped + " oldest steps were dropped to stay under the " + (capBytes >> 20) + " MiB history cap");
        redo.addLast(s);
        current = s.before();
        return current;
    }

    /** Redoes the latest undone step. @throws IllegalStateException when there is nothing to redo */
    public Project redo() {
        Step s = redo.pollLast();
        if (s == null) throw new IllegalStateException("nothing to redo");
        undo.addLast(s);
        current = s.after();
        return current;
    }

    /** What undo would undo, latest first. */
    public List<String> undoDescriptions() { return describe(undo); }

    /** What redo would redo, next first. */
    public List<String> redoDescriptions() { return describe(redo); }

    /** Steps that can be undone. */
    public int undoDepth() { return undo.size(); }

    /** Oldest steps dropped to stay under the cap so far. */
    public int droppedSteps() { return dropped; }

    /** The estimated bytes the recorded steps keep alive. */
    public long estimatedBytes() { return bytes; }

    /** The cap in bytes. */
    public long capBytes() { return capBytes; }

    private static List<String> describe(Deque<Step> d) {
        List<String> out = new ArrayList<>();
        d.descendingIterator().forEachRemaining(s -> out.add(s.edit().describe()));
        return out;
    }

    private void push(Deque<Step> d, Step s) {
        d.addLast(s);
        bytes += s.bytes();
    }

    private void clear(Deque<Step> d) {
        for (Step s : d) bytes -= s.bytes();
        d.clear();
    }

    private void trim() {
        while (bytes > capBytes && !undo.isEmpty()) {
            bytes -= undo.pollFirst().bytes();
            dropped++;
        }
    }

    /**
     * The estimate of what a step keeps alive: the parts of {@code before} that {@code after} does not share (by
     * identity: a volume change shares the track's clip list, so only the track and its strip count). A track counts
     * 64 bytes plus 2 per name character; a strip 64; an effect list 48 per recipe plus 2 per character; a send
     * list 48 per send; a lane list 48 per lane plus 40 per point; a clip list 160 per audio clip or 64 per MIDI clip
     * plus 48 per note; a children list 16 per child; a pool entry not shared 96 plus 2 per path character; the
     * step itself 128. A JVM measures differently; the estimate is linear in the same things and is what the cap is
     * measured in.
     */
    public static long estimateBytes(Project before, Project after) {
        Set<Object> shared = Collections.newSetFromMap(new IdentityHashMap<>());
        Project.walk(after.tracks(), t -> {
            shared.add(t);
            shared.add(t.strip());
            shared.add(t.strip().effects());
            shared.add(t.strip().sends());
            shared.add(t.strip().lanes());
            if (t instanceof AudioTrack a) shared.add(a.clips());
            if (t instanceof InstrumentTrack i) shared.add(i.clips());
            if (t instanceof Metatrack m) shared.add(m.children());
        });
        long[] n = {128};
        countUnshared(before.tracks(), shared, n);
        if (before.pool() != after.pool())
            for (Map.Entry<String, java.nio.file.Path> e : before.pool().files().entrySet())
                if (!e.getValue().equals(after.pool().files().get(e.getKey()))) n[0] += 96 + 2L * e.getValue().toString().length();
        return n[0];
    }

    private static void countUnshared(List<Track> list, Set<Object> shared, long[] n) {
        for (Track t : list) {
            if (shared.contains(t)) continue;
            n[0] += 64 + 2L * t.name().length();
            Strip s = t.strip();
            if (!shared.contains(s)) {
                n[0] += 64;
                if (!shared.contains(s.effects())) for (String e : s.effects()) n[0] += 48 + 2L * e.length();
                if (!shared.contains(s.sends())) n[0] += 48L * s.sends().size();
                if (!shared.contains(s.lanes())) for (Lane l : s.lanes()) n[0] += 48 + 40L * l.points().size();
            }
            if (t instanceof AudioTrack a && !shared.contains(a.clips())) n[0] += 160L * a.clips().size();
            if (t instanceof InstrumentTrack i && !shared.contains(i.clips()))
                for (MidiClip c : i.clips()) n[0] += 64 + 48L * c.notes().size();
            if (t instanceof Metatrack m) {
                if (!shared.contains(m.children())) n[0] += 16L * m.children().size();
                countUnshared(m.children(), shared, n);
            }
        }
    }
}
