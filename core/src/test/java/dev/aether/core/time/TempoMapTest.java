package dev.aether.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TempoMap}: constant and ramped segments, metre, bars:beats:ticks, against figures worked by hand. */
class TempoMapTest {
    private static final int SR = 48_000;

    @Test
    void constantTempoPutsEveryBeatOnTheSampleWorkedByHand() {
        TempoMap m = TempoMap.constant(SR, 120, 4);            // 24,000 samples a beat
        assertThat(m.sampleOf(Rational.of(0))).isZero();
        assertThat(m.sampleOf(Rational.of(1))).isEqualTo(24_000);
        assertThat(m.sampleOf(Rational.of(1, 3))).isEqualTo(8_000);
        assertThat(m.sampleOfBar(3)).isEqualTo(288_000);
        assertThat(m.beatAt(36_000)).isEqualTo(1.5);
        TempoMap odd = TempoMap.constant(SR, 133.333333, 4);    // 21,600.000054 samples a beat
        assertThat(odd.sampleOf(Rational.of(1))).isEqualTo(21_600);
        assertThat(odd.sampleOf(Rational.of(1_000_000))).as("1e6 beats: 21,600,000,054.0000135 samples")
                .isEqualTo(21_600_000_054L);
    }

    @Test
    void roundsToTheNearestSampleWithHalvesUp() {
        TempoMap m = TempoMap.constant(SR, 125, 4);            // 23,040 a beat; 1/960 beat = 24 samples
        assertThat(m.sampleOf(Rational.of(1, 46_080))).as("0.5 sample").isEqualTo(1);
        assertThat(m.sampleOf(Rational.of(-1, 46_080))).as("-0.5 sample").isEqualTo(0);
        assertThat(m.sampleOf(Rational.of(1, 92_160))).as("0.25 sample").isEqualTo(0);
    }

    @Test
    void aTempoChangeAtABeatKeepsEverythingBeforeItAndAnchorsTheRest() {
        TempoMap m = TempoMap.constant(SR, 120, 4).withTempo(Rational.of(8), 150, Rational.ZERO);
        assertThat(m.sampleOf(Rational.of(8))).isEqualTo(192_000);
        assertThat(m.sampleOf(Rational.of(9))).as("a beat at 150 is 19,200").isEqualTo(211_200);
        assertThat(m.bpmAtRt(211_000)).isEqualTo(150);
        assertThat(m.beatAt(192_000 + 9_600)).isEqualTo(8.5);
        TempoMap back = m.withTempo(Rational.of(4), 60, Rational.ZERO);
        assertThat(back.segments()).as("the change at 8 is dropped: the future is replaced").hasSize(2);
        assertThat(back.sampleOf(Rational.of(5))).isEqualTo(96_000 + 48_000);
    }

    @Test
    void aRampIsLinearInTimeAndEndsOnTheExactSampleOfItsClosedForm() {
        // 120 -> 180 over 8 beats: T = 120 * 8 / 300 = 3.2 s = 153,600 samples; k = 60 / 3.2 = 18.75 BPM/s
        TempoMap m = TempoMap.constant(SR, 120, 4).withTempo(Rational.of(4), 180, Rational.of(8));
        List<TempoMap.Segment> s = m.segments();
        assertThat(s).hasSize(3);
        assertThat(s.get(2).anchor()).isEqualTo(96_000 + 153_600);
        assertThat(m.sampleOf(Rational.of(12))).isEqualTo(249_600);
        assertThat(m.sampleOf(Rational.of(13))).as("then 180 BPM: 16,000 a beat").isEqualTo(265_600);
        for (int x = 1; x < 8; x++) {
            double t = (-120 + Math.sqrt(120 * 120 + 2 * 18.75 * 60 * x)) / 18.75;   // 120 t + 18.75 t^2 / 2 = 60 x
            assertThat(m.sampleOf(Rational.of(4 + x))).as("beat %d of the ramp", x)
                    .isEqualTo(96_000 + Math.round(t * SR));
        }
        assertThat(m.bpmAtRt(96_000 + 76_800)).as("half way in time: half way in tempo").isCloseTo(150, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(m.lastBpm()).isEqualTo(180);
    }

    @Test
    void metreChangesAtABarMoveTheBarsAfterIt() {
        TempoMap m = TempoMap.constant(SR, 120, 4).withMetre(2, 3);
        assertThat(m.barStartBeat(2)).isEqualTo(Rational.of(8));
        assertThat(m.barStartBeat(4)).isEqualTo(Rational.of(14));
        assertThat(m.barOf(Rational.of(13))).isEqualTo(3);
        assertThat(m.beatsPerBarAt(Rational.of(9))).isEqualTo(3);
        assertThat(m.barAt(11.0)).isEqualTo(3.0);
        assertThat(m.lastBeatsPerBar()).isEqualTo(3);
        assertThat(m.beatOfBars(Rational.of(5, 2))).as("half of bar 2 (3 beats from beat 8)").isEqualTo(Rational.of(19, 2));
        assertThat(m.barsOf(Rational.of(19, 2))).isEqualTo(Rational.of(5, 2));
        assertThat(m.beatOfBars(Rational.of(3, 2))).as("half of bar 1 (4 beats from beat 4)").isEqualTo(Rational.of(6));
    }

    @Test
    void barsBeatsTicksFormatAndParseBothWays() {
        TempoMap m = TempoMap.constant(SR, 120, 4).withMetre(2, 3);
        assertThat(m.format(Rational.ZERO)).isEqualTo("1:1:0");
        assertThat(m.format(Rational.of(45, 2))).as("beat 22.5: bar 7 (from beat 20), beat 3, half").isEqualTo("7:3:480");
        assertThat(m.parse("7:3:480")).isEqualTo(Rational.of(45, 2));
        assertThat(m.parse("12:1")).isEqualTo(m.barStartBeat(11));
        assertThatThrownBy(() -> m.parse("4:4:0")).hasMessage("bad position '4:4:0': bar 4 has beats 1..3");
        assertThatThrownBy(() -> m.parse("2:1:960")).hasMessage("bad position '2:1:960': ticks are 0..959");
        assertThatThrownBy(() -> m.parse("two")).hasMessageContaining("write BAR:BEAT:TICKS");
    }

    @Test
    void gridsFindTheFirstBoundaryAtOrAfterASample() {
        TempoMap m = TempoMap.constant(SR, 120, 3);
        assertThat(m.boundaryAtOrAfter(24_000, Quantum.BEAT)).isEqualTo(Rational.ONE);
        assertThat(m.boundaryAtOrAfter(24_001, Quantum.BEAT)).isEqualTo(Rational.of(2));
        assertThat(m.boundaryAtOrAfter(1, Quantum.BAR)).isEqualTo(Rational.of(3));
        assertThat(m.boundaryAtOrAfter(1, Quantum.beats(2.0))).isEqualTo(Rational.of(2));
        assertThat(m.boundaryAtOrAfter(1, Quantum.NONE)).isEqualTo(Rational.of(1, 960));
        assertThat(m.tickAtOrBefore(24)).as("a tick is 25 samples").isEqualTo(Rational.ZERO);
        assertThat(m.tickAtOrBefore(25)).isEqualTo(Rational.of(1, 960));
    }

    @Test
    void refusesWhatIsOutOfRangeNamingTheRange() {
        TempoMap m = TempoMap.constant(SR, 120, 4);
        assertThatThrownBy(() -> m.withTempo(Rational.ONE, 0.5, Rational.ZERO)).hasMessage("tempo must be 1..999 BPM, was 0.5");
        assertThatThrownBy(() -> m.withMetre(1, 33)).hasMessage("beats per bar must be 1..32, was 33");
        assertThatThrownBy(() -> Quantum.parse("soon")).hasMessageContaining("use \"none\", \"beat\", \"bar\"");
    }
}
