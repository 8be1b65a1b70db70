package dev.aether.sequencing.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aether.core.time.Rational;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalTest {
    private static List<Double> values(Pattern<Double> p, long from, long to) {
        return p.onsets(Rational.of(from), Rational.of(to)).stream().map(Event::value).toList();
    }

    @Test
    void shouldSampleEachSegmentAtItsMiddle() {
        assertThat(values(Signal.saw().segment(4), 0, 1)).containsExactly(0.125, 0.375, 0.625, 0.875);
        assertThat(values(Signal.saw().slow(2).segment(2), 0, 2)).containsExactly(0.125, 0.375, 0.625, 0.875);
        assertThat(values(Signal.square().segment(4), 3, 4)).containsExactly(0.0, 0.0, 1.0, 1.0);
        assertThat(values(Signal.triangle().segment(4), 0, 1)).containsExactly(0.25, 0.75, 0.75, 0.25);
        List<Double> sine = values(Signal.sine().segment(4), 0, 1);
        double[] expected = {0.5 + 0.5 * Math.sqrt(0.5), 0.5 + 0.5 * Math.sqrt(0.5), 0.5 - 0.5 * Math.sqrt(0.5), 0.5 - 0.5 * Math.sqrt(0.5)};
        for (int i = 0; i < 4; i++) assertThat(sine.get(i)).as("sine at segment %d", i).isCloseTo(expected[i], within(1e-12));
        assertThat(Signal.cosine().at(Rational.ZERO)).isEqualTo(1.0);
    }

    @Test
    void shouldMapToAParameterRangeAndKeepEventSpans() {
        Pattern<Double> cutoff = Signal.saw().range(200, 1000).segment(4);
        assertThat(values(cutoff, 0, 1)).containsExactly(300.0, 500.0, 700.0, 900.0);
        assertThat(cutoff.onsets(Rational.ZERO, Rational.ONE)).extracting(e -> e.whole().length())
                .containsOnly(Rational.of(1, 4));
        assertThatThrownBy(() -> Signal.sine().segment(0)).hasMessageContaining("segment needs 1 step per cycle or more");
    }

    @Test
    void shouldDrawRandomValuesFromTheSeedAndAgreeAcrossSplitQueries() {
        Pattern<Double> r = Signal.random().segment(8);
        List<Double> first = values(r, 0, 4);
        assertThat(first).hasSize(32).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        assertThat(values(r, 0, 4)).isEqualTo(first);
        assertThat(values(r.seed(5), 0, 4)).isNotEqualTo(first);
        List<Double> split = new ArrayList<>(r.onsets(Rational.ZERO, Rational.of(7, 3)).stream().map(Event::value).toList());
        split.addAll(r.onsets(Rational.of(7, 3), Rational.of(4)).stream().map(Event::value).toList());
        assertThat(split).isEqualTo(first);
    }
}
