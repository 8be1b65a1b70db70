package dev.aether.nodes.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.core.DspNode;
import dev.aether.testkit.Render;
import dev.aether.testkit.signals.Signals;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class NoiseTest {
    static final int SEG = 8_192, LEN = 1 << 21;   // 44 s, 511 averaged segments

    static void assertSeeded(String name, LongFunction<DspNode> make) {
        float[] a = Render.mono(make.apply(7), 10_000), b = Render.mono(make.apply(7), 10_000);
        float[] c = Render.mono(make.apply(8), 10_000);
        assertThat(a).as("%s: same seed, same samples", name).containsExactly(b);
        int same = 0;
        for (int i = 0; i < a.length; i++) if (a[i] == c[i]) same++;
        assertThat(same).as("%s: samples equal under another seed", name).isLessThan(10);
    }

    @Test
    void shouldBeDeterministicPerSeed() {
        assertSeeded("white", s -> new WhiteNoise().seed(s));
        assertSeeded("pink", s -> new PinkNoise().seed(s));
        assertSeeded("brown", s -> new BrownNoise().seed(s));
    }

    static double slope(DspNode node, double lo, double hi) {
        float[] y = Render.mono(node, LEN);
        double s = Signals.slopeDbPerOctave(Signals.welch(y, SEG), SEG, Render.SR, lo, hi);
        System.out.printf("%s: slope %.2f dB/oct over %.0f..%.0f Hz, RMS %.3f%n", node.typeName(), s, lo, hi,
                Signals.rms(y, 0, y.length));
        return s;
    }

    @Test
    void shouldHaveAFlatWhiteSpectrumInMinusOneToOne() {
        assertThat(slope(new WhiteNoise(), 50, 20_000)).as("white slope dB/oct").isCloseTo(0, within(0.1));
        float[] y = Render.mono(new WhiteNoise(), 100_000);
        for (float v : y) assertThat(v).isBetween(-1f, 1f);
        assertThat(Signals.rms(y, 0, y.length)).as("uniform RMS 1/sqrt 3").isCloseTo(1 / Math.sqrt(3), within(0.005));
    }

    @Test
    void shouldFallThreeDbPerOctaveForPink() {
        assertThat(slope(new PinkNoise(), 50, 10_000)).as("pink slope dB/oct").isCloseTo(-3.01, within(0.3));
    }

    @Test
    void shouldFallSixDbPerOctaveForBrown() {
        assertThat(slope(new BrownNoise(), 100, 5_000)).as("brown slope dB/oct").isCloseTo(-6.02, within(0.4));
    }
}
