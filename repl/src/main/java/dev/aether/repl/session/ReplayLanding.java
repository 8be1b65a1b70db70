package dev.aether.repl.session;

import dev.aether.core.engine.Engine;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Session thread, and the thread that renders the rest at the end (the calling thread renders: it may hold the
 * engine's lock, in the middle of an engine batch). Where edits land when a performed set is re-rendered from its journal: each edit takes the next sample the
 * journal recorded for its input, and before it is made the engine is rendered, in whole blocks as it was live, up
 * to the block that holds that sample; the edit then lands on the sample itself (the audio thread splits the block
 * there, as it did live). What is rendered goes to the {@link Sink}.
 *
 * <p>An input's recorded samples are handed over with {@link #entry} before it is replayed; an entry without
 * samples (a later snippet of the same input) takes the ones its input left. An edit for which none is left
 * lands where the render is (counted in {@link #unrecorded()}): the replay then differs from what was heard.
 */
public final class ReplayLanding implements EditLanding {
    /** Where rendered audio goes: interleaved stereo frames, in order. The rendering thread. */
    public interface Sink { void write(float[] interleaved, int frames) throws Exception; }

    private final Engine engine;
    private final Sink sink;
    private final float[] buffer;
    private final ArrayDeque<Long> pool = new ArrayDeque<>();
    private long last;
    private long rendered;
    private int unrecorded;
    private int unused;

    public ReplayLanding(Engine engine, Sink sink) {
        this.engine = engine;
        this.sink = sink;
        this.buffer = new float[2 * engine.config().blockSize()];
    }

    /** The samples recorded for the input replayed next (an empty list keeps what the last input left). */
    public synchronized void entry(List<Long> landings) {
        if (landings.isEmpty()) return;
        unused += pool.size();
        pool.clear();
        pool.addAll(landings);
    }

    @Override public synchronized long next(Engine e) {
        Long recorded = pool.poll();
        if (recorded == null) unrecorded++;
        long at = Math.max(last, recorded == null ? rendered : recorded);
        renderUntil(at);
        last = at;
        return at;
    }

    @Override public synchronized long removal(Engine e, long fadeEnd) {
        if (rendered < fadeEnd) return -1;                 // not rendered that far yet: ask again later
        last = EditLanding.blockStart(engine, Math.max(last, rendered));
        return last;
    }

    /**
     * Renders whole blocks while the next one ends at or before {@code sample} (so the block holding it is still to
     * come), on the calling thread.
     */
    public synchronized void renderUntil(long sample) {
        int block = engine.config().blockSize();
        while (sample - rendered >= block) {
            engine.render(buffer, block);
            try {
                sink.write(buffer, block);
            } catch (Exception e) {
                throw new IllegalStateException("replay: cannot write what was rendered: " + e.getMessage(), e);
            }
            rendered += block;
        }
    }

    /** Engine samples rendered so far. */
    public synchronized long rendered() { return rendered; }

    /** The last sample an edit landed on. */
    public synchronized long last() { return last; }

    /** Edits that found no recorded sample left for their input (the replay did more than the performance). */
    public synchronized int unrecorded() { return unrecorded; }

    /** Recorded samples no edit took (the performance did more than the replay). */
    public synchronized int unused() { return unused + pool.size(); }
}
