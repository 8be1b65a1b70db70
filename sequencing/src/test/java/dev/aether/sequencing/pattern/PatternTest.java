package dev.aether.sequencing.pattern;

import static dev.aether.sequencing.pattern.MiniNotationTest.hits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aether.core.time.Rational;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternTest {
    private static Pattern<String> p(String notation) { return MiniNotation.parse(notation); }

    private static Rational r(long num, long den) { return Rational.of(num, den); }

    @Test
    void shouldFillEachCycleWithAPureValueAndClipPartsToTheQuery() {
        List<Event<String>> events = Pattern.pure("a").query(r(1, 2), r(5, 2));
        assertThat(events).extracting(Event::toString)
                .containsExactly("a [0, 1) seen [1/2, 1)", "a [1, 2)", "a [2, 3) seen [2, 5/2)");
        assertThat(events).extracting(Event::hasOnset).containsExactly(false, true, true);
        assertThat(Pattern.silence().query(Rational.ZERO, Rational.of(8))).isEmpty();
    }

    @Test
    void shouldConcatenateWithinAndAcrossCycles() {
        Pattern<String> a = Pattern.pure("a"), b = Pattern.pure("b");
        assertThat(hits(Pattern.seq(a, b), 0, 1)).containsExactly("a 0-1/2", "b 1/2-1");
        assertThat(hits(Pattern.cat(a, b, Pattern.pure("c")), 0, 4)).containsExactly("a 0-1", "b 1-2", "c 2-3", "a 3-4");
        assertThat(hits(Pattern.stack(a, b), 0, 1)).containsExactly("a 0-1", "b 0-1");
        assertThat(hits(Pattern.sequence(List.of(new Pattern.Weighted<>(a, Rational.of(3)),
                new Pattern.Weighted<>(b, Rational.ONE))), 0, 1)).containsExactly("a 0-3/4", "b 3/4-1");
    }

    @Test
    void shouldResumeEachPatternOfACatWhereItLeftOff() {
        // Tidal's slowcat: each pattern sees its own cycles 0, 1, 2 on its turns
        Pattern<String> cat = Pattern.cat(p("<a1 a2>"), p("b"));
        assertThat(hits(cat, 0, 4)).containsExactly("a1 0-1", "b 1-2", "a2 2-3", "b 3-4");
    }

    @Test
    void shouldChangeSpeed() {
        assertThat(hits(p("a b").fast(2), 0, 1)).containsExactly("a 0-1/4", "b 1/4-1/2", "a 1/2-3/4", "b 3/4-1");
        assertThat(hits(p("a b").slow(2), 0, 2)).containsExactly("a 0-1", "b 1-2");
        assertThat(hits(p("a b").fast(r(2, 3)), 0, 3)).containsExactly("a 0-3/4", "b 3/4-3/2", "a 3/2-9/4", "b 9/4-3");
        assertThat(p("a").fast(0).query(Rational.ZERO, Rational.ONE)).isEmpty();
        assertThatThrownBy(() -> p("a").slow(0)).hasMessageContaining("slow needs a factor above 0");
    }

    @Test
    void shouldShiftInTime() {
        assertThat(hits(p("a b c d").early(r(1, 4)), 0, 1)).containsExactly("b 0-1/4", "c 1/4-1/2", "d 1/2-3/4", "a 3/4-1");
        assertThat(hits(p("a b c d").late(0.25), 0, 1)).containsExactly("d 0-1/4", "a 1/4-1/2", "b 1/2-3/4", "c 3/4-1");
    }

    @Test
    void shouldReverseEachCycle() {
        assertThat(hits(p("a b c").rev(), 0, 1)).containsExactly("c 0-1/3", "b 1/3-2/3", "a 2/3-1");
        assertThat(hits(p("a@3 b").rev(), 0, 1)).containsExactly("b 0-1/4", "a 1/4-1");
        assertThat(hits(p("<a b> c").rev(), 0, 2)).containsExactly("c 0-1/2", "a 1/2-1", "c 1-3/2", "b 3/2-2");
    }

    @Test
    void shouldApplyEveryNthCycleStartingAtZero() {
        assertThat(hits(p("a b").every(3, x -> x.fast(2)), 0, 4)).containsExactly(
                "a 0-1/4", "b 1/4-1/2", "a 1/2-3/4", "b 3/4-1",
                "a 1-3/2", "b 3/2-2", "a 2-5/2", "b 5/2-3",
                "a 3-13/4", "b 13/4-7/2", "a 7/2-15/4", "b 15/4-4");
    }

    @Test
    void shouldRotateValuesAndKeepTheRhythm() {
        assertThat(hits(p("a b@2 c").rotate(1), 0, 1)).containsExactly("b 0-1/4", "c 1/4-3/4", "a 3/4-1");
        assertThat(hits(p("a b c").rotate(-1), 0, 1)).containsExactly("c 0-1/3", "a 1/3-2/3", "b 2/3-1");
    }

    @Test
    void shouldPlayEuclideanRhythmsAsTidalDoes() {
        assertThat(steps(Pattern.pure("x").euclid(3, 8))).isEqualTo("x..x..x.");
        assertThat(steps(Pattern.pure("x").euclid(5, 8))).isEqualTo("x.xx.xx.");
        assertThat(steps(Pattern.pure("x").euclid(7, 16))).isEqualTo("x..x.x.x..x.x.x.");
        assertThat(steps(Pattern.pure("x").euclid(4, 12))).isEqualTo("x..x..x..x..");
        assertThat(steps(Pattern.pure("x").euclid(3, 8, 2))).isEqualTo(".x..x.x.");
        assertThat(steps(Pattern.pure("x").euclid(0, 4))).isEqualTo("....");
    }

    /** The rhythm of one cycle as 'x' and '.' steps, step = length of the first onset's whole. */
    private static String steps(Pattern<String> p) {
        List<Event<String>> on = p.onsets(Rational.ZERO, Rational.ONE);
        int n = on.isEmpty() ? 4 : (int) Rational.ONE.dividedBy(on.get(0).whole().length()).floor();
        char[] out = ".".repeat(n).toCharArray();
        for (Event<String> e : on) out[(int) e.whole().begin().times(n).floor()] = 'x';
        return new String(out);
    }

    @Test
    void shouldDegradeAndSometimesComplementarily() {
        Pattern<String> hats = p("hh*8");
        List<String> all = hits(hats, 0, 16);
        List<String> kept = hits(hats.degradeBy(0.25), 0, 16);
        assertThat(all).containsAll(kept);
        assertThat(kept.size()).as("about 3/4 of 128 kept").isBetween(80, 112);
        assertThat(hits(hats.degradeBy(0), 0, 16)).isEqualTo(all);
        assertThat(hits(hats.degradeBy(1), 0, 16)).isEmpty();

        List<String> some = hits(hats.sometimes(0.5, x -> x.fmap(String::toUpperCase)), 0, 16);
        assertThat(some).hasSameSizeAs(all);
        long changed = some.stream().filter(s -> s.startsWith("HH")).count();
        assertThat(changed).as("about half of 128 changed").isBetween(44L, 84L);
        assertThat(some.stream().map(s -> s.toLowerCase()).sorted().toList()).isEqualTo(all.stream().sorted().toList());
        assertThatThrownBy(() -> hats.degradeBy(1.5)).hasMessageContaining("a probability must be in [0, 1]");
    }

    @Test
    void shouldChooseTheSameInEveryRunAndDifferentlyPerSeed() {
        Pattern<String> hats = p("hh*8").degradeBy(0.5);
        assertThat(hits(hats, 0, 8)).isEqualTo(hits(p("hh*8").degradeBy(0.5), 0, 8));
        assertThat(hits(hats.seed(1), 0, 8)).isNotEqualTo(hits(hats.seed(2), 0, 8));
        assertThat(hits(hats.seed(1), 0, 8)).isEqualTo(hits(hats.seed(1), 0, 8));
        assertThat(hits(hats.seed(Pattern.DEFAULT_SEED), 0, 8)).isEqualTo(hits(hats, 0, 8));
    }

    @Test
    void shouldMapValuesToNotesScalesAndChords() {
        assertThat(values(p("c4 e4").transpose(12))).containsExactly(72, 76);
        assertThat(values(p("0 2 4 7 -1").scale("minor"))).containsExactly(60, 63, 67, 72, 58);
        assertThat(values(p("0 1 2").scale("a3:major"))).containsExactly(57, 59, 61);
        assertThat(values(p("c4").chord("maj7"))).containsExactly(60, 64, 67, 71);
        assertThat(values(p("a3").chord("min"))).containsExactly(57, 60, 64);
        assertThat(values(p("0 0.5 1").range(200, 2000))).containsExactly(200.0, 1100.0, 2000.0);
        assertThat(values(p("1 2").asNumbers())).containsExactly(1.0, 2.0);
        assertThatThrownBy(() -> p("0").scale("klingon")).hasMessageContaining("unknown scale 'klingon': use one of major, minor");
        assertThatThrownBy(() -> p("c4").chord("weird")).hasMessageContaining("unknown chord 'weird': use one of maj, min");
        assertThatThrownBy(() -> values(p("zz").asNotes())).hasMessageContaining("'zz' is not a note");
    }

    private static <T> List<T> values(Pattern<T> p) {
        return p.onsets(Rational.ZERO, Rational.ONE).stream().map(Event::value).toList();
    }

    @Test
    void shouldNameNotesInMidiNumbers() {
        assertThat(Note.midi("c4")).isEqualTo(60);
        assertThat(Note.midi("A4")).isEqualTo(69);
        assertThat(Note.midi("eb3")).isEqualTo(51);
        assertThat(Note.midi("f#5")).isEqualTo(78);
        assertThat(Note.midi("cs2")).isEqualTo(37);
        assertThat(Note.midi("bf2")).isEqualTo(46);
        assertThat(Note.midi("bb")).isEqualTo(70);
        assertThat(Note.midi("c-1")).isEqualTo(0);
        assertThat(Note.midi("e")).isEqualTo(64);
        assertThat(Note.midi("72")).isEqualTo(72);
        assertThat(Note.midi(61)).isEqualTo(61);
        assertThat(Note.hz(69)).isEqualTo(440.0);
        assertThat(Note.hz(Note.midi("a5"))).isCloseTo(880.0, within(1e-9));
        assertThatThrownBy(() -> Note.midi("h2")).hasMessageContaining("'h2' is not a note: write a name such as c4");
        assertThatThrownBy(() -> Note.midi("60.5")).hasMessageContaining("not a whole number");
    }

    @Test
    void shouldPlayTheExamplesOfTheDocs() {
        Pattern<String> beat = MiniNotation.parse("bd*2 [~ sn] bd sn");
        assertThat(hits(beat, 0, 1)).containsExactly("bd 0-1/8", "bd 1/8-1/4", "sn 3/8-1/2", "bd 1/2-3/4", "sn 3/4-1");
        Pattern<Integer> riff = MiniNotation.parse("0 2 4 <7 9>").scale("a3:minor").every(4, p -> p.rev());
        assertThat(values(riff)).as("cycle 0 reversed").containsExactly(69, 64, 60, 57);
        assertThat(riff.onsets(Rational.ONE, Rational.of(2))).extracting(Event::value).containsExactly(57, 60, 64, 72);
        Pattern<Integer> chords = MiniNotation.parse("<c3 f3 g3 c3>", Note::midi).chord("maj7");
        assertThat(chords.onsets(Rational.ONE, Rational.of(2))).extracting(Event::value).containsExactly(53, 57, 60, 64);
        Pattern<Double> cutoff = MiniNotation.parse("0 0.25 0.5 1").range(200, 4000).slow(2);
        assertThat(hits(cutoff, 0, 2)).containsExactly("200.0 0-1/2", "1150.0 1/2-1", "2100.0 1-3/2", "4000.0 3/2-2");
    }

    @Test
    void shouldShowTheFirstCycleAtThePrompt() {
        assertThat(p("bd [~ sn]").toString()).isEqualTo("pattern, cycle 0: bd at 0, sn at 3/4");
        assertThat(p("~").toString()).isEqualTo("pattern, cycle 0: silent");
        assertThat(p("x*20").toString()).startsWith("pattern, cycle 0: x at 0, x at 1/20").endsWith("x at 3/4, ... (20 in all)");
        assertThat(p("zz").asNotes().toString()).startsWith("pattern, cycle 0: 'zz' is not a note");
    }

    @Test
    void shouldCombineValuesAtEachOnsetKeepingTheRhythmOfTheFirst() {
        Pattern<String> hits = p("c4 e4 g4 c5").combine(p("1 0.5"), (n, v) -> n + ":" + v);
        assertThat(MiniNotationTest.hits(hits, 0, 1)).containsExactly("c4:1 0-1/4", "e4:1 1/4-1/2", "g4:0.5 1/2-3/4", "c5:0.5 3/4-1");
        assertThat(MiniNotationTest.hits(p("a b").combine(p("~ x"), (a, b) -> a + b), 0, 1)).containsExactly("bx 1/2-1");
        assertThat(MiniNotationTest.hits(p("a*2").combine(p("<x y>/2"), (a, b) -> a + b), 0, 3))
                .as("values that began before the onset count").containsExactly("ax 0-1/2", "ax 1/2-1", "ax 1-3/2", "ax 3/2-2", "ay 2-5/2", "ay 5/2-3");
    }

    @Test
    void shouldLayerRepeatAndReorder() {
        assertThat(hits(p("a b").superimpose(x -> x.fast(2)), 0, 1))
                .containsExactly("a 0-1/2", "a 0-1/4", "b 1/4-1/2", "b 1/2-1", "a 1/2-3/4", "b 3/4-1");
        assertThat(hits(p("a b").off(0.25, x -> x.fmap(String::toUpperCase)), 0, 1))
                .containsExactly("a 0-1/2", "A 1/4-3/4", "b 1/2-1", "B 3/4-5/4");
        assertThat(hits(p("a [b c]").ply(2), 0, 1))
                .containsExactly("a 0-1/4", "a 1/4-1/2", "b 1/2-5/8", "b 5/8-3/4", "c 3/4-7/8", "c 7/8-1");
        assertThat(hits(p("a b c d").iter(4), 1, 2)).extracting(s -> s.split(" ")[0]).containsExactly("b", "c", "d", "a");
        assertThat(hits(p("a b c d").iter(4), 4, 5)).extracting(s -> s.split(" ")[0]).containsExactly("a", "b", "c", "d");
        assertThat(hits(p("<a b> c").iter(2), 0, 4)).as("each turn resumes the pattern: Tidal's slowcat")
                .extracting(s -> s.split(" ")[0]).containsExactly("a", "c", "c", "b", "b", "c", "c", "a");
        assertThat(hits(p("a b c").palindrome(), 0, 2)).extracting(s -> s.split(" ")[0]).containsExactly("a", "b", "c", "c", "b", "a");
        assertThatThrownBy(() -> p("a").ply(0)).hasMessageContaining("ply needs 1 repeat or more");
    }

    @Test
    void shouldRefuseAPatternTooDenseToPlay() {
        assertThat(p("hh*100000").onsets(Rational.ZERO, Rational.of(1, 1000))).hasSize(100);
        assertThatThrownBy(() -> p("hh*1000 [a*1000]*1000").onsets(Rational.ZERO, Rational.of(1, 1000)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the pattern makes more than 100000 events in one cycle: slow it down (smaller factors after '*', fewer steps)");
    }
}
