package dev.aether.arrange.play;

import dev.aether.arrange.stream.DiskReader;
import dev.aether.arrange.stream.DiskStream;
import dev.aether.arrange.stream.SourcePath;
import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.NodeState;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.time.PendingEvents;
import dev.aether.core.time.TimedEventChannel;
import dev.aether.core.time.TimedNode;
import dev.aether.core.time.TimedTarget;

import java.util.List;

/**
 * Plays a timeline of clips ({@link ClipPlacement}s in a {@link ClipSchedule}) from the audio pool, on a transport of
 * its own. Confined to the audio thread except where noted.
 *
 * <ul>
 * <li>Ports: {@code out}, stereo (a mono clip sounds on both sides).</li>
 * <li>Transport: a timeline position in samples, playing from 0 at the first sample the node renders. It advances one
 *     sample per engine sample while playing. {@link #seekAt}, {@link #playAt} and {@link #stopAt} apply on their
 *     exact engine sample through the engine's timed-event channel (at most {@value #EVENT_CAPACITY} waiting).</li>
 * <li>Clips: a clip placed at timeline sample {@code s} outputs its first sample when the position is {@code s}: with
 *     the transport started at engine sample 0, on engine sample {@code s} exactly. At most {@code voices} clips
 *     sound at once; more are skipped and counted ({@link #droppedClips()}).</li>
 * <li>Edits: {@link #schedule} hands over a new immutable schedule in one volatile write; it takes effect at the next
 *     block. Clips that are in both schedules (equal placements) carry on undisturbed, streams included; the others
 *     stop or start where the position is.</li>
 * </ul>
 *
 * <p><b>Streaming and seeks.</b> A clip of a streamed source reads its first {@link ClipSchedule#prerollSeconds()} from
 * the schedule's pre-roll cache while its {@link DiskStream} fills from the end of that cache on, so a clip's start
 * and a seek that lands within its pre-roll play at once. A seek that lands later in a streamed clip asks the reader
 * for that position and plays silence until the first chunk arrives: counted in {@link #seekWaitFrames()}, not as an
 * underrun. A seek that lands within what the clip's ring already holds (ahead of the old position, or at most an
 * eighth of the ring behind it) plays on from the ring without a new request. Any other frame missing from a ring (the reader fell behind) plays as silence and counts in
 * {@link #underruns()} (blocks) and {@link #underrunFrames()}. The audio thread never waits for the disk.
 */
public final class ClipPlayer implements DspNode, TimedNode, TimedTarget, AutoCloseable {
    /** Seeks, plays and stops one player holds before they are refused. */
    public static final int EVENT_CAPACITY = 256;
    /** Clips sounding at once by default. */
    public static final int DEFAULT_VOICES = 16;
    /** Ring size per voice by default: 65,536 frames (1.4 s at 48 kHz and rate 1). */
    public static final int DEFAULT_RING_FRAMES = 1 << 16;

    private static final int SEEK = 0, PLAY = 1, STOP = 2;

    public final OutputPort out = Ports.audioOut("out", 2);

    private final DiskReader reader;
    private final ClipVoice[] pool;
    private final ClipVoice[] active;
    private final int[] starts;
    private final PendingEvents events = new PendingEvents(EVENT_CAPACITY);
    private volatile ClipSchedule pending = ClipSchedule.EMPTY;
    private volatile double sampleRate = 48_000;
    private volatile boolean prepared;
    private volatile ArrangementTransport transport;

    // ---- audio-thread state ----
    private ClipSchedule current;
    private int count;                 // active voices
    private int next;                  // index of the next clip to start
    private long position;
    private boolean playing = true, resync = true;

    // ---- published ----
    private volatile long positionPublished;
    private volatile long droppedClips;

    /** A player of {@link #DEFAULT_VOICES} voices reading through the shared {@link DiskReader}. */
    public ClipPlayer() { this(DEFAULT_VOICES, DEFAULT_RING_FRAMES, DiskReader.shared()); }

    /** A player of {@code voices} voices, each with a ring of {@code ringFrames}, read by {@code reader}. */
    public ClipPlayer(int voices, int ringFrames, DiskReader reader) {
        if (voices < 1 || voices > 1024) throw new IllegalArgumentException("voices must be 1..1024, was " + voices);
        this.reader = reader;
        pool = new ClipVoice[voices];
        for (int i = 0; i < voices; i++) pool[i] = new ClipVoice(reader.newStream(ringFrames));
        active = new ClipVoice[voices];
        starts = new int[voices];
    }

    // ------------------------------------------------------------------ control side

    /**
     * Plays {@code s} from the next block on. Any control thread.
     *
     * @throws IllegalArgumentException when {@code s} was built for another rate than the engine's (once prepared)
     */
    @ControlThread
    public ClipPlayer schedule(ClipSchedule s) {
        if (s == null) throw new IllegalArgumentException("schedule must not be null (use ClipSchedule.EMPTY)");
        if (prepared && s.size() > 0 && s.sampleRateHz() != sampleRate) {
            throw new IllegalArgumentException("schedule built for " + s.sampleRateHz() + " Hz; the engine runs at "
                    + sampleRate + " Hz: build it with ClipSchedule.build(placements, " + sampleRate + ")");
        }
        pending = s;
        return this;
    }

    /**
     * Builds a schedule of {@code placements} at the engine's rate (reusing the current schedule's pre-rolls) and
     * plays it from the next block. Control thread: reads pre-rolls from disk.
     */
    @ControlThread
    public ClipSchedule schedule(List<ClipPlacement> placements) {
        ClipSchedule prev = pending;
        ClipSchedule s = ClipSchedule.build(placements, sampleRate, prev.prerollSeconds(), prev);
        pending = s;
        return s;
    }

    /** The schedule last handed over. */
    public ClipSchedule schedule() { return pending; }

    /** Moves the transport to timeline sample {@code timelineSample} exactly at engine sample {@code atSample}. */
    @ControlThread public boolean seekAt(long atSample, long timelineSample) { return offer(SEEK, atSample, timelineSample); }
    /** Moves the transport at the next block. False if the event queue is full. */
    @ControlThread public boolean seek(long timelineSample) { return offer(SEEK, -1, timelineSample); }
    /** Starts the transport exactly at engine sample {@code atSample}. */
    @ControlThread public boolean playAt(long atSample) { return offer(PLAY, atSample, 0); }
    /** Stops (holds) the transport exactly at engine sample {@code atSample}; clips fall silent there. */
    @ControlThread public boolean stopAt(long atSample) { return offer(STOP, atSample, 0); }

    private boolean offer(int kind, long at, long timeline) {
        if (timeline < 0) throw new IllegalArgumentException("timeline position must be >= 0, was " + timeline);
        return events.offer(this, kind, 0, at, timeline, 0);
    }

    /**
     * Follows {@code t} instead of this player's own transport from now on (an arrangement's shared transport;
     * {@link #seekAt} and the others no longer apply). Control thread, before the player sounds.
     */
    @ControlThread
    public ClipPlayer follow(ArrangementTransport t) {
        transport = t;
        return this;
    }

    /** The transport position after the last block rendered (the timeline sample the next block starts on). Any thread. */
    public long positionSamples() { return positionPublished; }

    /** Blocks × streams in which a streamed frame was missing although it should have been read (any thread). */
    public long underruns() {
        long n = 0;
        for (ClipVoice v : pool) n += v.stream.underruns();
        return n;
    }

    /**
     * Frames played as silence in those blocks (any thread): at rate 1 exactly the frames missing; at other rates the
     * output samples whose newly fetched source frames were missing.
     */
    public long underrunFrames() {
        long n = 0;
        for (ClipVoice v : pool) n += v.stream.underrunFrames();
        return n;
    }

    /** Frames played as silence after seeks outside a clip's pre-roll, until the disk delivered (any thread). */
    public long seekWaitFrames() {
        long n = 0;
        for (ClipVoice v : pool) n += v.stream.seekWaitFrames();
        return n;
    }

    /** Clips not played because every voice was busy (any thread). */
    public long droppedClips() { return droppedClips; }

    /** The longest time from a stream request (clip start or seek) to its first chunk, ns (any thread). */
    public long firstChunkNanosMax() {
        long m = 0;
        for (ClipVoice v : pool) m = Math.max(m, v.stream.firstChunkNanosMax());
        return m;
    }

    /** The mean time from a stream request to its first chunk, ns, or 0 (any thread). */
    public double firstChunkNanosMean() {
        long t = 0, n = 0;
        for (ClipVoice v : pool) {
            t += v.stream.firstChunkNanosTotal();
            n += v.stream.firstChunks();
        }
        return n == 0 ? 0 : (double) t / n;
    }

    /** Stream requests made so far (any thread). */
    public long streamRequests() {
        long n = 0;
        for (ClipVoice v : pool) n += v.stream.requests();
        return n;
    }

    @Override @ControlThread
    public void bindTimed(TimedEventChannel channel) { events.bind(channel); }

    @Override @AudioThread @RealtimeSafe
    public void acceptRt(int kind, int key, long atSample, double a, double b) { events.addRt(kind, key, atSample, a, b); }

    @Override @ControlThread
    public void prepare(double sampleRate, int maxFrames) {
        this.sampleRate = sampleRate;
        prepared = true;
    }

    /** Back to timeline sample 0, playing; clips restart. Control thread, before the node sounds. */
    @Override @ControlThread
    public void reset() {
        position = 0;
        playing = true;
        resync = true;
        events.clear();
    }

    /** The transport: position and whether it plays (hot swap and save carry it). */
    public record State(long positionSamples, boolean playing) implements NodeState {}

    @Override @ControlThread
    public NodeState saveState() { return new State(positionPublished, playing); }

    @Override @ControlThread
    public void restoreState(NodeState state) {
        if (state instanceof State st) {
            position = st.positionSamples();
            positionPublished = position;
            playing = st.playing();
            resync = true;
        }
    }

    /** Stops streaming: the voices' rings are no longer filled. Control thread, once the node no longer plays. */
    @Override @ControlThread
    public void close() { for (ClipVoice v : pool) reader.release(v.stream); }

    // ------------------------------------------------------------------ audio thread

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        int n = ctx.frames();
        long t0 = ctx.sampleTime();
        float[] l = ctx.out(out, 0), r = ctx.out(out, 1);
        for (int i = 0; i < n; i++) {
            l[i] = 0f;
            r[i] = 0f;
        }
        ClipSchedule s = pending;
        if (s != current) {
            boolean keep = current != null && !resync;
            current = s;
            resyncRt(keep);
        }
        for (int v = 0; v < count; v++) active[v].stream.refreshRt();
        ArrangementTransport tr = transport;
        if (tr != null) {
            followRt(tr, l, r, t0, n);
            return;
        }
        int i = 0;
        while (i < n) {
            int at = events.offsetRt(t0, n);
            while (at <= i && !events.isEmptyRt()) {
                int kind = events.kindRt();
                long to = (long) events.aRt();
                events.removeRt();
                if (kind == SEEK) {
                    position = to;
                    resync = true;
                } else if (kind == PLAY) {
                    if (!playing) resync = true;
                    playing = true;
                } else {
                    playing = false;
                }
                at = events.offsetRt(t0, n);
            }
            if (at < i) at = i;
            if (resync) resyncRt(false);
            if (playing) renderRt(l, r, i, at);
            i = at;
        }
        for (int v = 0; v < count; v++) active[v].endBlockRt();
        positionPublished = position;
    }

    /** Renders the block following the shared transport's spans. */
    @AudioThread @RealtimeSafe
    private void followRt(ArrangementTransport tr, float[] l, float[] r, long t0, int n) {
        tr.spansRt(t0, n);
        int spans = tr.spanCountRt();
        for (int s = 0; s < spans; s++) {
            long at = tr.spanPositionRt(s);
            boolean play = tr.spanPlayingRt(s);
            if (tr.spanJumpRt(s) || at != position || (play && !playing)) {
                position = at;
                resync = true;
            }
            playing = play;
            if (resync) resyncRt(false);
            if (playing) renderRt(l, r, tr.spanStartRt(s), tr.spanStartRt(s + 1));
        }
        for (int v = 0; v < count; v++) active[v].endBlockRt();
        positionPublished = position;
    }

    @AudioThread @RealtimeSafe
    private void renderRt(float[] l, float[] r, int from, int to) {
        ClipSchedule.Entry[] es = current.entries;
        while (from < to) {
            long nextStart = next < es.length ? es[next].start : Long.MAX_VALUE;
            if (nextStart <= position) {
                activateRt(es[next], position - nextStart);
                next++;
                continue;
            }
            long gap = nextStart - position;              // no overflow: nextStart may be Long.MAX_VALUE
            int end = gap >= to - from ? to : from + (int) gap;
            for (int v = 0; v < count; ) {
                if (active[v].renderRt(l, r, from, end)) {
                    v++;
                } else {
                    active[v].stopRt();
                    ClipVoice done = active[v];
                    active[v] = active[--count];
                    active[count] = done;
                }
            }
            position += end - from;
            from = end;
        }
    }

    @AudioThread @RealtimeSafe
    private void activateRt(ClipSchedule.Entry e, long elapsed) {
        if (elapsed >= e.length) return;
        ClipVoice v = freeVoiceRt(e);
        if (v == null) {
            droppedClips = droppedClips + 1;
            return;
        }
        v.kept = false;
        v.startRt(e, elapsed);
        active[count++] = v;
    }

    /** A free voice: the one whose stream still reads {@code e}'s path, else one not streaming, else any. */
    @AudioThread @RealtimeSafe
    private ClipVoice freeVoiceRt(ClipSchedule.Entry e) {
        ClipVoice idle = null, any = null;
        for (ClipVoice v : pool) {
            if (v.entry != null) continue;
            SourcePath p = v.stream.pathRt();
            if (p != null && p == e.path) return v;
            if (p == null && idle == null) idle = v;
            if (any == null) any = v;
        }
        return idle != null ? idle : any;
    }

    /**
     * Rebuilds the set of sounding clips for the current position: those with {@code start <= position < end}.
     * With {@code keep}, a sounding clip that is also in the new schedule carries on; otherwise every clip restarts
     * where the position is. Bounded by the schedule's size.
     */
    @AudioThread @RealtimeSafe
    private void resyncRt(boolean keep) {
        resync = false;
        ClipSchedule s = current;
        ClipSchedule.Entry[] es = s.entries;
        long pos = position;
        for (int v = 0; v < count; v++) active[v].kept = false;
        int lo = s.firstStartingAtOrAfter(pos - s.maxLength + 1), hi = s.firstStartingAtOrAfter(pos + 1);
        int startCount = 0;
        for (int j = lo; j < hi; j++) {
            ClipSchedule.Entry e = es[j];
            if (e.end <= pos) continue;
            ClipVoice match = null;
            if (keep) {
                for (int v = 0; v < count; v++) {
                    ClipVoice c = active[v];
                    if (!c.kept && c.entry.placement.equals(e.placement)) {
                        match = c;
                        break;
                    }
                }
            }
            if (match != null) {
                match.kept = true;
                match.entry = e;
            } else if (startCount < starts.length) {
                starts[startCount++] = j;
            } else {
                droppedClips = droppedClips + 1;
            }
        }
        for (int v = 0; v < count; ) {
            if (active[v].kept) {
                v++;
            } else {
                active[v].releaseRt();                  // its stream runs on until the starts below are placed
                ClipVoice done = active[v];
                active[v] = active[--count];
                active[count] = done;
            }
        }
        for (int j = 0; j < startCount; j++) activateRt(es[starts[j]], pos - es[starts[j]].start);
        for (ClipVoice v : pool) if (v.entry == null && v.stream.pathRt() != null) v.stopRt();
        next = hi;
    }
}
