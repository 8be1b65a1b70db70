package dev.aether.arrange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CurveTest {
    @Test void everyCurveStartsAtAAndAllButHoldEndAtB() {
        for (Curve c : Curve.values()) {
            assertThat(c.interpolate(0.25, 4, 0)).as(c.name()).isEqualTo(0.25);
            assertThat(c.interpolate(0.25, 4, 1)).as(c.name()).isCloseTo(c == Curve.HOLD ? 0.25 : 4, within(1e-12));
            assertThat(c.interpolate(0, 1, 1)).as(c.name()).isCloseTo(c == Curve.HOLD ? 0 : 1, within(1e-12));
        }
    }

    @Test void midpointsAreTheAnalyticOnes() {
        assertThat(Curve.LINEAR.interpolate(100, 300, 0.5)).isEqualTo(200);
        assertThat(Curve.EXPONENTIAL.interpolate(100, 400, 0.5)).as("geometric mean").isCloseTo(200, within(1e-9));
        assertThat(Curve.EXPONENTIAL.interpolate(0, 1, 0.5)).as("half way through 60 dB: -30 dB").isCloseTo((Math.sqrt(1000) - 1) / 999, within(1e-12));
        assertThat(Curve.S_CURVE.interpolate(0, 1, 0.5)).isCloseTo(0.5, within(1e-12));
        assertThat(Curve.S_CURVE.interpolate(0, 1, 0.001)).as("flat at the start").isLessThan(1e-5);
        assertThat(Curve.HOLD.interpolate(3, 7, 0.999)).isEqualTo(3);
    }

    @Test void fadesRiseMonotonically() {
        for (Curve c : new Curve[] {Curve.LINEAR, Curve.EXPONENTIAL, Curve.S_CURVE}) {
            double last = -1;
            for (int i = 0; i <= 1000; i++) {
                double g = c.interpolate(0, 1, i / 1000.0);
                assertThat(g).as(c + " at " + i).isGreaterThanOrEqualTo(last);
                last = g;
            }
        }
    }
}
