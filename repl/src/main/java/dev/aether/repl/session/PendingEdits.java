package dev.aether.repl.session;

import dev.aether.core.ControlThread;
import java.util.ArrayList;
import java.util.List;

/**
 * Session thread: the quantised edits of a {@link LiveSession} that have not sounded yet, each with the engine sample
 * of the boundary it waits for. An edit is <i>sent</i> when its changes have gone to the engine (live, shortly
 * before its boundary; offline, at once); it is listed until the engine has rendered up to its sample, so
 * {@code :graph} shows what is still to come. {@link #cancelAll} drops the ones not sent yet ({@code :panic}),
 * {@link #cancelNewest} the newest one ({@code :undo}).
 */
@ControlThread
final class PendingEdits {
    /**
     * One edit: what it does ({@code def "x"}), where it lands (bars:beats:ticks) and its engine sample.
     * {@code sent} and {@code cancelled} change on the session thread only.
     */
    static final class Edit {
        final String what;
        final String position;
        final long sample;
        boolean sent;
        boolean cancelled;
        /** Run when the edit is cancelled by {@link #cancelNewest} (a def forgets its waiting slot); may be null. */
        Runnable onCancel;

        Edit(String what, String position, long sample) {
            this.what = what;
            this.position = position;
            this.sample = sample;
        }

        /** "def "x" at 5:1:0 (engine sample 384000)". */
        @Override public String toString() { return what + " at " + position + " (engine sample " + sample + ")"; }
    }

    private final List<Edit> edits = new ArrayList<>();

    /** Notes an edit waiting for engine sample {@code sample}; returns it. */
    Edit add(String what, String position, long sample) {
        Edit e = new Edit(what, position, sample);
        edits.add(e);
        return e;
    }

    /**
     * The edits still to sound at engine sample {@code now} (the ones landed before are forgotten), in the order of
     * their samples.
     */
    List<Edit> waiting(long now) {
        edits.removeIf(e -> e.cancelled || e.sample < now);
        List<Edit> out = new ArrayList<>(edits);
        out.sort((a, b) -> Long.compare(a.sample, b.sample));
        return out;
    }

    /** Cancels the newest edit not sent yet ({@code :undo}); null when none waits. */
    Edit cancelNewest() {
        for (int i = edits.size() - 1; i >= 0; i--) {
            Edit e = edits.get(i);
            if (!e.sent && !e.cancelled) {
                e.cancelled = true;
                edits.remove(i);
                if (e.onCancel != null) e.onCancel.run();
                return e;
            }
        }
        return null;
    }

    /** Cancels every edit not sent yet and forgets them all; returns how many were cancelled. */
    int cancelAll() {
        int n = 0;
        for (Edit e : edits) {
            if (!e.sent) {
                e.cancelled = true;
                n++;
            }
        }
        edits.clear();
        return n;
    }
}
