package dev.aether.nodes.delay;

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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The echo's steady path (parameters read once per block) and its rest path (silent input into a silent ring: only
 * the output is written) against the per-sample form they came from, kept here as the reference: the same bits on
 * every sample, through bursts, silences long enough to rest, signed zeros, parameter ramps during sound and during
 * rest, and blocks of several sizes.
 */
class FeedbackDelayRestTest {
    /** The per-sample form before the steady and rest paths. */
    static final class Reference implements DspNode {
        final InputPort in = Ports.audioIn("in");
        final OutputPort out = Ports.audioOut("out");
        final SmoothedParam delayMillis = Params.linear("delayMillis", "ms", 250, 1, 500);
        final SmoothedParam feedback = Params.linear("feedback", "", 0.4, 0, 0.98);
        final SmoothedParam dampingHz = Params.hz("dampingHz", 6_000, 200, 20_000);
        final SmoothedParam mix = Params.unit("mix", 0.5);
        final DelayBuffer buf = new DelayBuffer();
        double lp;

        @Override public void prepare(double sr, int maxFrames) { buf.allocate(500 * sr / 1000); lp = 0; }

        @Override public void process(ProcessContext ctx) {
            float[] x = ctx.in(in), y = ctx.out(out);
            int n = ctx.frames();
            double sr = ctx.sampleRate(), toSamples = sr / 1000;
            int max = buf.maxDelay();
            double a = 1 - Math.exp(-2 * Math.PI * dampingHz.currentRt() / sr);
            double s = lp;
            for (int i = 0; i < n; i++) {
                double d = delayMillis.nextRt() * toSamples;
                double fb = feedback.nextRt(), m = mix.nextRt();
                double delayed = buf.readLinear(d - 1 > max ? max : d - 1);
                s += a * (delayed - s);
                double wet = s;
                double v = x[i] + fb * wet;
                buf.write((float) (Math.abs(v) < 1e-25 ? 0 : v));
                y[i] = (float) ((1 - m) * x[i] + m * wet);
            }
            lp = Math.abs(s) < 1e-25 ? 0 : s;
        }
    }

    /** Noise bursts with silences of 0.5 to 2 s between them (some of -0), a lone click in one of them. */
    static float[] signal(int n) {
        SplittableRandom rnd = new SplittableRandom(21);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            int part = (i / 24_000) % 6;
            if (part == 0 || part == 3) x[i] = (float) (0.5 * (rnd.nextDouble() * 2 - 1));
            else if (part == 4) x[i] = -0f;
            else x[i] = 0f;
        }
        x[24_000 * 5 + 1_000] = 0.7f;                                     // a click in a silence
        return x;
    }

    @ParameterizedTest(name = "blocks of {0}, feedback {1}, mix {2}")
    @CsvSource({"64, 0.4, 0.5", "1, 0.4, 0.5", "37, 0.9, 1", "128, 0, 0", "256, 0.98, 0.3"})
    void shouldPlayTheSameBitsAsThePerSampleFormThroughSoundRestAndRamps(int block, double fb, double mix) {
        FeedbackDelay node = new FeedbackDelay(500).delayMillis(180);
        node.feedback.reset(fb);
        node.mix.reset(mix);
        node.delayMillis.reset(180);
        Reference ref = new Reference();
        ref.feedback.reset(fb);
        ref.mix.reset(mix);
        ref.delayMillis.reset(180);
        NodeHarness h = new NodeHarness(node, 48_000, block), hr = new NodeHarness(ref, 48_000, block);
        float[] x = signal(48_000 * 12);
        h.input(node.in, x);
        hr.input(ref.in, x);
        int mismatches = 0, firstBad = -1, restingBlocks = 0, nextRamp = 30_000;
        for (int done = 0; done < x.length; done += block) {
            int n = Math.min(block, x.length - done);
            if (done >= nextRamp) {                                       // ramps land in sound and in silence
                double ms = 40 + (nextRamp / 1_000) % 400;
                node.delayMillis.set(ms);
                ref.delayMillis.set(ms);
                node.mix.set(1 - mix);
                ref.mix.set(1 - mix);
                nextRamp += 70_000;
            }
            if (node.ringSilent()) restingBlocks++;
            h.renderBlock(n);
            hr.renderBlock(n);
            float[] y = h.outBuffer(node.out, 0), yr = hr.outBuffer(ref.out, 0);
            for (int i = 0; i < n; i++) {
                if (Float.floatToRawIntBits(y[i]) != Float.floatToRawIntBits(yr[i])) {
                    mismatches++;
                    if (firstBad < 0) firstBad = done + i;
                }
            }
        }
        assertThat(mismatches).as("samples differing from the per-sample form (first at %d)", firstBad).isZero();
        FeedbackDelay.State st = (FeedbackDelay.State) node.saveState();
        assertThat(st.buffer()).as("the ring").isEqualTo(ref.buf.data);
        assertThat(st.writeIndex()).as("the ring's index").isEqualTo(ref.buf.w);
        assertThat(st.lowPass()).as("the damping filter").isEqualTo(ref.lp);
        if (fb < 0.95) assertThat(restingBlocks).as("blocks that started at rest").isGreaterThan(0);
    }
}
