package dev.aether.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostTimeMapTest {
    @Test
    void shouldKeepToTheOnTimeRendersThroughAStallAndFollowAResync() {
        HostTimeMap m = new HostTimeMap(48_000);
        // on time: sample s is reached at host 1 s + s / 48 kHz (64-frame blocks, observed every 10 ms)
        for (int i = 0; i < 50; i++) m.observe(1_000_000 + i * 10_000, i * 480);
        assertThat(m.hostAt(48_000)).isEqualTo(2_000_000);
        assertThat(m.sampleAt(1_500_000)).isEqualTo(24_000);
        for (int i = 50; i < 60; i++) m.observe(1_000_000 + i * 10_000, 49 * 480);   // 100 ms stalled: the position holds
        assertThat(m.hostAt(48_000)).as("a stall does not move the line").isEqualTo(2_000_000);
        // the driver re-synchronises 100 ms later and stays there: after the window the line follows
        for (int i = 60; i < 60 + HostTimeMap.WINDOW; i++) m.observe(1_000_000 + i * 10_000, (i - 10) * 480);
        assertThat(m.hostAt(48_000)).isEqualTo(2_100_000);
    }
}
