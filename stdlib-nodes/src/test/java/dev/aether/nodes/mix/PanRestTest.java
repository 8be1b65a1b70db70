package dev.aether.nodes.mix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;
import dev.aether.testkit.NodeHarness;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Pan} keeps the gains of a steady position from block to block instead of taking cos and sin again: the same
 * bits as the form that took them every block (kept here as the reference), through steady stretches, ramps, jumps
 * ({@code reset}), a return to an earlier position and the extremes.
 */
class PanRestTest {
    /** Pan before the cache: cos and sin every steady block. */
    static final class Reference implements DspNode {
        final InputPort in = Ports.audioIn("in");
        final OutputPort out = Ports.audioOut("out", 2);
        final SmoothedParam position = Params.linear("position", "", 0, -1, 1);

        @Override public void process(ProcessContext ctx) {
            float[] x = ctx.in(in), l = ctx.out(out, 0), r = ctx.out(out, 1);
            int n = ctx.frames();
            if (!position.isSmoothingRt()) {
                double p = position.currentRt();
                float gl = (float) Gains.panLeft(p), gr = (float) Gains.panRight(p);
                for (int i = 0; i < n; i++) { l[i] = x[i] * gl; r[i] = x[i] * gr; }
                return;
            }
            for (int i = 0; i < n; i++) {
                double p = position.nextRt();
                l[i] = (float) (x[i] * Gains.panLeft(p));
                r[i] = (float) (x[i] * Gains.panRight(p));
            }
        }
    }

    @ParameterizedTest(name = "blocks of {0}")
    @ValueSource(ints = {1, 64, 100})
    void shouldPanSteadyBlocksWithTheSameBitsAsTakingCosAndSinEveryBlock(int block) {
        Pan pan = new Pan();
        Reference ref = new Reference();
        NodeHarness h = new NodeHarness(pan, 48_000, block), hr = new NodeHarness(ref, 48_000, block);
        SplittableRandom rnd = new SplittableRandom(4);
        float[] x = new float[96_000];
        for (int i = 0; i < x.length; i++) x[i] = (float) (rnd.nextDouble() * 2 - 1);
        h.input(pan.in, x);
        hr.input(ref.in, x);
        double[] moves = {0.3, -0.7, 1, -1, 0.3, 0, -0.0};
        int mismatches = 0, firstBad = -1, move = 0;
        for (int done = 0; done < x.length; done += block) {
            int n = Math.min(block, x.length - done);
            if (done >= move * 6_000 && move < 2 * moves.length) {        // every 6,000 samples: a ramp or a jump
                double p = moves[move % moves.length];
                if (move % 2 == 0) { pan.position.set(p); ref.position.set(p); }
                else { pan.position.reset(p); ref.position.reset(p); }
                move++;
            }
            h.renderBlock(n);
            hr.renderBlock(n);
            for (int c = 0; c < 2; c++) {
                float[] y = h.outBuffer(pan.out, c), yr = hr.outBuffer(ref.out, c);
                for (int i = 0; i < n; i++) {
                    if (Float.floatToRawIntBits(y[i]) != Float.floatToRawIntBits(yr[i])) {
                        mismatches++;
                        if (firstBad < 0) firstBad = done + i;
                    }
                }
            }
        }
        assertThat(move).as("moves made").isEqualTo(2 * moves.length);
        assertThat(mismatches).as("samples differing from cos and sin every block (first at %d)", firstBad).isZero();
    }
}
