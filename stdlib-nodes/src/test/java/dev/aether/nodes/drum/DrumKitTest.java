package dev.aether.nodes.drum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aether.testkit.NodeHarness;
import dev.aether.testkit.signals.Allocations;
import dev.aether.testkit.signals.Signals;
import dev.aether.testkit.signals.Signals.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each synthesised voice against what it should be (pitch sweeps, decay times, spectra, bursts), hits on their
 * exact sample, chokes, and 0 bytes per block while hits keep coming. Offline at 48 kHz, blocks of 64.
 */
class DrumKitTest {
    static final double SR = 48_000;
    static final int BLOCK = 64;

    /** Renders a fresh kit for {@code frames} after hits sent as (name, sample) pairs at velocity 1. */
    static float[] render(DrumKit kit, int frames, Object... hits) {
        NodeHarness h = new NodeHarness(kit, SR, BLOCK);
        for (int k = 0; k < hits.length; k += 2) {
            assertThat(kit.hitAt(kit.keyOf((String) hits[k]), ((Number) hits[k + 1]).longValue(), 1)).isTrue();
        }
        return h.render(frames)[0][0];
    }

    static float[] hit(String name, int frames) { return render(new DrumKit(), frames, name, 0); }

    /** (time s, frequency Hz) of each period between consecutive upward zero crossings (interpolated). */
    static List<double[]> periods(float[] x, int from, int to) {
        List<double[]> out = new ArrayList<>();
        double last = -1;
        for (int i = from + 1; i < to; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                double t = (i - 1 + x[i - 1] / (x[i - 1] - x[i])) / SR;
                if (last >= 0) out.add(new double[] {(last + t) / 2, 1 / (t - last)});
                last = t;
            }
        }
        return out;
    }

    /** Seconds until the peak level in windows of {@code window} samples first stays below -60 dB of 1. */
    static double minus60Seconds(float[] x, int window) {
        int lastLoud = 0;
        for (int w = 0; w + window <= x.length; w += window) {
            if (Signals.peak(x, w, window) >= 1e-3) lastLoud = w + window;
        }
        return lastLoud / SR;
    }

    @Test
    void kickSweepsFromStartToEndPitchAndDecaysToMinus60DbAtItsDecayTime() {
        float[] y = hit("bd", (int) SR);
        List<double[]> ps = periods(y, 0, y.length);
        double[] first = ps.get(0);
        double expectedFirst = 150 * Math.pow(45.0 / 150, first[0] / 0.06);
        assertThat(first[1]).as("first period's frequency at %.4f s", first[0]).isCloseTo(expectedFirst, within(expectedFirst * 0.02));
        assertThat(first[1]).as("first period starts near startHz").isBetween(110.0, 150.0);
        for (double[] p : ps) {
            double expected = p[0] < 0.06 ? 150 * Math.pow(45.0 / 150, p[0] / 0.06) : 45;
            if (p[0] - 0.5 / p[1] > 0.06) assertThat(p[1]).as("period at %.4f s", p[0]).isCloseTo(45, within(0.05));
            else assertThat(p[1]).as("period at %.4f s", p[0]).isCloseTo(expected, within(expected * 0.03));
        }
        assertThat(Signals.peak(y, 0, 2_000)).as("peak near full scale").isBetween(0.9, 1.0);
        double worst = 0;
        for (double[] p : ps) {
            double expected = p[0] < 0.06 ? 150 * Math.pow(45.0 / 150, p[0] / 0.06) : 45;
            worst = Math.max(worst, Math.abs(p[1] / expected - 1));
        }
        System.out.printf("kick: first period %.1f Hz at %.2f ms (closed form %.1f Hz); worst period off the closed form at its middle by %.2f %%; "
                + "-60 dB after %.3f s%n", first[1], first[0] * 1e3, expectedFirst, worst * 100, minus60Seconds(y, (int) (SR / 45)));
        assertThat(minus60Seconds(y, (int) (SR / 45))).as("-60 dB point").isCloseTo(0.5, within(1 / 45.0));
    }

    @Test
    void kickFollowsItsParams() {
        DrumKit kit = new DrumKit();
        kit.bd.startHz(300).endHz(60).sweepSeconds(0.02).decaySeconds(0.25);
        float[] y = render(kit, (int) SR, "bd", 0);
        assertThat(Signals.zeroCrossingHz(y, 2_000, 8_000, SR)).isCloseTo(60, within(0.1));
        assertThat(minus60Seconds(y, (int) (SR / 60))).isCloseTo(0.25, within(1 / 60.0));
    }

    @Test
    void tomsArePitchedLowBelowMidBelowHighAndSettleOnTheirEndPitch() {
        double low = Signals.zeroCrossingHz(hit("lt", 12_000), 6_000, 6_000, SR);
        double mid = Signals.zeroCrossingHz(hit("mt", 12_000), 6_000, 6_000, SR);
        double high = Signals.zeroCrossingHz(hit("ht", 12_000), 6_000, 6_000, SR);
        assertThat(low).isCloseTo(90, within(0.2));
        assertThat(mid).isCloseTo(130, within(0.2));
        assertThat(high).isCloseTo(185, within(0.3));
        assertThat(low).isLessThan(mid);
        assertThat(mid).isLessThan(high);
        assertThat(minus60Seconds(hit("lt", (int) SR), (int) (SR / 90))).isCloseTo(0.45, within(1 / 90.0));
    }

    @Test
    void snareHasItsToneAndBroadbandNoise() {
        float[] y = hit("sn", 8_192);
        double[] p = Signals.powerSpectrum(y, 0, 8_192, Window.HANN);
        double binHz = SR / 8_192, total = 0, tone = 0, above2k = 0;
        for (int k = 1; k < p.length; k++) {
            double f = k * binHz;
            total += p[k];
            if (Math.abs(f - 180) <= 25) tone += p[k];
            if (f >= 2_000) above2k += p[k];
        }
        System.out.printf("snare: %.1f %% of the power within 25 Hz of 180 Hz, %.1f %% above 2 kHz%n", 100 * tone / total,
                100 * above2k / total);
        assertThat(tone / total).as("share of power within 25 Hz of the 180 Hz tone").isBetween(0.2, 0.8);
        assertThat(above2k / total).as("share of power above 2 kHz (noise)").isBetween(0.15, 0.8);
        // the strongest single component is the tone
        int kMax = 1;
        for (int k = 1; k < p.length; k++) if (p[k] > p[kMax]) kMax = k;
        assertThat(kMax * binHz).isCloseTo(180, within(2 * binHz));
        float[] dry = render(tuned(kit -> kit.sn.snappy(0)), 8_192, "sn", 0);
        assertThat(Signals.zeroCrossingHz(dry, 0, 4_000, SR)).as("snappy 0: the tone alone").isCloseTo(180, within(0.2));
    }

    @Test
    void hatsHaveMoreThan90PercentOfTheirEnergyAbove5kHz() {
        for (String name : List.of("hh", "oh")) {
            float[] y = hit(name, 4_096);
            double[] p = Signals.powerSpectrum(y, 0, 4_096, Window.RECTANGULAR);
            double total = 0, high = 0;
            for (int k = 1; k < p.length; k++) {
                total += p[k];
                if (k * SR / 4_096 >= 5_000) high += p[k];
            }
            System.out.printf("%s: %.2f %% of the energy above 5 kHz, peak %.2f%n", name, 100 * high / total, Signals.peak(y));
            assertThat(high / total).as("%s: share of energy above 5 kHz", name).isGreaterThan(0.9);
            assertThat(Signals.peak(y)).as("%s peak", name).isBetween(0.3, 1.2);
        }
        assertThat(minus60Seconds(hit("hh", (int) SR), 48)).as("closed hat -60 dB point").isCloseTo(0.06, within(0.01));
        assertThat(minus60Seconds(hit("oh", (int) SR), 48)).as("open hat -60 dB point").isCloseTo(0.45, within(0.02));
    }

    @Test
    void clapHasBurstsAtItsSpacingThenATail() {
        float[] y = hit("cp", 24_000);
        int win = 24;                                            // 0.5 ms
        double[] env = new double[y.length / win];
        for (int w = 0; w < env.length; w++) env[w] = Signals.rms(y, w * win, win);
        double top = Arrays.stream(env).max().orElseThrow();
        List<Double> peaks = new ArrayList<>();
        for (int w = 0; w + 1 < env.length; w++) {
            boolean localMax = (w == 0 || env[w] >= env[w - 1]) && env[w] > env[w + 1];
            boolean rising = w < 2 || env[w] > 4 * env[w - 2];   // a burst's onset, not noise on the tail
            if (localMax && env[w] > 0.3 * top && rising) peaks.add((w + 0.5) * win / SR);
        }
        System.out.println("clap: envelope peaks at " + peaks + " s");
        assertThat(peaks).as("envelope peaks (s)").hasSize(4);
        for (int k = 0; k < 4; k++) assertThat(peaks.get(k)).as("burst %d", k).isCloseTo(k * 0.01, within(0.0015));
        assertThat(minus60Seconds(y, 48)).as("tail -60 dB point after the last burst").isCloseTo(0.03 + 0.2, within(0.02));
    }

    @Test
    void aHitAtSampleNStartsExactlyThereInsideABlock() {
        int n = 1_037;                                           // 16 blocks of 64 and 13 samples
        for (String name : DrumKit.NAMES) {
            float[] atZero = hit(name, 6_000);
            float[] atN = render(new DrumKit(), n + 6_000, name, n);
            for (int i = 0; i < n; i++) assertThat(atN[i]).as("%s before its hit, sample %d", name, i).isZero();
            for (int i = 0; i < 6_000; i++) {
                if (Float.floatToRawIntBits(atN[n + i]) != Float.floatToRawIntBits(atZero[i])) {
                    throw new AssertionError(name + ": sample " + (n + i) + " is " + atN[n + i] + ", the hit at 0 had "
                            + atZero[i] + " at " + i);
                }
            }
            assertThat(Signals.peak(atZero, 0, 64)).as("%s sounds in its first block", name).isGreaterThan(0.01);
        }
        assertThat(hit("hh", 1)[0]).as("a hat's first sample is not silent").isNotZero();
    }

    @Test
    void velocityScalesTheHitLinearly() {
        DrumKit kit = new DrumKit();
        NodeHarness h = new NodeHarness(kit, SR, BLOCK);
        kit.hitAt(kit.keyOf("sn"), 0, 0.5);
        float[] half = h.render(4_800)[0][0];
        float[] full = hit("sn", 4_800);
        for (int i = 0; i < full.length; i++) assertThat(half[i]).isEqualTo(full[i] * 0.5f);
    }

    @Test
    void closedHatChokesTheOpenHatWithinThreeMilliseconds() {
        int at = 4_800, fade = (int) Math.ceil(DrumVoice.CHOKE_SECONDS * SR);
        float[] both = render(new DrumKit(), 24_000, "oh", 0, "hh", at);
        float[] hhOnly = render(new DrumKit(), 24_000, "hh", at);
        float[] ohOnly = hit("oh", 24_000);
        for (int i = 0; i < at; i++) assertThat(both[i]).isEqualTo(ohOnly[i]);
        double left = 0;
        for (int i = at + fade; i < both.length; i++) left = Math.max(left, Math.abs(both[i] - hhOnly[i]));
        assertThat(left).as("open hat after the choke's %d-sample fade", fade).isZero();
        assertThat(Signals.peak(ohOnly, at + fade, 2_400)).as("unchoked, it would still ring").isGreaterThan(0.01);

        DrumKit free = new DrumKit().clearChokes();
        assertThat(free.chokes()).isEmpty();
        float[] unchoked = render(free, 24_000, "oh", 0, "hh", at);
        assertThat(Math.abs(unchoked[at + 2 * fade] - hhOnly[at + 2 * fade] - ohOnly[at + 2 * fade])).isLessThan(1e-6f);
    }

    @Test
    void aGainChangeMadeWhileTheKitIsSilentRampsBeforeTheNextHitWhichPlaysWholeAtTheNewGain() {
        int second = 48_000;                               // the snare has long died out by then (0.2 s decay)
        DrumKit plain = new DrumKit(), quieter = new DrumKit();
        NodeHarness hp = new NodeHarness(plain, SR, BLOCK), hq = new NodeHarness(quieter, SR, BLOCK);
        plain.hitAt(plain.keyOf("sn"), 0, 1);
        quieter.hitAt(quieter.keyOf("sn"), 0, 1);
        hp.render(second / 2);
        hq.render(second / 2);
        quieter.sn.gainDb(-12);                            // while nothing sounds: 0.5 s before the next hit
        plain.hitAt(plain.keyOf("sn"), second, 1);
        quieter.hitAt(quieter.keyOf("sn"), second, 1);
        float[] p = hp.render(second)[0][0], q = hq.render(second)[0][0];
        assertThat(Signals.peak(p, 0, second / 2)).as("silence before the second hit").isLessThan(1e-4);
        double g = Math.pow(10, -12 / 20.0), worst = 0;
        for (int i = second / 2; i < p.length; i++) worst = Math.max(worst, Math.abs(q[i] - p[i] * g));
        assertThat(Signals.peak(p, second / 2, 4_800)).as("the second hit sounds").isGreaterThan(0.3);
        assertThat(worst).as("largest difference from the hit at 0 dB scaled by -12 dB, over the whole hit").isLessThan(1e-6);
    }

    @Test
    void aGainChangeDuringAHitRampsSampleBySampleWithNoStepAtBlockEdges() {
        DrumKit plain = new DrumKit(), ramped = new DrumKit();
        NodeHarness hp = new NodeHarness(plain, SR, BLOCK), hr = new NodeHarness(ramped, SR, BLOCK);
        plain.hitAt(plain.keyOf("bd"), 0, 1);
        ramped.hitAt(ramped.keyOf("bd"), 0, 1);
        hp.render(2_400);
        hr.render(2_400);
        ramped.bd.gainDb(-12);                             // mid-hit: a 20 ms ramp
        float[] p = hp.render(4_800)[0][0], q = hr.render(4_800)[0][0];
        double worstStep = 0, g = Math.pow(10, -12 / 20.0);
        for (int i = 0; i + 1 < p.length; i++) {
            if (Math.abs(p[i]) < 0.05 || Math.abs(p[i + 1]) < 0.05) continue;
            worstStep = Math.max(worstStep, Math.abs((double) q[i + 1] / p[i + 1] - (double) q[i] / p[i]));
        }
        int settled = (int) Math.ceil(0.02 * SR) + BLOCK;
        for (int i = settled; i < p.length; i++) {
            if (Math.abs(p[i]) >= 0.05) assertThat((double) q[i] / p[i]).as("gain after the ramp, sample %d", i).isCloseTo(g, within(1e-4));
        }
        // the whole ramp is 0.75 of full scale over 960 samples: under 0.001 a sample; a block-wise step would be ~0.05
        assertThat(worstStep).as("largest change of the gain from one sample to the next").isLessThan(0.003);
    }

    @Test
    void chokesAreConfigurable() {
        DrumKit kit = new DrumKit().choke("cp", "sn");
        assertThat(kit.chokes()).isEqualTo("hh>oh cp>sn");
        float[] y = render(kit, 9_600, "sn", 0, "cp", 2_400);
        float[] cpOnly = render(new DrumKit(), 9_600, "cp", 2_400);
        for (int i = 2_400 + 144; i < y.length; i++) assertThat(y[i]).isEqualTo(cpOnly[i]);
        assertThatThrownBy(() -> kit.choke("hh", "hh")).hasMessageContaining("cannot choke itself");
    }

    @Test
    void savedStateKeepsTheTuningAndTheChokes() {
        DrumKit kit = new DrumKit().choke("cp", "sn");
        kit.bd.decaySeconds(0.8);
        kit.hh.cutoffHz(9_000).gainDb(-3);
        DrumKit copy = new DrumKit();
        copy.restoreState(kit.saveState());
        assertThat(copy.bd.decaySeconds()).isEqualTo(0.8);
        assertThat(copy.hh.cutoffHz.get()).isEqualTo(9_000);
        assertThat(copy.hh.gainDb()).isEqualTo(-3);
        assertThat(copy.chokes()).isEqualTo("hh>oh cp>sn");
        assertThat(copy.toString()).isEqualTo("drums() bd sn hh oh cp lt mt ht; chokes hh>oh cp>sn");
        assertThat(copy.bd.toString())
                .isEqualTo("PitchedDrum[gainDb 0.0 dB, startHz 150.0 Hz, endHz 45.0 Hz, sweepSeconds 0.06 s, decaySeconds 0.8 s]");
    }

    @Test
    void unknownNamesAndBadHitsSayWhatThereIs() {
        DrumKit kit = new DrumKit();
        assertThat(kit.names()).containsExactly("bd", "sn", "hh", "oh", "cp", "lt", "mt", "ht");
        assertThat(kit.keyOf("oh")).isEqualTo(3);
        assertThatThrownBy(() -> kit.keyOf("kick"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("drums() has no hit named 'kick'; its names are bd sn hh oh cp lt mt ht");
        assertThatThrownBy(() -> kit.hitAt(8, 0, 1)).hasMessageContaining("key must be 0..7");
        assertThatThrownBy(() -> kit.hitAt(0, -5, 1)).hasMessageContaining("atSample must be >= 0");
        assertThatThrownBy(() -> kit.hitAt(0, 0, 1.5)).hasMessageContaining("velocity must be 0..1");
        assertThatThrownBy(() -> kit.choke("hh", "xx")).hasMessageContaining("no hit named 'xx'");
    }

    @Test
    void aFullQueueRefusesInsteadOfBlocking() {
        DrumKit kit = new DrumKit();
        int accepted = 0;
        for (int i = 0; i < DrumKit.QUEUE_CAPACITY + 10; i++) if (kit.hitAt(i % 8, 1_000 + i, 1)) accepted++;
        assertThat(accepted).isEqualTo(DrumKit.QUEUE_CAPACITY);
    }

    @Test
    void renderingWhileHitsKeepComingAllocatesNothing() throws Exception {
        DrumKit kit = new DrumKit();
        NodeHarness h = new NodeHarness(kit, SR, BLOCK);
        Runnable blocks = () -> Blocks.run(kit, h, 10_000);
        blocks.run();
        blocks.run();
        long[] windows = Allocations.untilTwoQuietWindows(Thread.currentThread(), 6, blocks::run);
        assertThat(Allocations.endsQuiet(windows)).as("bytes per window of 10,000 blocks with a hit every 3 blocks: %s",
                Arrays.toString(windows)).isTrue();
    }

    /** The measured loop, in a class without string literals (see StdlibNodeContractTest.Blocks). */
    private static final class Blocks {
        static void run(DrumKit kit, NodeHarness h, int blocks) {
            for (int b = 0; b < blocks; b++) {
                if (b % 3 == 0) kit.hitAt(b % 8, h.time() + 64 + (b * 7) % 64, 0.8);
                h.renderBlock(64);
            }
        }
    }

    static DrumKit tuned(java.util.function.Consumer<DrumKit> tune) {
        DrumKit kit = new DrumKit();
        tune.accept(kit);
        return kit;
    }
}
