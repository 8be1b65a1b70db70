package dev.aether.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.core.EngineConfig;
import dev.aether.core.driver.DriverConfig;
import dev.aether.core.driver.PacedNullDriver;
import dev.aether.core.engine.Engine;
import dev.aether.core.time.ClockSnapshot;
import dev.aether.core.time.When;
import dev.aether.testkit.signals.Allocations;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's clock on a Link session whose timeline is known exactly (a fake source on a virtual host clock tied to
 * the engine's samples, rendering offline): the engine's phase is compared with the session's analytic phase.
 */
class LinkClockFollowerTest {
    static final int RATE = 48_000, BLOCK = 480;          // one follower update per 10 ms of audio
    static final long HOST0 = 5_000_000;                  // host time at engine sample 0, us

    /** A session held by the test. */
    static final class FakeSession implements LinkSource {
        volatile LinkState state;
        final List<Double> proposed = new ArrayList<>();
        final List<Boolean> transport = new ArrayList<>();

        FakeSession(Timeline tl, boolean playing) { state = new LinkState(tl, playing, 0, 1, 1, 0, 0, 0, 0); }

        void set(Timeline tl, boolean playing) { state = new LinkState(tl, playing, 0, 1, 1, 0, 0, 0, state.version() + 1); }

        @Override public LinkState state() { return state; }
        @Override public synchronized void tempo(double bpm) { proposed.add(bpm); }
        @Override public synchronized void playing(boolean playing, long atHostMicros) { transport.add(playing); }
    }

    static long host(long sample) { return HOST0 + Math.round(sample * 1e6 / RATE); }

    /** Renders {@code seconds}, updating the follower every block; returns the worst beat step per block seen. */
    static double render(Engine engine, LinkClockFollower f, double seconds) {
        float[] buf = new float[BLOCK * 2];
        double worstStep = 0;
        for (int i = 0; i < Math.round(seconds * RATE / BLOCK); i++) {
            f.update();
            long p = engine.clock().position();
            double before = engine.clock().snapshot().beatAtRt(p);
            engine.render(buf, BLOCK);
            worstStep = Math.max(worstStep, Math.abs(engine.clock().snapshot().beatAtRt(p + BLOCK) - before));
        }
        return worstStep;
    }

    /** Engine phase minus session phase at the engine's current sample, ms of session time. */
    static double phaseErrorMs(Engine engine, FakeSession s) {
        long p = engine.clock().position();
        double d = LinkClockFollower.wrap(engine.clock().snapshot().beatAtRt(p) - s.state().beatAt(host(p), 4), 4);
        return d * 60_000 / s.state().bpm();
    }

    static Engine engine() { return Engine.create(EngineConfig.defaults().sampleRate(RATE)); }

    @Test
    void shouldMoveTheTransportOntoTheSessionsPhaseWhenEnabled() {
        try (Engine engine = engine()) {
            FakeSession s = new FakeSession(Timeline.of(120, 1.3, HOST0 + 123_457), false);   // bar phase 1.3 beats off ours
            LinkClockFollower f = new LinkClockFollower(engine.clock(), s, () -> host(engine.clock().position()), 0);
            render(engine, f, 0.2);
            assertThat(phaseErrorMs(engine, s)).isCloseTo(0, within(0.05));
            assertThat(engine.clock().snapshot().bpmAtRt(engine.clock().position())).isEqualTo(120);
            f.close();
        }
    }

    @Test
    void shouldFollowASessionTempoChangeWithoutAPhaseJumpAndAgreeWithinOneMillisecondInASecond() {
        try (Engine engine = engine()) {
            FakeSession s = new FakeSession(Timeline.of(120, 0, HOST0), false);
            LinkClockFollower f = new LinkClockFollower(engine.clock(), s, () -> host(engine.clock().position()), 0);
            render(engine, f, 1);
            long at = host(engine.clock().position());
            s.set(s.state().timeline().withTempoKeepingOrigin(127, at), false);   // a peer changes tempo (phase continuous)
            double step = render(engine, f, 1);
            double err = phaseErrorMs(engine, s);
            System.out.printf("[link] 120 -> 127 BPM: engine phase error %.3f ms after 1 s%n", err);
            assertThat(err).isCloseTo(0, within(1.0));
            assertThat(step).as("beats per 10 ms block (no jump)").isLessThan(127 / 60.0 * 0.01 * 1.1);
            render(engine, f, 1);
            assertThat(engine.clock().snapshot().bpmAtRt(engine.clock().position())).isCloseTo(127, within(127 * 0.001));

            at = host(engine.clock().position());
            s.set(s.state().timeline().withTempoKeepingOrigin(170, at), false);   // a large change is ramped
            step = render(engine, f, 2);
            err = phaseErrorMs(engine, s);
            System.out.printf("[link] 127 -> 170 BPM (ramped): engine phase error %.3f ms after 2 s%n", err);
            assertThat(err).isCloseTo(0, within(1.0));
            assertThat(step).as("beats per 10 ms block (no jump)").isLessThan(170 / 60.0 * 0.01 * 1.1);
            f.close();
        }
    }

    @Test
    void shouldCompensateOutputLatencyAndTheUsersOffset() {
        try (Engine engine = engine()) {
            FakeSession s = new FakeSession(Timeline.of(120, 0, HOST0), false);
            LinkClockFollower f = new LinkClockFollower(engine.clock(), s, () -> host(engine.clock().position()), 10_000);
            f.offsetMillis(5);
            render(engine, f, 1);
            // what the engine renders now is heard 15 ms later: its phase is the session's 15 ms ahead
            long p = engine.clock().position();
            double ahead = LinkClockFollower.wrap(engine.clock().snapshot().beatAtRt(p) - s.state().beatAt(host(p) + 15_000, 4), 4);
            assertThat(ahead * 500).isCloseTo(0, within(0.1));
            f.close();
        }
    }

    @Test
    void shouldProposeTheEnginesOwnTempoAndTransportToTheSession() {
        try (Engine engine = engine()) {
            FakeSession s = new FakeSession(Timeline.of(120, 0, HOST0), false);
            LinkClockFollower f = new LinkClockFollower(engine.clock(), s, () -> host(engine.clock().position()), 0);
            render(engine, f, 0.5);
            assertThat(s.proposed).as("the follower's own nudges are not proposed").isEmpty();
            engine.tempo(99, 4, When.NOW);
            assertThat(s.proposed).containsExactly(99.0);
            engine.clock().stop();
            assertThat(s.transport).containsExactly(false);
            f.close();
        }
    }

    @Test
    void shouldStartAndStopTheClockWithTheSession() {
        try (Engine engine = engine()) {
            FakeSession s = new FakeSession(Timeline.of(120, 0, HOST0), true);
            LinkClockFollower f = new LinkClockFollower(engine.clock(), s, () -> host(engine.clock().position()), 0);
            render(engine, f, 0.3);
            s.set(s.state().timeline(), false);
            render(engine, f, 0.1);
            assertThat(engine.clock().snapshot().stateAt(engine.clock().position())).isEqualTo(ClockSnapshot.State.STOPPED);
            s.set(s.state().timeline(), true);
            render(engine, f, 0.5);
            assertThat(engine.clock().snapshot().stateAt(engine.clock().position())).isEqualTo(ClockSnapshot.State.PLAYING);
            assertThat(phaseErrorMs(engine, s)).isCloseTo(0, within(0.1));
            assertThat(s.transport).as("the session's own edges are not proposed back").isEmpty();
            f.close();
        }
    }

    @Test
    void shouldLeaveTheAudioThreadAllocationFreeWhileFollowing() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Allocations.supported(), "this JVM does not count allocated bytes per thread");
        DriverConfig dc = DriverConfig.defaults().sampleRateHz(RATE);
        PacedNullDriver driver = new PacedNullDriver(dc);
        try (Engine engine = engine()) {
            engine.start(driver);
            FakeSession s = new FakeSession(Timeline.of(120, 0, LinkPeer.monotonicMicros()), false);
            LinkClockFollower f = new LinkClockFollower(engine.clock(), s, LinkPeer::monotonicMicros, 10_000).start();
            Thread audio = engine.stats().audioThread();
            double[] bpm = {120};
            long[] bytes = Allocations.untilTwoQuietWindows(audio, 12, () -> {
                bpm[0] = bpm[0] == 120 ? 126 : 120;                      // the session moves every window
                s.set(s.state().timeline().withTempoKeepingOrigin(bpm[0], LinkPeer.monotonicMicros()), false);
                Thread.sleep(300);
            });
            System.out.println("[link] audio thread bytes per 300 ms window while following: " + java.util.Arrays.toString(bytes));
            assertThat(Allocations.endsQuiet(bytes)).isTrue();
            assertThat(f.phaseErrorMillis()).as("the follower ran").isNotNaN();
            double engineBpm = engine.clock().snapshot().bpmAtRt(engine.clock().position());
            assertThat(engineBpm).as("the engine follows the session's tempo (nudged at most 8%)").isCloseTo(bpm[0], within(bpm[0] * 0.081));
            f.close();
        }
    }
}
