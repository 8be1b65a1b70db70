package dev.aether.core.time;

import dev.aether.core.RealtimeSafe;
import java.util.Arrays;

/**
 * One published state of the {@link Clock}: the {@link TempoMap} and the transport's runs, which say for every engine
 * sample which transport sample (and so which beat) it is. Immutable; any thread. A new snapshot only changes what
 * happens at or after the clock's {@link Clock#committedUntil()}, so an older snapshot is right about everything
 * before that.
 *
 * <p>A <i>run</i> starts at an engine sample: from there the transport plays from a transport sample (the transport
 * sample advances one per engine sample), or holds it (paused or stopped). The first run starts at engine sample 0;
 * engine samples before it belong to it.
 *
 * <p><b>Loop.</b> A run may carry a loop {@code [loopFrom, loopTo)} of transport samples ({@link Clock#loop}): while
 * it plays from before {@code loopTo}, reaching {@code loopTo} jumps to {@code loopFrom} on the same engine sample,
 * again and again (a run that starts at or after {@code loopTo} plays on). Each wrap is a jump like a seek:
 * {@link #nextRunFrom} reports it as the start of the next run, so a scheduler that maps one run at a time follows
 * the loop. A seek, play, pause or stop keeps the loop (the new run inherits it); {@link Clock#noLoop} ends it.
 */
public final class ClockSnapshot {
    /** What the transport does in a run. */
    public enum State { PLAYING, PAUSED, STOPPED }

    private final TempoMap map;
    private final long[] runFrom;       // engine sample the run starts at, increasing
    private final long[] runAt;         // transport sample at runFrom
    private final boolean[] runPlaying;
    private final State[] runState;
    private final long[] loopFrom;      // per run: transport samples of its loop, -1 when none
    private final long[] loopTo;
    private final long version;

    ClockSnapshot(TempoMap map, long[] runFrom, long[] runAt, State[] runState, long version) {
        this(map, runFrom, runAt, runState, filled(runFrom.length), filled(runFrom.length), version);
    }

    private static long[] filled(int n) {
        long[] x = new long[n];
        Arrays.fill(x, -1);
        return x;
    }

    private ClockSnapshot(TempoMap map, long[] runFrom, long[] runAt, State[] runState, long[] loopFrom, long[] loopTo, long version) {
        this.map = map;
        this.runFrom = runFrom;
        this.runAt = runAt;
        this.runState = runState;
        this.loopFrom = loopFrom;
        this.loopTo = loopTo;
        this.runPlaying = new boolean[runState.length];
        for (int i = 0; i < runState.length; i++) runPlaying[i] = runState[i] == State.PLAYING;
        this.version = version;
    }

    static ClockSnapshot initial(TempoMap map) {
        return new ClockSnapshot(map, new long[] {0}, new long[] {0}, new State[] {State.PLAYING}, 0);
    }

    public TempoMap tempoMap() { return map; }

    /** Counts changes: every change the clock publishes has a higher version. */
    public long version() { return version; }

    public int sampleRate() { return map.sampleRate(); }

    // ------------------------------------------------------------------ engine sample -> musical time

    /** The transport sample at engine sample {@code engineSample}. */
    @RealtimeSafe
    public long transportSampleAt(long engineSample) {
        int i = runAtRt(engineSample);
        if (!runPlaying[i]) return runAt[i];
        long w = firstWrapRt(i);
        if (engineSample < w) return runAt[i] + (engineSample - runFrom[i]);
        return loopFrom[i] + (engineSample - w) % (loopTo[i] - loopFrom[i]);
    }

    /** The engine sample run {@code i} first wraps at (its loop's end), or {@link Long#MAX_VALUE} when it does not. */
    @RealtimeSafe
    private long firstWrapRt(int i) {
        if (loopTo[i] < 0 || !runPlaying[i] || runAt[i] >= loopTo[i]) return Long.MAX_VALUE;
        return runFrom[i] + (loopTo[i] - runAt[i]);
    }

    /**
     * The engine sample at which the run after the one holding {@code engineSample} starts (the transport jumps,
     * pauses or plays again there; a loop's wrap counts as a run of its own), or {@link Long#MAX_VALUE} when none
     * follows. A scheduler maps one run at a time.
     */
    public long nextRunFrom(long engineSample) {
        int i = runAtRt(engineSample);
        long next = i + 1 < runFrom.length ? runFrom[i + 1] : Long.MAX_VALUE;
        long w = firstWrapRt(i);
        if (w != Long.MAX_VALUE) {
            long len = loopTo[i] - loopFrom[i];
            long wrap = engineSample < w ? w : w + ((engineSample - w) / len + 1) * len;
            next = Math.min(next, wrap);
        }
        return next;
    }

    /** The loop {@code [from, to)} in transport samples at engine sample {@code engineSample}, or null when none. */
    public long[] loopAt(long engineSample) {
        int i = runAtRt(engineSample);
        return loopTo[i] < 0 ? null : new long[] {loopFrom[i], loopTo[i]};
    }

    /** True when the segment from {@code e} (a run's start or a wrap) is a whole pass through its run's loop. */
    private boolean wholeLoopPass(long e) {
        int i = runAtRt(e);
        long w = firstWrapRt(i);
        return w != Long.MAX_VALUE && e >= w && (e - w) % (loopTo[i] - loopFrom[i]) == 0;
    }

    /** The transport's state at engine sample {@code engineSample}. */
    public State stateAt(long engineSample) { return runState[runAtRt(engineSample)]; }

    /** The beat (fractional) at engine sample {@code engineSample}; held while the transport is paused or stopped. */
    @RealtimeSafe
    public double beatAtRt(long engineSample) { return map.beatAtRt(transportSampleAt(engineSample)); }

    /** The tempo (BPM) at engine sample {@code engineSample}. */
    @RealtimeSafe
    public double bpmAtRt(long engineSample) { return map.bpmAtRt(transportSampleAt(engineSample)); }

    /** The last tick at or before engine sample {@code engineSample}, as an exact beat. */
    public Rational beatAt(long engineSample) { return map.tickAtOrBefore(transportSampleAt(engineSample)); }

    /** Bars (fractional, 0-based) at engine sample {@code engineSample}. */
    public double barAt(long engineSample) { return map.barAt(beatAtRt(engineSample)); }

    /** Beats per bar at engine sample {@code engineSample}. */
    public int beatsPerBarAt(long engineSample) { return map.beatsPerBarAt(beatAt(engineSample)); }

    // ------------------------------------------------------------------ musical time -> engine sample

    /**
     * The first engine sample at or after {@code notBefore} at which the playing transport is at {@code beat}, or
     * -1 if the transport does not play over that beat from there on (as far as this snapshot knows).
     */
    public long engineSampleOf(Rational beat, long notBefore) {
        long target = map.sampleOf(beat);
        long e = notBefore;
        while (true) {                                  // one run (or one pass through a loop) at a time
            int i = runAtRt(e);
            long end = nextRunFrom(e);
            if (runPlaying[i]) {
                long t = transportSampleAt(e);
                if (target >= t && target - t < end - e) return e + (target - t);
            }
            if (end == Long.MAX_VALUE) return -1;
            if (wholeLoopPass(e)) {                     // later passes repeat this one: go to the next run
                if (i + 1 == runFrom.length) return -1;
                end = runFrom[i + 1];
            }
            e = end;
        }
    }

    /**
     * The engine sample of the first boundary of {@code quantum} (beat, bar, N beats) at or after engine sample
     * {@code engineSample} while the transport plays; {@code engineSample} itself for {@link Quantum#NONE}, and when
     * the transport is paused or stopped from there on (an edit then has no beat to wait for).
     */
    public long boundaryAtOrAfter(long engineSample, Quantum quantum) {
        if (quantum.kind() == Quantum.Kind.NONE) return engineSample;
        long from = engineSample;
        while (true) {                                  // one run (or one pass through a loop) at a time
            int i = runAtRt(from);
            long end = nextRunFrom(from);
            if (runPlaying[i]) {
                long t = transportSampleAt(from);
                long e = from + (map.sampleOf(map.boundaryAtOrAfter(t, quantum)) - t);
                if (e < end) return e;
            }
            if (end == Long.MAX_VALUE) return engineSample;
            if (wholeLoopPass(from)) {                  // no boundary inside the loop: none in later passes either
                if (i + 1 == runFrom.length) return engineSample;
                end = runFrom[i + 1];
            }
            from = end;
        }
    }

    @Override public String toString() {
        return "ClockSnapshot{v" + version + " runs from " + Arrays.toString(runFrom) + " at " + Arrays.toString(runAt)
                + " " + Arrays.toString(runState) + " loops " + Arrays.toString(loopFrom) + ".." + Arrays.toString(loopTo)
                + ", " + map + "}";
    }

    // ------------------------------------------------------------------ changes (for the Clock)

    /** This snapshot with the map replaced (the clock guarantees the change lies at or after what is committed). */
    ClockSnapshot with(TempoMap next) { return new ClockSnapshot(next, runFrom, runAt, runState, loopFrom, loopTo, version + 1); }

    /** This snapshot with a new run from engine sample {@code from}, keeping the loop there: later runs are dropped. */
    ClockSnapshot withRun(long from, long transportSample, State state) {
        int at = runAtRt(from);
        return withRun(from, transportSample, state, loopFrom[at], loopTo[at]);
    }

    /**
     * This snapshot with the loop {@code [from, to)} of transport samples ({@code -1, -1}: none) from engine sample
     * {@code engineSample} on (a new run there, at the transport sample it has now); later runs are dropped.
     */
    ClockSnapshot withLoop(long engineSample, long from, long to) {
        return withRun(engineSample, transportSampleAt(engineSample), stateAt(engineSample), from, to);
    }

    private ClockSnapshot withRun(long from, long transportSample, State state, long lf, long lt) {
        int keep = 0;
        while (keep < runFrom.length && runFrom[keep] < from) keep++;
        long[] f = Arrays.copyOf(runFrom, keep + 1), a = Arrays.copyOf(runAt, keep + 1);
        long[] l0 = Arrays.copyOf(loopFrom, keep + 1), l1 = Arrays.copyOf(loopTo, keep + 1);
        State[] s = Arrays.copyOf(runState, keep + 1);
        f[keep] = from;
        a[keep] = transportSample;
        s[keep] = state;
        l0[keep] = lf;
        l1[keep] = lt;
        return new ClockSnapshot(map, f, a, s, l0, l1, version + 1);
    }

    /** The last run starting at or before {@code engineSample} (the first for earlier samples). */
    @RealtimeSafe
    private int runAtRt(long engineSample) {
        int lo = 0, hi = runFrom.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (runFrom[mid] <= engineSample) lo = mid; else hi = mid - 1;
        }
        return lo;
    }
}
