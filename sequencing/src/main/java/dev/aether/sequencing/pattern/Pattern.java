package dev.aether.sequencing.pattern;

import dev.aether.core.time.Rational;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A pattern: a pure function from a span of musical time in cycles (exact {@link Rational}s; 1 cycle = 1 bar when
 * played) to the {@link Event}s that overlap it, as in TidalCycles and Strudel. Immutable and thread-safe: query it
 * from any thread, any number of times; the same query always gives the same events, also for random choices
 * ({@link #degradeBy}, {@link #sometimes}), which come from a seed ({@link #seed}) hashed with the event's onset.
 * Queries split anywhere agree: the onsets of {@code [a, c)} are those of {@code [a, b)} followed by those of
 * {@code [b, c)}, which is what a look-ahead scheduler relies on. Not for the audio thread (queries allocate).
 *
 * <p>Build patterns with {@link MiniNotation#parse} ({@code "bd*2 [sn cp]"}) or the factories here ({@link #pure},
 * {@link #seq}, {@link #cat}, {@link #stack}, {@link #sequence}), then transform them ({@link #fast},
 * {@link #every}, {@link #transpose}, ...). Every transformation returns a new pattern.
 *
 * @param <T> the event values: tokens ({@code String}) from mini-notation, MIDI note numbers ({@code Integer}),
 *            parameter values ({@code Double}), or anything else
 */
public final class Pattern<T> {
    /** The seed of queries that name none: the same in every run. */
    public static final long DEFAULT_SEED = 0;

    /** What a pattern is: events overlapping a non-empty span, with the seed of its random choices. */
    @FunctionalInterface
    interface Query<T> {
        List<Event<T>> apply(Span span, long seed);
    }

    /** A pattern with a relative length, for {@link #sequence} (Tidal's {@code timeCat}, mini-notation's {@code @}). */
    public record Weighted<T>(Pattern<T> pattern, Rational weight) {
        public Weighted {
            Objects.requireNonNull(pattern, "pattern");
            if (weight.signum() <= 0) throw new IllegalArgumentException("a weight must be above 0, not " + weight);
        }
    }

    private static final Pattern<?> SILENCE = new Pattern<>((span, seed) -> List.of());

    private final Query<T> query;

    Pattern(Query<T> query) { this.query = query; }

    // ---------------------------------------------------------------------------------------------- queries

    /** The events overlapping {@code [from, to)} (cycles), each with its whole span and the part inside. */
    public List<Event<T>> query(Rational from, Rational to) { return query(new Span(from, to)); }

    /** The events overlapping {@code span}, each with its whole span and the part inside it; none if it is empty. */
    public List<Event<T>> query(Span span) { return query(span, DEFAULT_SEED); }

    List<Event<T>> query(Span span, long seed) { return span.isEmpty() ? List.of() : query.apply(span, seed); }

    /**
     * The events whose onset lies in {@code [from, to)}, in order of onset: what a scheduler plays for that window.
     * Each comes with its whole span (its length is {@code whole().length()}).
     */
    public List<Event<T>> onsets(Rational from, Rational to) {
        List<Event<T>> out = new ArrayList<>();
        for (Event<T> e : query(from, to)) if (e.hasOnset()) out.add(new Event<>(e.whole(), e.whole(), e.value()));
        out.sort(Comparator.comparing((Event<T> e) -> e.whole().begin()));
        return out;
    }

    // -------------------------------------------------------------------------------------------- factories

    /** {@code value} once per cycle, filling it. */
    public static <T> Pattern<T> pure(T value) {
        return new Pattern<>((span, seed) -> {
            List<Event<T>> out = new ArrayList<>();
            for (Span piece : span.cycles()) {
                Rational c = piece.cycle();
                out.add(new Event<>(new Span(c, c.plus(Rational.ONE)), piece, value));
            }
            return out;
        });
    }

    /** No events (mini-notation's {@code ~}). */
    @SuppressWarnings("unchecked")
    public static <T> Pattern<T> silence() { return (Pattern<T>) SILENCE; }

    /** The patterns one after another within each cycle, each squeezed into an equal step (Tidal's {@code fastcat}). */
    @SafeVarargs
    public static <T> Pattern<T> seq(Pattern<T>... patterns) { return seq(Arrays.asList(patterns)); }

    /** The patterns one after another within each cycle, each squeezed into an equal step (Tidal's {@code fastcat}). */
    public static <T> Pattern<T> seq(List<Pattern<T>> patterns) {
        return sequence(patterns.stream().map(p -> new Weighted<>(p, Rational.ONE)).toList());
    }

    /**
     * The patterns one per cycle in turn, each resuming where it left off (Tidal's {@code slowcat}, mini-notation's
     * {@code <a b>}).
     */
    @SafeVarargs
    public static <T> Pattern<T> cat(Pattern<T>... patterns) { return cat(Arrays.asList(patterns)); }

    /** The patterns one per cycle in turn, each resuming where it left off (Tidal's {@code slowcat}). */
    public static <T> Pattern<T> cat(List<Pattern<T>> patterns) {
        return patterns.isEmpty() ? silence() : seq(patterns).slow(Rational.of(patterns.size()));
    }

    /** The patterns played together. */
    @SafeVarargs
    public static <T> Pattern<T> stack(Pattern<T>... patterns) { return stack(Arrays.asList(patterns)); }

    /** The patterns played together. */
    public static <T> Pattern<T> stack(List<Pattern<T>> patterns) {
        List<Pattern<T>> ps = List.copyOf(patterns);
        if (ps.size() == 1) return ps.get(0);
        return new Pattern<>((span, seed) -> {
            List<Event<T>> out = new ArrayList<>();
            for (Pattern<T> p : ps) out.addAll(p.query(span, seed));
            return out;
        });
    }

    /**
     * The patterns one after another within each cycle, each taking a share of the cycle in proportion to its
     * weight (Tidal's {@code timeCat}; {@code "a@3 b"} is {@code a} for 3/4 of the cycle, {@code b} for 1/4).
     */
    public static <T> Pattern<T> sequence(List<Weighted<T>> steps) {
        if (steps.isEmpty()) return silence();
        if (steps.size() == 1) return steps.get(0).pattern();
        Rational total = Rational.ZERO;
        for (Weighted<T> s : steps) total = total.plus(s.weight());
        List<Pattern<T>> parts = new ArrayList<>();
        List<Rational> begins = new ArrayList<>(), ends = new ArrayList<>();
        Rational at = Rational.ZERO;
        for (Weighted<T> s : steps) {
            Rational next = at.plus(s.weight());
            if (s.pattern() != SILENCE) {
                parts.add(s.pattern());
                begins.add(at.dividedBy(total));
                ends.add(next.dividedBy(total));
            }
            at = next;
        }
        int n = parts.size();
        return n == 0 ? silence() : new Pattern<>((span, seed) -> {
            List<Event<T>> out = new ArrayList<>();
            for (Span piece : span.cycles()) {
                Rational c = piece.cycle();
                Rational from = piece.begin().minus(c), to = piece.end().minus(c);
                for (int i = 0; i < n; i++) {
                    // only the steps whose slot the piece overlaps: a short look-ahead window meets one or two
                    if (ends.get(i).compareTo(from) > 0 && begins.get(i).compareTo(to) < 0) {
                        parts.get(i).compressInto(begins.get(i), ends.get(i), piece, seed, out);
                    }
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------------------------------- time transforms

    /**
     * Adds to {@code out} the events of this squeezed into {@code [b, e)} of the cycle of {@code piece} (a span
     * within one cycle; {@code 0 <= b < e <= 1}): each cycle of this plays in that slot of the same cycle.
     */
    private void compressInto(Rational b, Rational e, Span piece, long seed, List<Event<T>> out) {
        Rational c = piece.cycle(), offset = c.plus(b), width = e.minus(b);
        Span slot = piece.intersect(new Span(offset, c.plus(e)));
        if (slot == null) return;
        Span inner = new Span(c.plus(slot.begin().minus(offset).dividedBy(width)),
                c.plus(slot.end().minus(offset).dividedBy(width)));
        for (Event<T> ev : query(inner, seed)) {
            out.add(ev.withSpans(s -> new Span(offset.plus(s.begin().minus(c).times(width)),
                    offset.plus(s.end().minus(c).times(width)))));
        }
    }

    /** This played {@code factor} times as fast ({@code factor > 0}; 2 = twice per cycle). */
    public Pattern<T> fast(Rational factor) {
        if (factor.signum() < 0) throw new IllegalArgumentException("fast needs a factor of 0 or more, not " + factor);
        if (factor.signum() == 0) return silence();
        if (factor.equals(Rational.ONE)) return this;
        Rational inverse = Rational.ONE.dividedBy(factor);
        return new Pattern<>((span, seed) -> {
            List<Event<T>> out = new ArrayList<>();
            for (Event<T> ev : query(span.times(factor), seed)) out.add(ev.withSpans(s -> s.times(inverse)));
            return out;
        });
    }

    /** This played {@code factor} times as fast; {@code factor} exact to 6 decimal places. */
    public Pattern<T> fast(double factor) { return fast(Rational.ofDecimal(factor)); }

    /** This played {@code factor} times as slowly ({@code factor > 0}; 2 = once every two cycles). */
    public Pattern<T> slow(Rational factor) {
        if (factor.signum() <= 0) throw new IllegalArgumentException("slow needs a factor above 0, not " + factor);
        return fast(Rational.ONE.dividedBy(factor));
    }

    /** This played {@code factor} times as slowly; {@code factor} exact to 6 decimal places. */
    public Pattern<T> slow(double factor) { return slow(Rational.ofDecimal(factor)); }

    /** This shifted {@code cycles} earlier (Tidal's {@code <~}); negative shifts later. */
    public Pattern<T> early(Rational cycles) {
        if (cycles.signum() == 0) return this;
        Rational back = cycles.negate();
        return new Pattern<>((span, seed) -> {
            List<Event<T>> out = new ArrayList<>();
            for (Event<T> ev : query(span.plus(cycles), seed)) out.add(ev.withSpans(s -> s.plus(back)));
            return out;
        });
    }

    /** This shifted {@code cycles} earlier; exact to 6 decimal places. */
    public Pattern<T> early(double cycles) { return early(Rational.ofDecimal(cycles)); }

    /** This shifted {@code cycles} later (Tidal's {@code ~>}). */
    public Pattern<T> late(Rational cycles) { return early(cycles.negate()); }

    /** This shifted {@code cycles} later; exact to 6 decimal places. */
    public Pattern<T> late(double cycles) { return late(Rational.ofDecimal(cycles)); }

    /** Each cycle played backwards (events keep their lengths; their order in the cycle is mirrored). */
    public Pattern<T> rev() {
        return new Pattern<>((span, seed) -> {
            List<Event<T>> out = new ArrayList<>();
            for (Span piece : span.cycles()) {
                Rational axis = piece.cycle().times(2).plus(Rational.ONE);
                for (Event<T> ev : query(piece.reflect(axis), seed)) out.add(ev.withSpans(s -> s.reflect(axis)));
            }
            return out;
        });
    }

    /** {@code f} applied to this in cycles 0, n, 2n, ... ({@code n >= 1}); this unchanged in the others. */
    public Pattern<T> every(int n, UnaryOperator<Pattern<T>> f) {
        if (n < 1) throw new IllegalArgumentException("every needs a period of 1 cycle or more, not " + n);
        Pattern<T> changed = f.apply(this);
        return perCycle(c -> Math.floorMod(c, n) == 0 ? changed : this);
    }

    /** The pattern {@code choose} gives for each cycle, queried in that cycle only. */
    private Pattern<T> perCycle(java.util.function.LongFunction<Pattern<T>> choose) {
        return new Pattern<>((span, seed) -> {
            List<Event<T>> out = new ArrayList<>();
            for (Span piece : span.cycles()) out.addAll(choose.apply(piece.begin().floor()).query(piece, seed));
            return out;
        });
    }

    /**
     * The values moved {@code steps} events along within each cycle, the rhythm kept (Tidal's {@code rot}):
     * {@code "a b c d"} rotated by 1 plays {@code b c d a}.
     */
    public Pattern<T> rotate(int steps) {
        if (steps == 0) return this;
        return new Pattern<>((span, seed) -> {
            List<Event<T>> out = new ArrayList<>();
            for (Span piece : span.cycles()) {
                Rational c = piece.cycle();
                List<Event<T>> all = new ArrayList<>(query(new Span(c, c.plus(Rational.ONE)), seed));
                all.sort(Comparator.comparing((Event<T> e) -> e.part().begin()));
                int n = all.size();
                for (int i = 0; i < n; i++) {
                    Event<T> ev = all.get(i);
                    Span part = ev.part().intersect(piece);
                    if (part != null) out.add(new Event<>(ev.whole(), part, all.get(Math.floorMod(i + steps, n)).value()));
                }
            }
            return out;
        });
    }

    /** This played on the {@code pulses} onsets of a Euclidean rhythm of {@code steps} steps per cycle ({@code bd(3,8)}). */
    public Pattern<T> euclid(int pulses, int steps) { return euclid(pulses, steps, 0); }

    /** As {@link #euclid(int, int)}, the rhythm rotated left by {@code rotation} steps ({@code bd(3,8,2)}). */
    public Pattern<T> euclid(int pulses, int steps, int rotation) {
        boolean[] rhythm = Euclid.rhythm(pulses, steps, rotation);
        List<Pattern<T>> parts = new ArrayList<>();
        for (boolean on : rhythm) parts.add(on ? this : silence());
        return seq(parts);
    }

    // ------------------------------------------------------------------------------------------- randomness

    /** Each event dropped with probability {@code p} in [0, 1], chosen by the seed and the event's onset. */
    public Pattern<T> degradeBy(double p) { return keepByChance(p, 0, true); }

    /**
     * {@code f} applied to a random share {@code p} in [0, 1] of the events, this unchanged for the others
     * (Tidal's {@code sometimesBy}); chosen by the seed and each event's onset.
     */
    public Pattern<T> sometimes(double p, UnaryOperator<Pattern<T>> f) {
        return stack(keepByChance(p, 1, true), f.apply(keepByChance(p, 1, false)));
    }

    /**
     * The events whose random draw (for the seed, {@code salt} and their onset) is at least {@code p} when
     * {@code above}, below it otherwise: the two halves of the same draw are complementary.
     */
    Pattern<T> keepByChance(double p, long salt, boolean above) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("a probability must be in [0, 1], not " + p);
        return new Pattern<>((span, seed) -> {
            List<Event<T>> out = new ArrayList<>();
            for (Event<T> ev : query(span, seed)) {
                boolean high = SeededRandom.at(seed, salt, ev.whole().begin()) >= p;
                if (high == above) out.add(ev);
            }
            return out;
        });
    }

    /** This with its random choices drawn from {@code seed} instead of the seed of the query. */
    public Pattern<T> seed(long seed) {
        return new Pattern<>((span, ignored) -> query(span, seed));
    }

    // ---------------------------------------------------------------------------------------------- values

    /** Each value mapped by {@code f} (pure, any thread), the timing kept. */
    public <U> Pattern<U> fmap(Function<? super T, ? extends U> f) {
        return flatMapValues(v -> List.of(f.apply(v)));
    }

    /** Each event replaced by one event per value {@code f} gives, with the same spans. */
    <U> Pattern<U> flatMapValues(Function<? super T, ? extends List<? extends U>> f) {
        return new Pattern<>((span, seed) -> {
            List<Event<U>> out = new ArrayList<>();
            for (Event<T> ev : query(span, seed)) for (U u : f.apply(ev.value())) out.add(ev.withValue(u));
            return out;
        });
    }

    /** Each event's value replaced by {@code f} of the event and the query's seed (for {@link Signal#segment}). */
    <U> Pattern<U> withValues(java.util.function.BiFunction<Event<T>, Long, ? extends U> f) {
        return new Pattern<>((span, seed) -> {
            List<Event<U>> out = new ArrayList<>();
            for (Event<T> ev : query(span, seed)) out.add(ev.withValue(f.apply(ev, seed)));
            return out;
        });
    }

    /** The values as numbers: numbers as they are, strings such as {@code "0.5"} parsed ({@link Note#number}). */
    public Pattern<Double> asNumbers() { return fmap(Note::number); }

    /** The values as MIDI note numbers: note names ({@code c4} = 60, {@code eb3}, {@code f#5}) or numbers ({@link Note#midi}). */
    public Pattern<Integer> asNotes() { return fmap(Note::midi); }

    /** Numeric values in [0, 1] mapped linearly to [lo, hi] (for parameter patterns: {@code range(200, 2000)}). */
    public Pattern<Double> range(double lo, double hi) { return asNumbers().fmap(v -> lo + v * (hi - lo)); }

    /** The values as MIDI notes ({@link #asNotes}) moved by {@code semitones}. */
    public Pattern<Integer> transpose(int semitones) { return asNotes().fmap(n -> n + semitones); }

    /**
     * Integer values as degrees of a scale (0 = the root, 7 = an octave up in a seven-note scale, -1 the note below
     * the root) mapped to MIDI notes; {@code scale} is a name ({@code "minor"}, root c4) or a root and a name
     * ({@code "a3:minor"}). {@link Harmony#scaleNames} lists the names.
     */
    public Pattern<Integer> scale(String scale) {
        Harmony.Scale s = Harmony.scale(scale);
        return fmap(v -> s.note(Note.degree(v)));
    }

    /** Each value as a MIDI root ({@link #asNotes}) replaced by the notes of a chord on it, played together. */
    public Pattern<Integer> chord(String name) {
        int[] intervals = Harmony.chord(name);
        return asNotes().flatMapValues(root -> Arrays.stream(intervals).mapToObj(i -> root + i).toList());
    }
}
