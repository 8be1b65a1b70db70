package dev.aether.sequencing.midiin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.time.Clock;
import dev.aether.core.time.ClockSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The engine's {@link Clock} following a jittery MIDI clock (sd 1 ms, seeded) through Start, a tempo change, Stop,
 * Song Position and Continue. Simulated time: the engine renders 64-frame blocks at 48 kHz in step with the device
 * clock, so the test is deterministic. Phase error is the transport's beat at the sample each true tick maps to,
 * against the tick's true beat.
 */
class ClockFollowTest {
    static final int RATE = 48_000, BLOCK = 64;

    final AtomicLong position = new AtomicLong();
    final Clock clock = new Clock(RATE, position::get, () -> position.get() + BLOCK);
    final DeviceTimeline timeline = new DeviceTimeline(RATE, 0.010, 0.050);
    final ClockFollow follow = new ClockFollow(clock, timeline);
    final MidiClockFollower follower = new MidiClockFollower(follow);
    final Random noise = new Random(7);
    double now = 2_000_000;                    // device time, us

    /** Moves the engine to where it is at device time {@code micros} (whole blocks; the device clock starts at 1 s). */
    void engineAt(double micros) { position.set((long) ((micros - 1e6) * RATE / 1e6) / BLOCK * BLOCK); }

    void send(int status) {
        engineAt(now);
        long ts = Math.round(now);
        timeline.sampleOf(ts, position.get());
        follower.realtime(status, ts);
    }

    /** Ticks for {@code beats} beats at {@code bpm}; returns their true times. */
    List<Double> ticks(double bpm, int beats) {
        List<Double> truth = new ArrayList<>();
        for (int i = 0; i < beats * 24; i++) {
            truth.add(now);
            double stamped = now + noise.nextGaussian() * 1000;
            engineAt(stamped);
            long ts = Math.round(stamped);
            timeline.sampleOf(ts, position.get());
            follower.tick(ts);
            now += 60e6 / (24 * bpm);
        }
        return truth;
    }

    /** Phase error of the transport at each true tick from {@code from} on, ms: {rms, max}. */
    double[] phase(List<Double> truth, int from, double firstBeat, double bpm) {
        ClockSnapshot s = clock.snapshot();
        double sq = 0, max = 0;
        int n = 0;
        for (int k = from; k < truth.size(); k++) {
            double beat = s.beatAtRt(Math.round(timeline.mapped(truth.get(k))));
            double errMs = (beat - (firstBeat + k / 24.0)) * 60_000 / bpm;
            sq += errMs * errMs;
            max = Math.max(max, Math.abs(errMs));
            n++;
        }
        return new double[] {Math.sqrt(sq / n), max};
    }

    @Test void shouldLockTheTransportToAJitteryClockThroughATempoChangeStopAndContinue() {
        ticks(123.4, 4);                                     // the clock runs while stopped: tempo known first
        send(0xFA);
        List<Double> a = ticks(123.4, 32);
        double[] pa = phase(a, 8 * 24, 0, 123.4);
        double bpmA = clock.snapshot().bpmAtRt(position.get());
        List<Double> b = ticks(131.7, 32);
        double[] pb = phase(b, 8 * 24, 32, 131.7);
        double bpmB = clock.snapshot().bpmAtRt(position.get());
        System.out.printf(Locale.ROOT, "clock follow (engine transport): at 123.4 BPM tempo %.4f, phase rms %.3f ms max %.3f ms;"
                        + " at 131.7 BPM tempo %.4f, phase rms %.3f ms max %.3f ms; %d corrections, %d seeks%n",
                bpmA, pa[0], pa[1], bpmB, pb[0], pb[1], follow.corrections(), follow.seeks());
        // a nudge of up to 5 % is part of the tempo the transport runs at: the bound is 5 % of the last error, loose
        assertThat(Math.abs(bpmA - 123.4)).as("transport tempo at 123.4 BPM").isLessThan(1.0);
        assertThat(pa[0]).as("rms phase error after 8 beats at 123.4 BPM, ms").isLessThan(0.5);
        assertThat(pa[1]).as("largest phase error after 8 beats at 123.4 BPM, ms").isLessThan(1.5);
        assertThat(pb[0]).as("rms phase error 8 beats after the change to 131.7 BPM, ms").isLessThan(0.5);
        assertThat(pb[1]).as("largest phase error 8 beats after the change, ms").isLessThan(1.5);

        send(0xFC);
        long stoppedAt = clock.earliest();
        assertThat(clock.snapshot().stateAt(stoppedAt)).as("Stop pauses the transport").isEqualTo(ClockSnapshot.State.PAUSED);
        ticks(131.7, 2);
        follower.songPosition(4 * 64);                      // bar 17 in 4/4: beat 64
        assertThat(clock.snapshot().beatAtRt(clock.earliest())).as("Song Position moves the transport (to the sample)")
                .isCloseTo(64.0, org.assertj.core.data.Offset.offset(1e-4));
        send(0xFB);
        List<Double> c = ticks(131.7, 16);
        double[] pc = phase(c, 4 * 24, 64, 131.7);
        assertThat(pc[1]).as("largest phase error 4 beats after Continue at beat 64, ms").isLessThan(1.5);
    }
}
