package dev.aether.core.time;

import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The engine's one musical clock ({@code engine.clock()}): a {@link TempoMap} and a transport (play, pause, stop,
 * seek) over the engine's sample counter. Control side and thread-safe: changes serialise on this object and
 * publish a new immutable {@link ClockSnapshot}; readers (the prompt, the look-ahead scheduler, the audio thread's
 * position report) take {@link #snapshot()} and ask it. The audio thread computes no musical time of its own: a
 * quantised edit becomes an engine sample here ({@link #resolve}) before it is sent.
 *
 * <p><b>Changes never land before {@link #committedUntil()}</b>, the engine sample up to which events have been
 * queued by the look-ahead scheduler (it calls {@link #commit} before it stamps a window's events). A change asked for "now" lands at
 * {@link #earliest()} = {@code max(next block the engine can still change, committedUntil)}, on the first tick
 * (1/960 beat) at or after it, or on the next beat / bar / N-beat boundary after it when quantised. So no queued
 * event is ever stamped by a tempo map that has changed under it. Every change method returns the engine sample at
 * which it takes effect (for a change while the transport is paused, the sample it was made at).
 */
public final class Clock {
    private final int sampleRate;
    private final LongSupplier position;
    private final LongSupplier nextChangeable;
    private final AtomicLong committed = new AtomicLong();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile ClockSnapshot snapshot;

    /**
     * @param sampleRate     engine sample rate, Hz
     * @param position       the engine sample being rendered now (at the start of the next block to render)
     * @param nextChangeable the first engine sample a command sent now is sure to reach the audio thread before
     *                       (offline: {@code position}; live: a block later)
     */
    public Clock(int sampleRate, LongSupplier position, LongSupplier nextChangeable) {
        this.sampleRate = sampleRate;
        this.position = position;
        this.nextChangeable = nextChangeable;
        this.snapshot = ClockSnapshot.initial(TempoMap.constant(sampleRate, 120, 4));
    }

    /** The current state: 120 BPM, 4 beats per bar, playing from engine sample 0 until changed. Any thread. */
    @RealtimeSafe
    public ClockSnapshot snapshot() { return snapshot; }

    public int sampleRate() { return sampleRate; }

    /** The engine sample being rendered now. */
    public long position() { return position.getAsLong(); }

    /** The first engine sample a change made now may land on: {@code max(next changeable block, committedUntil)}. */
    public long earliest() { return Math.max(nextChangeable.getAsLong(), committed.get()); }

    /** The engine sample up to which (exclusive) timed events have been queued; 0 until a scheduler advances it. */
    public long committedUntil() { return committed.get(); }

    /** Scheduler: events are queued up to {@code engineSample} (exclusive). Never moves backwards. */
    public synchronized void advanceCommitted(long engineSample) { committed.accumulateAndGet(engineSample, Math::max); }

    /**
     * Scheduler: reserves the engine samples before {@code engineSample} and returns the snapshot that holds for all
     * of them, in one step (under the clock's lock): every later change lands at or after {@code engineSample}, so
     * events stamped from the returned snapshot up to there stay right. Reserve first, then queue.
     */
    public synchronized ClockSnapshot commit(long engineSample) {
        committed.accumulateAndGet(engineSample, Math::max);
        return snapshot;
    }

    /** Runs {@code listener} (on the changing thread) after every change; a scheduler re-reads the snapshot. */
    public void onChange(Runnable listener) { listeners.add(listener); }

    public void removeListener(Runnable listener) { listeners.remove(listener); }

    /** The engine sample of the first {@code quantum} boundary at or after {@code engineSample} (see the snapshot). */
    public long boundaryAtOrAfter(long engineSample, Quantum quantum) {
        return snapshot.boundaryAtOrAfter(engineSample, quantum);
    }

    /**
     * {@code when} as the engine will run it: {@link When#NEXT_BEAT} and {@link When#NEXT_BAR} become
     * {@link When#atSample} of the first beat / bar at or after the next block the engine can still change
     * (not waiting for {@link #committedUntil}: a graph edit does not move queued events); others unchanged.
     */
    public When resolve(When when) {
        if (when.kind() == When.Kind.NEXT_BEAT) return When.atSample(boundaryAtOrAfter(nextChangeable.getAsLong(), Quantum.BEAT));
        if (when.kind() == When.Kind.NEXT_BAR) return When.atSample(boundaryAtOrAfter(nextChangeable.getAsLong(), Quantum.BAR));
        return when;
    }

    /** As {@link #resolve}, for a quantum: the engine sample of the edit (the next changeable block for NONE). */
    public long editSample(Quantum quantum) { return boundaryAtOrAfter(nextChangeable.getAsLong(), quantum); }

    // ------------------------------------------------------------------ tempo and metre

    /**
     * Changes the tempo to {@code bpm} on the first {@code at} boundary at or after {@link #earliest()}: at once
     * ({@code rampBeats == 0}) or ramped (linear in time) over {@code rampBeats} beats.
     *
     * @param bpm       1..999
     * @param rampBeats 0 or more (six decimal places)
     * @return the engine sample at which the change starts
     */
    @ControlThread
    public synchronized long tempo(double bpm, double rampBeats, Quantum at) {
        long e = earliest();
        ClockSnapshot s = snapshot;
        return tempoAt(s, s.tempoMap().boundaryAtOrAfter(s.transportSampleAt(e), at), bpm, rampBeats, e);
    }

    /**
     * Changes the tempo on the first tick at or after engine sample {@code engineSample}, or after {@link #earliest()}
     * when that is later: {@link #earliest()} is read under the clock's lock, so, unlike reading it and then calling
     * {@link #tempoAtBeat}, the change cannot be refused because the scheduler queued further or the engine rendered
     * on in between.
     *
     * @return the engine sample at which the change starts
     */
    @ControlThread
    public synchronized long tempoFrom(long engineSample, double bpm, double rampBeats) {
        long e = Math.max(engineSample, earliest());
        ClockSnapshot s = snapshot;
        return tempoAt(s, s.tempoMap().tickAtOrAfter(s.transportSampleAt(e)), bpm, rampBeats, e);
    }

    /**
     * Changes the tempo at transport beat {@code beat}, which must not lie before the beat at {@link #earliest()}.
     * To change it "at this sample or as soon as the clock can", use {@link #tempoFrom}: a beat computed from an
     * earlier read of {@link #earliest()} may already be queued when this runs.
     *
     * @return the engine sample at which the change starts
     */
    @ControlThread
    public synchronized long tempoAtBeat(Rational beat, double bpm, double rampBeats) {
        long e = earliest();
        ClockSnapshot s = snapshot;
        Rational first = s.tempoMap().tickAtOrAfter(s.transportSampleAt(e));
        if (beat.compareTo(first) < 0) {
            throw new IllegalArgumentException("beat " + beat + " (" + s.tempoMap().format(beat) + ") is already played or"
                    + " queued; the earliest beat a change can land on now is " + s.tempoMap().format(first));
        }
        return tempoAt(s, beat, bpm, rampBeats, e);
    }

    private long tempoAt(ClockSnapshot s, Rational beat, double bpm, double rampBeats, long notBefore) {
        if (!(rampBeats >= 0) || Double.isInfinite(rampBeats)) {
            throw new IllegalArgumentException("a ramp must last 0 or more beats, was " + rampBeats);
        }
        publish(s.with(s.tempoMap().withTempo(beat, bpm, Rational.ofDecimal(rampBeats))));
        return landing(s, beat, notBefore);
    }

    /**
     * Changes the metre to {@code beatsPerBar} (1..32) from the first bar that starts at or after {@link #earliest()}.
     *
     * @return the engine sample at which that bar starts
     */
    @ControlThread
    public synchronized long metre(int beatsPerBar) {
        long e = earliest();
        ClockSnapshot s = snapshot;
        Rational barBeat = s.tempoMap().boundaryAtOrAfter(s.transportSampleAt(e), Quantum.BAR);
        return metreAt(s, s.tempoMap().barOf(barBeat), beatsPerBar, e);
    }

    /** Changes the metre from bar {@code bar} (0-based), which must not start before {@link #earliest()}. */
    @ControlThread
    public synchronized long metre(int beatsPerBar, long bar) {
        long e = earliest();
        ClockSnapshot s = snapshot;
        long first = s.tempoMap().barOf(s.tempoMap().boundaryAtOrAfter(s.transportSampleAt(e), Quantum.BAR));
        if (bar < first) {
            throw new IllegalArgumentException("bar " + (bar + 1) + " is already played or queued; the earliest bar a"
                    + " metre change can land on now is " + (first + 1));
        }
        return metreAt(s, bar, beatsPerBar, e);
    }

    private long metreAt(ClockSnapshot s, long bar, int beatsPerBar, long notBefore) {
        publish(s.with(s.tempoMap().withMetre(bar, beatsPerBar)));
        return landing(s, s.tempoMap().barStartBeat(bar), notBefore);
    }

    // ------------------------------------------------------------------ transport

    /** Plays from where the transport is (from beat 0 after a stop), at {@link #earliest()}. */
    @ControlThread
    public synchronized long play() {
        long e = earliest();
        ClockSnapshot s = snapshot;
        if (s.stateAt(e) != ClockSnapshot.State.PLAYING) publish(s.withRun(e, s.transportSampleAt(e), ClockSnapshot.State.PLAYING));
        return e;
    }

    /** Holds the transport where it is, at {@link #earliest()}. */
    @ControlThread
    public synchronized long pause() {
        long e = earliest();
        ClockSnapshot s = snapshot;
        if (s.stateAt(e) == ClockSnapshot.State.PLAYING) publish(s.withRun(e, s.transportSampleAt(e), ClockSnapshot.State.PAUSED));
        return e;
    }

    /** Stops the transport and returns it to beat 0, at {@link #earliest()}. */
    @ControlThread
    public synchronized long stop() {
        long e = earliest();
        publish(snapshot.withRun(e, 0, ClockSnapshot.State.STOPPED));
        return e;
    }

    /** Moves the transport to {@code beat} at {@link #earliest()}; it keeps playing if it played (a stopped one pauses there). */
    @ControlThread
    public synchronized long seek(Rational beat) {
        return seekSample(snapshot.tempoMap().sampleOf(beat));
    }

    /**
     * Moves the transport to a bars:beats:ticks position ({@code "12:1:0"}, see {@link TempoMap#parse}) or to seconds
     * of transport time ({@code "42.5s"}); anything else throws, showing both forms.
     */
    @ControlThread
    public synchronized long seek(String position) {
        String p = position == null ? "" : position.trim();
        if (p.endsWith("s") && !p.contains(":")) {
            try {
                return seekSeconds(Double.parseDouble(p.substring(0, p.length() - 1).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad position '" + position
                        + "': write seconds as \"42.5s\" or bars:beats:ticks as \"12:1:0\"");
            }
        }
        try {
            return seek(snapshot.tempoMap().parse(p));
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().contains("write BAR:BEAT:TICKS")) throw e;
            throw new IllegalArgumentException(e.getMessage() + ", or seconds as \"42.5s\"");
        }
    }

    /** Moves the transport to {@code seconds} of transport time (0 or more; nearest sample). */
    @ControlThread
    public synchronized long seekSeconds(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) throw new IllegalArgumentException("seek to 0 or more seconds, was " + seconds);
        return seekSample(Math.round(seconds * sampleRate));
    }

    private long seekSample(long transportSample) {
        long e = earliest();
        ClockSnapshot s = snapshot;
        ClockSnapshot.State state = s.stateAt(e);
        if (state == ClockSnapshot.State.STOPPED && transportSample != 0) state = ClockSnapshot.State.PAUSED;
        publish(s.withRun(e, transportSample, state));
        return e;
    }

    /**
     * Loops the transport over {@code [fromBeat, toBeat)} from {@link #earliest()} on: while it plays from before
     * {@code toBeat}, reaching it jumps back to {@code fromBeat} on the same engine sample, so patterns, live slots and
     * an arrangement on this clock wrap together (see {@link ClockSnapshot}). Returns the engine sample it starts on.
     *
     * @throws IllegalArgumentException when the loop is shorter than 64 samples or starts before beat 0
     */
    @ControlThread
    public synchronized long loop(Rational fromBeat, Rational toBeat) {
        return loopSamples(snapshot.tempoMap().sampleOf(fromBeat), snapshot.tempoMap().sampleOf(toBeat));
    }

    /** As {@link #loop(Rational, Rational)}, in transport samples. */
    @ControlThread
    public synchronized long loopSamples(long from, long to) {
        if (from < 0 || to - from < 64)
            throw new IllegalArgumentException("a loop of transport samples [" + from + ", " + to + "); give a start at or after 0 and at least 64 samples");
        long e = earliest();
        publish(snapshot.withLoop(e, from, to));
        return e;
    }

    /** Ends the loop at {@link #earliest()} (the transport plays on from where it is); returns that engine sample. */
    @ControlThread
    public synchronized long noLoop() {
        long e = earliest();
        ClockSnapshot s = snapshot;
        if (s.loopAt(e) != null) publish(s.withLoop(e, -1, -1));
        return e;
    }

    // ------------------------------------------------------------------ internals

    /** Where a change at {@code beat} lands: its engine sample while playing, else {@code notBefore}. */
    private static long landing(ClockSnapshot s, Rational beat, long notBefore) {
        long e = s.engineSampleOf(beat, notBefore);
        return e < 0 ? notBefore : e;
    }

    private void publish(ClockSnapshot next) {
        snapshot = next;
        for (Runnable r : listeners) r.run();
    }
}
