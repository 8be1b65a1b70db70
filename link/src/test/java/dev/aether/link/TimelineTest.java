package dev.aether.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimelineTest {
    private static final long BEAT = Timeline.MICROBEATS, Q4 = 4 * BEAT;

    @Test
    void shouldMapTimeToBeatsAndBackAtTheWireTempo() {
        Timeline tl = new Timeline(120, 0, 1_000_000);              // 500 000 us per beat, beat 0 at t = 1 s
        assertThat(tl.microsPerBeat()).isEqualTo(500_000);
        assertThat(tl.beatsAt(2_000_000)).isEqualTo(2 * BEAT);
        assertThat(tl.beatsAt(0)).isEqualTo(-2 * BEAT);
        assertThat(tl.timeAt(3 * BEAT / 2)).isEqualTo(1_750_000);
        assertThat(tl.timeAt(tl.beatsAt(1_234_567))).isEqualTo(1_234_567);
    }

    @Test
    void shouldRoundTheTempoToWholeMicrosecondsPerBeatAsTheWireDoes() {
        Timeline tl = new Timeline(999, 0, 0);
        assertThat(tl.microsPerBeat()).isEqualTo(60_060);            // 60e6 / 999 = 60060.06
        assertThat(tl.quantised().bpm()).isEqualTo(60e6 / 60_060);   // 999.000999...
        assertThat(new Timeline(1500, 0, 0).clamped().bpm()).isEqualTo(999);
        assertThat(new Timeline(5, 0, 0).clamped().bpm()).isEqualTo(20);
    }

    @Test
    void shouldPivotATempoChangeAboutTheGivenTime() {
        Timeline tl = new Timeline(120, 0, 0).withTempoAt(60, 2_000_000);   // 4 beats at 2 s, then 1 beat per second
        assertThat(tl.beatsAt(2_000_000)).isEqualTo(4 * BEAT);
        assertThat(tl.beatsAt(3_000_000)).isEqualTo(5 * BEAT);
    }

    @Test
    void shouldKeepTheOriginBeatWhenAnAppChangesTempo() {
        Timeline tl = new Timeline(120, 0, 0).withTempoKeepingOrigin(60, 2_000_000);   // 4 beats at 2 s, then 1 per second
        assertThat(tl.beatOrigin()).isZero();
        assertThat(tl.timeOriginMicros()).isEqualTo(-2_000_000);
        assertThat(tl.beatsAt(3_000_000)).isEqualTo(5 * BEAT);
    }

    @Test
    void shouldTakeThePhaseOfNegativeBeatsUpwards() {
        assertThat(Timeline.phase(-BEAT, Q4)).isEqualTo(3 * BEAT);
        assertThat(Timeline.phase(-5 * BEAT, Q4)).isEqualTo(3 * BEAT);
        assertThat(Timeline.phase(9 * BEAT + 1, Q4)).isEqualTo(BEAT + 1);
        assertThat(Timeline.phase(7, 0)).isZero();
    }

    @Test
    void shouldFindTheNextAndClosestPhaseMatch() {
        assertThat(Timeline.nextPhaseMatch(5 * BEAT, 2 * BEAT, Q4)).isEqualTo(6 * BEAT);
        assertThat(Timeline.nextPhaseMatch(6 * BEAT, 2 * BEAT, Q4)).isEqualTo(6 * BEAT);
        assertThat(Timeline.closestPhaseMatch(5 * BEAT, 0, Q4)).isEqualTo(4 * BEAT);   // 4 is 1 away, 8 is 3 away
        assertThat(Timeline.closestPhaseMatch(7 * BEAT, 0, Q4)).isEqualTo(8 * BEAT);
        assertThat(Timeline.closestPhaseMatch(6 * BEAT, 0, Q4)).isEqualTo(4 * BEAT);   // a tie goes to the earlier
    }

    @Test
    void shouldEncodeThePhaseOfBeatsSinceTheOriginInTheBeatAnAppSees() {
        // origin beat 10 at t = 0 (phase 2 in a bar of 4): the app sees the bar start at the origin, so beat 8 there
        Timeline tl = new Timeline(120, 10 * BEAT, 0);
        assertThat(Timeline.phaseEncodedBeatsAt(tl, 0, Q4)).isEqualTo(8 * BEAT);
        assertThat(Timeline.phaseEncodedBeatsAt(tl, 1_000_000, Q4)).isEqualTo(10 * BEAT);
        assertThat(Timeline.timeAtPhaseEncodedBeats(tl, 10 * BEAT, Q4)).isEqualTo(1_000_000);
        assertThat(Timeline.timeAtPhaseEncodedBeats(tl, 8 * BEAT, Q4)).isEqualTo(0);
    }

    @Test
    void shouldForceABeatAtATimeKeepingTheSessionPhase() {
        Timeline tl = new Timeline(120, 10 * BEAT, 0);
        Timeline forced = Timeline.forceBeatAt(tl, 0, 0, Q4);        // already in phase: only the count changes
        assertThat(Timeline.phaseEncodedBeatsAt(forced, 0, Q4)).isEqualTo(0);
        assertThat(Timeline.phaseEncodedBeatsAt(forced, 500_000, Q4)).isEqualTo(BEAT);
        Timeline shifted = Timeline.forceBeatAt(tl, BEAT, 0, Q4);    // one beat later in the bar: the timeline moves
        assertThat(Timeline.phaseEncodedBeatsAt(shifted, 0, Q4)).isEqualTo(BEAT);
        assertThat(Timeline.phaseEncodedBeatsAt(shifted, 500_000, Q4)).isEqualTo(2 * BEAT);
    }
}
