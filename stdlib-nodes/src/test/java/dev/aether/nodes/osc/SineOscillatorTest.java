package dev.aether.nodes.osc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.testkit.NodeHarness;
import dev.aether.testkit.Render;
import dev.aether.testkit.signals.Signals;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SineOscillatorTest {
    static final int N = 1 << 18;           // 5.46 s: FFT bin 0.183 Hz

    @Test
    void shouldMeasureAnIdealSineWithinAThousandthOfAHertz() {
        // calibrates the estimator the next test relies on
        float[] ideal = Signals.sine(N, 1234.567, 0.9, Render.SR);
        assertThat(Signals.peakFrequency(ideal, 0, N, Render.SR)).as("estimator on an ideal sine")
                .isCloseTo(1234.567, within(0.001));
    }

    @Test
    void shouldPlayTheRequestedFrequencyWithinOneHundredthOfAHertz() {
        for (double f : new double[] {1000, 261.6256, 7040.5}) {
            float[] y = Render.mono(new SineOscillator().frequencyHz(f), N);
            double measured = Signals.peakFrequency(y, 0, N, Render.SR);
            System.out.printf("SineOscillator: asked %.4f Hz, measured %.5f Hz%n", f, measured);
            assertThat(measured).as("frequency of a %s Hz sine", f).isCloseTo(f, within(0.01));
        }
    }

    @Test
    void shouldHaveThdPlusNoiseBelowOneHundredthOfAPercent() {
        float[] y = Render.mono(new SineOscillator().frequencyHz(1000), 1 << 16);
        double thdn = Signals.thdPlusN(y, 0, 1 << 16, 8);
        float[] ideal = Signals.sine(1 << 16, 1000, 1, Render.SR);
        System.out.printf("SineOscillator 1 kHz: THD+N %.2e (%.1f dB); float-rounded ideal sine %.1f dB%n",
                thdn, Signals.db(thdn), Signals.db(Signals.thdPlusN(ideal, 0, 1 << 16, 8)));
        assertThat(thdn).as("THD+N of a 1 kHz sine (ratio)").isLessThan(1e-4);
    }

    @Test
    void shouldKeepThePhaseContinuousThroughAFrequencyJump() {
        SineOscillator osc = new SineOscillator().frequencyHz(20);
        NodeHarness h = Render.harness(osc);
        int before = 4_000, after = 4_000;
        float[] a = h.render(before)[0][0];
        osc.frequencyHz(20_000);                              // default ramp: 20 ms exponential
        float[] b = h.render(after)[0][0];
        // analytic: phase is the running sum of f/fs; f ramps 20 -> 20000 by a constant ratio over 960 samples
        int ramp = (int) Math.round(0.020 * Render.SR);
        double ratio = Math.pow(20_000 / 20.0, 1.0 / ramp);
        double phase = before * 20 / Render.SR, f = 20, worst = 0;
        for (int i = 0; i < after; i++) {
            double expected = Math.sin(2 * Math.PI * (phase - Math.floor(phase)));
            worst = Math.max(worst, Math.abs(b[i] - expected));
            phase += (float) f / Render.SR;
            f = i + 1 < ramp ? f * ratio : 20_000;
        }
        assertThat(worst).as("max deviation from the analytic phase-continuous sweep").isLessThan(1e-4);
        double step = Math.abs(b[0] - a[before - 1]);
        assertThat(step).as("step across the jump, vs 2 sin(pi 20 / 48000)").isLessThan(2 * Math.sin(Math.PI * 20 / 48_000) + 1e-6);
    }

    @Test
    void shouldAddFmInHertzAndPmInRadians() {
        SineOscillator osc = new SineOscillator().frequencyHz(1000);
        NodeHarness h = Render.harness(osc);
        float[] fm = new float[N];
        Arrays.fill(fm, 100f);
        h.input(osc.fm, fm);
        float[] y = h.render(N)[0][0];
        assertThat(Signals.peakFrequency(y, 0, N, Render.SR)).as("1000 Hz + fm 100 Hz").isCloseTo(1100, within(0.01));

        SineOscillator osc2 = new SineOscillator().frequencyHz(1000);
        NodeHarness h2 = Render.harness(osc2);
        float[] pm = new float[64];
        Arrays.fill(pm, (float) (Math.PI / 2));
        h2.input(osc2.pm, pm);
        float[] z = h2.render(64)[0][0];
        for (int i = 0; i < 64; i++) {
            assertThat((double) z[i]).as("pm = pi/2 turns sine into cosine, sample %d", i)
                    .isCloseTo(Math.cos(2 * Math.PI * 1000 * i / Render.SR), within(1e-5));
        }
    }

    @Test
    void shouldRestartThePhaseOnResetPhaseAndOnSync() {
        SineOscillator osc = new SineOscillator().frequencyHz(333);
        NodeHarness h = Render.harness(osc);
        h.render(1000);
        osc.resetPhase();
        float[] y = h.render(64)[0][0];
        assertThat((double) y[0]).as("first sample after resetPhase").isCloseTo(0, within(1e-7));
        assertThat((double) y[1]).as("second sample").isCloseTo(Math.sin(2 * Math.PI * 333 / Render.SR), within(1e-6));

        SineOscillator s = new SineOscillator().frequencyHz(333);
        NodeHarness hs = Render.harness(s);
        float[] sync = new float[2000];
        Arrays.fill(sync, 0, 700, -1f);
        Arrays.fill(sync, 700, 2000, 1f);
        hs.input(s.sync, sync);
        float[] ys = hs.render(2000)[0][0];
        assertThat((double) ys[700]).as("sample at the sync edge").isCloseTo(0, within(1e-7));
        assertThat((double) ys[701]).as("after the sync edge").isCloseTo(Math.sin(2 * Math.PI * 333 / Render.SR), within(1e-6));
    }

    /**
     * With nothing on fm, pm and sync the oscillator rotates a (cos, sin) pair instead of calling Math.sin per
     * sample; anchored every block on the exact phase, it stays within float rounding of the general loop for 10 s.
     */
    @Test
    void shouldRenderTheGeneralLoopsSamplesOnItsSteadyPath() {
        for (double f : new double[] {0.5, 440, 7040.5, 19_999}) {
            int frames = 10 * (int) Render.SR;
            float[] steady = Render.mono(new SineOscillator().frequencyHz(f), frames);
            SineOscillator general = new SineOscillator().frequencyHz(f);
            NodeHarness h = Render.harness(general);
            h.input(general.fm, new float[frames]);                  // connected (silent): the general loop
            float[] reference = h.render(frames)[0][0];
            double worst = 0;
            for (int i = 0; i < frames; i++) worst = Math.max(worst, Math.abs(steady[i] - reference[i]));
            assertThat(worst).as("%s Hz: steady path vs Math.sin per sample over 10 s", f).isLessThan(2e-7);
        }
    }
}
