package dev.aether.sequencing.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aether.core.time.Clock;
import dev.aether.core.time.Rational;
import dev.aether.core.time.TempoMap;
import dev.aether.nodes.drum.DrumKit;
import dev.aether.nodes.filter.BiquadFilter;
import dev.aether.nodes.osc.SineOscillator;
import dev.aether.nodes.voice.PolyVoices;
import dev.aether.nodes.voice.SubtractiveVoice;
import dev.aether.sequencing.pattern.MiniNotation;
import dev.aether.sequencing.pattern.MiniNotationException;
import dev.aether.testkit.signals.Signals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scheduler rendered offline (the engine's offline hook drives it before each block): every event on the
 * engine sample the tempo map gives, no event lost or doubled across windows, redefinitions and stops on cycle
 * boundaries. At the default 120 BPM in 4/4 and 48 kHz a cycle (bar) is 96,000 samples, a beat 24,000.
 */
class LookAheadSchedulerTest {
    static final int RATE = 48_000, BAR = 96_000, BEAT = 24_000;

    @Test
    void kickOnQuartersLandsOnExactlyEveryBeat() {
        try (OfflineRig rig = new OfflineRig()) {
            rig.engine.tempo(120, 4, dev.aether.core.time.When.NOW);
            DrumKit kit = rig.play(new DrumKit());
            Recording<Integer> hits = new Recording<>(PatternTarget.hits(kit, 1.0));
            rig.scheduler.play("k", "bd*4", hits);
            float[] played = rig.renderLeft(4 * RATE);

            assertThat(hits.onsets()).containsExactly(0L, 24_000L, 48_000L, 72_000L, 96_000L, 120_000L, 144_000L, 168_000L);
            // the sound is the kit's own hits on exactly those samples: bit for bit, and not one sample later
            assertThat(played).isEqualTo(kitHitAt(hits.onsets(), 0));
            assertThat(played).isNotEqualTo(kitHitAt(hits.onsets(), 1));
            assertThat(Signals.peak(played, 0, BEAT)).isGreaterThan(0.1);
            assertThat(rig.messages).isEmpty();
        }
    }

    /** The kit hit directly on {@code samples + shift}, rendered the same way. */
    private static float[] kitHitAt(List<Long> samples, int shift) {
        try (OfflineRig rig = new OfflineRig()) {
            DrumKit kit = rig.play(new DrumKit());
            for (long s : samples) assertThat(kit.hitAt(kit.keyOf("bd"), s + shift, 1.0)).isTrue();
            return rig.renderLeft(4 * RATE);
        }
    }

    @Test
    void notesPlayTheirPitchesInTheirQuartersAndAreReleasedAtTheirEnds() {
        try (OfflineRig rig = new OfflineRig()) {
            PolyVoices synth = rig.play(new PolyVoices(4, SubtractiveVoice::new));
            Recording<Integer> notes = new Recording<>(PatternTarget.notes(synth, 0.8));
            rig.scheduler.play("m", "c4 e4 g4 c5", notes);
            float[] out = rig.renderLeft(BAR);

            assertThat(notes.sent).extracting(Recording.Sent::value).containsExactly(60, 64, 67, 72);
            assertThat(notes.sent).extracting(Recording.Sent::onset).containsExactly(0L, 24_000L, 48_000L, 72_000L);
            assertThat(notes.sent).extracting(Recording.Sent::offset).containsExactly(24_000L, 48_000L, 72_000L, 96_000L);
            double[] expected = {261.63, 329.63, 392.00, 523.25};
            for (int q = 0; q < 4; q++) {
                double hz = Signals.peakFrequency(out, q * BEAT + 4_000, 16_384, RATE);
                assertThat(hz).as("quarter %d", q).isCloseTo(expected[q], within(expected[q] * 0.002));
            }
        }
    }

    @Test
    void euclidThreeOfEightHitsStepsZeroThreeAndSix() {
        try (OfflineRig rig = new OfflineRig()) {
            DrumKit kit = rig.play(new DrumKit());
            Recording<Integer> hits = new Recording<>(PatternTarget.hits(kit, 1.0));
            rig.scheduler.play("e", "bd(3,8)", hits);
            rig.renderLeft(2 * BAR);
            int step = BAR / 8;
            assertThat(hits.onsets()).containsExactly(0L, 3L * step, 6L * step, (long) BAR, BAR + 3L * step, BAR + 6L * step);
        }
    }

    @Test
    void aTempoRampMovesOnsetsToTheSamplesTheTempoMapGives() {
        try (OfflineRig rig = new OfflineRig()) {
            rig.engine.clock().tempoAtBeat(Rational.of(4), 180, 4);        // bar 1 ramps 120 -> 180 BPM
            DrumKit kit = rig.play(new DrumKit());
            Recording<Integer> hits = new Recording<>(PatternTarget.hits(kit, 1.0));
            rig.scheduler.play("k", "bd*4", hits);
            rig.renderLeft(4 * BAR);

            TempoMap map = rig.engine.clock().snapshot().tempoMap();
            List<Long> expected = new ArrayList<>();
            for (int beat = 0; map.sampleOf(Rational.of(beat)) < 4 * BAR; beat++) expected.add(map.sampleOf(Rational.of(beat)));
            assertThat(hits.onsets()).containsExactlyElementsOf(expected);
            assertThat(expected.get(6) - expected.get(5)).as("inside the ramp beats get shorter").isLessThan(BEAT);
            assertThat(expected.get(12) - expected.get(11)).as("after it, 180 BPM").isEqualTo(16_000);
        }
    }

    @Test
    void aMetreChangeMakesTheCycleItsBar() {
        try (OfflineRig rig = new OfflineRig()) {
            rig.engine.clock().metre(3, 1);                                   // bar 1 on: 3 beats
            DrumKit kit = rig.play(new DrumKit());
            Recording<Integer> hits = new Recording<>(PatternTarget.hits(kit, 1.0));
            rig.scheduler.play("k", "bd bd", hits);
            rig.renderLeft(BAR + 2 * 72_000);
            assertThat(hits.onsets()).containsExactly(0L, 48_000L, 96_000L, 132_000L, 168_000L, 204_000L);
        }
    }

    @Test
    void aRedefinitionMidCycleTakesEffectAtTheNextCycleWithNoEventLostOrDoubled() {
        try (OfflineRig rig = new OfflineRig()) {
            DrumKit kit = rig.play(new DrumKit());
            Recording<Integer> hits = new Recording<>(PatternTarget.hits(kit, 1.0));
            rig.scheduler.play("d", "bd*4", hits);
            rig.renderLeft(BAR + BAR / 4 + 100);                              // into bar 1, past its second beat
            Rational from = rig.scheduler.play("d", "sn*2", hits);
            rig.renderLeft(4 * BAR - (BAR + BAR / 4 + 100));

            assertThat(from).isEqualTo(Rational.of(2));
            int bd = kit.keyOf("bd"), sn = kit.keyOf("sn");
            List<String> got = new ArrayList<>();
            for (Recording.Sent<Integer> s : hits.sent) got.add((s.value() == bd ? "bd@" : s.value() == sn ? "sn@" : "?@") + s.onset());
            assertThat(got).containsExactly("bd@0", "bd@24000", "bd@48000", "bd@72000",
                    "bd@96000", "bd@120000", "bd@144000", "bd@168000",
                    "sn@192000", "sn@240000", "sn@288000", "sn@336000");
        }
    }

    @Test
    void windowsOfAnySizeSendTheSameEventsAsOneRender() {
        List<Long> whole = onsetsRenderedIn(new int[] {4 * BAR});
        List<Long> pieces = onsetsRenderedIn(new int[] {1, 255, 257, 4_000, 12_345, 96_000, 4 * BAR - 1 - 255 - 257 - 4_000 - 12_345 - 96_000});
        assertThat(pieces).isEqualTo(whole).hasSize(4 * 13);
        assertThat(pieces).doesNotHaveDuplicates();
    }

    private static List<Long> onsetsRenderedIn(int[] chunks) {
        try (OfflineRig rig = new OfflineRig()) {
            DrumKit kit = rig.play(new DrumKit());
            Recording<Integer> hits = new Recording<>(PatternTarget.hits(kit, 1.0));
            rig.scheduler.play("p", "bd*3 [sn hh]*2 <cp oh>(3,8) ~ hh*3", hits);
            for (int c : chunks) rig.renderLeft(c);
            return hits.onsets();
        }
    }

    @Test
    void stopEndsAPatternAtTheNextBoundaryAndHushEndsThemAll() {
        try (OfflineRig rig = new OfflineRig()) {
            DrumKit kit = rig.play(new DrumKit());
            Recording<Integer> a = new Recording<>(PatternTarget.hits(kit, 1.0)), b = new Recording<>(PatternTarget.hits(kit, 1.0));
            rig.scheduler.play("a", "bd*4", a);
            rig.scheduler.play("b", "hh*2", b);
            rig.renderLeft(BAR / 2);
            assertThat(rig.scheduler.stop("a")).isEqualTo(Rational.ONE);
            assertThat(rig.scheduler.stop("nothing")).isNull();
            rig.renderLeft(BAR);
            assertThat(rig.scheduler.names()).containsExactly("b");
            assertThat(rig.scheduler.hush()).containsExactly("b");
            rig.renderLeft(2 * BAR);
            assertThat(a.onsets()).containsExactly(0L, 24_000L, 48_000L, 72_000L);
            assertThat(b.onsets()).containsExactly(0L, 48_000L, 96_000L, 144_000L);
            assertThat(rig.scheduler.names()).isEmpty();
        }
    }

    @Test
    void resumePlaysTheLastPatternAgainFromTheNextBoundary() {
        try (OfflineRig rig = new OfflineRig()) {
            DrumKit kit = rig.play(new DrumKit());
            Recording<Integer> a = new Recording<>(PatternTarget.hits(kit, 1.0));
            rig.scheduler.play("a", "bd*2", a);
            rig.renderLeft(BAR / 2);
            assertThat(rig.scheduler.resume("a")).as("it plays already").isNull();
            rig.scheduler.stop("a");
            rig.renderLeft(BAR + BAR / 2);                          // bar 1 is silent
            assertThat(rig.scheduler.resume("a")).isEqualTo(Rational.of(2));
            rig.renderLeft(BAR);
            assertThat(a.onsets()).containsExactly(0L, 48_000L, 192_000L, 240_000L);
            assertThatThrownBy(() -> rig.scheduler.resume("never")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no pattern was played in slot \"never\"; patterns: a");
        }
    }

    @Test
    void aParseErrorPointsAtItsCharacterAndTheOldPatternPlaysOn() {
        try (OfflineRig rig = new OfflineRig()) {
            DrumKit kit = rig.play(new DrumKit());
            Recording<Integer> hits = new Recording<>(PatternTarget.hits(kit, 1.0));
            rig.scheduler.play("d", "bd*2", hits);
            assertThatThrownBy(() -> rig.scheduler.play("d", "bd [sn", hits))
                    .isInstanceOf(MiniNotationException.class).hasMessageContaining("^");
            assertThatThrownBy(() -> rig.scheduler.play("d", "bd zz", hits))
                    .isInstanceOf(MiniNotationException.class)
                    .hasMessageContaining("no hit named 'zz'; its names are bd sn hh oh cp lt mt ht")
                    .hasMessageContaining("bd zz\n     ^");
            assertThatThrownBy(() -> rig.scheduler.play("d", hits.read(MiniNotation.parse("bd <sn xx>")), hits))
                    .hasMessageContaining("no hit named 'xx'");
            rig.renderLeft(BAR);
            assertThat(hits.onsets()).containsExactly(0L, 48_000L);
        }
    }

    @Test
    void aParameterPatternMovesTheParameterOnItsSteps() {
        try (OfflineRig rig = new OfflineRig()) {
            SineOscillator osc = new SineOscillator();
            BiquadFilter lp = new BiquadFilter();
            rig.engine.add(osc);
            rig.play(lp);
            rig.engine.connect(osc.out, lp.in);
            Recording<Double> cutoff = new Recording<>(PatternTarget.param(lp.cutoffHz, 0));
            rig.scheduler.play("f", cutoff.read(MiniNotation.parse("0 0.5 1").range(200, 2000)), cutoff);
            rig.renderLeft(BAR + 10);
            assertThat(cutoff.sent).extracting(Recording.Sent::value).containsExactly(200.0, 1100.0, 2000.0, 200.0);
            assertThat(cutoff.onsets()).containsExactly(0L, 32_000L, 64_000L, 96_000L);
            assertThat(lp.cutoffHz.get()).isEqualTo(200.0);
            assertThatThrownBy(() -> rig.scheduler.play("f", "100 30000", PatternTarget.param(lp.cutoffHz, 0)))
                    .hasMessageContaining("parameter 'cutoffHz' takes 10.0..20000.0");
        }
    }

    @Test
    void whileTheTransportIsPausedNothingIsSentAndItResumesOnTheBeat() {
        try (OfflineRig rig = new OfflineRig()) {
            DrumKit kit = rig.play(new DrumKit());
            Recording<Integer> hits = new Recording<>(PatternTarget.hits(kit, 1.0));
            rig.scheduler.play("k", "bd*4", hits);
            rig.renderLeft(BEAT + 12_000);                   // queued up to 36,000
            long pausedAt = rig.engine.clock().pause();        // lands at the committed sample
            rig.renderLeft(50_000);
            long playAt = rig.engine.clock().play();
            rig.renderLeft(BAR);
            long held = pausedAt;
            assertThat(pausedAt).isEqualTo(36_000L);
            // beat 2 (transport sample 48,000) plays 12,000 samples after the transport plays again
            assertThat(hits.onsets()).containsExactly(0L, 24_000L, playAt + 12_000, playAt + 36_000, playAt + 60_000, playAt + 84_000);
            assertThat(playAt).isGreaterThan(held);
        }
    }

    @Test
    void aTempoChangeWhilePlayingLandsAfterWhatIsQueuedAndLaterOnsetsFollowIt() {
        try (OfflineRig rig = new OfflineRig()) {
            DrumKit kit = rig.play(new DrumKit());
            Recording<Integer> hits = new Recording<>(PatternTarget.hits(kit, 1.0));
            rig.scheduler.play("k", "bd*4", hits);
            rig.renderLeft(BAR + 1_000);                              // queued up to the tick after 97,000
            long at = rig.engine.clock().tempo(180, 0, dev.aether.core.time.Quantum.BAR);
            assertThat(at).as("the next bar after what is queued").isEqualTo(2L * BAR);
            rig.renderLeft(2 * BAR);
            assertThat(hits.onsets()).containsExactly(0L, 24_000L, 48_000L, 72_000L, 96_000L, 120_000L, 144_000L, 168_000L,
                    192_000L, 208_000L, 224_000L, 240_000L, 256_000L, 272_000L, 288_000L);
        }
    }

    @Test
    void afterASeekThePatternPlaysFromTheNewPosition() {
        try (OfflineRig rig = new OfflineRig()) {
            DrumKit kit = rig.play(new DrumKit());
            Recording<Integer> hits = new Recording<>(PatternTarget.hits(kit, 1.0));
            rig.scheduler.play("k", "bd sn hh oh", hits);
            rig.renderLeft(BEAT + BEAT / 2);                          // queued to 36,000: bd, sn sent
            long at = rig.engine.clock().seek(Rational.of(7, 2));      // to beat 3.5, inside oh: bar 1 half a beat away
            assertThat(at).isEqualTo(36_000L);
            rig.renderLeft(BAR);
            assertThat(hits.sent).extracting(Recording.Sent::onset).containsExactly(0L, 24_000L, 48_000L, 72_000L, 96_000L, 120_000L);
            List<String> names = new ArrayList<>();
            for (Recording.Sent<Integer> h : hits.sent) names.add(kit.names().get(h.value()));
            assertThat(names).containsExactly("bd", "sn", "bd", "sn", "hh", "oh");
        }
    }

    @Test
    void aPatternThatFailsWhilePlayingStopsAndIsReported() {
        try (OfflineRig rig = new OfflineRig()) {
            DrumKit kit = rig.play(new DrumKit());
            Recording<Integer> hits = new Recording<>(PatternTarget.hits(kit, 1.0));
            rig.scheduler.play("ok", "bd", hits);
            java.util.concurrent.atomic.AtomicBoolean fail = new java.util.concurrent.atomic.AtomicBoolean();
            PatternTarget<Integer> kitHits = PatternTarget.hits(kit, 1.0);
            rig.scheduler.play("bad", kitHits.read(MiniNotation.parse("sn").fmap(v -> {
                if (fail.get()) throw new IllegalStateException("boom");
                return v;
            })), kitHits);
            rig.renderLeft(BAR / 2);
            fail.set(true);
            rig.renderLeft(2 * BAR);
            assertThat(hits.onsets()).containsExactly(0L, (long) BAR, 2L * BAR);
            assertThat(rig.scheduler.names()).containsExactly("ok");
            assertThat(String.join("\n", rig.messages)).contains("pattern \"bad\" stopped at bar", "boom", "the other patterns play on");
        }
    }

    @Test
    void cancelAllEndsEveryPatternAtTheCursor() {
        try (OfflineRig rig = new OfflineRig()) {
            DrumKit kit = rig.play(new DrumKit());
            Recording<Integer> hits = new Recording<>(PatternTarget.hits(kit, 1.0));
            rig.scheduler.play("k", "bd*4", hits);
            rig.renderLeft(BEAT + 100);
            assertThat(rig.scheduler.cancelAll()).containsExactly("k");
            rig.renderLeft(BAR);
            assertThat(hits.onsets()).containsExactly(0L, 24_000L);
            assertThat(rig.scheduler.names()).isEmpty();
        }
    }

    @Test
    void lookAheadMustBeSensible() {
        try (OfflineRig rig = new OfflineRig()) {
            assertThatThrownBy(() -> rig.scheduler.lookAheadSeconds(5)).hasMessageContaining("0.01..2 s");
            assertThat(Arrays.asList(rig.scheduler.names().toArray())).isEmpty();
        }
    }

    /**
     * A starved live thread: the engine's position runs past samples the scheduler has not queued yet. The events it
     * then sends for samples already rendered are counted and reported once, per pattern, with a look-ahead that
     * covers that lateness; events sent in time are not.
     */
    @Test
    void eventsSentAfterTheirSampleWasRenderedAreCountedAndReportedWithALookAheadThatCoversThem() {
        long[] position = {0};
        Clock clock = new Clock(RATE, () -> position[0], () -> position[0]);
        List<String> messages = new ArrayList<>();
        try (LookAheadScheduler s = new LookAheadScheduler(clock, messages::add)) {
            DrumKit kit = new DrumKit();
            Recording<Integer> hits = new Recording<>(PatternTarget.hits(kit, 1.0));
            s.play("d", "bd*4", hits);
            long ahead = Math.round(0.1 * RATE);
            s.advanceTo(position[0] + ahead);                      // in time: the beat at 0
            assertThat(s.eventsLate()).isZero();
            position[0] = 60_000;                                   // the thread slept 1.25 s: beats at 24,000 and 48,000 are past
            s.advanceTo(position[0] + ahead);
            assertThat(hits.onsets()).containsExactly(0L, 24_000L, 48_000L);
            assertThat(s.eventsLate()).isEqualTo(2);
            assertThat(messages).hasSize(1);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("pattern \"d\": 2 events were queued after their time"
                    + " and played late; raise the look-ahead with :lookahead (\\d+\\.\\d)").matcher(messages.get(0));
            assertThat(m.matches()).as(messages.get(0)).isTrue();
            double suggested = Double.parseDouble(m.group(1));
            double lateSeconds = (60_000 - 24_000) / (double) RATE;
            assertThat(suggested).as("covers the worst lateness on top of the look-ahead that was too short")
                    .isGreaterThan(0.1 + lateSeconds).isLessThanOrEqualTo(LookAheadScheduler.MAX_LOOK_AHEAD_SECONDS);

            position[0] = 70_000;                                   // back in time: the beat at 72,000 is queued ahead
            s.advanceTo(position[0] + ahead);
            assertThat(hits.onsets()).containsExactly(0L, 24_000L, 48_000L, 72_000L);
            assertThat(s.eventsLate()).isEqualTo(2);
            assertThat(messages).hasSize(1);
        }
    }

    @Test
    void aSuggestedLookAheadIsATenthMoreAtLeastAndTwoSecondsAtMost() {
        assertThat(LookAheadScheduler.suggestedLookAhead(0.1, 0.01)).isEqualTo(0.2, within(1e-12));
        assertThat(LookAheadScheduler.suggestedLookAhead(0.1, 0.1)).isEqualTo(0.3, within(1e-12));
        assertThat(LookAheadScheduler.suggestedLookAhead(1.5, 1)).isEqualTo(2, within(1e-12));
    }
}
