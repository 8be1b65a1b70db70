package dev.aether.sequencing.midiin;

import dev.aether.core.time.Clock;
import dev.aether.core.time.ClockSnapshot;
import dev.aether.core.time.Quantum;
import dev.aether.core.time.Rational;
import java.util.function.LongSupplier;

/**
 * Confined to the thread that feeds its {@link MidiClockFollower} (the MIDI device's). Makes the engine's
 * {@link Clock} follow an incoming MIDI clock: Start and Continue start the transport so that the first tick after
 * them sounds on its beat; Stop pauses it; Song Position moves it; and once per beat the transport is steered to
 * the clock's phase-locked ticks: the tempo is set to the estimated tempo, nudged by at most
 * {@value #MAX_NUDGE} of it so that the phase error measured at {@link Clock#earliest()} is gone one beat later.
 * An error of more than half a beat is corrected by a seek instead. Device times become engine samples through the
 * same {@link DeviceTimeline} as the notes of that device.
 *
 * <p>Each correction is one tempo change in the clock's map (at most one a beat, none when under
 * {@value #DEADBAND_BPM} BPM).
 */
public final class ClockFollow implements MidiClockFollower.Listener {
    static final double MAX_NUDGE = 0.05;
    static final double DEADBAND_BPM = 0.0005;
    static final double SEEK_BEATS = 0.5;

    private final Clock clock;
    private final DeviceTimeline timeline;
    private boolean landPending;
    private double lastPhaseErrorBeats;
    private long corrections, seeks;

    /** Steers {@code clock}, mapping device times through {@code timeline}. */
    public ClockFollow(Clock clock, DeviceTimeline timeline) {
        this.clock = clock;
        this.timeline = timeline;
    }

    @Override public void started(long micros) { landPending = true; }

    @Override public void continued(long micros, long positionTicks) { landPending = true; }

    @Override public void stopped(long micros, long positionTicks) {
        landPending = false;
        clock.pause();
    }

    @Override public void positioned(long positionTicks) { clock.seek(Rational.of(positionTicks, MidiClockFollower.PPQN)); }

    @Override public void ticked(long positionTicks, double lockedMicros, double bpm, boolean running) {
        if (!running || bpm <= 0) return;
        double at = timeline.mapped(lockedMicros);
        if (Double.isNaN(at)) return;
        if (!landPending && positionTicks % MidiClockFollower.PPQN != 0) return;
        long e = clock.earliest();
        double samplesPerBeat = 60.0 * clock.sampleRate() / bpm;
        double external = positionTicks / (double) MidiClockFollower.PPQN + (e - at) / samplesPerBeat;
        ClockSnapshot s = clock.snapshot();
        boolean playing = s.stateAt(e) == ClockSnapshot.State.PLAYING;
        double error = external - s.beatAtRt(e);
        lastPhaseErrorBeats = error;
        if (landPending || !playing || Math.abs(error) > SEEK_BEATS) {
            landPending = false;
            if (!(external >= 0)) external = 0;
            clock.tempo(round(bpm), 0, Quantum.NONE);
            clock.seek(Rational.ofDecimal(external));
            clock.play();
            seeks++;
            return;
        }
        double nudge = Math.max(-MAX_NUDGE, Math.min(MAX_NUDGE, error));
        double target = round(bpm * (1 + nudge));
        if (Math.abs(target - s.bpmAtRt(e)) >= DEADBAND_BPM) {
            clock.tempo(target, 0, Quantum.NONE);
            corrections++;
        }
    }

    private static double round(double bpm) { return Math.round(bpm * 1e4) / 1e4; }

    /** The transport's phase error at the last correction, beats (positive: the transport was behind the clock). */
    public double lastPhaseErrorBeats() { return lastPhaseErrorBeats; }

    /** Tempo corrections made. */
    public long corrections() { return corrections; }

    /** Seeks made (Start, Continue, or an error over half a beat). */
    public long seeks() { return seeks; }
}
