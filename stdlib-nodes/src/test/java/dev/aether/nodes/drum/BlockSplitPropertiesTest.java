package dev.aether.nodes.drum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.DspNode;
import dev.aether.nodes.sample.Sample;
import dev.aether.testkit.NodeHarness;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Where blocks split a kit's output never changes it: any hits (keys, samples, velocities; several at one sample
 * too), rendered in blocks of random sizes 1..512, are bit-identical to the same hits rendered in blocks of 64.
 */
class BlockSplitPropertiesTest {
    static final int FRAMES = 8_000;

    record Hit(int key, int atSample, double velocity) {}

    @Provide
    Arbitrary<Hit> hits() {
        return Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, FRAMES - 1),
                Arbitraries.doubles().between(0.05, 1).ofScale(3)).as(Hit::new);
    }

    @Property(tries = 50)
    void drumKitSoundsTheSameHoweverBlocksSplitIt(@ForAll @Size(min = 1, max = 12) List<@net.jqwik.api.From("hits") Hit> hits,
                                                 @ForAll @Size(min = 400, max = 400) List<@IntRange(min = 1, max = 512) Integer> blocks) {
        assertSameOutput(hits, blocks, k -> new DrumKit());
    }

    @Property(tries = 50)
    void sampleKitSoundsTheSameHoweverBlocksSplitIt(@ForAll @Size(min = 1, max = 12) List<@net.jqwik.api.From("hits") Hit> hits,
                                                   @ForAll @Size(min = 400, max = 400) List<@IntRange(min = 1, max = 512) Integer> blocks) {
        assertSameOutput(hits, blocks, k -> sampleKit());
    }

    /** Eight short samples at 44.1 kHz (so hits are interpolated), two voices each (so hits steal). */
    static SampleKit sampleKit() {
        Map<String, Sample> m = new LinkedHashMap<>();
        String[] names = {"bd", "sn", "hh", "oh", "cp", "lt", "mt", "ht"};
        for (int k = 0; k < names.length; k++) {
            float[] x = new float[3_000 + 500 * k];
            for (int i = 0; i < x.length; i++) x[i] = (float) (Math.sin(0.03 * (k + 1) * i) * Math.exp(-i / 1_500.0));
            m.put(names[k], Sample.of(names[k], 44_100, x));
        }
        return new SampleKit("property kit", m, 2);
    }

    static void assertSameOutput(List<Hit> hits, List<Integer> blocks, Function<Integer, DspNode> make) {
        float[] reference = render(hits, null, make);
        float[] split = render(hits, blocks, make);
        for (int i = 0; i < FRAMES; i++) {
            if (Float.floatToRawIntBits(split[i]) != Float.floatToRawIntBits(reference[i])) {
                throw new AssertionError("sample " + i + ": " + split[i] + " in random blocks, " + reference[i] + " in blocks of 64");
            }
        }
        assertThat(hits).isNotEmpty();
    }

    static float[] render(List<Hit> hits, List<Integer> blocks, Function<Integer, DspNode> make) {
        DspNode node = make.apply(0);
        NodeHarness h = new NodeHarness(node, 48_000, 512);
        Hits kit = (Hits) node;
        for (Hit x : hits) assertThat(kit.hitAt(x.key(), x.atSample(), x.velocity())).isTrue();
        float[] out = new float[FRAMES];
        int done = 0, b = 0;
        while (done < FRAMES) {
            int n = Math.min(FRAMES - done, blocks == null ? 64 : blocks.get(b++ % blocks.size()));
            h.renderBlock(n);
            System.arraycopy(h.outBuffer(h.spec().outputs().get(0), 0), 0, out, done, n);
            done += n;
        }
        return out;
    }
}
