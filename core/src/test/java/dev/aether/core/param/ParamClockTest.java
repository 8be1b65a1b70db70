package dev.aether.core.param;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParamClockTest {
    static final int BLOCK = 64;

    /**
     * Two identical params get the same random untimed and timed changes (between blocks, as a control thread
     * would make them); one is clocked every block directly, the other through a {@link ParamClock} that skips
     * resting blocks. Every sample they produce must be the same.
     */
    @Test
    void shouldProduceEverySampleAsClockingEveryBlockDoes() {
        SmoothedParam direct = Params.hz("f", 100, 20, 20_000), clocked = Params.hz("f", 100, 20, 20_000);
        direct.prepare(48_000);
        clocked.prepare(48_000);
        ParamClock clock = new ParamClock(List.of(clocked));
        Random r = new Random(7);
        float[] a = new float[BLOCK], b = new float[BLOCK];
        int skippedBlocks = 0;
        for (int block = 0; block < 5_000; block++) {
            long t = (long) block * BLOCK;
            int what = r.nextInt(40);
            if (what == 0) {
                double v = 20 + r.nextDouble() * 5_000, ramp = r.nextInt(3) * 0.002;
                direct.set(v, ramp);
                clocked.set(v, ramp);
            } else if (what == 1) {
                double v = 20 + r.nextDouble() * 5_000;
                long at = t + r.nextInt(4 * BLOCK);
                direct.setAt(v, at, 0.001);
                clocked.setAt(v, at, 0.001);
            }
            direct.beginBlockRt(t, BLOCK);
            direct.fillRt(a, BLOCK);
            direct.endBlockRt();
            clock.beginRt(t, BLOCK);
            clocked.fillRt(b, BLOCK);
            clock.endRt();
            assertThat(b).as("block %d", block).containsExactly(a);
            if (!clocked.isSmoothingRt() && clocked.atRestRt()) skippedBlocks++;
        }
        assertThat(skippedBlocks).as("blocks at rest, which the clock skips").isGreaterThan(2_000);
    }

    @Test
    void shouldApplyASetMadeWhileResting() {
        SmoothedParam p = Params.linear("x", "", 0, 0, 10);
        ParamClock clock = new ParamClock(List.of(p));
        for (int block = 0; block < 10; block++) {
            clock.beginRt(block * BLOCK, BLOCK);
            clock.endRt();
        }
        p.set(5, 0);
        clock.beginRt(10 * BLOCK, BLOCK);
        assertThat(p.currentRt()).as("the set, at the next block").isEqualTo(5);
        clock.endRt();
    }
}
