package dev.aether.arrange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.core.time.Rational;
import org.junit.jupiter.api.Test;

class PositionTest {
    static final Tempo T = new Tempo(90, 3);                       // 2/3 s per beat

    @Test void barsAndBeatsCountFromOneAndConvertThroughTheTempo() {
        Position p = Position.bar(3, 2.5, 3);
        assertThat(p.beats()).isEqualTo(Rational.of(15, 2));       // 2 bars of 3 + 1.5
        assertThat(p.seconds(T)).isEqualTo(5.0);
        assertThat(Position.bars(2, 3)).isEqualTo(Position.beats(6));
        assertThat(Position.seconds(1.5).seconds(T)).isEqualTo(1.5);
    }

    @Test void arithmeticStaysExactInBeats() {
        Position third = Position.beats(Rational.of(1, 3));
        Position sum = Position.ZERO;
        for (int i = 0; i < 3000; i++) sum = sum.plus(third, T);
        assertThat(sum).isEqualTo(Position.beats(1000));
        assertThat(Position.beats(3).dividedBy(0.75, T)).isEqualTo(Position.beats(4));
        assertThat(Position.beats(3).dividedBy(Math.PI, T).isBeats()).as("no exact fraction: seconds").isFalse();
        assertThat(Position.beats(3).plus(Position.seconds(1), T)).isEqualTo(Position.seconds(3));
        Position huge = Position.beats(Rational.of(1, 4_000_000_007L)), other = Position.beats(Rational.of(1, 4_000_000_009L));
        assertThat(huge.plus(other, T).isBeats()).as("a denominator past long: seconds instead of an overflow").isFalse();
        assertThat(huge.plus(other, T).seconds(T)).isCloseTo(huge.seconds(T) + other.seconds(T), org.assertj.core.api.Assertions.within(1e-18));
        assertThat(Position.beats(3).compareTo(Position.seconds(1.9), T)).isPositive();
    }

    @Test void theTextFormReadsBackAndMistakesSayWhatToWrite() {
        for (Position p : new Position[] {Position.beats(Rational.of(7, 2)), Position.seconds(1.25), Position.ZERO, Position.beats(-4)})
            assertThat(Position.parse(p.toString(), 4)).isEqualTo(p);
        assertThat(Position.parse("9:1", 4)).isEqualTo(Position.beats(32));
        assertThat(Position.beats(Rational.of(37, 4)).text(4)).isEqualTo("3:2.25");
        assertThat(Position.beats(Rational.of(1, 3)).text(4)).as("not a decimal").isEqualTo("1/3b");
        assertThat(Position.beats(-2).text(4)).isEqualTo("-2b");
        assertThat(Position.seconds(0.5).text(4)).isEqualTo("0.5s");
        for (int n = 0; n < 200; n++) {
            Position p = Position.beats(Rational.of(n, 8));
            assertThat(Position.parse(p.text(3), 3)).isEqualTo(p);
        }
        assertThat(Position.parse("3.5b", 4)).isEqualTo(Position.beats(Rational.of(7, 2)));
        assertThatThrownBy(() -> Position.parse("bar nine", 4))
                .hasMessage("\"bar nine\" is not a position; write bar:beat (\"9:1\"), beats (\"7/2b\", \"3.5b\") or seconds (\"1.25s\")");
        assertThatThrownBy(() -> Position.bar(0, 1, 4)).hasMessage("bar 0 does not exist; bars count from 1");
        assertThatThrownBy(() -> Position.seconds(Double.NaN)).hasMessageContaining("give a finite number");
        assertThatThrownBy(() -> Position.seconds(2).beats()).hasMessageContaining("convert it with seconds(tempo)");
    }
}
