package dev.aether.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The per-sample helpers oscillators rely on, against {@code Math} on random arguments. */
class DspTest {
    @Test
    void shouldWrapLikeXMinusFloorX() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 1_000_000; i++) {
            double x = i % 2 == 0 ? rnd.nextDouble(-3, 3) : rnd.nextDouble(-1e6, 1e6);
            double expected = x - Math.floor(x);
            if (expected >= 1) expected = 0;
            assertThat(Dsp.wrap01(x)).as("wrap01(%s)", x).isEqualTo(expected);
        }
        assertThat(Dsp.wrap01(-1e-20)).as("a tiny negative phase wraps to 0, not to 1").isZero();
        assertThat(Dsp.wrap01(1.0)).isZero();
        assertThat(Dsp.wrap01(-1.0)).isZero();
    }

    @Test
    void shouldMatchMathTanh() {
        SplittableRandom rnd = new SplittableRandom(11);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double x = i % 2 == 0 ? rnd.nextDouble(-3, 3) : rnd.nextDouble(-40, 40);
            worst = Math.max(worst, Math.abs(Dsp.tanh(x) - Math.tanh(x)));
        }
        System.out.printf("Dsp.tanh: worst absolute error %.3g against Math.tanh%n", worst);
        assertThat(worst).isLessThan(5e-16);
        assertThat(Dsp.tanh(0)).isZero();
        assertThat(Dsp.tanh(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Dsp.tanh(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(Dsp.tanh(1e-300)).as("tiny inputs stay tiny").isBetween(0.0, 1e-299);
        assertThat(Dsp.tanh(Double.NaN)).isNaN();
    }

    @Test
    void shouldRotateAQuadraturePairLikeSinAndCosOverABlock() {
        SplittableRandom rnd = new SplittableRandom(13);
        Quadrature q = new Quadrature();
        double worst = 0;
        for (int trial = 0; trial < 10_000; trial++) {
            double phase = rnd.nextDouble(), step = rnd.nextDouble(-0.5, 0.5);
            q.anchor(phase, step);
            for (int i = 0; i < 1024; i++) {                          // the largest block
                double a = 2 * Math.PI * (phase + i * step);
                worst = Math.max(worst, Math.max(Math.abs(q.sin() - Math.sin(a)), Math.abs(q.cos() - Math.cos(a))));
                q.step();
            }
        }
        System.out.printf("Quadrature: worst error over 1,024 steps %.3g%n", worst);
        assertThat(worst).as("against Math.sin/cos over a 1,024-frame block").isLessThan(5e-12);
    }

    @Test
    void shouldTakeLog2AndExp2AsMathDoesToTwelveDigits() {
        SplittableRandom r = new SplittableRandom(13);
        double worstLog = 0, worstExp = 0;
        for (int i = 0; i < 200_000; i++) {
            double x = Math.pow(10, r.nextDouble(-320, 300));           // subnormals to huge
            worstLog = Math.max(worstLog, Math.abs(Dsp.log2(x) - Math.log(x) / Math.log(2)));
            double y = r.nextDouble(-60, 60);
            worstExp = Math.max(worstExp, Math.abs(Dsp.exp2(y) / Math.pow(2, y) - 1));
        }
        assertThat(Dsp.log2(1)).isEqualTo(0);
        assertThat(Dsp.log2(8)).isEqualTo(3);
        assertThat(Dsp.exp2(0)).isEqualTo(1);
        assertThat(Dsp.exp2(-3)).isEqualTo(0.125);
        assertThat(worstLog).as("log2: worst absolute error").isLessThan(1e-11);
        assertThat(worstExp).as("exp2: worst relative error").isLessThan(1e-12);
    }
}
