package dev.aether.arrange.play;

import dev.aether.arrange.Curve;
import dev.aether.arrange.stream.MemorySource;
import dev.aether.arrange.stream.TestWavs;
import dev.aether.core.EngineConfig;
import dev.aether.core.engine.Engine;
import dev.aether.testkit.NodeHarness;
import dev.aether.testkit.signals.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClipPlayerTest {
    static final double SR = 48_000;

    static float[][] play(List<ClipPlacement> clips, int frames) {
        ClipPlayer p = new ClipPlayer();
        try {
            NodeHarness h = new NodeHarness(p, SR, 64);
            p.schedule(ClipSchedule.build(clips, SR));
            return h.render(frames)[0];
        } finally {
            p.close();
        }
    }

    @Test
    void shouldStartEveryClipOnItsExactSampleInAnOfflineEngineRender() {
        float[] ramp = new float[300];
        for (int i = 0; i < ramp.length; i++) ramp[i] = 0.25f + i / 2000f;
        MemorySource src = MemorySource.of("ramp", SR, ramp);
        long[] starts = {1000, 12_345, 30_001, 30_063};
        Engine engine = Engine.create(EngineConfig.defaults());
        ClipPlayer player = new ClipPlayer();
        engine.add(player);
        engine.connectToMaster(player.out);
        player.schedule(ClipSchedule.build(List.of(ClipPlacement.of(src, starts[0], 200), ClipPlacement.of(src, starts[1], 200),
                ClipPlacement.of(src, starts[2], 50), ClipPlacement.of(src, starts[3], 100)), SR));
        float[] out = new float[2 * 40_000];
        engine.render(out, 40_000);
        float[] left = Signals.left(out);
        for (long s : starts) {
            assertThat(left[(int) s - 1]).as("sample before the clip at %d", s).isZero();
            assertThat(left[(int) s]).as("first sample of the clip at %d", s).isEqualTo(ramp[0]);
            assertThat(left[(int) s + 49]).isEqualTo(ramp[49]);
        }
        assertThat(left[12_345 + 200]).as("after the clip's end").isZero();
        player.close();
    }

    @Test
    void shouldCopyTheSourceExactlyAtRateOne() {
        float[] a = TestWavs.noise16(10_000, 5), b = TestWavs.noise16(10_000, 6);
        MemorySource src = MemorySource.of("stereo", SR, a, b);
        float[][] y = play(List.of(ClipPlacement.of(src, 100, 5000).offset(321).gain(1)), 6000);
        for (int i = 0; i < 5000; i++) {
            assertThat(y[0][100 + i]).isEqualTo(a[321 + i]);
            assertThat(y[1][100 + i]).isEqualTo(b[321 + i]);
        }
        assertThat(y[0][99]).isZero();
        assertThat(y[0][5100]).isZero();
    }

    @Test
    void shouldPlayReversedFromTheRegionsLastFrame() {
        float[] a = TestWavs.noise16(10_000, 7);
        float[][] y = play(List.of(ClipPlacement.of(MemorySource.of("n", SR, a), 64, 4000).offset(1000).reversed(true)), 4200);
        for (int i = 0; i < 4000; i++) assertThat(y[0][64 + i]).isEqualTo(a[1000 + 4000 - 1 - i]);
    }

    @Test
    void shouldLoopWithinTheRegionForTheClipsWholeLength() {
        float[] a = TestWavs.noise16(10_000, 8);
        MemorySource src = MemorySource.of("n", SR, a);
        float[][] y = play(List.of(ClipPlacement.of(src, 10, 3500).offset(2000).loop(1000)), 3600);
        for (int i = 0; i < 3500; i++) assertThat(y[0][10 + i]).as("frame %d", i).isEqualTo(a[2000 + i % 1000]);
        float[][] r = play(List.of(ClipPlacement.of(src, 0, 2500).offset(2000).loop(1000).reversed(true)), 2500);
        for (int i = 0; i < 2500; i++) assertThat(r[0][i]).isEqualTo(a[2000 + 999 - i % 1000]);
    }

    @Test
    void shouldDoubleASinesFrequencyAtRateTwoAndHalveItAtRateOneHalf() {
        MemorySource src = MemorySource.of("sine", SR, TestWavs.sine(200_000, 440, SR, 0.5));
        float[] up = play(List.of(ClipPlacement.of(src, 0, 48_000).rate(2)), 48_000)[0];
        float[] down = play(List.of(ClipPlacement.of(src, 0, 48_000).rate(0.5)), 48_000)[0];
        assertThat(Signals.zeroCrossingHz(up, 1000, 46_000, SR)).isCloseTo(880, within(0.5));
        assertThat(Signals.peakFrequency(up, 0, 32_768, SR)).isCloseTo(880, within(2.0));
        assertThat(Signals.zeroCrossingHz(down, 1000, 46_000, SR)).isCloseTo(220, within(0.5));
        float[] odd = play(List.of(ClipPlacement.of(src, 0, 48_000).rate(1.2345)), 48_000)[0];
        assertThat(Signals.zeroCrossingHz(odd, 1000, 46_000, SR)).isCloseTo(440 * 1.2345, within(0.5));
        double err = 0;                                  // cubic interpolation of a 543 Hz sine: close to the true sine
        for (int i = 100; i < 40_000; i++) {
            err = Math.max(err, Math.abs(odd[i] - 0.5 * Math.sin(2 * Math.PI * 440 * 1.2345 * i / SR)));
        }
        assertThat(err).isLessThan(1e-4);
    }

    @Test
    void shouldResampleASourceAtAnotherRate() {
        MemorySource src = MemorySource.of("sine", 44_100, TestWavs.sine(100_000, 1000, 44_100, 0.5));
        float[] y = play(List.of(ClipPlacement.of(src, 0, 48_000)), 48_000)[0];
        assertThat(Signals.zeroCrossingHz(y, 1000, 46_000, SR)).isCloseTo(1000, within(0.5));
    }

    @ParameterizedTest
    @EnumSource(value = Curve.class, names = {"LINEAR", "EXPONENTIAL", "S_CURVE"})
    void shouldFadeAlongTheCurveWithoutClicks(Curve curve) {
        float[] dc = new float[20_000];
        java.util.Arrays.fill(dc, 0.5f);
        int fin = 480, fout = 960, len = 10_000;
        float[] y = play(List.of(ClipPlacement.of(MemorySource.of("dc", SR, dc), 100, len).fadeIn(fin, curve).fadeOut(fout, curve)),
                10_200)[0];
        for (int i = 0; i < len; i++) {
            double g = 1;
            if (i < fin) g *= curve.interpolate(0, 1, (double) i / fin);
            if (len - i < fout) g *= curve.interpolate(0, 1, (double) (len - i) / fout);
            assertThat((double) y[100 + i]).as("sample %d", i).isCloseTo(0.5 * g, within(1e-6));
        }
        double slope = switch (curve) {                      // the curve's steepest slope, per unit of x
            case LINEAR -> 1;
            case S_CURVE -> Math.PI / 2;
            default -> Math.log(1000) * 1000 / 999;
        };
        double bound = 0.5 * slope / fin + 1e-6;             // the steeper fade is the shorter one
        for (int i = 1; i < y.length; i++) {
            assertThat((double) Math.abs(y[i] - y[i - 1])).as("step at %d", i).isLessThanOrEqualTo(bound);
        }
        float[] sine = TestWavs.sine(20_000, 1000, SR, 0.5);
        float[] s = play(List.of(ClipPlacement.of(MemorySource.of("sine", SR, sine), 100, len).offset(12).fadeIn(fin, curve)
                .fadeOut(fout, curve)), 10_200)[0];
        double sineStep = 0.5 * 2 * Math.PI * 1000 / SR;
        for (int i = 1; i < s.length; i++) {
            assertThat((double) Math.abs(s[i] - s[i - 1])).as("step at %d", i).isLessThanOrEqualTo(sineStep + bound);
        }
    }

    @Test
    void shouldSeekOnTheExactSampleAndStopAndPlay() {
        float[] a = TestWavs.noise16(50_000, 9);
        ClipPlayer p = new ClipPlayer();
        NodeHarness h = new NodeHarness(p, SR, 64);
        p.schedule(ClipSchedule.build(List.of(ClipPlacement.of(MemorySource.of("n", SR, a), 1000, 40_000)), SR));
        p.seekAt(5003, 20_000);                             // at engine 5003 the timeline jumps to 20,000
        p.stopAt(8000);
        p.playAt(9000);
        float[] y = h.render(12_000)[0][0];
        for (int t = 1000; t < 5003; t++) assertThat(y[t]).isEqualTo(a[t - 1000]);
        for (int t = 5003; t < 8000; t++) assertThat(y[t]).as("engine %d", t).isEqualTo(a[20_000 - 1000 + t - 5003]);
        for (int t = 8000; t < 9000; t++) assertThat(y[t]).isZero();
        for (int t = 9000; t < 12_000; t++) assertThat(y[t]).isEqualTo(a[20_000 - 1000 + 2997 + t - 9000]);
        assertThat(p.positionSamples()).as("the next block's first timeline sample").isEqualTo(20_000 + 2997 + 3000);
        p.close();
    }

    @Test
    void shouldKeepPlayingClipsThatSurviveAScheduleSwap() {
        float[] a = TestWavs.noise16(50_000, 10), b = TestWavs.noise16(50_000, 11);
        MemorySource sa = MemorySource.of("a", SR, a), sb = MemorySource.of("b", SR, b);
        ClipPlacement long1 = ClipPlacement.of(sa, 0, 30_000).rate(0.7), extra = ClipPlacement.of(sb, 10_000, 5000);
        ClipPlayer p = new ClipPlayer();
        NodeHarness h = new NodeHarness(p, SR, 64);
        p.schedule(List.of(long1));
        float[] first = h.render(6400)[0][0].clone();
        p.schedule(List.of(long1, extra));                 // an edit while long1 plays
        float[] second = h.render(20_000)[0][0];
        float[] alone = play(List.of(long1), 26_400)[0];
        float[] bothOffline = play(List.of(long1, extra), 26_400)[0];
        for (int i = 0; i < 6400; i++) assertThat(first[i]).isEqualTo(alone[i]);
        for (int i = 0; i < 20_000; i++) assertThat(second[i]).as("frame %d", 6400 + i).isEqualTo(bothOffline[6400 + i]);
        p.close();
    }

    @Test
    void shouldCountClipsBeyondItsVoices() {
        MemorySource src = MemorySource.of("dc", SR, new float[1000]);
        ClipPlayer p = new ClipPlayer(2, 1 << 12, dev.aether.arrange.stream.DiskReader.shared());
        NodeHarness h = new NodeHarness(p, SR, 64);
        p.schedule(ClipSchedule.build(List.of(ClipPlacement.of(src, 0, 500), ClipPlacement.of(src, 10, 500),
                ClipPlacement.of(src, 20, 500)), SR));
        h.render(1000);
        assertThat(p.droppedClips()).isEqualTo(1);
        p.close();
    }
}
