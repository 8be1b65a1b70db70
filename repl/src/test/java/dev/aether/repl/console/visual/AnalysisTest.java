package dev.aether.repl.console.visual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Analysis} against sums of sinusoids whose levels, THD and THD+N are known exactly. */
class AnalysisTest {
    static final double SR = 48_000;
    static final int N = 1 << 16;
    static final double F0 = 441.3;                                             // between bins on purpose
    static final double[] AMPLITUDE = {0, 0.5, 0.05, 0.01, 0, 0.002, 0, 0.0005};   // by harmonic number

    static float[] tone(double noiseAmplitude) {
        SplittableRandom r = new SplittableRandom(7);
        double[] phase = new double[AMPLITUDE.length];
        for (int h = 0; h < phase.length; h++) phase[h] = 2 * Math.PI * r.nextDouble();
        float[] x = new float[N];
        for (int i = 0; i < N; i++) {
            double v = 0;
            for (int h = 1; h < AMPLITUDE.length; h++) v += AMPLITUDE[h] * Math.sin(2 * Math.PI * h * F0 * i / SR + phase[h]);
            x[i] = (float) (v + noiseAmplitude * (2 * r.nextDouble() - 1));
        }
        return x;
    }

    @Test void shouldReadTheFundamentalAndEveryHarmonicsLevelWithinATenthOfADb() {
        Analysis.Result a = Analysis.of(tone(0), SR, 10);
        assertThat(a.fundamental().hz()).as("fundamental (Hz)").isCloseTo(F0, within(0.02));
        assertThat(a.fundamental().dbfs()).as("fundamental level, 20 log10 0.5").isCloseTo(20 * Math.log10(0.5), within(0.1));
        for (Analysis.Component h : a.harmonics()) {
            if (h.harmonic() >= AMPLITUDE.length || AMPLITUDE[h.harmonic()] == 0) {
                assertThat(h.dbfs()).as("harmonic " + h.harmonic() + " is absent").isLessThan(-120);
                continue;
            }
            assertThat(h.hz()).as("harmonic " + h.harmonic() + " frequency").isCloseTo(h.harmonic() * F0, within(1.0));
            assertThat(h.dbfs()).as("harmonic " + h.harmonic() + " level").isCloseTo(20 * Math.log10(AMPLITUDE[h.harmonic()]), within(0.1));
        }
        assertThat(a.harmonics()).hasSize(10);
    }

    @Test void shouldComputeThdAsTheHarmonicsRmsOverTheFundamentals() {
        Analysis.Result a = Analysis.of(tone(0), SR, 10);
        double sum = 0;
        for (int h = 2; h < AMPLITUDE.length; h++) sum += AMPLITUDE[h] * AMPLITUDE[h];
        double thd = Math.sqrt(sum) / AMPLITUDE[1];                             // 0.1021...
        assertThat(a.thd()).as("THD").isCloseTo(thd, within(thd * 1e-3));
        assertThat(a.thdPlusNoise()).as("THD+N with only float rounding as noise").isCloseTo(thd, within(thd * 1e-3));
        double rms = Math.sqrt(sum / 2 + AMPLITUDE[1] * AMPLITUDE[1] / 2);
        assertThat(20 * Math.log10(a.rms())).as("RMS (dBFS)").isCloseTo(20 * Math.log10(rms), within(0.01));
        assertThat(a.report()).contains("fundamental 441.3", "THD   10.2", "dBc");
    }

    @Test void shouldAddTheNoiseToThdPlusNoiseButNotToThd() {
        double noise = 0.01;                                                    // uniform: RMS 0.01 / sqrt(3)
        Analysis.Result a = Analysis.of(tone(noise), SR, 10);
        double harmonics = 0;
        for (int h = 2; h < AMPLITUDE.length; h++) harmonics += AMPLITUDE[h] * AMPLITUDE[h] / 2;
        double expected = Math.sqrt(harmonics + noise * noise / 3) / (AMPLITUDE[1] / Math.sqrt(2));
        assertThat(a.thdPlusNoise()).as("THD+N = sqrt(harmonics' power + noise power) / fundamental RMS")
                .isCloseTo(expected, within(expected * 0.01));
        double thd = Math.sqrt(harmonics * 2) / AMPLITUDE[1];
        assertThat(a.thd()).as("THD barely moves: the noise under 5 lobes of 11 bins").isCloseTo(thd, within(thd * 0.01));
    }

    @Test void shouldSayWhenThereIsNothingToAnalyse() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Analysis.of(new float[N], SR, 10))
                .hasMessageContaining("silent");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Analysis.of(new float[1000], SR, 10))
                .hasMessageContaining("power of two");
    }
}
