package dev.aether.nodes.osc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.core.DspNode;
import dev.aether.testkit.Render;
import dev.aether.testkit.signals.Signals;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Aliasing is measured at 997 Hz, not 1000 Hz: at exactly 1000 Hz / 48 kHz the period is 48 samples, every
 * alias of harmonic k lands on harmonic 48 - k, and energy "off the harmonic bins" is zero for any waveform,
 * naive or not. At 997 Hz aliases fall 144 Hz (mod 997) away from the harmonics and can be measured.
 */
class SawOscillatorTest {
    static final int N = 1 << 16, SKIP = 2_048;
    static final double F_ALIAS = 997;

    /** Off-harmonic power over total power: {@link Signals#aliasRatio} over the measured span. */
    static double aliasRatio(float[] y, double f0) { return Signals.aliasRatio(y, SKIP, N, f0, Render.SR); }

    static float[] naive(double f0, DoubleUnaryOperator shape, int n) {
        float[] y = new float[n];
        double ph = 0;
        for (int i = 0; i < n; i++) {
            ph += f0 / Render.SR;
            ph -= Math.floor(ph);
            y[i] = (float) shape.applyAsDouble(ph);
        }
        return y;
    }

    static double[] compare(String name, DspNode node, DoubleUnaryOperator naiveShape) {
        float[] bl = Render.mono(node, SKIP + N);
        float[] nv = naive(F_ALIAS, naiveShape, SKIP + N);
        double a = Signals.powerDb(aliasRatio(bl, F_ALIAS)), b = Signals.powerDb(aliasRatio(nv, F_ALIAS));
        System.out.printf("%s at %.0f Hz / 48 kHz: aliasing (off-harmonic / total power) %.1f dB, naive %.1f dB,"
                + " improvement %.1f dB%n", name, F_ALIAS, a, b, b - a);
        return new double[] {a, b};
    }

    @Test
    void shouldAliasAtLeast40DbLessThanANaiveSaw() {
        double[] r = compare("SawOscillator", new SawOscillator().frequencyHz(F_ALIAS), p -> 2 * p - 1);
        assertThat(r[1] - r[0]).as("aliasing improvement over a naive saw, dB").isGreaterThanOrEqualTo(40);
    }

    @Test
    void shouldAliasAtLeast40DbLessThanANaiveSquare() {
        double[] r = compare("PulseOscillator(0.5)", new PulseOscillator().frequencyHz(F_ALIAS), p -> p < 0.5 ? 1 : -1);
        assertThat(r[1] - r[0]).as("aliasing improvement over a naive square, dB").isGreaterThanOrEqualTo(40);
    }

    @Test
    void shouldAliasAtLeast30DbLessThanANaiveTriangle() {
        double[] r = compare("TriangleOscillator", new TriangleOscillator().frequencyHz(F_ALIAS),
                p -> p < 0.5 ? 4 * p - 1 : 3 - 4 * p);
        assertThat(r[1] - r[0]).as("aliasing improvement over a naive triangle, dB").isGreaterThanOrEqualTo(30);
    }

    /** Harmonic k's amplitude at 1 kHz (48 samples per cycle, so 48000 samples are exactly 1000 cycles). */
    static double harmonic(float[] y, int k) { return Signals.amplitudeAt(y, SKIP, 48_000, 1000.0 * k, Render.SR); }

    @Test
    void shouldMatchTheSawFourierSeriesInThePassband() {
        float[] y = Render.mono(new SawOscillator().frequencyHz(1000), SKIP + 48_000);
        for (int k : new int[] {1, 2, 3, 5, 10}) {
            assertThat(Signals.db(harmonic(y, k) / (2 / (Math.PI * k)))).as("saw harmonic %d vs 2/(pi k), dB", k)
                    .isCloseTo(0, within(0.05));
        }
    }

    @Test
    void shouldMatchTheSquareFourierSeriesWithNoEvenHarmonics() {
        float[] y = Render.mono(new PulseOscillator().frequencyHz(1000), SKIP + 48_000);
        for (int k : new int[] {1, 3, 5, 9}) {
            assertThat(Signals.db(harmonic(y, k) / (4 / (Math.PI * k)))).as("square harmonic %d vs 4/(pi k), dB", k)
                    .isCloseTo(0, within(0.05));
        }
        for (int k : new int[] {2, 4, 6}) {
            assertThat(Signals.db(harmonic(y, k) / harmonic(y, 1))).as("even harmonic %d, dB re fundamental", k)
                    .isLessThan(-90);
        }
    }

    @Test
    void shouldMatchTheTriangleFourierSeries() {
        float[] y = Render.mono(new TriangleOscillator().frequencyHz(1000), SKIP + 48_000);
        for (int k : new int[] {1, 3, 5, 7}) {
            double expected = 8 / (Math.PI * Math.PI * k * k);
            assertThat(Signals.db(harmonic(y, k) / expected)).as("triangle harmonic %d vs 8/(pi k)^2, dB", k)
                    .isCloseTo(0, within(0.05));
        }
        assertThat(Signals.db(harmonic(y, 2) / harmonic(y, 1))).as("even harmonic, dB").isLessThan(-90);
    }

    @Test
    void shouldSetTheDutyCycleWithWidth() {
        float[] y = Render.mono(new PulseOscillator().frequencyHz(1000).width(0.25), SKIP + 48_000);
        // DC of a +-1 pulse with duty w is 2w - 1; harmonic k amplitude is (4 / (pi k)) |sin(pi k w)|
        assertThat(Signals.mean(y, SKIP, 48_000)).as("DC at width 0.25").isCloseTo(-0.5, within(1e-3));
        assertThat(harmonic(y, 4) / harmonic(y, 1)).as("4th harmonic vanishes at width 1/4").isLessThan(1e-4);
        assertThat(Signals.db(harmonic(y, 1) / (4 / Math.PI * Math.sin(Math.PI * 0.25)))).as("fundamental, dB")
                .isCloseTo(0, within(0.05));
    }

    @Test
    void shouldStayBandLimitedUnderFrequencyModulation() {
        SawOscillator osc = new SawOscillator().frequencyHz(F_ALIAS);
        var h = Render.harness(osc);
        float[] fm = new float[SKIP + N];
        for (int i = 0; i < fm.length; i++) fm[i] = (float) (300 * Math.sin(2 * Math.PI * 0.5 * i / Render.SR));
        h.input(osc.fm, fm);
        float[] y = h.render(SKIP + N)[0][0];
        double peak = 0;
        for (int i = SKIP; i < y.length; i++) peak = Math.max(peak, Math.abs(y[i]));
        float[] plain = Render.mono(new SawOscillator().frequencyHz(F_ALIAS), SKIP + N);
        double plainPeak = 0;
        for (int i = SKIP; i < plain.length; i++) plainPeak = Math.max(plainPeak, Math.abs(plain[i]));
        System.out.printf("SawOscillator peak: %.4f unmodulated, %.4f with +-300 Hz FM%n", plainPeak, peak);
        // a missed or misplaced BLEP under FM would leave a naive edge plus a stray residual (peak near 2)
        assertThat(peak).as("peak of an FM'd band-limited saw vs the unmodulated Gibbs peak")
                .isLessThan(plainPeak + 0.02);
    }

    /**
     * Through-zero FM from the initial phase 0: the phase runs backwards from exactly the discontinuity, which puts
     * the step a whole sample back (offset 1.0, the table's edge); this once threw out of the BLEP table.
     */
    @Test
    void shouldRunBackwardsFromPhaseZeroUnderThroughZeroFm() {
        for (BlepOscillator osc : new BlepOscillator[] {new SawOscillator(), new PulseOscillator(),
                new TriangleOscillator()}) {
            osc.frequencyHz.set(100);
            var h = Render.harness(osc);
            float[] fm = new float[4_800];
            java.util.Arrays.fill(fm, -300f);                         // 100 Hz - 300 Hz = -200 Hz
            h.input(osc.fm, fm);
            float[] y = h.render(fm.length)[0][0];
            double peak = 0;
            for (float v : y) peak = Math.max(peak, Math.abs(v));
            assertThat(peak).as("%s at -200 Hz: finite, band-limited level", osc.typeName()).isBetween(0.5, 1.2);
            assertThat(osc.saveState()).as("%s keeps running", osc.typeName()).isNotNull();
        }
        SawOscillator saw = new SawOscillator().frequencyHz(100);
        var h = Render.harness(saw);
        float[] fm = new float[4_800];
        java.util.Arrays.fill(fm, -300f);
        h.input(saw.fm, fm);
        float[] y = h.render(fm.length)[0][0];
        int rising = 0, falling = 0;
        for (int i = 1_000; i < 4_000; i++) {
            if (y[i] > y[i - 1]) rising++;
            else if (y[i] < y[i - 1]) falling++;
        }
        assertThat(falling).as("a saw run backwards ramps down between its (upward) steps").isGreaterThan(5 * rising);
    }

    /**
     * With nothing on fm, pm and sync the oscillators take a steady-state loop; it renders the general loop's samples
     * (the pulse's and triangle's bit for bit, the saw's to within rounding: its phase is computed in closed form,
     * see {@code BlepCoreSteadyTest}).
     */
    @Test
    void shouldRenderTheSameSamplesWhetherOrNotASilentFmInputIsConnected() {
        BlepOscillator[] unconnected = {new SawOscillator(), new PulseOscillator().width(0.3), new TriangleOscillator()};
        BlepOscillator[] silentFm = {new SawOscillator(), new PulseOscillator().width(0.3), new TriangleOscillator()};
        for (int k = 0; k < unconnected.length; k++) {
            unconnected[k].frequencyHz.set(F_ALIAS);
            silentFm[k].frequencyHz.set(F_ALIAS);
            float[] steady = Render.mono(unconnected[k], 20_000);
            var h = Render.harness(silentFm[k]);
            h.input(silentFm[k].fm, new float[20_000]);
            float[] general = h.render(20_000)[0][0];
            if (unconnected[k] instanceof SawOscillator) {
                assertThat(steady).as("saw: steady-state loop vs general loop").containsExactly(general, within(1e-6f));
            } else {
                assertThat(steady).as("%s: steady-state loop vs general loop", unconnected[k].typeName())
                        .containsExactly(general);
            }
        }
    }
}
