package dev.aether.nodes.osc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.core.node.NodeRunner;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The steady loops of {@link BlepCore} (constant frequency, nothing connected) against the general loop fed silence,
 * block after block, across frequencies whose wraps land exactly on a sample, near the highest increment, and with
 * odd block lengths. The pulse's and triangle's steady loop gives the general loop's bits. The saw's own loop
 * computes each chunk's phases in closed form instead of accumulating them, so its bits differ by rounding: it must
 * stay within {@link #SAW_TOLERANCE} of the general loop, plus what the phases' rounding difference does to a
 * wrap's position (see {@link #shouldFollowTheGeneralLoopWithinRoundingForTheSaw}).
 */
class BlepCoreSteadyTest {
    private static final float[] ZEROS = new float[1024];
    private static final double SR = 48_000;
    private static final double[] FREQS = {0.01, 1, 55, 440, 997, 1_000, 3_000, 12_000, 23_000, 20_000};
    /** Wraps on a sample (inc 1/4, 1/16, 1/8, 3/8), highest increments (0.479, 0.4899, clamped to 0.49), odd ones. */
    private static final double[] SAW_FREQS = {0.01, 0.37, 1, 55, 82.406889, 440, 997, 1_000, 3_000, 6_000, 12_000,
            18_000, 22_999.7, 23_000, 23_515, 23_520, 30_000, 20_000, 4_321.123};
    private static final double SAW_TOLERANCE = 1e-6;

    @Test
    void shouldGiveTheGeneralLoopsBitsForThePulseAndTriangle() {
        SplittableRandom rnd = new SplittableRandom(15);
        for (int shape : new int[] {BlepCore.PULSE, BlepCore.TRIANGLE}) {
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

    /**
     * The saw's loop follows the general loop over 3,000 blocks (about 600,000 samples) at each frequency and at 40
     * random ones, blocks of 64 and of random lengths (so chunks end mid-block): outputs within
     * {@link #SAW_TOLERANCE}, plus what the two phases' difference {@code dp} does
     * to a wrap: it moves the step by {@code dp / inc} samples, and the step's slope is below 1 per sample for its
     * height of 2 (under 3e-8 above 20 Hz, where inc exceeds 4e-4; at 0.37 Hz it reaches about 1.3e-6). Both phases
     * are checked against the exact {@code t * inc mod 1}: the closed form's stays within 1e-11 of it, the general
     * loop's accumulated one drifts further (printed). The rings are not compared between blocks: where one phase
     * wraps on a block's last sample and the other a rounding later, the same step sits in different samples of
     * the ring (at offset 0 of one, offset 1 of the other), summing to the same outputs.
     */
    @Test
    void shouldFollowTheGeneralLoopWithinRoundingForTheSaw() {
        SplittableRandom rnd = new SplittableRandom(15);
        double[] freqs = new double[SAW_FREQS.length + 40];
        System.arraycopy(SAW_FREQS, 0, freqs, 0, SAW_FREQS.length);
        for (int k = SAW_FREQS.length; k < freqs.length; k++) freqs[k] = 20 * Math.pow(1_200, rnd.nextDouble());
        double worstOut = 0, worstOutAbove20Hz = 0, worstSteadyPhase = 0, worstGeneralPhase = 0;
        for (double f : freqs) {
            BlepCore steady = new BlepCore(BlepCore.SAW), general = new BlepCore(BlepCore.SAW);
            float[] a = new float[1024], b = new float[1024];
            double inc = Math.min(f * (1 / SR), 0.49);                    // as BlepCore computes it
            double dpBefore = 0;
            long t = 0;
            for (int block = 0; block < 3_000; block++) {
                int n = block % 3 == 0 ? 64 : 1 + rnd.nextInt(block % 3 == 1 ? 1024 : 97);
                steady.renderSteady(a, n, SR, f, 0.5);
                general.render(b, n, SR, f, null, ZEROS, ZEROS, ZEROS, 0.5, null, false);
                t += n;
                assertThat(steady.phase).as("%s Hz, block %d: phase in [0, 1)", f, block)
                        .isGreaterThanOrEqualTo(0).isLessThan(1);
                double hi = t * inc, exact = (hi - Math.floor(hi)) + Math.fma((double) t, inc, -hi);
                double es = cyclic(steady.phase - exact), eg = cyclic(general.phase - exact);
                assertThat(es).as("%s Hz, block %d: closed-form phase against exact", f, block).isLessThan(1e-11);
                worstSteadyPhase = Math.max(worstSteadyPhase, es);
                worstGeneralPhase = Math.max(worstGeneralPhase, eg);
                double dp = cyclic(steady.phase - general.phase);
                double tolerance = SAW_TOLERANCE + 2 * Math.max(dp, dpBefore) / inc;
                dpBefore = dp;
                for (int i = 0; i < n; i++) {
                    worstOut = Math.max(worstOut, Math.abs(a[i] - b[i]));
                    if (f >= 20) worstOutAbove20Hz = Math.max(worstOutAbove20Hz, Math.abs(a[i] - b[i]));
                    assertThat((double) a[i]).as("%s Hz, block %d, sample %d", f, block, i)
                            .isCloseTo(b[i], within(tolerance));
                }
            }
        }
        System.out.printf("saw steady loop vs general loop: largest output difference %.3g (%.3g from 20 Hz up);"
                + " phase against exact: closed form %.3g, accumulated %.3g%n", worstOut, worstOutAbove20Hz,
                worstSteadyPhase, worstGeneralPhase);
    }

    /** Distance between two phases, in cycles, across the wrap. */
    private static double cyclic(double d) {
        return Math.abs(d - Math.rint(d));
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
                    if (block == 0) {
                        assertThat(a[i]).as("start %s, sample %d: the general loop's bits", start, i).isEqualTo(b[i]);
                    } else {
                        assertThat(a[i]).as("start %s, block %d, sample %d", start, block, i)
                                .isCloseTo(b[i], within((float) SAW_TOLERANCE));
                    }
                }
            }
        }
    }

    /**
     * A state saved before the ring became a sliding window holds the 32-sample ring as it lay, with its read
     * position; restored, it continues exactly as the window it was saved from would (and a state saved now has
     * position 0).
     */
    @Test
    void shouldRestoreARingSavedAtAnyReadPosition() {
        for (int from : new int[] {0, 1, 13, 31}) {
            SawOscillator a = new SawOscillator().frequencyHz(3_001), b = new SawOscillator().frequencyHz(3_001);
            NodeRunner ra = new NodeRunner(a, SR, 64), rb = new NodeRunner(b, SR, 64);
            for (int block = 0; block < 7; block++) ra.run(64);
            SawOscillator.State s = (SawOscillator.State) a.saveState();
            assertThat(s.ringPos()).isZero();
            assertThat(s.ring()).hasSize(BlepTable.RING);
            double[] asLaid = new double[BlepTable.RING];
            for (int k = 0; k < asLaid.length; k++) asLaid[(from + k) & (BlepTable.RING - 1)] = s.ring()[k];
            b.restoreState(new SawOscillator.State(s.phase(), s.pmCycles(), s.sync(), asLaid, from));
            for (int block = 0; block < 20; block++) {
                ra.run(64);
                rb.run(64);
                assertThat(rb.output(b.out)[0]).as("read position %d, block %d", from, block)
                        .containsExactly(ra.output(a.out)[0]);
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
