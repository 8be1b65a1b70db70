package dev.aether.nodes.osc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.testkit.Render;
import org.junit.jupiter.api.Test;

class LfoTest {
    @Test
    void shouldMapEveryShapeOntoMinToMax() {
        for (Lfo.Shape s : Lfo.Shape.values()) {
            float[] y = Render.mono(new Lfo().rateHz(4).range(-3, 7).shape(s), 12_000);   // one cycle
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (float v : y) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
            assertThat(lo).as("%s minimum", s).isCloseTo(-3, within(1e-3));
            assertThat(hi).as("%s maximum", s).isCloseTo(7, within(1e-3));
        }
    }

    @Test
    void shouldRunAtRateHz() {
        float[] y = Render.mono(new Lfo().rateHz(2).range(-1, 1).shape(Lfo.Shape.SAW), 48_000);
        int wraps = 0;
        for (int i = 1; i < y.length; i++) if (y[i] < y[i - 1] - 1) wraps++;
        assertThat(wraps).as("saw wraps in one second at 2 Hz").isEqualTo(1);   // phase 0 at t=0, wraps at 0.5 s
        assertThat((double) y[12_000]).as("saw at a quarter second").isCloseTo(0, within(1e-3));
    }
}
