package dev.aether.nodes.reverb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.testkit.NodeHarness;
import org.junit.jupiter.api.Test;

class FreeverbTest {
    @Test
    void shouldDecayAndStayFiniteWithDecorrelatedChannels() {
        Freeverb r = new Freeverb();
        r.mix.reset(1);
        r.roomSize.reset(0.8);
        NodeHarness h = new NodeHarness(r, 48_000, 64);
        float[] x = new float[4_800];                       // 100 ms of noise
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < x.length; i++) x[i] = (float) (rnd.nextDouble() - 0.5);
        h.input(r.in, x);
        float[][] y = h.render(48_000 * 6)[0];
        double early = 0, late = 0, lr = 0, ll = 0, rr = 0;
        for (int i = 0; i < y[0].length; i++) {
            assertThat(Float.isFinite(y[0][i]) && Float.isFinite(y[1][i])).as("finite at %d", i).isTrue();
        }
        for (int i = 4_800; i < 4_800 + 24_000; i++) {
            early += y[0][i] * y[0][i] + y[1][i] * y[1][i];
            lr += y[0][i] * y[1][i];
            ll += y[0][i] * y[0][i];
            rr += y[1][i] * y[1][i];
        }
        for (int i = 48_000 * 5; i < 48_000 * 5 + 24_000; i++) late += y[0][i] * y[0][i] + y[1][i] * y[1][i];
        assertThat(early).as("the tail has energy").isGreaterThan(1e-3);
        assertThat(10 * Math.log10(late / early)).as("energy 5 s later, dB relative to the first 0.5 s").isLessThan(-60);
        double correlation = lr / Math.sqrt(ll * rr);
        assertThat(Math.abs(correlation)).as("left/right correlation of the tail").isLessThan(0.5);
    }
}
