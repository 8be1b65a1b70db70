package dev.aether.sequencing.midiin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceTimelineTest {
    @Test void shouldKeepTheSpacingOfTimestampsToTheSampleAfterTheStatedLatency() {
        DeviceTimeline t = new DeviceTimeline(48_000, 0.010, 0.050);
        assertThat(t.sampleOf(1_000_000, 4_096)).as("the first event lands latency after now").isEqualTo(4_096 + 480);
        // 1 ms later on the device clock is 48 samples later, whatever block the engine is in when it arrives
        assertThat(t.sampleOf(1_001_000, 4_096)).isEqualTo(4_576 + 48);
        assertThat(t.sampleOf(1_010_417, 4_160)).as("10.417 ms = 500.016 samples, rounded").isEqualTo(4_576 + 500);
        assertThat(t.stats().reanchors()).isZero();
    }

    @Test void shouldReanchorOnAnEventThatCameTooLateAndCountIt() {
        DeviceTimeline t = new DeviceTimeline(48_000, 0.010, 0.050);
        t.sampleOf(0, 0);
        assertThat(t.sampleOf(1_000, 10_000)).as("would be sample 528, long past: lands latency after now").isEqualTo(10_480);
        assertThat(t.stats().late()).isEqualTo(1);
        assertThat(t.sampleOf(2_000, 10_000)).as("spacing kept from the new anchor").isEqualTo(10_528);
    }

    @Test void shouldReanchorWhenTheDeviceClockRunsAheadBeyondTheSlack() {
        DeviceTimeline t = new DeviceTimeline(48_000, 0.010, 0.050);
        t.sampleOf(0, 0);
        assertThat(t.sampleOf(100_000, 0)).as("100 ms ahead of an engine that did not move: re-anchored").isEqualTo(480);
        assertThat(t.stats().reanchors()).isEqualTo(1);
        assertThat(t.stats().late()).isZero();
    }

    @Test void shouldNeverStampAnEventBeforeOneAlreadyStampedWhenItReanchors() {
        DeviceTimeline t = new DeviceTimeline(48_000, 0.010, 0.050);
        t.sampleOf(0, 0);
        long ahead = t.sampleOf(50_000, 0);                 // 2400 samples past the target: still in the slack
        assertThat(ahead).isEqualTo(480 + 2_400);
        assertThat(t.sampleOf(50_100, 0)).as("re-anchored, but not before the event before it").isGreaterThanOrEqualTo(ahead);
        assertThat(t.stats().reanchors()).isEqualTo(1);
    }

    @Test void shouldMoveTheAnchorBackWhenTheEngineLostTimeWithinTheSlack() {
        DeviceTimeline t = new DeviceTimeline(48_000, 0.010, 0.050);
        t.sampleOf(0, 0);                                      // anchor: sample 480
        // the engine lost 20 ms (960 samples): events 1 ms apart now land 20 ms later than now + latency
        long now = 0;
        long last = 0;
        int n = 2 * DeviceTimeline.DRIFT_EVENTS - 1;           // the first window holds the anchoring event (on time)
        for (int i = 1; i <= n; i++) {
            now = i * 48L - 960;
            last = t.sampleOf(i * 1_000L, now);
        }
        assertThat(last - (now + 480)).as("the last event of the window still keeps its spacing").isEqualTo(960);
        assertThat(t.stats().drifts()).isEqualTo(1);
        // from then on, events 10 ms apart: each gap shortened by at most 1/16 until the stated latency is back
        long previous = last;
        long micros = n * 1_000L;
        for (int i = 0; i < 40; i++) {
            micros += 10_000;
            now += 480;
            long s = t.sampleOf(micros, now);
            assertThat(s - previous).as("gap %d: 480 samples, shortened by at most 1/16", i).isBetween(450L, 480L);
            previous = s;
        }
        assertThat(previous - (now + 480)).as("the stated latency again").isEqualTo(0);
    }
}
