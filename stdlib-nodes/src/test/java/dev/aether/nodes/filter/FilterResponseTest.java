package dev.aether.nodes.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.testkit.NodeHarness;
import dev.aether.testkit.Render;
import dev.aether.testkit.signals.Signals;
import org.junit.jupiter.api.Test;

/** Steady-state sine responses against analytic values. All measurements: 1 s of settling, then 1 s measured. */
class FilterResponseTest {
    static final double SR = Render.SR;

    /** Gain in dB at {@code f}: amplitude of the output component at f over that of a unit sine input. */
    static double gainDb(DspNode node, InputPort in, OutputPort out, double f) {
        NodeHarness h = Render.harness(node);
        int settle = 48_000, len = 48_000;
        h.input(in, Signals.sine(settle + len, f, 0.5, SR));
        int outIndex = h.spec().outputs().indexOf(out);
        float[] y = h.render(settle + len)[outIndex][0];
        return Signals.db(Signals.amplitudeAt(y, settle, len, f, SR) / 0.5);
    }

    static double biquad(BiquadFilter.Mode m, double fc, double q, double g, double f) {
        BiquadFilter b = new BiquadFilter(m).cutoffHz(fc).q(q).gainDb(g);
        return gainDb(b, b.in, b.out, f);
    }

    @Test
    void shouldPutMinus3dbAtCutoffForAButterworthLowPass() {
        double atFc = biquad(BiquadFilter.Mode.LOW_PASS, 1000, Math.sqrt(0.5), 0, 1000);
        double octave = biquad(BiquadFilter.Mode.LOW_PASS, 1000, Math.sqrt(0.5), 0, 2000);
        double oct4 = biquad(BiquadFilter.Mode.LOW_PASS, 1000, Math.sqrt(0.5), 0, 4000);
        double oct8 = biquad(BiquadFilter.Mode.LOW_PASS, 1000, Math.sqrt(0.5), 0, 8000);
        System.out.printf("Biquad LP 1 kHz Q 0.7071: %.4f dB at fc, %.3f dB at 2 fc, %.3f dB at 4 fc, %.3f at 8 fc%n",
                atFc, octave, oct4, oct8);
        assertThat(atFc).as("gain at cutoff, dB").isCloseTo(-3.0103, within(0.05));
        // analog Butterworth: -10 log10(1 + 2^4) = -12.30 dB at 2 fc; the bilinear transform adds < 0.1 dB here
        assertThat(octave).as("gain one octave above cutoff, dB").isCloseTo(-12.30, within(0.3));
        // asymptote: 12 dB per octave (the bilinear zero at Nyquist makes the 4k->8k step a little steeper)
        assertThat(oct4 - oct8).as("drop from 4 fc to 8 fc, dB").isCloseTo(12.0, within(1.5));
    }

    @Test
    void shouldMirrorTheLowPassForAButterworthHighPass() {
        assertThat(biquad(BiquadFilter.Mode.HIGH_PASS, 1000, Math.sqrt(0.5), 0, 1000)).as("HP at cutoff, dB")
                .isCloseTo(-3.0103, within(0.05));
        assertThat(biquad(BiquadFilter.Mode.HIGH_PASS, 1000, Math.sqrt(0.5), 0, 500)).as("HP an octave below, dB")
                .isCloseTo(-12.30, within(0.3));
        assertThat(biquad(BiquadFilter.Mode.HIGH_PASS, 1000, Math.sqrt(0.5), 0, 10_000)).as("HP passband, dB")
                .isCloseTo(0, within(0.05));
    }

    @Test
    void shouldPassTheCentreAndRejectTheSidesForABandPass() {
        assertThat(biquad(BiquadFilter.Mode.BAND_PASS, 1000, 5, 0, 1000)).as("BP at centre, dB").isCloseTo(0, within(0.05));
        // analog 2nd-order BP at f = 4 fc, Q 5: -10 log10(1 + Q^2 (4 - 1/4)^2) = -25.5 dB
        assertThat(biquad(BiquadFilter.Mode.BAND_PASS, 1000, 5, 0, 250)).as("BP two octaves below, dB")
                .isCloseTo(-25.5, within(0.5));
        assertThat(biquad(BiquadFilter.Mode.NOTCH, 1000, 5, 0, 1000)).as("notch at centre, dB").isLessThan(-60);
        assertThat(biquad(BiquadFilter.Mode.PEAK, 1000, 2, 9, 1000)).as("peak +9 dB at centre").isCloseTo(9, within(0.05));
    }

    @Test
    void shouldMatchTheStaticMagnitudeResponseInEveryMode() {
        for (BiquadFilter.Mode m : BiquadFilter.Mode.values()) {
            for (double f : new double[] {100, 700, 1500, 6000}) {
                double predicted = BiquadFilter.magnitudeDb(m, 1000, 1.3, -6, SR, f);
                assertThat(biquad(m, 1000, 1.3, -6, f)).as("%s at %s Hz vs magnitudeDb", m, f)
                        .isCloseTo(predicted, within(0.05));
            }
        }
        assertThat(new BiquadFilter().magnitudeDb(1000)).as("instance magnitudeDb at cutoff")
                .isCloseTo(-3.0103, within(0.001));
    }

    @Test
    void shouldPutQAtCutoffForTheSvfLowPassAndZeroDbForItsBandPass() {
        StateVariableFilter svf = new StateVariableFilter().cutoffHz(1000);
        assertThat(gainDb(svf, svf.in, svf.lowPass, 1000)).as("SVF LP at cutoff, Q 0.7071, dB")
                .isCloseTo(-3.0103, within(0.05));
        StateVariableFilter r = new StateVariableFilter().cutoffHz(1000).q(4);
        assertThat(gainDb(r, r.in, r.lowPass, 1000)).as("SVF LP at cutoff, Q 4: gain Q").isCloseTo(Signals.db(4), within(0.05));
        StateVariableFilter b = new StateVariableFilter().cutoffHz(1000).q(4);
        assertThat(gainDb(b, b.in, b.bandPass, 1000)).as("SVF BP at centre").isCloseTo(0, within(0.05));
        StateVariableFilter hp = new StateVariableFilter().cutoffHz(1000);
        assertThat(gainDb(hp, hp.in, hp.highPass, 1000)).as("SVF HP at cutoff").isCloseTo(-3.0103, within(0.05));
        StateVariableFilter no = new StateVariableFilter().cutoffHz(1000).q(2);
        assertThat(gainDb(no, no.in, no.notch, 1000)).as("SVF notch at centre").isLessThan(-60);
    }

    @Test
    void shouldFollowCutoffModInOctaves() {
        StateVariableFilter svf = new StateVariableFilter().cutoffHz(500);
        NodeHarness h = Render.harness(svf);
        float[] mod = new float[96_000];
        java.util.Arrays.fill(mod, 1f);                        // +1 octave: 1 kHz
        h.input(svf.in, Signals.sine(96_000, 1000, 0.5, SR));
        h.input(svf.cutoffMod, mod);
        float[] y = h.render(96_000)[h.spec().outputs().indexOf(svf.lowPass)][0];
        assertThat(Signals.db(Signals.amplitudeAt(y, 48_000, 48_000, 1000, SR) / 0.5))
                .as("LP at 1 kHz with cutoff 500 Hz + 1 octave").isCloseTo(-3.0103, within(0.05));
    }

    @Test
    void shouldPutMinus3dbAtCutoffForTheTptOnePoles() {
        // bilinear with pre-warping maps the analog -3.01 dB point exactly onto cutoffHz
        OnePoleLowPass lp = new OnePoleLowPass().cutoffHz(1000);
        assertThat(gainDb(lp, lp.in, lp.out, 1000)).as("one-pole LP at cutoff").isCloseTo(-3.0103, within(0.05));
        OnePoleLowPass lp2 = new OnePoleLowPass().cutoffHz(1000);
        // bilinear one-pole: |H(f)|^2 = 1 / (1 + (tan(pi f / fs) / tan(pi fc / fs))^2): -18.95 dB at 8 kHz
        // (the analog -18.13 dB, steepened by the frequency warping towards Nyquist)
        double at8 = gainDb(lp2, lp2.in, lp2.out, 8000);
        double r = Math.tan(Math.PI * 8000 / SR) / Math.tan(Math.PI * 1000 / SR);
        System.out.printf("OnePoleLowPass 1 kHz: %.3f dB at 8 kHz%n", at8);
        assertThat(at8).as("one-pole LP at 8 fc vs the bilinear formula").isCloseTo(-10 * Math.log10(1 + r * r), within(0.05));
        OnePoleHighPass hp = new OnePoleHighPass().cutoffHz(1000);
        assertThat(gainDb(hp, hp.in, hp.out, 1000)).as("one-pole HP at cutoff").isCloseTo(-3.0103, within(0.05));
    }

    @Test
    void shouldRemoveDcAndPassAudio() {
        DcBlocker dc = new DcBlocker();
        NodeHarness h = Render.harness(dc);
        float[] x = Signals.sine(96_000, 1000, 0.5, SR);
        for (int i = 0; i < x.length; i++) x[i] += 0.4f;
        h.input(dc.in, x);
        float[] y = h.render(96_000)[0][0];
        assertThat(Math.abs(Signals.mean(y, 48_000, 48_000))).as("DC left after 1 s (10 Hz corner)").isLessThan(1e-4);
        assertThat(Signals.db(Signals.amplitudeAt(y, 48_000, 48_000, 1000, SR) / 0.5)).as("1 kHz passes, dB")
                .isCloseTo(0, within(0.01));
    }

    @Test
    void shouldPassDcAtUnityWhileTheBiquadCutoffSweepsFromMinToMax() {
        for (double ramp : new double[] {0.02, 0}) {
            BiquadFilter b = new BiquadFilter().cutoffHz(10);
            NodeHarness h = Render.harness(b);
            float[] ones = new float[200_000];
            java.util.Arrays.fill(ones, 1f);
            h.input(b.in, ones);
            h.render(150_000);                                  // settled at DC gain 1
            b.cutoffHz.set(20_000, ramp);
            float[] y = h.render(4_800)[0][0];
            double worst = 0;
            for (float v : y) worst = Math.max(worst, Math.abs(v - 1));
            System.out.printf("Biquad LP, DC in, cutoff 10 Hz -> 20 kHz over %.0f ms: max deviation %.2e%n", ramp * 1000, worst);
            assertThat(worst).as("deviation from DC gain 1 while the coefficients move").isLessThan(1e-5);
        }
    }

    @Test
    void shouldNotStepWhenTheBiquadCutoffSweepsUnderASine() {
        for (double ramp : new double[] {0.02, 0}) {
            BiquadFilter b = new BiquadFilter().cutoffHz(150);
            NodeHarness h = Render.harness(b);
            h.input(b.in, Signals.sine(200_000, 100, 0.5, SR));
            h.render(96_000);
            b.cutoffHz.set(20_000, ramp);
            float[] y = h.render(9_600)[0][0];
            double worst = 0;
            for (int i = 1; i < y.length; i++) worst = Math.max(worst, Math.abs(y[i] - y[i - 1]));
            // a 100 Hz sine of amplitude <= 0.5 (LP gain <= 1 here, Q 0.7071) moves at most 2 pi 100 / 48000 * 0.5
            // per sample; while the sweep unwinds the low-pass's phase lag (-62 deg at 150 Hz to 0) the output briefly
            // runs faster than 100 Hz, so allow 1.5 times that. A click would be a step of order the amplitude.
            double natural = 2 * Math.PI * 100 / SR * 0.5;
            System.out.printf("Biquad LP, 100 Hz sine in, cutoff 150 Hz -> 20 kHz over %.0f ms: max step %.5f (sine alone %.5f)%n",
                    ramp * 1000, worst, natural);
            if (ramp > 0) assertThat(worst).as("largest sample-to-sample step during a smoothed sweep").isLessThan(natural * 1.5);
        }
    }
}
