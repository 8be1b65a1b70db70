package dev.aether.nodes.osc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.node.NodeRunner;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The steady loops of {@link BlepCore} (constant frequency, nothing connected; the saw's own loop among them) give
 * the same bits as the general loop fed silence, block after block, across frequencies whose wraps land exactly on
 * a sample, near the highest increment, and with odd block lengths.
 */
class BlepCoreSteadyTest {
    private static final float[] ZEROS = new float[1024];
    private static final double SR = 48_000;
    private static final double[] FREQS = {0.01, 1, 55, 440, 997, 1_000, 3_000, 12_000, 23_000, 20_000};

    @Test
    void shouldGiveTheGeneralLoopsBitsForEveryShapeAndFrequency() {
        SplittableRandom rnd = new SplittableRandom(15);
        for (int shape : new int[] {BlepCore.SAW, BlepCore.PULSE, BlepCore.TRIANGLE}) {
            for (double f : FREQS) {
                BlepCore steady = new BlepCore(shape), general = new BlepCore(shape);
                float[] a = new float[1024], b = new float[1024];
                for (int block = 0; block < 300; block++) {
                    int n = block % 3 == 0 ? 64 : 1 + rnd.nextInt(1024);
                    steady.renderSteady(a, n, SR, f, 0.3);
                    general.render(b, n, SR, f, null, ZEROS, ZEROS, ZEROS, 0.3, null, false);
                    for (int i = 0; i < n; i++) {
                        assertThat(Float.floatToRawIntBits(a[i]))
                                .as("shape %d, %s Hz, block %d, sample %d", shape, f, block, i)
                                .isEqualTo(Float.floatToRawIntBits(b[i]));
                    }
                }
                assertThat(steady.phase).as("phase, shape %d, %s Hz", shape, f).isEqualTo(general.phase);
            }
        }
    }

    /** A restored phase outside [0, 1) is wrapped as the general loop wraps it (the saw's own loop is skipped). */
    @Test
    void shouldWrapARestoredPhaseOutsideOneCycleAsTheGeneralLoopDoes() {
        for (double start : new double[] {3.25, -0.75, 1.0}) {
            BlepCore steady = new BlepCore(BlepCore.SAW), general = new BlepCore(BlepCore.SAW);
            steady.phase = start;
            general.phase = start;
            float[] a = new float[64], b = new float[64];
            for (int block = 0; block < 20; block++) {
                steady.renderSteady(a, 64, SR, 440, 0.5);
                general.render(b, 64, SR, 440, null, ZEROS, ZEROS, ZEROS, 0.5, null, false);
                for (int i = 0; i < 64; i++) {
                    assertThat(a[i]).as("start %s, block %d, sample %d", start, block, i).isEqualTo(b[i]);
                }
            }
        }
    }

    /** The ramp buffer starts at 64 frames and grows to the block size prepare gives. */
    @Test
    void shouldRampTheFrequencyOverBlocksLongerThanTheDefaultOnceSizedByPrepare() {
        SawOscillator saw = new SawOscillator().frequencyHz(100);
        assertThat(saw.freqBuf.length).isEqualTo(PhaseOscillator.DEFAULT_FRAMES);
        NodeRunner runner = new NodeRunner(saw, SR, 512);
        assertThat(saw.freqBuf.length).as("sized by prepare").isGreaterThanOrEqualTo(512);
        saw.frequencyHz(2_000);                          // a glide: the ramp fills the buffer for the whole block
        runner.run(512);
        float[] out = runner.output(saw.out)[0];
        double peak = 0;
        for (int i = 0; i < 512; i++) peak = Math.max(peak, Math.abs(out[i]));
        assertThat(peak).as("sounding through a 512-frame ramped block").isGreaterThan(0.5);
    }
}
