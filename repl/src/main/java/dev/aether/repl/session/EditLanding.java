package dev.aether.repl.session;

import dev.aether.core.ControlThread;
import dev.aether.core.engine.Engine;

/**
 * Session thread: the engine sample at which each edit of a {@link LiveSession} lands. Every engine change one edit
 * makes (its plan, its faders' and parameters' moves, a tempo, a hot swap) is stamped with that one sample, so the
 * edit sounds the same wherever the engine renders: live on a driver, offline in a script, or when a performed set
 * is re-rendered from its journal ({@link JournalReplay}).
 *
 * <p>Stamps never go backwards: a plan is a snapshot of the whole graph, so a plan posted later must not land
 * earlier.
 */
public interface EditLanding {
    /**
     * The sample at which the edit being made now lands (at or after every sample handed out before), told to
     * {@code landed} listeners of the session so the journal records it.
     */
    @ControlThread long next(Engine engine);

    /**
     * The sample at which a patch whose fade-out ends at engine sample {@code fadeEnd} may be taken out of the
     * engine, or -1 when that is not yet safe (ask again later). Not an edit: nothing records it, since taking out a
     * patch faded to silence changes no sample of the output, provided it lands on a block boundary ({@link
     * #blockStart}): a plan landing inside a block splits it, and a node run as two segments may round differently
     * (an oscillator's phase in the last bit) than as one, as it ran where the removal landed elsewhere.
     */
    @ControlThread long removal(Engine engine, long fadeEnd);

    /**
     * After an edit's changes were posted: true when they were posted in time to land at {@code at} (live, the
     * audio thread may already have begun the block that holds it).
     */
    @ControlThread default boolean inTime(Engine engine, long at) { return true; }

    /**
     * The landing of an engine as it runs: with a driver, {@value #LEAD_SECONDS} s after the block the audio thread
     * renders next (so the edit reaches the audio thread before that block begins, even when the session thread
     * stalls on a loaded machine: 20 ms was not enough at a load of 9 on 2 cores); without one (a script, a test
     * rendering offline), at the sample the next render starts; never before the clock's {@code earliest()} (events
     * already queued up to {@code committedUntil} are not changed under them).
     */
    static EditLanding running() { return new Running(); }

    /** Edits land this long after the next block to render, when a driver runs (seconds). */
    double LEAD_SECONDS = 0.050;

    /** The first block boundary at or after {@code sample}. */
    static long blockStart(Engine engine, long sample) {
        int block = engine.config().blockSize();
        return Math.floorDiv(sample + block - 1, block) * block;
    }

    /** {@link #running()}. */
    final class Running implements EditLanding {
        private long last;

        @Override public long next(Engine engine) {
            long at = Math.max(last, Math.max(engine.clock().position() + lead(engine), engine.clock().earliest()));
            last = at;
            return at;
        }

        @Override public long removal(Engine engine, long fadeEnd) {
            long now = engine.clock().position();
            boolean live = engine.driver() != null;
            if (live && now + lead(engine) < fadeEnd) return -1;
            long at = blockStart(engine, Math.max(last, live ? Math.max(fadeEnd, now + lead(engine)) : now));
            last = at;
            return at;
        }

        @Override public boolean inTime(Engine engine, long at) {
            if (engine.driver() == null) return true;
            int block = engine.config().blockSize();
            return engine.clock().position() < Math.floorDiv(at, block) * block;
        }

        private static long lead(Engine engine) {
            return engine.driver() == null ? 0 : Math.round(LEAD_SECONDS * engine.config().sampleRate());
        }
    }
}
