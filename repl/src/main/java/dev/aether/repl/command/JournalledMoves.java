package dev.aether.repl.command;

import dev.aether.repl.midi.MidiMapping;
import dev.aether.repl.session.InputJournal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Any thread. Writes the parameter moves that come in floods (OSC, up to thousands a second) to the session's
 * {@link InputJournal}, coalesced: the last value of each parameter per {@value #WINDOW_MILLIS} ms window, as the
 * {@code set(slot("pad"), "cutoffHz", 2400.0)} a person could have typed, stamped with the engine sample of that last
 * move. So {@code --recover} ends each parameter where the performance left it, and {@code aether render --journal}
 * moves it there on that sample (the moves in between are not kept). A move still waiting is written before any
 * other entry of the journal ({@link InputJournal#beforeAppend}), so it keeps its place before what is typed next,
 * and on {@link #close}; a {@code kill -9} loses at most the last window, as the journal promises.
 */
final class JournalledMoves implements AutoCloseable {
    /** How long moves of one parameter are gathered before the last one is written, in milliseconds. */
    static final long WINDOW_MILLIS = 1_000;

    private record Move(String slot, String param, double value, double rampSeconds, long atSample) {
        String javaCall() {
            return "set(slot(" + MidiMapping.javaString(slot) + "), " + MidiMapping.javaString(param) + ", " + value
                    + (Double.isNaN(rampSeconds) ? "" : ", " + rampSeconds) + ");";
        }
    }

    private final InputJournal journal;
    private final Runnable flush = this::flush;
    /** Held while waiting moves are written (so two flushes keep their order); never while {@link #moved} waits. */
    private final Object writing = new Object();
    private final Map<String, Move> waiting = new LinkedHashMap<>();
    private ScheduledExecutorService timer;
    private boolean scheduled, closed;

    /** Writes to {@code journal} (null: keeps nothing). */
    JournalledMoves(InputJournal journal) {
        this.journal = journal;
        if (journal != null) journal.beforeAppend(flush);
    }

    /** Notes that {@code slot.param} moved to {@code value} over {@code rampSeconds} (NaN: its own ramp) at {@code atSample}. */
    synchronized void moved(String slot, String param, double value, double rampSeconds, long atSample) {
        if (journal == null || closed) return;
        String key = slot + '\0' + param;
        waiting.remove(key);                               // re-inserted: entries are written in the order of their last moves
        waiting.put(key, new Move(slot, param, value, rampSeconds, atSample));
        if (scheduled) return;
        if (timer == null) {
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
                Thread th = new Thread(r, "aether-journal-moves");
                th.setDaemon(true);
                return th;
            });
            t.setRemoveOnCancelPolicy(true);
            t.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            timer = t;
        }
        scheduled = true;
        timer.schedule(flush, WINDOW_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Writes every move still waiting (the last value of each parameter). The disk write happens outside this
     * object's monitor, so the thread that reports moves (OSC's) never waits for it.
     */
    void flush() {
        synchronized (writing) {
            List<Move> moves;
            synchronized (this) {
                scheduled = false;
                if (waiting.isEmpty()) return;
                moves = new ArrayList<>(waiting.values());
                waiting.clear();
            }
            for (Move m : moves) journal.appendAt(m.javaCall(), m.atSample());
        }
    }

    /** Writes what waits and stops the timer; later moves are not kept. */
    @Override public void close() {
        flush();
        synchronized (this) {
            closed = true;
            if (timer != null) timer.shutdown();            // never an interrupt: it would close the journal's channel mid-write
        }
        flush();                                           // a move that came in between
        if (journal != null && journal.beforeAppend() == flush) journal.beforeAppend(null);
    }
}
