package dev.aether.core.driver;


import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aether.testkit.signals.Allocations;
import org.junit.jupiter.api.Test;

class PacedNullDriverTest {
    private static final DriverConfig CONFIG = DriverConfig.defaults().bufferFrames(512);

    private static void waitFor(SineSource s, long frames, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (s.framesRendered < frames && System.currentTimeMillis() < end) Thread.sleep(5);
    }

    @Test
    void shouldTakeOneSecondOfWallTimeForOneSecondOfAudio() throws InterruptedException {
        SineSource s = new SineSource(48_000, 2, 64, 440, 0.5, Long.MAX_VALUE).markAt(48_000);
        PacedNullDriver d = new PacedNullDriver(CONFIG);
        try {
            d.start(s);
            waitFor(s, 48_000 + 64, 5_000);
        } finally {
            d.stop();
        }
        double seconds = (s.markNanos - s.firstRenderNanos) / 1e9, lost = s.lostAtMark / 1e9;
        System.out.printf("PacedNullDriver: 1 s of audio took %.4f s wall (%.4f s lost to resyncs); late blocks %d; %s%n",
                seconds, lost, d.lateBlocks(), d.schedulingReport());
        // a stall of the machine longer than the buffer re-anchors the clock at now (a real device would have run
        // dry): that time is lost, not caught up, and the driver reports it; a driver that rushes or drifts still fails
        assertThat(seconds).as("wall seconds between the renders of frame 0 and frame 48000").isGreaterThanOrEqualTo(0.95);
        assertThat(seconds - lost).as("the same less the stalls the driver reported as resyncs").isBetween(0.95, 1.05);
        assertThat(d.failure()).isNull();
    }

    @Test
    void shouldReportASlowRenderAsLateWithResync() throws InterruptedException {
        SineSource s = new SineSource(48_000, 2, 64, 440, 0.5, Long.MAX_VALUE).slowAt(12_000, 50);
        PacedNullDriver d = new PacedNullDriver(CONFIG);
        try {
            d.start(s);
            waitFor(s, 24_000, 5_000);
        } finally {
            d.stop();
        }
        System.out.printf("PacedNullDriver: 50 ms stall reported as %.2f ms (resync calls %d, late calls %d)%n",
                s.stallAfterSlow / 1e6, s.resyncCalls, s.lateCalls);
        assertThat(s.resyncCalls).as("resyncs reported").isGreaterThanOrEqualTo(1);
        // the render slept 50 ms (or longer, on a busy machine); the next block is that late, less the 1.3 ms a
        // block has before its deadline, plus a few ms of wake-up
        double slept = s.sleptNanos / 1e6;
        assertThat(slept).as("the slow render slept, ms").isGreaterThanOrEqualTo(50.0);
        assertThat(s.stallAfterSlow / 1e6).as("reported stall in ms, after a render that slept %.1f ms", slept)
                .isBetween(slept - 5, slept + 30);
        assertThat(d.resyncs()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldKeepPacingAfterAResync() throws InterruptedException {
        SineSource s = new SineSource(48_000, 2, 64, 440, 0.5, Long.MAX_VALUE).slowAt(0, 100).markAt(24_000);
        PacedNullDriver d = new PacedNullDriver(CONFIG);
        try {
            d.start(s);
            waitFor(s, 24_000 + 64, 5_000);
        } finally {
            d.stop();
        }
        // both timestamps are taken on the audio thread, so a busy machine delaying this test thread cannot skew them
        double seconds = (s.markNanos - s.secondRenderNanos) / 1e9, lost = (s.lostAtMark - s.lostAtSecond) / 1e9;
        assertThat(seconds).as("frame 64..24000 after the re-anchor take ~0.5 s, not a catch-up burst").isGreaterThanOrEqualTo(0.45);
        assertThat(seconds - lost).as("the same less later resyncs the machine caused (%.3f s)", lost).isBetween(0.45, 0.55);
    }

    @Test
    void shouldNotAllocateInTheSteadyStateLoop() throws Exception {
        assumeTrue(Allocations.supported(), "per-thread allocation counting unsupported");
        // 16-frame blocks at 192 kHz: 12 000 blocks a second
        SineSource s = new SineSource(192_000, 2, 16, 440, 0.5, Long.MAX_VALUE);
        PacedNullDriver d = new PacedNullDriver(CONFIG.realtimeScheduling(false));
        long[] r;
        try {
            d.start(s);
            while (s.audioThread == null) Thread.sleep(1);
            r = s.steadyStateAllocation(192_000 / 4, 20, 16 * 10_000);
        } finally {
            d.stop();
        }
        System.out.printf("PacedNullDriver: %d bytes allocated over %d blocks%n", r[0], r[1] / 16);
        assertThat(r[1] / 16).as("blocks measured").isGreaterThanOrEqualTo(10_000);
        assertThat(r[0]).as("bytes allocated by the audio thread in steady state").isZero();
    }

    @Test
    void shouldStopPromptlyAndIdempotently() {
        PacedNullDriver d = new PacedNullDriver(CONFIG.realtimeScheduling(false));
        d.start(new SineSource(48_000, 2, 64, 440, 0.5, Long.MAX_VALUE));
        long t0 = System.nanoTime();
        d.stop();
        d.stop();
        assertThat((System.nanoTime() - t0) / 1e6).as("stop ms").isLessThan(500);
        assertThat(d.description()).contains("paced null driver");
    }
}
