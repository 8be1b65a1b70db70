package dev.aether.nodes.delay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.testkit.NodeHarness;
import org.junit.jupiter.api.Test;

class EchoesTest {
    static float[] impulse(int n) { float[] x = new float[n]; x[0] = 1; return x; }

    @Test
    void shouldRepeatAnImpulseEveryDelayWithFeedbackGain() {
        FeedbackDelay d = new FeedbackDelay(100);
        d.delayMillis.reset(10);          // 480 samples
        d.feedback.reset(0.5);
        d.dampingHz.reset(20_000);
        d.mix.reset(1);
        NodeHarness h = new NodeHarness(d, 48_000, 64);
        h.input(d.in, impulse(2000));
        float[] y = h.render(2000)[0][0];
        double e1 = 0, e2 = 0;
        for (int i = 470; i < 950; i++) e1 += y[i];
        for (int i = 950; i < 1430; i++) e2 += y[i];
        assertThat(e1).as("first echo carries the impulse (low-pass has unit DC gain)").isCloseTo(1, within(0.02));
        assertThat(e2 / e1).as("second echo is feedback times the first").isCloseTo(0.5, within(0.02));
        assertThat((double) y[479]).as("nothing before the delay").isCloseTo(0, within(1e-9));
    }

    @Test
    void shouldKeepTheMagnitudeOfAnAllPass() {
        AllPassFilter ap = new AllPassFilter();
        ap.delayMillis.reset(1);
        ap.gain.reset(0.7);
        NodeHarness h = new NodeHarness(ap, 48_000, 64);
        h.input(ap.in, impulse(48_000));
        float[] y = h.render(48_000)[0][0];
        double energy = 0;
        for (float v : y) energy += v * v;
        assertThat(energy).as("an all-pass keeps the impulse's energy").isCloseTo(1, within(1e-4));
        assertThat((double) y[0]).as("direct path -g").isCloseTo(-0.7, within(1e-6));
        assertThat((double) y[48]).as("first tap 1 - g^2").isCloseTo(0.51, within(1e-6));
    }

    @Test
    void shouldLoopWhatWasRecorded() {
        TapeLoop loop = new TapeLoop(0.01).recording(true);   // 480 samples
        loop.mix.reset(1);
        NodeHarness h = new NodeHarness(loop, 48_000, 48);
        float[] x = new float[480];
        for (int i = 0; i < 480; i++) x[i] = (float) Math.sin(i * 0.1);
        h.input(loop.in, x);
        h.render(480);
        loop.recording(false);
        float[] y = h.render(960)[0][0];
        for (int i = 0; i < 960; i++) assertThat(y[i]).as("loop plays back sample %d", i).isEqualTo(x[i % 480]);
    }
}
