package dev.aether.nodes.osc;

import dev.aether.nodes.delay.Interpolation;
import dev.aether.testkit.Render;
import dev.aether.testkit.signals.Signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WavetableOscillatorTest {
    @Test
    void shouldPlayACleanSineWithEitherInterpolation() {
        for (WavetableOscillator.Interpolation in : WavetableOscillator.Interpolation.values()) {
            float[] y = Render.mono(new WavetableOscillator().interpolation(in).frequencyHz(1000), 1 << 16);
            double thdn = Signals.thdPlusN(y, 0, 1 << 16, 8);
            System.out.printf("WavetableOscillator sine %s: THD+N %.1f dB%n", in, Signals.db(thdn));
            assertThat(thdn).as("THD+N with %s interpolation", in).isLessThan(1e-4);
            assertThat(Signals.peakFrequency(y, 0, 1 << 16, Render.SR)).as("frequency").isCloseTo(1000, within(0.01));
        }
    }

    @Test
    void shouldNotAliasASawTable() {
        float[] y = Render.mono(WavetableOscillator.saw().frequencyHz(SawOscillatorTest.F_ALIAS),
                SawOscillatorTest.SKIP + SawOscillatorTest.N);
        double a = Signals.powerDb(SawOscillatorTest.aliasRatio(y, SawOscillatorTest.F_ALIAS));
        System.out.printf("WavetableOscillator saw at 997 Hz: aliasing %.1f dB%n", a);
        assertThat(a).as("off-harmonic power of the mip-mapped saw, dB").isLessThan(-80);
    }

    @Test
    void shouldPickTheRichestTableBelowNyquist() {
        assertThat(WavetableOscillator.topHarmonic(WavetableOscillator.level(1000 / 48_000.0)))
                .as("top harmonic at 1 kHz (24 fit below Nyquist)").isEqualTo(16);
        assertThat(WavetableOscillator.topHarmonic(WavetableOscillator.level(20 / 48_000.0)))
                .as("top harmonic at 20 Hz").isEqualTo(1024);
    }

    @Test
    void shouldReadACycleAsItsHarmonics() {
        int m = 600;
        float[] cycle = new float[m];
        for (int i = 0; i < m; i++) {
            double x = 2 * Math.PI * i / m;
            cycle[i] = (float) (0.2 + 0.5 * Math.sin(x) + 0.25 * Math.cos(3 * x));
        }
        float[] fromCycle = Render.mono(new WavetableOscillator().frequencyHz(100).cycle(cycle), 4_800);
        for (int i = 0; i < 4_800; i++) {
            double x = 2 * Math.PI * 100 * i / Render.SR;
            assertThat((double) fromCycle[i]).as("sample %d", i)
                    .isCloseTo(0.2 + 0.5 * Math.sin(x) + 0.25 * Math.cos(3 * x), within(1e-5));
        }
    }
}
