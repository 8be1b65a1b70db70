package dev.aether.link;

import dev.aether.core.Threads;
import dev.aether.core.ControlThread;
import dev.aether.core.time.Clock;
import dev.aether.core.time.ClockSnapshot;
import dev.aether.core.time.Rational;
import java.util.function.LongSupplier;

/**
 * Keeps an engine's {@link Clock} on a Link session, on a control thread of its own ("aether-link-follower", every
 * {@value #PERIOD_MILLIS} ms) or driven by {@link #update()} (offline tests). It never touches the audio thread: it
 * changes the clock like any other control-side caller ({@link Clock#tempoFrom}, {@link Clock#seek}), and those
 * changes reach the audio thread stamped with an engine sample, no earlier than what is already queued.
 *
 * <p>Each update compares, at the first engine sample the clock can still change, the engine's beat with the
 * session's beat at the host time that sample will be <i>heard</i> (rendered time from a {@link HostTimeMap}, plus
 * the device's output latency, plus {@link #offsetMillis}), both taken modulo the quantum (default 4 beats, so bar
 * lines agree). Then:
 * <ul>
 * <li>on enabling (and when the session starts playing) the transport is moved once to the session's phase;</li>
 * <li>a session tempo more than 10% away from the engine's is reached by a ramp over one beat;</li>
 * <li>otherwise the engine plays the session tempo nudged by up to 8% so that the phase error closes with a time constant
 *     of 0.3 s (nudges in steps of 0.05%, none inside the dead band), so the phase never jumps.</li>
 * </ul>
 * The engine's own tempo changes and transport starts/stops (made by anyone else on the clock) are proposed to the
 * session; the session's start/stop edges start and stop the clock.
 */
public final class LinkClockFollower implements AutoCloseable {
    public static final double DEFAULT_QUANTUM = 4;
    static final long PERIOD_MILLIS = 10;
    static final double CORRECTION_SECONDS = 0.3, MAX_NUDGE = 0.08, NUDGE_STEP = 0.0005, LARGE_CHANGE = 0.10, RAMP_BEATS = 1;
    static final double DEADBAND_MILLIS = 0.1;
    static final long PROPOSAL_GRACE_MICROS = 1_000_000;

    private final Clock clock;
    private final LinkSource source;
    private final LongSupplier hostMicros;
    private final HostTimeMap map;
    private final long outputLatencyMicros;
    private final Runnable listener = this::clockChanged;
    private volatile double quantum = DEFAULT_QUANTUM;
    private volatile double offsetMillis;
    private volatile double phaseErrorMillis = Double.NaN;
    private volatile Thread applying;             // the thread inside one of our own clock changes
    private volatile Thread thread;
    private volatile boolean running;
    // follower thread only
    private volatile boolean aligned;             // false: move the transport onto the session phase at the next update
    private boolean seenState, sessionPlaying;
    private long rampUntil = Long.MIN_VALUE;
    // clock-changing threads (synchronized)
    private boolean enginePlaying;
    private double proposedBpm = Double.NaN;
    private double written = Double.NaN;          // the tempo our last change left the clock at
    private long proposedAt;

    /**
     * @param clock               the engine's clock
     * @param source              the Link session (a {@link LinkPeer})
     * @param hostMicros          the host clock the session's times are in (the peer's)
     * @param outputLatencyMicros from rendering a sample to hearing it: the device buffer (0 offline)
     */
    public LinkClockFollower(Clock clock, LinkSource source, LongSupplier hostMicros, long outputLatencyMicros) {
        this.clock = clock;
        this.source = source;
        this.hostMicros = hostMicros;
        this.outputLatencyMicros = outputLatencyMicros;
        this.map = new HostTimeMap(clock.sampleRate());
        this.enginePlaying = clock.snapshot().stateAt(clock.earliest()) == ClockSnapshot.State.PLAYING;
        clock.onChange(listener);
    }

    /** Starts the follower's own thread. */
    public synchronized LinkClockFollower start() {
        if (thread != null) return this;
        running = true;
        Thread t = new Thread(() -> {
            while (running) {
                try {
                    update();
                } catch (RuntimeException e) {
                    System.err.println("aether-link-follower: " + e.getMessage());   // e.g. a change refused; try next turn
                }
                try {
                    Thread.sleep(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "aether-link-follower");
        t.setDaemon(true);
        thread = t;
        t.start();
        return this;
    }

    /** The bar length phase is aligned to, beats (default 4). Any thread. */
    public void quantum(double beats) {
        if (!(beats > 0 && beats <= 64)) throw new IllegalArgumentException("a Link quantum must be more than 0 and at most 64 beats, was " + beats);
        quantum = beats;
        aligned = false;
    }

    public double quantum() { return quantum; }

    /** Extra latency to compensate beyond the device buffer, ms (positive: play earlier). Any thread. */
    public void offsetMillis(double ms) {
        if (!(Math.abs(ms) <= 1000)) throw new IllegalArgumentException("linkOffset must be -1000..1000 ms, was " + ms);
        offsetMillis = ms;
    }

    public double offsetMillis() { return offsetMillis; }

    /** The device latency compensated, microseconds. */
    public long outputLatencyMicros() { return outputLatencyMicros; }

    /** The engine's phase minus the session's at the last update, ms of session time (NaN before the first). */
    public double phaseErrorMillis() { return phaseErrorMillis; }

    /** Stops the thread and stops listening to the clock; the clock keeps its tempo. Idempotent. */
    @Override public void close() {
        running = false;
        Threads.interruptAndJoin(thread, 1000);
        clock.removeListener(listener);
    }

    /** One step: observe the engine's position, follow start/stop, then align phase and tempo. Follower thread (or a test). */
    @ControlThread
    public void update() {
        long now = hostMicros.getAsLong();
        map.observe(now, clock.position());
        LinkState s = source.state();
        if (!seenState) {
            seenState = true;
            sessionPlaying = s.playing();
        } else if (s.playing() != sessionPlaying) {
            sessionPlaying = s.playing();
            apply(() -> { if (sessionPlaying) clock.play(); else clock.stop(); });
            aligned = false;
        }
        if (awaitingProposal(s, now)) return;
        long e = clock.earliest();
        ClockSnapshot cs = clock.snapshot();
        if (cs.stateAt(e) != ClockSnapshot.State.PLAYING) return;
        double q = quantum;
        long heard = map.hostAt(e) + outputLatencyMicros + Math.round(offsetMillis * 1000);
        double beat = cs.beatAtRt(e);
        double d = wrap(s.beatAt(heard, q) - beat, q);
        double bpm = s.bpm(), engineBpm = cs.bpmAtRt(e);
        phaseErrorMillis = -d * 60_000 / bpm;
        if (!aligned) {
            double to = beat + d;
            if (to < 0) to += q * Math.ceil(-to / q);
            Rational target = Rational.ofDecimal(Math.round(to * 1e6) / 1e6);
            apply(() -> { clock.seek(target); clock.tempoFrom(e, bpm, 0); });
            aligned = true;
            return;
        }
        if (e < rampUntil) return;
        if (Math.abs(bpm - engineBpm) > LARGE_CHANGE * bpm) {
            apply(() -> clock.tempoFrom(e, bpm, RAMP_BEATS));
            rampUntil = e + Math.round(RAMP_BEATS * 60 / Math.min(bpm, engineBpm) * clock.sampleRate());
            return;
        }
        double nudge = Math.abs(d * 60_000 / bpm) < DEADBAND_MILLIS ? 0 : d * 60 / bpm / CORRECTION_SECONDS;
        nudge = Math.max(-MAX_NUDGE, Math.min(MAX_NUDGE, Math.round(nudge / NUDGE_STEP) * NUDGE_STEP));
        double wanted = Math.round(bpm * (1 + nudge) * 1e6) / 1e6;
        if (Math.abs(wanted - engineBpm) > 0.5e-6) apply(() -> clock.tempoFrom(e, wanted, 0));
    }

    // ------------------------------------------------------------------ proposals from the engine

    private synchronized boolean awaitingProposal(LinkState s, long now) {
        if (Double.isNaN(proposedBpm)) return false;
        if (Math.abs(s.bpm() - proposedBpm) < 1e-3 || now - proposedAt > PROPOSAL_GRACE_MICROS) {
            proposedBpm = Double.NaN;
            return false;
        }
        return true;
    }

    /** Runs on whichever thread changed the clock (under the clock's lock): proposes what was not ours. */
    private synchronized void clockChanged() {
        if (applying == Thread.currentThread()) return;
        ClockSnapshot cs = clock.snapshot();
        long e = clock.earliest();
        boolean playing = cs.stateAt(e) == ClockSnapshot.State.PLAYING;
        long now = hostMicros.getAsLong();
        if (playing != enginePlaying) {
            enginePlaying = playing;
            source.playing(playing, now);
        }
        double bpm = Math.max(Timeline.MIN_BPM, Math.min(Timeline.MAX_BPM, cs.tempoMap().lastBpm()));
        if (Math.abs(bpm - written) > 1e-6 && Math.abs(bpm - source.state().bpm()) > 1e-3) {
            proposedBpm = bpm;
            proposedAt = now;
            source.tempo(bpm);
        }
    }

    private void apply(Runnable change) {
        applying = Thread.currentThread();
        try {
            change.run();
        } finally {
            applying = null;
            boolean playing = clock.snapshot().stateAt(clock.earliest()) == ClockSnapshot.State.PLAYING;
            synchronized (this) {
                enginePlaying = playing;
                written = clock.snapshot().tempoMap().lastBpm();
            }
        }
    }

    /** {@code x} wrapped into {@code [-q/2, q/2)}. */
    static double wrap(double x, double q) { return x - q * Math.floor(x / q + 0.5); }
}
