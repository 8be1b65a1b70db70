package dev.aether.core.rt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The worker's prediction of the next block: only from a steady period, never from back-to-back or erratic blocks. */
class BlockPacerTest {
    static final long PERIOD = 1_333_333;       // 64 frames at 48 kHz
    static final long T0 = 5_000_000_000L;

    @Test
    void shouldPredictTheNextBlockOncePeriodicBlocksHaveBeenSeen() {
        BlockPacer p = new BlockPacer();
        for (int k = 0; k < BlockPacer.GAPS; k++) {
            p.blockRt(T0 + k * PERIOD);
            assertThat(p.nextDueNanos()).as("after %d blocks", k + 1).isZero();
        }
        p.blockRt(T0 + 8 * PERIOD);
        assertThat(p.nextDueNanos()).isEqualTo(T0 + 9 * PERIOD);
    }

    @Test
    void shouldFollowJitterByTheMedianGap() {
        BlockPacer p = new BlockPacer();
        long t = T0;
        long[] jitter = {0, 40_000, -30_000, 10_000, -20_000, 50_000, 0, -10_000, 20_000, 0};
        for (long j : jitter) {
            t += PERIOD + j;
            p.blockRt(t);
        }
        // the last eight gaps are PERIOD + {-30, 10, -20, 50, 0, -10, 20, 0} µs: median PERIOD + 0
        assertThat(p.nextDueNanos()).isEqualTo(t + PERIOD);
    }

    @Test
    void shouldNotPredictBackToBackBlocks() {
        BlockPacer p = new BlockPacer();
        for (int k = 0; k < 20; k++) p.blockRt(T0 + k * 120_000L);     // offline: a block every 120 µs
        assertThat(p.nextDueNanos()).isZero();
    }

    @Test
    void shouldNotPredictErraticBlocks() {
        BlockPacer p = new BlockPacer();
        long t = T0;
        long[] gaps = {1_000_000, 3_000_000, 1_300_000, 9_000_000, 700_000, 2_200_000, 5_000_000, 1_100_000, 4_000_000};
        for (long g : gaps) p.blockRt(t += g);
        assertThat(p.nextDueNanos()).isZero();
    }

    @Test
    void shouldStopPredictingWhenTheDriverStartsBursting() {
        BlockPacer p = new BlockPacer();
        long t = T0;
        for (int k = 0; k < 10; k++) p.blockRt(t += PERIOD);
        assertThat(p.nextDueNanos()).isNotZero();
        for (int k = 0; k < 4; k++) p.blockRt(t += 100_000);             // a driver catching up, back to back
        assertThat(p.nextDueNanos()).isZero();
    }

    @Test
    void shouldCountABlockOnceWhenItHasSeveralSegments() {
        BlockPacer p = new BlockPacer();
        for (int k = 0; k < 10; k++) {
            p.blockRt(T0 + k * PERIOD);
            p.blockRt(T0 + k * PERIOD);                                  // a second segment of the same block
        }
        assertThat(p.nextDueNanos()).isEqualTo(T0 + 10 * PERIOD);
    }
}
