package dev.aether.sequencing.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.time.Rational;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of patterns and mini-notation over generated notation trees and transformations. */
class PatternPropertiesTest {
    private static final String[] TOKENS = {"a", "b", "c4", "bd", "60", "0.5", "hh:2"};

    @Property(tries = 400)
    void printedNotationParsesToTheSameEvents(@ForAll("trees") MiniAst tree) {
        String notation = tree.notation();
        Pattern<String> direct = MiniNotation.build(tree, Function.identity(), notation);
        Pattern<String> parsed = MiniNotation.parse(notation);
        assertThat(canonical(parsed.query(Rational.ZERO, Rational.of(4))))
                .as("events of %s", notation)
                .isEqualTo(canonical(direct.query(Rational.ZERO, Rational.of(4))));
        assertThat(MiniNotation.syntax(notation).notation()).as("printing is stable").isEqualTo(notation);
    }

    @Property(tries = 400)
    void onsetsOfAWindowAreThoseOfItsTwoHalves(@ForAll("patterns") Pattern<String> pattern,
            @ForAll @IntRange(min = 0, max = 48) int a, @ForAll @IntRange(min = 0, max = 48) int ab,
            @ForAll @IntRange(min = 0, max = 48) int bc, @ForAll("denominators") int den) {
        Rational from = Rational.of(a, den), mid = from.plus(Rational.of(ab, den)), to = mid.plus(Rational.of(bc, den));
        List<Event<String>> whole = pattern.onsets(from, to);
        List<Event<String>> halves = new ArrayList<>(pattern.onsets(from, mid));
        halves.addAll(pattern.onsets(mid, to));
        assertThat(canonical(halves)).as("onsets of [%s, %s) split at %s", from, to, mid).isEqualTo(canonical(whole));
        assertThat(whole).allSatisfy(e -> assertThat(e.whole().begin()).isBetween(from, to).isNotEqualTo(to));
    }

    @Property(tries = 200)
    void aSequenceOfRepeatsHasTheSumOfItsRepeatsPerCycle(@ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 5) Integer> repeats,
            @ForAll @IntRange(min = -20, max = 20) int cycle) {
        StringBuilder notation = new StringBuilder();
        for (int k : repeats) notation.append("x*").append(k).append(' ');
        int expected = repeats.stream().mapToInt(Integer::intValue).sum();
        assertThat(MiniNotation.parse(notation.toString()).onsets(Rational.of(cycle), Rational.of(cycle + 1)))
                .as("onsets of %s in cycle %d", notation, cycle).hasSize(expected);
    }

    @Property(tries = 200)
    void aEuclideanRhythmHasItsPulsesPerCycle(@ForAll @IntRange(min = 1, max = 32) int steps, @ForAll Random random,
            @ForAll @IntRange(min = -3, max = 3) int cycle) {
        int pulses = random.nextInt(steps + 1), rotation = random.nextInt(steps);
        String notation = "x(" + pulses + "," + steps + "," + rotation + ")";
        assertThat(MiniNotation.parse(notation).onsets(Rational.of(cycle), Rational.of(cycle + 1)))
                .as("onsets of %s", notation).hasSize(pulses);
    }

    @Property(tries = 200)
    void anAlternationPlaysOneStepPerCycle(@ForAll @IntRange(min = 1, max = 6) int steps, @ForAll @IntRange(min = 1, max = 24) int cycles) {
        String notation = "<" + "x ".repeat(steps) + ">";
        assertThat(MiniNotation.parse(notation).onsets(Rational.ZERO, Rational.of(cycles))).hasSize(cycles);
    }

    @Property(tries = 200)
    void randomChoicesDependOnlyOnTheSeed(@ForAll("trees") MiniAst tree, @ForAll long seed) {
        String notation = "[" + tree.notation() + "]*4?0.4 x*32?";
        List<Event<String>> first = MiniNotation.parse(notation).seed(seed).query(Rational.ZERO, Rational.of(3));
        assertThat(MiniNotation.parse(notation).seed(seed).query(Rational.ZERO, Rational.of(3))).isEqualTo(first);
        assertThat(MiniNotation.parse(notation).seed(seed + 1).query(Rational.ZERO, Rational.of(3)))
                .as("96 draws of x alone differ between two seeds").isNotEqualTo(first);
    }

    /** Events in an order that does not depend on how a query was assembled. */
    private static List<String> canonical(List<Event<String>> events) {
        return events.stream().sorted(Comparator.comparing((Event<String> e) -> e.part().begin())
                        .thenComparing(e -> e.whole().begin()).thenComparing(Event::toString))
                .map(Event::toString).toList();
    }

    @Provide
    Arbitrary<Integer> denominators() { return Arbitraries.of(1, 2, 3, 4, 6, 7, 8, 12, 16, 96); }

    @Provide
    Arbitrary<MiniAst> trees() { return Arbitraries.randomValue(r -> tree(r, 3)); }

    /** A mini-notation tree with Java transformations on top, random choices included. */
    @Provide
    Arbitrary<Pattern<String>> patterns() {
        return Arbitraries.randomValue(r -> {
            MiniAst t = tree(r, 3);
            Pattern<String> p = MiniNotation.build(t, Function.identity(), t.notation());
            if (r.nextInt(3) == 0) p = p.keepByChance(0.3, r.nextInt(4), true);
            for (int i = r.nextInt(3); i > 0; i--) {
                switch (r.nextInt(7)) {
                    case 0 -> p = p.rev();
                    case 1 -> p = p.every(2 + r.nextInt(2), x -> x.fast(2));
                    case 2 -> p = p.rotate(1 + r.nextInt(3));
                    case 3 -> p = p.early(Rational.of(1 + r.nextInt(5), 1 + r.nextInt(7)));
                    case 4 -> p = p.degradeBy(0.3);
                    case 5 -> p = p.sometimes(0.5, Pattern::rev);
                    default -> p = p.slow(Rational.of(3, 2));
                }
            }
            return p;
        });
    }

    static MiniAst tree(Random r, int depth) {
        int kind = depth == 0 ? r.nextInt(8) : r.nextInt(20);
        if (kind < 6) return new MiniAst.Atom(TOKENS[r.nextInt(TOKENS.length)], 0);
        if (kind < 7) return new MiniAst.Rest();
        if (kind < 8) return new MiniAst.Fast(tree(r, 0), r.nextBoolean() ? Rational.of(1 + r.nextInt(4)) : Rational.of(3, 2));
        if (kind < 11) return new MiniAst.Sequence(steps(r, depth, 2 + r.nextInt(3)));
        if (kind < 13) {
            List<MiniAst> layers = new ArrayList<>();
            for (int i = 2 + r.nextInt(2); i > 0; i--) layers.add(tree(r, depth - 1));
            return new MiniAst.Stack(layers);
        }
        if (kind < 15) return new MiniAst.Alternation(steps(r, depth, 1 + r.nextInt(3)));
        if (kind < 16) return new MiniAst.Slow(tree(r, depth - 1), Rational.of(1 + r.nextInt(3)));
        if (kind < 17) return new MiniAst.Fast(tree(r, depth - 1), Rational.of(1 + r.nextInt(3)));
        int steps = 1 + r.nextInt(8);
        return new MiniAst.Euclid(tree(r, depth - 1), r.nextInt(steps + 1), steps, r.nextInt(steps));
    }

    private static List<MiniAst.Step> steps(Random r, int depth, int n) {
        List<MiniAst.Step> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Rational w = r.nextInt(4) == 0 ? Rational.of(1 + r.nextInt(3)) : r.nextInt(8) == 0 ? Rational.of(3, 2) : Rational.ONE;
            out.add(new MiniAst.Step(tree(r, depth - 1), w));
        }
        return out;
    }
}
