package dev.aether.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A loop on the clock: the transport wraps from the loop's end to its start on the exact engine sample, each wrap is
 * a run boundary for schedulers, quanta and beats are found inside the loop, and a seek, pause or play keep it.
 * At 120 BPM a beat is 24,000 samples.
 */
class ClockLoopTest {
    private static final int BEAT = 24_000;
    private final AtomicLong now = new AtomicLong();
    private final Clock clock = new Clock(48_000, now::get, now::get);

    @Test
    void shouldWrapTheTransportSampleExactlyAtTheLoopsEndAgainAndAgain() {
        // playing from engine sample 0 at beat 0; loop beats 4..8 set at engine sample 1,000
        now.set(1_000);
        assertThat(clock.loop(Rational.of(4), Rational.of(8))).isEqualTo(1_000);
        ClockSnapshot s = clock.snapshot();
        assertThat(s.transportSampleAt(8 * BEAT - 1)).isEqualTo(8 * BEAT - 1);
        assertThat(s.transportSampleAt(8 * BEAT)).as("the first wrap").isEqualTo(4 * BEAT);
        assertThat(s.transportSampleAt(12 * BEAT - 1)).isEqualTo(8 * BEAT - 1);
        assertThat(s.transportSampleAt(12 * BEAT)).as("the second").isEqualTo(4 * BEAT);
        assertThat(s.transportSampleAt(1_000 * BEAT + 5)).isEqualTo(4 * BEAT + 5);
        assertThat(s.nextRunFrom(1_000)).as("a wrap is a run boundary").isEqualTo(8 * BEAT);
        assertThat(s.nextRunFrom(8 * BEAT)).isEqualTo(12 * BEAT);
        assertThat(s.nextRunFrom(9 * BEAT)).isEqualTo(12 * BEAT);
        assertThat(s.beatAtRt(10 * BEAT)).isEqualTo(6.0);
        assertThat(s.loopAt(5_000)).containsExactly(4L * BEAT, 8L * BEAT);
    }

    @Test
    void shouldFindBeatsAndBoundariesInsideTheLoop() {
        clock.loop(Rational.of(4), Rational.of(8));
        ClockSnapshot s = clock.snapshot();
        assertThat(s.engineSampleOf(Rational.of(5), 9 * BEAT + 1)).as("beat 5 in the next pass").isEqualTo(13 * BEAT);
        assertThat(s.engineSampleOf(Rational.of(2), 9 * BEAT)).as("beat 2 is outside the loop: never again").isEqualTo(-1);
        assertThat(s.engineSampleOf(Rational.of(2), 0)).isEqualTo(2 * BEAT);
        assertThat(s.boundaryAtOrAfter(9 * BEAT + 1, Quantum.BAR)).as("the loop's start, bar 2, at the wrap").isEqualTo(12 * BEAT);
        assertThat(s.boundaryAtOrAfter(9 * BEAT + 1, Quantum.BEAT)).isEqualTo(10 * BEAT);
    }

    @Test
    void shouldKeepTheLoopThroughSeekPauseAndPlayAndEndItWithNoLoop() {
        clock.loop(Rational.of(4), Rational.of(8));
        now.set(2 * BEAT);
        clock.seek(Rational.of(6));                                        // engine 2 beats = transport 6 beats
        assertThat(clock.snapshot().transportSampleAt(4 * BEAT)).as("the wrap after the seek").isEqualTo(4 * BEAT);
        now.set(3 * BEAT);
        clock.pause();
        now.set(10 * BEAT);
        clock.play();                                                      // from transport beat 7
        ClockSnapshot s = clock.snapshot();
        assertThat(s.transportSampleAt(11 * BEAT)).isEqualTo(4 * BEAT);
        now.set(12 * BEAT);
        assertThat(clock.noLoop()).isEqualTo(12 * BEAT);
        s = clock.snapshot();
        assertThat(s.transportSampleAt(11 * BEAT)).as("before the end of the loop: as it was").isEqualTo(4 * BEAT);
        assertThat(s.transportSampleAt(20 * BEAT)).as("plays on past the loop").isEqualTo(13 * BEAT);
        assertThat(s.loopAt(20 * BEAT)).isNull();
        assertThatThrownBy(() -> clock.loopSamples(100, 120)).hasMessageContaining("at least 64 samples");
    }

    @Test
    void shouldPlayOnWhenTheTransportIsPastTheLoopsEnd() {
        now.set(10 * BEAT);
        clock.loop(Rational.of(0), Rational.of(4));
        assertThat(clock.snapshot().transportSampleAt(20 * BEAT)).isEqualTo(20 * BEAT);
        clock.seek(Rational.of(3));
        assertThat(clock.snapshot().transportSampleAt(11 * BEAT)).as("a seek into the loop wraps again").isEqualTo(0);
    }
}
