package dev.aether.repl.session;

import dev.aether.core.ControlThread;
import java.util.ArrayList;
import java.util.List;

/**
 * Session thread: the quantised edits of a {@link LiveSession} that have not sounded yet, each with the engine sample
 * of the boundary it waits for. An edit is <i>sent</i> when its changes have gone to the engine (live, shortly
 * before its boundary; offline, at once); it is listed until the engine has rendered up to its sample, so
 * {@code :graph} shows what is still to come. {@link #cancelAll} drops the ones not sent yet ({@code :panic}),
 * {@link #cancelNewest} the newest one ({@code :undo}). {@link #waitingAt} alone may be called from any thread, so
 * {@code :graph} answers while the session thread is busy (warming a class, say).
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
    /** What {@link #edits} held after its last change, for readers on other threads. */
    private volatile List<Edit> published = List.of();

    /** Notes an edit waiting for engine sample {@code sample}, forgetting those sounded by {@code now}; returns it. */
    Edit add(String what, String position, long sample, long now) {
        Edit e = new Edit(what, position, sample);
        edits.removeIf(old -> old.sample < now);
        edits.add(e);
        publish();
        return e;
    }

    /** Any thread: the edits still to sound at engine sample {@code now}, in the order of their samples. */
    List<Edit> waitingAt(long now) {
        List<Edit> out = new ArrayList<>();
        for (Edit e : published) if (e.sample >= now) out.add(e);
        out.sort((a, b) -> Long.compare(a.sample, b.sample));
        return out;
    }

    private void publish() { published = List.copyOf(edits); }

    /** Cancels {@code e}, sent or not (its undo is sent on the same sample), and forgets it. */
    void cancel(Edit e) {
        e.cancelled = true;
        edits.remove(e);
        publish();
    }

    /** Cancels the newest edit not sent yet ({@code :undo}); null when none waits. */
    Edit cancelNewest() {
        for (int i = edits.size() - 1; i >= 0; i--) {
            Edit e = edits.get(i);
            if (!e.sent && !e.cancelled) {
                e.cancelled = true;
                edits.remove(i);
                publish();
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
        publish();
        return n;
    }
}
