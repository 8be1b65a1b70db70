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

    @Test
    void shouldTakeBlockLog2AndExp2BitIdenticalToThePerSampleFormsAndToTwelveDigitsOfMath() {
        SplittableRandom r = new SplittableRandom(17);
        int n = 4_096;
        double[] x = new double[n + 3], y = new double[n + 3], lg = new double[n + 3], ex = new double[n + 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 7 == 0 ? Double.MIN_VALUE * (1 + r.nextInt(1 << 20)) : Math.pow(10, r.nextDouble(-320, 300));
            y[i] = r.nextDouble(-60, 60);
        }
        Dsp.log2(x, lg, 1, n);
        Dsp.exp2(y, ex, 2, n);
        double worstLog = 0, worstExp = 0;
        for (int i = 1; i < n + 1; i++) {
            assertThat(Double.doubleToRawLongBits(lg[i])).as("log2 block vs per sample at %s", x[i])
                    .isEqualTo(Double.doubleToRawLongBits(Dsp.log2(x[i])));
            worstLog = Math.max(worstLog, Math.abs(lg[i] - Math.log(x[i]) / Math.log(2)));
        }
        for (int i = 2; i < n + 2; i++) {
            assertThat(Double.doubleToRawLongBits(ex[i])).as("exp2 block vs per sample at %s", y[i])
                    .isEqualTo(Double.doubleToRawLongBits(Dsp.exp2(y[i])));
            worstExp = Math.max(worstExp, Math.abs(ex[i] / Math.pow(2, y[i]) - 1));
        }
        assertThat(lg[0]).as("before the range: untouched").isZero();
        assertThat(lg[n + 1]).as("after the range: untouched").isZero();
        assertThat(ex[1]).as("before the range: untouched").isZero();
        assertThat(worstLog).as("block log2: worst absolute error against Math.log / ln 2").isLessThan(1e-11);
        assertThat(worstExp).as("block exp2: worst relative error against Math.pow(2, y)").isLessThan(1e-12);

        double[] odd = {0, -0.0, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, Double.MIN_NORMAL, 1, 0.5};
        double[] got = new double[odd.length];
        Dsp.log2(odd, got, 0, odd.length);
        for (int i = 0; i < odd.length; i++) {
            assertThat(Double.doubleToRawLongBits(got[i])).as("log2 block vs per sample at %s", odd[i])
                    .isEqualTo(Double.doubleToRawLongBits(Dsp.log2(odd[i])));
        }
    }

    @Test
    void shouldAnswerLog2OutsideItsDomainWithoutRecursing() {
        assertThat(Dsp.log2(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Dsp.log2(-0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Dsp.log2(-1)).isNaN();
        assertThat(Dsp.log2(Double.NaN)).isNaN();
        assertThat(Dsp.log2(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Dsp.log2(Double.NEGATIVE_INFINITY)).isNaN();
        assertThat(Dsp.log2(Double.MIN_NORMAL)).isEqualTo(-1022);
        assertThat(Dsp.log2(Double.MAX_VALUE)).isEqualTo(1024, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(Dsp.log2(Double.longBitsToDouble(0xfff8_0000_0000_0001L))).as("a NaN with the sign bit").isNaN();
        assertThat(Dsp.log2(Double.MIN_VALUE)).as("the smallest subnormal").isEqualTo(-1074.0, org.assertj.core.api.Assertions.within(1e-9));
    }
}
