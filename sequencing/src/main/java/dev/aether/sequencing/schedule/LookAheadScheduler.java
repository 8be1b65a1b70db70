package dev.aether.sequencing.schedule;

import dev.aether.core.engine.Engine;
import dev.aether.core.engine.OfflineBlockHook;
import dev.aether.core.time.Clock;
import dev.aether.core.time.ClockSnapshot;
import dev.aether.core.time.Rational;
import dev.aether.core.time.TempoMap;
import dev.aether.sequencing.pattern.Event;
import dev.aether.sequencing.pattern.MiniNotation;
import dev.aether.sequencing.pattern.Pattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Plays named patterns into their {@link PatternTarget}s on exact engine samples, looking ahead of the audio thread.
 * One per engine clock. Thread-safe (edits and passes serialise on this object); never on the audio thread.
 *
 * <p><b>How it plays.</b> A <i>pass</i> ({@link #advanceTo}) queues every event whose onset lies before an engine
 * sample: it keeps a cursor (an engine sample, {@link #queuedUntil()}, and the exact {@link Rational} cycle the
 * transport is at there), queries each playing pattern for the onsets in {@code [cursor, end)} (cycle {@code n} is
 * bar {@code n} of the clock's {@link TempoMap}, so metre changes are honoured), maps each onset's beat to its engine
 * sample through the clock's snapshot, sends it to the target's timed channel, and moves the cursor and the clock's
 * {@link Clock#committedUntil()} to {@code end}. Windows meet exactly, so no event is lost or doubled (the patterns'
 * {@code onsets(a, b) + onsets(b, c) = onsets(a, c)}). A pass holds the clock's lock, so a tempo or transport change
 * lands either before the pass reads the snapshot or at or after where it leaves {@code committedUntil}: no queued
 * event is ever stamped by a map that changed under it. Where the transport pauses, stops or jumps, a pass maps one
 * run of the transport at a time and onsets it never plays are not sent.
 *
 * <p><b>Who drives it.</b> Live, its daemon thread ({@link #start}) runs a pass every {@value #PERIOD_MILLIS} ms up
 * to the engine's position plus the look-ahead ({@link #lookAheadSeconds}, default 0.1 s). Offline, the renderer
 * runs a pass up to the end of each block before rendering it (an {@code Engine} offline hook), so renders are
 * deterministic.
 *
 * <p><b>Late events.</b> An event sent for a sample the engine has already rendered (the live thread was starved: a
 * loaded machine, a long GC pause) plays at the start of the next block instead. Each pass compares what it sends
 * with the engine's {@link Clock#position()}, counts such events ({@link #eventsLate()}) and says so, per pattern, at
 * most once every {@value #LATE_REPORT_MILLIS} ms, with a look-ahead that would have been enough.
 *
 * <p><b>Edits.</b> {@link #play} starts a pattern, or replaces the one of that name, at the first cycle boundary at
 * or after the cursor: the old one plays up to it, the new one from it. {@link #stop} and {@link #hush} end patterns
 * at that boundary. A pattern that throws while playing is stopped and reported; the others play on.
 */
public final class LookAheadScheduler implements AutoCloseable {
    /** How often the live thread runs a pass. */
    public static final int PERIOD_MILLIS = 10;
    /** The shortest time between two reports of late events, in milliseconds (the events in between are counted). */
    public static final int LATE_REPORT_MILLIS = 1_000;
    /** The longest look-ahead, in seconds. */
    public static final double MAX_LOOK_AHEAD_SECONDS = 2;

    private final Clock clock;
    private final Consumer<String> messages;
    private final Map<String, List<Play<?>>> slots = new LinkedHashMap<>();
    private final List<Follower> followers = new ArrayList<>();
    /** The pattern each slot was given last, for {@link #resume}. */
    private final Map<String, Play<?>> last = new LinkedHashMap<>();
    private volatile long lookAheadSamples;
    private long queuedUntil;            // engine sample: events with onsets before it are sent
    private Rational cursor;             // the cycle at queuedUntil, when known (null after a jump or while idle)
    private long sent, dropped, late;
    private long renderedBefore;         // during a pass: the engine position it began at; an event before it is late
    private final Map<String, Integer> lateUnreported = new LinkedHashMap<>();
    private long worstLateSamples;       // the latest of the events not reported yet, in samples after their own
    private long lateReportedAt;         // System.nanoTime() of the last report (0: none yet)
    private Thread thread;
    private volatile boolean closed;
    private BooleanSupplier live;        // set by attach: the thread starts with the first pattern
    private Runnable detach = () -> {};

    /**
     * @param clock    the engine's clock
     * @param messages where errors while playing go (a pattern that failed, events dropped by a full queue)
     */
    public LookAheadScheduler(Clock clock, Consumer<String> messages) {
        this.clock = clock;
        this.messages = messages;
        lookAheadSeconds(0.1);
    }

    /**
     * A scheduler for {@code engine}'s clock, driven by the engine: offline, before each block {@link Engine#render}
     * renders (a pass up to the block's end); live, by its thread, started with the first pattern, while a driver runs.
     */
    public static LookAheadScheduler attach(Engine engine, Consumer<String> messages) {
        LookAheadScheduler s = new LookAheadScheduler(engine.clock(), messages);
        OfflineBlockHook hook = (from, frames) -> s.advanceTo(from + frames);
        engine.addOfflineHook(hook);
        synchronized (s) {
            s.live = engine::isRunning;
            s.detach = () -> engine.removeOfflineHook(hook);
        }
        return s;
    }

    /** How far ahead of the engine's position the live thread queues, in seconds (0.01..2; default 0.1). Any thread. */
    public void lookAheadSeconds(double seconds) {
        if (!(seconds >= 0.01 && seconds <= MAX_LOOK_AHEAD_SECONDS)) {
            throw new IllegalArgumentException("look-ahead must be 0.01..2 s, was " + seconds);
        }
        lookAheadSamples = Math.round(seconds * clock.sampleRate());
    }

    /** How far ahead of the engine's position the live thread queues, in seconds. Any thread. */
    public double lookAheadSeconds() { return lookAheadSamples / (double) clock.sampleRate(); }

    // ------------------------------------------------------------------ edits

    /**
     * Plays mini-notation {@code notation} in slot {@code name} into {@code target}: {@code play(name,
     * target.parse(notation), target)}.
     *
     * @throws dev.aether.sequencing.pattern.MiniNotationException when the notation cannot be read or a token is not
     *         a value of the target (with a caret under it); nothing changes then
     */
    public <V> Rational play(String name, String notation, PatternTarget<V> target) {
        return play(name, target.parse(notation), target);
    }

    /**
     * Plays {@code values} (read by the target: {@link PatternTarget#parse}, {@link PatternTarget#read}) in slot
     * {@code name} into {@code target} from the first cycle boundary at or after the cursor, replacing what played
     * there from that boundary on.
     *
     * @return the cycle (bar) it starts at
     */
    public synchronized <V> Rational play(String name, Pattern<V> values, PatternTarget<V> target) {
        checkName(name);
        Rational from = Rational.of(cursorCycle().ceil());
        end(name, from);
        Play<V> play = new Play<>(name, values, target, from);
        slots.computeIfAbsent(name, k -> new ArrayList<>()).add(play);
        last.put(name, play);
        if (live != null) start(live);
        return from;
    }

    /**
     * Plays again, from the next cycle boundary, the pattern last given to slot {@code name} (after {@link #stop},
     * {@link #hush} or {@link #cancelAll}); the cycle it starts at, or null when it plays already.
     *
     * @throws IllegalArgumentException when no pattern was ever played in that slot
     */
    public synchronized Rational resume(String name) {
        if (isPlaying(name)) return null;
        Play<?> p = last.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no pattern was played in slot \"" + name + "\"; patterns: "
                    + (last.isEmpty() ? "none" : String.join(", ", last.keySet())));
        }
        return again(p);
    }

    private <V> Rational again(Play<V> p) { return play(p.name, p.pattern, p.target); }

    /** Ends the pattern in slot {@code name} at the next cycle boundary; that cycle, or null when none plays there. */
    public synchronized Rational stop(String name) {
        if (!isPlaying(name)) return null;
        Rational at = Rational.of(cursorCycle().ceil());
        end(name, at);
        return at;
    }

    /**
     * Ends every pattern now: what is queued (up to the look-ahead) still plays, nothing more is sent. For when
     * their targets are taken away at once ({@code stop()}); the names that played.
     */
    public synchronized List<String> cancelAll() {
        List<String> names = names();
        Rational at = cursorCycle();
        for (String n : names) end(n, at);
        return names;
    }

    /** Ends every pattern at the next cycle boundary; the names that played. */
    public synchronized List<String> hush() {
        List<String> names = names();
        for (String n : names) stop(n);
        return names;
    }

    /** The slots with a pattern that has not ended (or ends at a boundary still to come), in definition order. */
    public synchronized List<String> names() {
        List<String> out = new ArrayList<>();
        for (String n : slots.keySet()) if (isPlaying(n)) out.add(n);
        return out;
    }

    /** True when slot {@code name} has a pattern playing now or from a boundary still to come. */
    public synchronized boolean isPlaying(String name) {
        for (Play<?> p : slots.getOrDefault(name, List.of())) if (p.until == null) return true;
        return false;
    }

    private void end(String name, Rational at) {
        List<Play<?>> plays = slots.get(name);
        if (plays == null) return;
        for (Iterator<Play<?>> it = plays.iterator(); it.hasNext(); ) {
            Play<?> p = it.next();
            if (p.from.compareTo(at) >= 0) it.remove();                      // not started: never plays
            else if (p.until == null || p.until.compareTo(at) > 0) p.until = at;
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a pattern needs a name, as in pat(\"drums\", ...)");
    }

    /**
     * The cycle at the cursor. While idle, the cursor first moves to the first sample a change may land on, and live
     * to the look-ahead's end, so the first events are queued as far ahead as later ones.
     */
    private Rational cursorCycle() {
        if (!anyPlays()) {
            long ahead = live != null && live.getAsBoolean() ? clock.position() + lookAheadSamples : 0;
            queuedUntil = Math.max(queuedUntil, Math.max(clock.earliest(), ahead));
            cursor = null;
        }
        if (cursor != null) return cursor;
        ClockSnapshot s = clock.snapshot();
        return Cycles.cycleOf(s.tempoMap(), s.tempoMap().tickAtOrAfter(s.transportSampleAt(queuedUntil)));
    }

    private boolean anyPlays() {
        for (List<Play<?>> plays : slots.values()) if (!plays.isEmpty()) return true;
        return false;
    }

    // ------------------------------------------------------------------ followers

    /**
     * Something else each pass drives, after the patterns, with the clock's lock held (so no tempo or transport change
     * lands inside it): a MIDI file playing, a MIDI clock being sent. It stamps and sends what lies before the pass's
     * end and keeps its own cursor; the pass then commits the clock up to at least there.
     */
    public interface Follower {
        /** Sends everything before engine sample {@code engineSample} not sent yet. The scheduler's thread. */
        void advanceTo(long engineSample);

        /** True once it has nothing more to send: the scheduler forgets it. */
        default boolean isDone() { return false; }
    }

    /** Adds {@code f} to every later pass (and starts the live thread when attached). */
    public synchronized void follow(Follower f) {
        followers.add(f);
        if (live != null) start(live);
    }

    /** Removes {@code f}: no later pass drives it. */
    public synchronized void unfollow(Follower f) { followers.remove(f); }

    /** The followers not done yet. */
    public synchronized List<Follower> followers() { return List.copyOf(followers); }

    // ------------------------------------------------------------------ passes

    /**
     * Sends every event whose onset's engine sample lies before {@code engineSample} and was not sent yet (and those
     * up to the first tick at or after it), and moves the clock's committedUntil there. Does nothing while no
     * pattern plays.
     */
    public synchronized void advanceTo(long engineSample) {
        if (!anyPlays() && followers.isEmpty()) return;
        synchronized (clock) {                 // the clock's changes serialise on it: none lands inside a pass
            renderedBefore = clock.position();
            ClockSnapshot s = clock.snapshot();
            TempoMap map = s.tempoMap();
            while (queuedUntil < engineSample) {
                long runEnd = Math.min(engineSample, s.nextRunFrom(queuedUntil));
                if (s.stateAt(queuedUntil) != ClockSnapshot.State.PLAYING) {
                    queuedUntil = runEnd;
                    cursor = null;
                    continue;
                }
                long t0 = s.transportSampleAt(queuedUntil);
                Rational c0 = cursor != null && map.sampleOf(Cycles.beatOf(map, cursor)) == t0
                        ? cursor : Cycles.cycleOf(map, map.tickAtOrAfter(t0));
                long t1 = t0 + (runEnd - queuedUntil);
                // the window ends on the first tick at or after the run's end: every onset before the end is sent
                // (a change can only land on a tick at or after committedUntil, so none can move these)
                Rational c1 = Cycles.cycleOf(map, map.tickAtOrAfter(t1)).max(c0);
                boolean runGoesOn = runEnd == engineSample;
                send(map, c0, c1, queuedUntil - t0, runGoesOn ? Long.MAX_VALUE : t1);
                cursor = runGoesOn ? c1 : null;
                queuedUntil = runGoesOn ? queuedUntil + map.sampleOf(Cycles.beatOf(map, c1)) - t0 : runEnd;
            }
            advanceFollowers(engineSample);
            clock.advanceCommitted(queuedUntil);
        }
        retire();
        reportLate();
    }

    /**
     * Says, per pattern, how many events were sent after their sample since the last report, at most once every
     * {@value #LATE_REPORT_MILLIS} ms, with the look-ahead to set.
     */
    private void reportLate() {
        if (lateUnreported.isEmpty()) return;
        long now = System.nanoTime();
        if (lateReportedAt != 0 && now - lateReportedAt < LATE_REPORT_MILLIS * 1_000_000L) return;
        lateReportedAt = now == 0 ? 1 : now;
        double current = lookAheadSeconds();
        String hint = current >= MAX_LOOK_AHEAD_SECONDS
                ? "the look-ahead is at its longest (2 s): the machine is overloaded, close what else runs"
                : "raise the look-ahead with :lookahead " + String.format(java.util.Locale.ROOT, "%.1f",
                        suggestedLookAhead(current, worstLateSamples / (double) clock.sampleRate()));
        for (Map.Entry<String, Integer> e : lateUnreported.entrySet()) {
            int n = e.getValue();
            messages.accept("pattern \"" + e.getKey() + "\": " + n + (n == 1 ? " event was queued after its time" : " events were"
                    + " queued after their time") + " and played late; " + hint);
        }
        lateUnreported.clear();
        worstLateSamples = 0;
    }

    /**
     * A look-ahead that would have covered events sent {@code lateSeconds} after their time with {@code current}:
     * half as much again as their sum, in tenths of a second up, at least a tenth more than {@code current}, at most
     * {@value #MAX_LOOK_AHEAD_SECONDS}.
     */
    static double suggestedLookAhead(double current, double lateSeconds) {
        double wanted = Math.ceil((current + lateSeconds) * 1.5 * 10 - 1e-9) / 10;
        return Math.min(MAX_LOOK_AHEAD_SECONDS, Math.max(wanted, Math.ceil((current + 0.1) * 10 - 1e-9) / 10));
    }

    private void advanceFollowers(long engineSample) {
        for (Iterator<Follower> it = followers.iterator(); it.hasNext(); ) {
            Follower f = it.next();
            try {
                f.advanceTo(engineSample);
                if (f.isDone()) it.remove();
            } catch (RuntimeException e) {
                it.remove();
                messages.accept(f + " stopped: " + e.getMessage() + "; the patterns play on");
            }
        }
    }

    /** Sends the onsets in cycles [c0, c1) whose transport sample is before {@code t1}: engine = transport + shift. */
    private void send(TempoMap map, Rational c0, Rational c1, long shift, long t1) {
        if (c0.equals(c1)) return;
        Map<Rational, Long> samples = new HashMap<>();      // patterns on one grid share their onsets: map each once
        for (List<Play<?>> plays : slots.values()) {
            for (Play<?> p : plays) {
                Rational a = c0.max(p.from), b = p.until == null ? c1 : c1.min(p.until);
                if (a.compareTo(b) < 0) sendPlay(map, samples, p, a, b, shift, t1);
            }
        }
    }

    /** The transport sample of cycle {@code c}. */
    private static long sampleOf(TempoMap map, Map<Rational, Long> samples, Rational c) {
        Long s = samples.get(c);
        if (s == null) samples.put(c, s = map.sampleOf(Cycles.beatOf(map, c)));
        return s;
    }

    private <V> void sendPlay(TempoMap map, Map<Rational, Long> samples, Play<V> p, Rational a, Rational b, long shift, long t1) {
        List<Event<V>> events;
        try {
            events = p.pattern.onsets(a, b);          // the pattern keeps its cycle's onsets: short windows are cheap
        } catch (RuntimeException e) {
            p.until = a;
            messages.accept("pattern \"" + p.name + "\" stopped at bar " + (a.floor() + 1) + ": " + e.getMessage()
                    + "; the other patterns play on");
            return;
        }
        int full = 0, lateHere = 0;
        for (Event<V> e : events) {
            long t = sampleOf(map, samples, e.whole().begin());
            if (t >= t1 || e.value() == null) continue;
            long end = sampleOf(map, samples, e.whole().end());
            try {
                if (p.target.send(e.value(), t + shift, Math.max(end, t + 1) + shift)) {
                    sent++;
                    if (t + shift < renderedBefore) {              // already rendered: it plays at the next block
                        lateHere++;
                        worstLateSamples = Math.max(worstLateSamples, renderedBefore - (t + shift));
                    }
                } else {
                    full++;
                }
            } catch (IllegalStateException removed) {       // its node was taken out (undef, stop): the pattern ends
                p.until = a;
                return;
            }
        }
        if (lateHere > 0) {
            late += lateHere;
            lateUnreported.merge(p.name, lateHere, Integer::sum);
        }
        if (full > 0) {
            dropped += full;
            messages.accept("pattern \"" + p.name + "\": " + full + " events dropped, the " + p.target.description()
                    + " has too many waiting; use fewer or shorter events");
        }
    }

    /** Forgets plays that have ended before the cursor. */
    private void retire() {
        if (cursor == null) return;
        for (Iterator<List<Play<?>>> it = slots.values().iterator(); it.hasNext(); ) {
            List<Play<?>> plays = it.next();
            plays.removeIf(p -> p.until != null && p.until.compareTo(cursor) <= 0);
            if (plays.isEmpty()) it.remove();
        }
    }

    // ------------------------------------------------------------------ the live thread

    /**
     * Starts the daemon thread {@code aether-patterns} (once; later calls do nothing): every {@value #PERIOD_MILLIS}
     * ms, while {@code live} says a driver renders, a pass up to the engine's position plus the look-ahead.
     */
    public synchronized void start(BooleanSupplier live) {
        if (thread != null || closed) return;
        thread = new Thread(() -> {
            while (!closed) {
                try {
                    Thread.sleep(PERIOD_MILLIS);
                    if (live.getAsBoolean()) advanceTo(clock.position() + lookAheadSamples);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    messages.accept("pattern scheduler: " + e + "; it goes on");
                }
            }
        }, "aether-patterns");
        thread.setDaemon(true);
        thread.start();
    }

    /** The live thread, or null before {@link #start}. */
    public synchronized Thread thread() { return thread; }

    /** The engine sample up to which events are sent. */
    public synchronized long queuedUntil() { return queuedUntil; }

    /** Events sent so far. */
    public synchronized long eventsSent() { return sent; }

    /** Events sent after the engine had rendered their sample (they played at the next block instead). */
    public synchronized long eventsLate() { return late; }

    /** Events dropped because a target's or the engine's queue was full. */
    public synchronized long eventsDropped() { return dropped; }

    /** Stops the live thread. */
    @Override public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
            detach.run();
        }
        if (t != null) t.interrupt();
    }

    /** A pattern playing in a slot from cycle {@code from} until {@code until} (exclusive; null: open). */
    private static final class Play<V> {
        final String name;
        final Pattern<V> pattern;
        final PatternTarget<V> target;
        final Rational from;
        Rational until;

        Play(String name, Pattern<V> pattern, PatternTarget<V> target, Rational from) {
            this.name = name;
            this.pattern = pattern;
            this.target = target;
            this.from = from;
        }
    }
}
