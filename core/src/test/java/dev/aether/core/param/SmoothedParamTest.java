package dev.aether.core.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SmoothedParamTest {
    private static float[] run(SmoothedParam p, long start, int blocks, int n) {
        float[] all = new float[blocks * n], buf = new float[n];
        for (int b = 0; b < blocks; b++) {
            p.beginBlockRt(start + (long) b * n, n);
            p.fillRt(buf, n);
            p.endBlockRt();
            System.arraycopy(buf, 0, all, b * n, n);
        }
        return all;
    }

    @Test
    void shouldRampLinearlyAndLandExactlyOnTheTarget() {
        SmoothedParam p = Params.linear("x", "", 0, 0, 10);
        p.prepare(48_000);
        p.set(1, 100 / 48_000.0);                     // 100 samples
        float[] y = run(p, 0, 4, 64);
        for (int i = 0; i < 100; i++) assertThat((double) y[i]).as("sample %d", i).isCloseTo(i / 100.0, within(1e-6));
        for (int i = 100; i < 256; i++) assertThat(y[i]).as("held after the ramp, sample %d", i).isEqualTo(1f);
    }

    @Test
    void shouldRampExponentiallyByAConstantRatio() {
        SmoothedParam p = Params.hz("f", 100, 20, 20_000);
        p.prepare(48_000);
        p.set(1_600, 64 / 48_000.0);                  // four octaves in 64 samples: an octave every 16
        float[] y = run(p, 0, 2, 64);
        assertThat((double) y[16]).as("one octave after 16 samples").isCloseTo(200, within(1e-3));
        assertThat((double) y[48]).as("three octaves after 48").isCloseTo(800, within(1e-2));
        assertThat(y[64]).isEqualTo(1_600f);
    }

    @Test
    void shouldApplyATimedChangeOnItsExactSampleInsideABlock() {
        SmoothedParam p = Params.linear("x", "", 0, 0, 1);
        p.prepare(48_000);
        assertThat(p.setAt(1, 100, 0)).isTrue();      // jump at sample 100 (block 1, offset 36)
        assertThat(p.setAt(0.5, 190, 0)).isTrue();    // and at 190 (block 2, offset 62)
        float[] y = run(p, 0, 4, 64);
        assertThat(y[99]).isEqualTo(0f);
        assertThat(y[100]).isEqualTo(1f);
        assertThat(y[189]).isEqualTo(1f);
        assertThat(y[190]).isEqualTo(0.5f);
    }

    /** setAtRt runs on the audio thread, which allocates nothing: it needs the room reserved on a control thread. */
    @Test
    void shouldRefuseAudioThreadTimedChangesUntilRoomIsReservedThenApplyThemOnTheirSample() {
        SmoothedParam p = Params.linear("x", "", 0, 0, 1);
        p.prepare(48_000);
        p.beginBlockRt(0, 64);
        assertThat(p.setAtRt(1, 10, 0)).as("no room reserved: refused").isFalse();
        p.endBlockRt();
        p.reserveTimed();
        p.beginBlockRt(64, 64);
        assertThat(p.setAtRt(1, 100, 0)).as("room reserved").isTrue();
        float[] y = new float[64];
        p.fillRt(y, 64);
        p.endBlockRt();
        assertThat(y[35]).as("before its sample").isEqualTo(0f);
        assertThat(y[36]).as("on its sample (100 = 64 + 36)").isEqualTo(1f);
    }

    @Test
    void shouldGiveTheSameValuesPerSampleAsPerBlock() {
        SmoothedParam a = Params.hz("a", 100, 20, 20_000), b = Params.hz("b", 100, 20, 20_000);
        a.prepare(48_000);
        b.prepare(48_000);
        a.set(5_000, 0.003);
        b.set(5_000, 0.003);
        a.setAt(300, 150, 0.001);
        b.setAt(300, 150, 0.001);
        float[] block = run(a, 0, 8, 64);
        for (int blk = 0; blk < 8; blk++) {
            b.beginBlockRt(blk * 64L, 64);
            for (int i = 0; i < 64; i++) {
                assertThat((double) b.nextRt()).as("sample %d", blk * 64 + i)
                        .isCloseTo(block[blk * 64 + i], within(Math.abs(block[blk * 64 + i]) * 1e-5));
            }
            b.endBlockRt();
        }
    }

    @Test
    void shouldKeepOnlyTheNewestUntimedValueAndClampIt() {
        SmoothedParam p = Params.unit("mix", 0.5);
        p.prepare(48_000);
        p.set(0.1, 0);
        p.set(7, 0);                                  // clamped to 1
        float[] y = run(p, 0, 1, 64);
        assertThat(y[0]).isEqualTo(1f);
        assertThat(p.get()).isEqualTo(1.0);
    }

    @Test
    void shouldRefuseNonFiniteValuesAndRampsWithAClearMessage() {
        SmoothedParam p = Params.hz("cutoffHz", 1_000, 20, 20_000);
        assertThatThrownBy(() -> p.set(Double.NaN)).hasMessageContaining("cutoffHz").hasMessageContaining("finite");
        assertThatThrownBy(() -> p.set(100, -1)).hasMessageContaining("ramp must be 0..600 s");
    }

    @Test
    void shouldStartAtTheSettledValueWithoutAGlide() {
        SmoothedParam p = Params.hz("f", 440, 20, 20_000);
        p.prepare(48_000);
        p.set(110);                                   // before the node sounds
        p.settle();
        float[] y = run(p, 0, 1, 64);
        assertThat(y[0]).isEqualTo(110f);
        assertThat(y[63]).isEqualTo(110f);
    }
}
