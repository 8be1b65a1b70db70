package dev.aether.sequencing.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aether.core.time.Rational;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniNotationTest {
    /** "value onset-offset" for each onset in cycles [from, to). */
    static List<String> hits(Pattern<?> p, long from, long to) {
        return p.onsets(Rational.of(from), Rational.of(to)).stream()
                .map(e -> e.value() + " " + e.whole().begin() + "-" + e.whole().end()).toList();
    }

    @Test
    void shouldPlayASequenceInEqualSteps() {
        assertThat(hits(MiniNotation.parse("c4 e4 g4 c5"), 0, 1))
                .containsExactly("c4 0-1/4", "e4 1/4-1/2", "g4 1/2-3/4", "c5 3/4-1");
        List<Double> hz = MiniNotation.parse("c4 e4 g4 c5", Note::midi).fmap(Note::hz)
                .onsets(Rational.ZERO, Rational.ONE).stream().map(Event::value).toList();
        assertThat(hz).hasSize(4);
        double[] expected = {261.63, 329.63, 392.00, 523.25};
        for (int i = 0; i < 4; i++) assertThat(hz.get(i)).as("quarter %d in Hz", i).isCloseTo(expected[i], within(0.005));
    }

    @Test
    void shouldHitEuclideanStepsZeroThreeAndSix() {
        assertThat(hits(MiniNotation.parse("bd(3,8)"), 0, 1)).containsExactly("bd 0-1/8", "bd 3/8-1/2", "bd 3/4-7/8");
        assertThat(hits(MiniNotation.parse("bd(5,8)"), 0, 1)).extracting(s -> s.split(" ")[1])
                .containsExactly("0-1/8", "1/4-3/8", "3/8-1/2", "5/8-3/4", "3/4-7/8");
    }

    @Test
    void shouldRotateAEuclideanRhythmLeft() {
        // x..x..x. rotated left by 2: .x..x.x.
        assertThat(hits(MiniNotation.parse("bd(3,8,2)"), 0, 1)).containsExactly("bd 1/8-1/4", "bd 1/2-5/8", "bd 3/4-7/8");
    }

    @Test
    void shouldAlternatePerCycle() {
        assertThat(hits(MiniNotation.parse("<a b>"), 0, 4)).containsExactly("a 0-1", "b 1-2", "a 2-3", "b 3-4");
        assertThat(hits(MiniNotation.parse("x <a <b c>>"), 0, 4)).containsExactly(
                "x 0-1/2", "a 1/2-1", "x 1-3/2", "b 3/2-2", "x 2-5/2", "a 5/2-3", "x 3-7/2", "c 7/2-4");
    }

    @Test
    void shouldRepeatSlowAndElongate() {
        assertThat(hits(MiniNotation.parse("a*3 b"), 0, 1)).containsExactly("a 0-1/6", "a 1/6-1/3", "a 1/3-1/2", "b 1/2-1");
        assertThat(hits(MiniNotation.parse("a/2 b"), 0, 2)).containsExactly("a 0-1", "b 1/2-1", "b 3/2-2");
        assertThat(hits(MiniNotation.parse("a@3 b"), 0, 1)).containsExactly("a 0-3/4", "b 3/4-1");
        assertThat(hits(MiniNotation.parse("a _ _ b"), 0, 1)).containsExactly("a 0-3/4", "b 3/4-1");
        assertThat(hits(MiniNotation.parse("a!3 b"), 0, 1)).containsExactly("a 0-1/4", "a 1/4-1/2", "a 1/2-3/4", "b 3/4-1");
        assertThat(hits(MiniNotation.parse("a ! b"), 0, 1)).containsExactly("a 0-1/3", "a 1/3-2/3", "b 2/3-1");
        assertThat(hits(MiniNotation.parse("a*1.5"), 0, 2)).containsExactly("a 0-2/3", "a 2/3-4/3", "a 4/3-2");
    }

    @Test
    void shouldGroupRestAndStack() {
        assertThat(hits(MiniNotation.parse("bd ~ [sn sn] ~"), 0, 1)).containsExactly("bd 0-1/4", "sn 1/2-5/8", "sn 5/8-3/4");
        assertThat(hits(MiniNotation.parse("bd - -1 [- sn]"), 0, 1)).containsExactly("bd 0-1/4", "-1 1/2-3/4", "sn 7/8-1");
        assertThat(hits(MiniNotation.parse("a b . c d e"), 0, 1))
                .containsExactly("a 0-1/4", "b 1/4-1/2", "c 1/2-2/3", "d 2/3-5/6", "e 5/6-1");
        assertThat(hits(MiniNotation.parse("a b, c"), 0, 1)).containsExactly("a 0-1/2", "c 0-1", "b 1/2-1");
        assertThat(hits(MiniNotation.parse("[a, c] b"), 0, 1)).containsExactly("a 0-1/2", "c 0-1/2", "b 1/2-1");
        assertThat(hits(MiniNotation.parse("<a b, c d e>"), 0, 3)).containsExactly("a 0-1", "c 0-1", "b 1-2", "d 1-2", "a 2-3", "e 2-3");
    }

    @Test
    void shouldPlayPolymetersAtTheirStepsPerCycle() {
        assertThat(hits(MiniNotation.parse("{a b c}%4"), 0, 1)).containsExactly("a 0-1/4", "b 1/4-1/2", "c 1/2-3/4", "a 3/4-1");
        assertThat(hits(MiniNotation.parse("{a b c}%4"), 1, 2)).extracting(s -> s.split(" ")[0]).containsExactly("b", "c", "a", "b");
        assertThat(hits(MiniNotation.parse("{a b, c d e}"), 0, 1))
                .containsExactly("a 0-1/2", "c 0-1/2", "b 1/2-1", "d 1/2-1");
        assertThat(hits(MiniNotation.parse("{a b, c d e}"), 1, 2)).extracting(s -> s.split(" ")[0]).containsExactly("a", "e", "b", "c");
        assertThat(hits(MiniNotation.parse("{a@2 b}%2"), 0, 1)).containsExactly("a 0-1");
    }

    @Test
    void shouldChooseOneOptionEachCycleBySeed() {
        Pattern<String> choice = MiniNotation.parse("a | b c");
        List<String> eight = hits(choice, 0, 32);
        assertThat(eight).allSatisfy(s -> assertThat(s).matches("a \\d+-\\d+|b \\d+-\\d+/2|c \\d+/2-\\d+"));
        long as = eight.stream().filter(s -> s.startsWith("a")).count(), bs = eight.stream().filter(s -> s.startsWith("b")).count();
        assertThat(as + bs).as("one option per cycle").isEqualTo(32);
        assertThat(as).as("a chosen in about half of 32 cycles").isBetween(6L, 26L);
        assertThat(hits(MiniNotation.parse("a | b c"), 0, 32)).isEqualTo(eight);
        assertThat(hits(choice.seed(3), 0, 32)).isNotEqualTo(eight);
    }

    @Test
    void shouldTakeSpeedsAndEuclideanNumbersFromPatterns() {
        assertThat(hits(MiniNotation.parse("a*<2 3>"), 0, 2)).containsExactly("a 0-1/2", "a 1/2-1", "a 1-4/3", "a 4/3-5/3", "a 5/3-2");
        assertThat(hits(MiniNotation.parse("[a b]*[1 2]"), 0, 1)).containsExactly("a 0-1/2", "a 1/2-3/4", "b 3/4-1");
        assertThat(hits(MiniNotation.parse("[a b]/<1 2>"), 0, 3)).containsExactly("a 0-1/2", "b 1/2-1", "b 1-2", "a 2-5/2", "b 5/2-3");
        assertThat(hits(MiniNotation.parse("x(<3 5>,8)"), 0, 2)).extracting(s -> s.split(" ")[1]).containsExactly(
                "0-1/8", "3/8-1/2", "3/4-7/8", "1-9/8", "5/4-11/8", "11/8-3/2", "13/8-7/4", "7/4-15/8");
        assertThat(hits(MiniNotation.parse("x(3,8,<0 2>)"), 1, 2)).extracting(s -> s.split(" ")[1])
                .containsExactly("9/8-5/4", "3/2-13/8", "7/4-15/8");
        assertThat(hits(MiniNotation.parse("x(<9 3>,4)"), 0, 1)).as("pulses clamped to the steps").hasSize(4);
        assertError("a*<2 x>", 6, "'x' is not a speed: write a number above 0");
        assertError("x(3,<8 0>)", 8, "'0' is not a whole number from 1 to 1024");
    }

    @Test
    void shouldReadValuesAsWritten() {
        assertThat(hits(MiniNotation.parse("bd:3 hh#2 0.25 -1 .5"), 0, 1)).extracting(s -> s.split(" ")[0])
                .containsExactly("bd:3", "hh#2", "0.25", "-1", ".5");
        assertThat(MiniNotation.parse("").query(Rational.ZERO, Rational.of(4))).isEmpty();
        assertThat(MiniNotation.parse("~ ~").query(Rational.ZERO, Rational.of(4))).isEmpty();
    }

    @Test
    void shouldDropTheSameEventsInEveryParse() {
        Pattern<String> a = MiniNotation.parse("hh*16?"), b = MiniNotation.parse("hh*16?");
        List<String> first = hits(a, 0, 8);
        assertThat(hits(b, 0, 8)).isEqualTo(first);
        assertThat(first.size()).as("about half of 128 kept").isBetween(44, 84);
        assertThat(hits(MiniNotation.parse("hh*16?0.9"), 0, 8).size()).as("about a tenth of 128 kept").isBetween(3, 26);
        assertThat(hits(a.seed(7), 0, 8)).as("another seed, another choice").isNotEqualTo(first);
    }

    @Test
    void shouldDrawEachQuestionMarkIndependently() {
        Pattern<String> two = MiniNotation.parse("[a*16?, b*16?]");
        List<String> kept = hits(two, 0, 4);
        List<String> aOnsets = kept.stream().filter(s -> s.startsWith("a")).map(s -> s.substring(2)).toList();
        List<String> bOnsets = kept.stream().filter(s -> s.startsWith("b")).map(s -> s.substring(2)).toList();
        assertThat(aOnsets).isNotEqualTo(bOnsets);
    }

    @Test
    void shouldConvertTokensWhenParsedAndPointAtABadOne() {
        assertThat(hits(MiniNotation.parse("c4 eb3 f#5 60", Note::midi), 0, 1)).extracting(s -> s.split(" ")[0])
                .containsExactly("60", "51", "78", "60");
        assertThatThrownBy(() -> MiniNotation.parse("c4 x4 g4", Note::midi))
                .isInstanceOfSatisfying(MiniNotationException.class, e -> {
                    assertThat(e.column()).isEqualTo(4);
                    assertThat(e.reason()).contains("'x4' is not a note");
                });
    }

    @Test
    void shouldPointAtAnUnclosedGroupWithACaret() {
        assertThatThrownBy(() -> MiniNotation.parse("bd [sn hh"))
                .isInstanceOfSatisfying(MiniNotationException.class, e -> {
                    assertThat(e.column()).isEqualTo(10);
                    assertThat(e.getMessage()).isEqualTo("""
                            expected ']' to close the group opened at column 4: add ']'
                              at column 10:
                              bd [sn hh
                                       ^""");
                });
    }

    @Test
    void shouldPointAtTheOffendingCharacter() {
        assertError("bd ] sn", 4, "unexpected ']': nothing open here to close");
        assertError("<a b", 5, "expected '>' to close the alternation opened at column 1");
        assertError("a*", 3, "expected a number after '*', as in a*3");
        assertError("a*0", 3, "must be above 0");
        assertError("a $ b", 3, "unexpected '$'");
        assertError("bd(3 8)", 6, "expected ',' and the number of steps");
        assertError("bd(3,8", 7, "expected ')' to close the Euclidean rhythm opened at column 3");
        assertError("bd(9,8)", 4, "9 pulses do not fit in 8 steps");
        assertError("a?1.5", 3, "between 0 and 1");
        assertError("_ a", 1, "'_' lengthens the step before it");
        assertError("[a b", 5, "expected ']' to close the group opened at column 1");
        assertError("{a b", 5, "expected '}' to close the polymeter opened at column 1");
        assertError("a | b, c", 6, "use either ',' (play together) or '|' (choose one each cycle)");
        assertError("{a | b}", 4, "'|' cannot choose within a polymeter");
        assertError("a [b, ]]", 8, "unexpected ']'");
        assertError("[".repeat(101) + "a" + "]".repeat(101), 101, "groups nested more than 100 deep");
        assertError("a\nb [c", 5, "expected ']' to close the group opened at column 3");
    }

    @Test
    void shouldGiveLineAndColumnInMultiLineNotation() {
        assertThatThrownBy(() -> MiniNotation.parse("a b\nc [d"))
                .isInstanceOfSatisfying(MiniNotationException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(5);
                    assertThat(e.getMessage()).endsWith("at line 2, column 5:\n  c [d\n      ^");
                });
    }

    private static void assertError(String notation, int column, String reason) {
        assertThatThrownBy(() -> MiniNotation.parse(notation)).as(notation)
                .isInstanceOfSatisfying(MiniNotationException.class, e -> {
                    assertThat(e.column()).as("column of the error in %s", notation).isEqualTo(column);
                    assertThat(e.reason()).as(notation).contains(reason);
                });
    }
}
