package dev.aether.arrange.play;

import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.time.PendingEvents;
import dev.aether.core.time.TimedEventChannel;
import dev.aether.core.time.TimedTarget;

/**
 * The transport one arrangement's nodes share: a timeline position in samples that advances one sample per engine
 * sample while playing, with seek, play, stop and a loop applied on exact engine samples (timed events through the
 * engine's one timed-event channel). Control side ({@link #seekAt}, {@link #playAt}, ...) for any control thread;
 * the {@code Rt} side is confined to the audio thread.
 *
 * <p><b>Spans.</b> Each node of the arrangement calls {@link #spansRt} at the start of its {@code process}; the first
 * call for a block computes the block's spans (maximal runs of samples over which the timeline moves on by one per
 * sample, or holds), later calls for the same block return at once, so every node sees the same timeline whatever
 * order the engine runs them in. A span starts at an event's sample, at a loop's wrap, or at the block's start.
 * {@link #spanJumpRt} tells a node the timeline does not continue from the previous span there (a seek, a wrap, a
 * start after a stop), so clips restart and held notes end.
 *
 * <p><b>Loop.</b> While a loop {@code [from, to)} is set and the transport plays, reaching {@code to} from before it
 * jumps to {@code from} on the same sample. A position at or after {@code to} (a seek past the loop) plays on.
 */
public final class ArrangementTransport implements TimedTarget {
    /** Events one transport holds before {@link #seekAt} and the others refuse. */
    public static final int EVENT_CAPACITY = 1024;
    /** Spans one block may hold; events beyond them wait for the next block. */
    public static final int MAX_SPANS = 512;

    private static final int SEEK = 0, PLAY = 1, STOP = 2, LOOP = 3, NO_LOOP = 4;

    private final PendingEvents events = new PendingEvents(EVENT_CAPACITY);

    // ---- audio thread ----
    private long position;
    private boolean playing;
    private long loopFrom = -1, loopTo = -1;
    private boolean jump = true;
    private long clockAt = Long.MIN_VALUE;       // the engine sample the state above is at
    private long blockStart = Long.MIN_VALUE;
    private int blockFrames;
    private final int[] spanAt = new int[MAX_SPANS + 1];
    private final long[] spanPos = new long[MAX_SPANS];
    private final boolean[] spanPlaying = new boolean[MAX_SPANS];
    private final boolean[] spanJump = new boolean[MAX_SPANS];
    private int spans;

    // ---- published ----
    private volatile long positionPublished;
    private volatile boolean playingPublished;

    // ------------------------------------------------------------------ control side

    /** Sends through {@code channel} (the engine's); null: unbound (a test that runs the nodes itself). */
    @ControlThread
    public void bind(TimedEventChannel channel) { events.bind(channel); }

    /** Moves the timeline to {@code timelineSample} (≥ 0) exactly at engine sample {@code atSample}. */
    @ControlThread
    public boolean seekAt(long atSample, long timelineSample) {
        if (timelineSample < 0) throw new IllegalArgumentException("a timeline position must be >= 0 samples, was " + timelineSample);
        return events.offer(this, SEEK, 0, atSample, timelineSample, 0);
    }

    /** Starts the timeline exactly at engine sample {@code atSample}. */
    @ControlThread
    public boolean playAt(long atSample) { return events.offer(this, PLAY, 0, atSample, 0, 0); }

    /** Holds the timeline where it is exactly at engine sample {@code atSample}. */
    @ControlThread
    public boolean stopAt(long atSample) { return events.offer(this, STOP, 0, atSample, 0, 0); }

    /** Loops timeline samples {@code [from, to)} from engine sample {@code atSample} on; {@code to - from ≥ 64}. */
    @ControlThread
    public boolean loopAt(long atSample, long from, long to) {
        if (from < 0 || to - from < 64)
            throw new IllegalArgumentException("a loop of samples [" + from + ", " + to + "); give a start >= 0 and at least 64 samples");
        return events.offer(this, LOOP, 0, atSample, from, to);
    }

    /** Ends the loop at engine sample {@code atSample}. */
    @ControlThread
    public boolean noLoopAt(long atSample) { return events.offer(this, NO_LOOP, 0, atSample, 0, 0); }

    /** The timeline sample the next block starts on, after the last block rendered. Any thread. */
    public long positionSamples() { return positionPublished; }

    /** Whether the timeline played at the end of the last block rendered. Any thread. */
    public boolean playing() { return playingPublished; }

    // ------------------------------------------------------------------ audio thread

    @Override @AudioThread @RealtimeSafe
    public void acceptRt(int kind, int key, long atSample, double a, double b) { events.addRt(kind, key, atSample, a, b); }

    /**
     * Computes the spans of the block of {@code frames} samples from engine sample {@code t0}, once per block (later
     * calls for the same block return at once). Blocks no node asked for are caught up: their events apply in
     * order and the timeline moves on as if they had been rendered.
     */
    @AudioThread @RealtimeSafe
    public void spansRt(long t0, int frames) {
        if (t0 == blockStart && frames == blockFrames) return;
        if (clockAt == Long.MIN_VALUE || t0 < clockAt) clockAt = t0;
        while (clockAt < t0) {                                   // catch up over blocks nobody rendered
            long next = events.isEmptyRt() ? t0 : Math.min(t0, Math.max(clockAt, events.atRt()));
            advanceRt(next - clockAt);
            clockAt = next;
            if (next < t0) applyRt();
        }
        spans = 0;
        int i = 0;
        while (i < frames) {
            int at = spans >= MAX_SPANS / 2 ? frames : events.offsetRt(t0, frames);
            while (at <= i && !events.isEmptyRt()) {
                applyRt();
                at = spans >= MAX_SPANS / 2 ? frames : events.offsetRt(t0, frames);
            }
            int end = at;
            if (playing && loopTo > loopFrom && position < loopTo && position + (end - i) > loopTo) end = i + (int) (loopTo - position);
            spanAt[spans] = i;
            spanPos[spans] = position;
            spanPlaying[spans] = playing;
            spanJump[spans] = jump;
            spans++;
            jump = false;
            advanceRt(end - i);
            i = end;
        }
        spanAt[spans] = frames;
        clockAt = t0 + frames;
        blockStart = t0;
        blockFrames = frames;
        positionPublished = position;
        playingPublished = playing;
    }

    private void advanceRt(long n) {
        if (!playing || n <= 0) return;
        if (loopTo > loopFrom && position < loopTo && position + n >= loopTo) {
            long len = loopTo - loopFrom;
            long over = position + n - loopTo;                   // samples past the loop's end
            position = loopFrom + over % len;
            jump = true;
        } else {
            position += n;
        }
    }

    private void applyRt() {
        int kind = events.kindRt();
        double a = events.aRt(), b = events.bRt();
        events.removeRt();
        if (kind == SEEK) {
            position = (long) a;
            jump = true;
        } else if (kind == PLAY) {
            if (!playing) jump = true;
            playing = true;
        } else if (kind == STOP) {
            playing = false;
        } else if (kind == LOOP) {
            loopFrom = (long) a;
            loopTo = (long) b;
        } else {
            loopFrom = -1;
            loopTo = -1;
        }
    }

    /** Spans of the current block. */
    @AudioThread @RealtimeSafe public int spanCountRt() { return spans; }
    /** Offset in the block where span {@code s} starts; {@code spanStartRt(spanCountRt())} is the block's length. */
    @AudioThread @RealtimeSafe public int spanStartRt(int s) { return spanAt[s]; }
    /** Timeline sample at the start of span {@code s}. */
    @AudioThread @RealtimeSafe public long spanPositionRt(int s) { return spanPos[s]; }
    /** True when the timeline moves through span {@code s}; false when it holds. */
    @AudioThread @RealtimeSafe public boolean spanPlayingRt(int s) { return spanPlaying[s]; }
    /** True when the timeline does not continue from the previous span at span {@code s}. */
    @AudioThread @RealtimeSafe public boolean spanJumpRt(int s) { return spanJump[s]; }
}
