package dev.aether.sequencing.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Property(tries = 300)
    void aStrayCharacterIsReportedAtItsOwnColumn(@ForAll("trees") MiniAst tree, @ForAll Random random) {
        String notation = tree.notation();
        List<Integer> starts = new ArrayList<>();      // where a new term may begin
        for (int i = 0; i <= notation.length(); i++) {
            char before = i == 0 ? ' ' : notation.charAt(i - 1);
            if (Character.isWhitespace(before) || before == '[' || before == '<' || before == '{') starts.add(i);
        }
        int at = starts.get(random.nextInt(starts.size()));
        String broken = notation.substring(0, at) + "$" + notation.substring(at);
        assertThatThrownBy(() -> MiniNotation.parse(broken)).as(broken)
                .isInstanceOfSatisfying(MiniNotationException.class, e -> {
                    assertThat(e.column()).as("column of '$' in %s", broken).isEqualTo(at + 1);
                    assertThat(e.reason()).startsWith("unexpected '$'");
                    assertThat(e.getMessage()).endsWith("\n  " + broken + "\n  " + " ".repeat(at) + "^");
                });
    }

    @Property(tries = 2000)
    void anyStringParsesOrFailsWithACaret(@ForAll("scribbles") String text) {
        try {
            Pattern<String> p = MiniNotation.parse(text);
            p.query(Rational.ZERO, Rational.of(2));
        } catch (MiniNotationException e) {
            assertThat(e.offset()).as("offset in %s", text).isBetween(0, text.length());
            assertThat(e.getMessage()).contains("^");
        }
    }

    @Provide
    Arbitrary<String> scribbles() {
        return Arbitraries.strings().withChars("ab1 0.5~-[]<>{}(),|*/@!?_%:#\n").ofMaxLength(24);
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
        // the same for the queries themselves, below onsets' memo of whole cycles
        List<Event<String>> started = new ArrayList<>(startedIn(pattern, from, mid));
        started.addAll(startedIn(pattern, mid, to));
        assertThat(canonical(started)).as("events starting in [%s, %s) split at %s", from, to, mid)
                .isEqualTo(canonical(startedIn(pattern, from, to)));
        assertThat(whole).allSatisfy(e -> assertThat(e.whole().begin()).isBetween(from, to).isNotEqualTo(to));
    }

    @Property(tries = 400)
    void onsetsAreTheEventsOfAQueryThatStartInIt(@ForAll("patterns") Pattern<String> pattern,
            @ForAll @IntRange(min = 0, max = 48) int a, @ForAll @IntRange(min = 1, max = 48) int length,
            @ForAll("denominators") int den) {
        Rational from = Rational.of(a, den), to = from.plus(Rational.of(length, den));
        assertThat(canonical(pattern.onsets(from, to))).as("onsets of [%s, %s)", from, to)
                .isEqualTo(canonical(startedIn(pattern, from, to)));
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

    /** The events of a query of [from, to) that start in it, whole. */
    private static List<Event<String>> startedIn(Pattern<String> p, Rational from, Rational to) {
        return p.query(from, to).stream().filter(Event::hasOnset).map(e -> new Event<>(e.whole(), e.whole(), e.value())).toList();
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
    Arbitrary<MiniAst> trees() { return Arbitraries.randomValue(r -> tree(r, 3, false)); }

    /** A mini-notation tree with Java transformations on top, random choices included. */
    @Provide
    Arbitrary<Pattern<String>> patterns() {
        return Arbitraries.randomValue(r -> {
            MiniAst t = tree(r, 3, true);
            Pattern<String> p = MiniNotation.build(t, Function.identity(), t.notation());
            if (r.nextInt(3) == 0) p = p.keepByChance(0.3, r.nextInt(4), true);
            for (int i = r.nextInt(3); i > 0; i--) {
                switch (r.nextInt(11)) {
                    case 0 -> p = p.rev();
                    case 1 -> p = p.every(2 + r.nextInt(2), x -> x.fast(2));
                    case 2 -> p = p.rotate(1 + r.nextInt(3));
                    case 3 -> p = p.early(Rational.of(1 + r.nextInt(5), 1 + r.nextInt(7)));
                    case 4 -> p = p.degradeBy(0.3);
                    case 5 -> p = p.sometimes(0.5, Pattern::rev);
                    case 7 -> p = p.ply(2 + r.nextInt(2));
                    case 8 -> p = p.iter(2 + r.nextInt(3));
                    case 9 -> p = p.off(Rational.of(1, 8), x -> x.fast(2));
                    case 6 -> p = p.combine(MiniNotation.parse("<x y>/2 z*3"), (a, b) -> a + b);
                    default -> p = p.slow(Rational.of(3, 2));
                }
            }
            return p;
        });
    }

    /** A random tree; with {@code random}, random choices ({@code ?}, {@code |}) too, which do not print back. */
    static MiniAst tree(Random r, int depth, boolean random) {
        int kind = depth == 0 ? r.nextInt(8) : r.nextInt(random ? 26 : 24);
        if (kind < 6) return new MiniAst.Atom(TOKENS[r.nextInt(TOKENS.length)], 0);
        if (kind < 7) return new MiniAst.Rest();
        if (kind < 8) return new MiniAst.Fast(tree(r, 0, random), r.nextBoolean() ? Rational.of(1 + r.nextInt(4)) : Rational.of(3, 2));
        if (kind < 11) return new MiniAst.Sequence(steps(r, depth, 2 + r.nextInt(3), random));
        if (kind < 13) {
            List<MiniAst> layers = new ArrayList<>();
            for (int i = 2 + r.nextInt(2); i > 0; i--) layers.add(tree(r, depth - 1, random));
            return new MiniAst.Stack(layers);
        }
        if (kind < 15) return new MiniAst.Alternation(steps(r, depth, 1 + r.nextInt(3), random));
        if (kind < 16) return new MiniAst.Slow(tree(r, depth - 1, random), Rational.of(1 + r.nextInt(3)));
        if (kind < 17) return new MiniAst.Fast(tree(r, depth - 1, random), Rational.of(1 + r.nextInt(3)));
        if (kind < 19) {
            List<List<MiniAst.Step>> layers = new ArrayList<>();
            for (int i = 1 + r.nextInt(2); i > 0; i--) layers.add(steps(r, depth, 1 + r.nextInt(4), random));
            return new MiniAst.Polymeter(layers, r.nextBoolean() ? null : Rational.of(1 + r.nextInt(5)));
        }
        if (kind == 22) return new MiniAst.SpeedBy(tree(r, depth - 1, random), numbers(r, "1", "2", "3", "1.5", "0.5"), r.nextBoolean());
        if (kind == 23) {
            return new MiniAst.EuclidBy(tree(r, depth - 1, random), numbers(r, "0", "1", "3", "5", "8"), numbers(r, "1", "4", "8"),
                    r.nextBoolean() ? null : numbers(r, "0", "1", "-2"));
        }
        if (kind == 24) return new MiniAst.Degrade(tree(r, depth - 1, random), r.nextInt(5) / 4.0, r.nextInt(3));
        if (kind == 25) return new MiniAst.Choice(List.of(tree(r, depth - 1, random), tree(r, depth - 1, random)), r.nextInt(3));
        int steps = 1 + r.nextInt(8);
        return new MiniAst.Euclid(tree(r, depth - 1, random), r.nextInt(steps + 1), steps, r.nextInt(steps));
    }

    /** An alternation or a sequence of 1 to 3 of {@code tokens}. */
    private static MiniAst numbers(Random r, String... tokens) {
        List<MiniAst.Step> steps = new ArrayList<>();
        for (int i = 1 + r.nextInt(3); i > 0; i--) steps.add(new MiniAst.Step(new MiniAst.Atom(tokens[r.nextInt(tokens.length)], 0), Rational.ONE));
        return r.nextBoolean() || steps.size() == 1 ? new MiniAst.Alternation(steps) : new MiniAst.Sequence(steps);
    }

    private static List<MiniAst.Step> steps(Random r, int depth, int n, boolean random) {
        List<MiniAst.Step> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Rational w = r.nextInt(4) == 0 ? Rational.of(1 + r.nextInt(3)) : r.nextInt(8) == 0 ? Rational.of(3, 2) : Rational.ONE;
            out.add(new MiniAst.Step(tree(r, depth - 1, random), w));
        }
        return out;
    }
}
