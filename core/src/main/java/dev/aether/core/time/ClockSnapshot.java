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
 */
public final class ClockSnapshot {
    /** What the transport does in a run. */
    public enum State { PLAYING, PAUSED, STOPPED }

    private final TempoMap map;
    private final long[] runFrom;       // engine sample the run starts at, increasing
    private final long[] runAt;         // transport sample at runFrom
    private final boolean[] runPlaying;
    private final State[] runState;
    private final long version;

    ClockSnapshot(TempoMap map, long[] runFrom, long[] runAt, State[] runState, long version) {
        this.map = map;
        this.runFrom = runFrom;
        this.runAt = runAt;
        this.runState = runState;
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
        return runPlaying[i] ? runAt[i] + (engineSample - runFrom[i]) : runAt[i];
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
        for (int i = runAtRt(notBefore); i < runFrom.length; i++) {
            if (!runPlaying[i]) continue;
            long e = runFrom[i] + (target - runAt[i]);
            if (e >= Math.max(notBefore, runFrom[i]) && (i + 1 == runFrom.length || e < runFrom[i + 1])) return e;
        }
        return -1;
    }

    /**
     * The engine sample of the first boundary of {@code quantum} (beat, bar, N beats) at or after engine sample
     * {@code engineSample} while the transport plays; {@code engineSample} itself for {@link Quantum#NONE}, and when
     * the transport is paused or stopped from there on (an edit then has no beat to wait for).
     */
    public long boundaryAtOrAfter(long engineSample, Quantum quantum) {
        if (quantum.kind() == Quantum.Kind.NONE) return engineSample;
        for (int i = runAtRt(engineSample); i < runFrom.length; i++) {
            if (!runPlaying[i]) continue;
            long from = Math.max(engineSample, runFrom[i]);
            long t = runAt[i] + (from - runFrom[i]);
            long e = from + (map.sampleOf(map.boundaryAtOrAfter(t, quantum)) - t);
            if (i + 1 == runFrom.length || e < runFrom[i + 1]) return e;
        }
        return engineSample;
    }

    @Override public String toString() {
        return "ClockSnapshot{v" + version + " runs from " + Arrays.toString(runFrom) + " at " + Arrays.toString(runAt)
                + " " + Arrays.toString(runState) + ", " + map + "}";
    }

    // ------------------------------------------------------------------ changes (for the Clock)

    /** This snapshot with the map replaced (the clock guarantees the change lies at or after what is committed). */
    ClockSnapshot with(TempoMap next) { return new ClockSnapshot(next, runFrom, runAt, runState, version + 1); }

    /** This snapshot with a new run from engine sample {@code from}: later runs are dropped. */
    ClockSnapshot withRun(long from, long transportSample, State state) {
        int keep = 0;
        while (keep < runFrom.length && runFrom[keep] < from) keep++;
        long[] f = Arrays.copyOf(runFrom, keep + 1), a = Arrays.copyOf(runAt, keep + 1);
        State[] s = Arrays.copyOf(runState, keep + 1);
        f[keep] = from;
        a[keep] = transportSample;
        s[keep] = state;
        return new ClockSnapshot(map, f, a, s, version + 1);
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
