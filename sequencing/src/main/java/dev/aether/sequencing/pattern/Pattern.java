package dev.aether.sequencing.pattern;

import dev.aether.core.time.Rational;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * A pattern: a pure function from a span of musical time in cycles (exact {@link Rational}s; 1 cycle = 1 bar when
 * played) to the {@link Event}s that overlap it, as in TidalCycles and Strudel. Immutable and thread-safe (its one
 * memo, of the last cycle's onsets, is invisible): query it from any thread, any number of times; the same query
 * always gives the same events, also for random choices ({@link #degradeBy}, {@link #sometimes}), which come from a
 * seed ({@link #seed}) hashed with the event's onset.
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

    /** What a pattern is: events overlapping a non-empty span, for a query's context. */
    @FunctionalInterface
    interface Query<T> {
        List<Event<T>> apply(Span span, Context ctx);
    }

    /**
     * What a query carries down a pattern's tree: the seed of its random choices and whether only events starting
     * in the span are wanted ({@link #onsets}), which lets leaves skip the fragments of events begun earlier.
     * Transformations that need every fragment to find onsets (time reversed, values rotated, a pattern's values
     * used as arguments) ask their inputs with {@link #all}.
     */
    record Context(long seed, boolean onsetsOnly, int[] eventsLeft) {
        Context(long seed, boolean onsetsOnly) { this(seed, onsetsOnly, null); }
        Context all() { return onsetsOnly ? new Context(seed, false, eventsLeft) : this; }
        Context withSeed(long s) { return new Context(s, onsetsOnly, eventsLeft); }

        /** Counts one event made, against the budget of a cycle's onsets if there is one. */
        void made() {
            if (eventsLeft != null && --eventsLeft[0] < 0) {
                throw new IllegalStateException("the pattern makes more than " + MAX_EVENTS_PER_CYCLE + " events in one"
                        + " cycle: slow it down (smaller factors after '*', fewer steps)");
            }
        }
    }

    /** The most events {@link #onsets} lets a pattern make for one cycle, so a typo such as {@code hh*1600000} fails. */
    public static final int MAX_EVENTS_PER_CYCLE = 100_000;

    /** A pattern with a relative length, for {@link #sequence} (Tidal's {@code timeCat}, mini-notation's {@code @}). */
    public record Weighted<T>(Pattern<T> pattern, Rational weight) {
        public Weighted {
            Objects.requireNonNull(pattern, "pattern");
            if (weight.signum() <= 0) throw new IllegalArgumentException("a weight must be above 0, not " + weight);
        }
    }

    private static final Pattern<?> SILENCE = new Pattern<>((span, ctx) -> List.of());

    private final Query<T> query;
    private volatile CycleOnsets<T> lastCycle;   // see onsetsOfCycle

    Pattern(Query<T> query) { this.query = query; }

    // ---------------------------------------------------------------------------------------------- queries

    /** The events overlapping {@code [from, to)} (cycles), each with its whole span and the part inside. */
    public List<Event<T>> query(Rational from, Rational to) { return query(new Span(from, to)); }

    /** The events overlapping {@code span}, each with its whole span and the part inside it; none if it is empty. */
    public List<Event<T>> query(Span span) { return query(span, new Context(DEFAULT_SEED, false)); }

    List<Event<T>> query(Span span, Context ctx) { return span.isEmpty() ? List.of() : query.apply(span, ctx); }

    /**
     * The events whose onset lies in {@code [from, to)}, in order of onset: what a scheduler plays for that window.
     * Each comes whole ({@code part() == whole()}; its length is {@code whole().length()}). The onsets of the cycle
     * last asked for are kept, so a scheduler's short windows through one cycle query the pattern once per cycle.
     */
    public List<Event<T>> onsets(Rational from, Rational to) {
        List<Event<T>> out = new ArrayList<>();
        for (Span piece : new Span(from, to).cycles()) {
            List<Event<T>> cycle = onsetsOfCycle(piece.begin().floor());
            int lo = 0, hi = cycle.size();
            while (lo < hi) {                                   // the first onset at or after the piece's start
                int mid = (lo + hi) >>> 1;
                if (cycle.get(mid).whole().begin().compareTo(piece.begin()) < 0) lo = mid + 1;
                else hi = mid;
            }
            for (int i = lo; i < cycle.size() && cycle.get(i).whole().begin().compareTo(piece.end()) < 0; i++) out.add(cycle.get(i));
        }
        return out;
    }

    /** The onsets of one cycle, sorted: a memo of a pure function (a benign race between threads at worst computes it twice). */
    private List<Event<T>> onsetsOfCycle(long cycle) {
        CycleOnsets<T> kept = lastCycle;
        if (kept != null && kept.cycle() == cycle) return kept.events();
        List<Event<T>> out = new ArrayList<>();
        Span whole = new Span(Rational.of(cycle), Rational.of(cycle + 1));
        for (Event<T> e : query(whole, new Context(DEFAULT_SEED, true, new int[] {MAX_EVENTS_PER_CYCLE}))) {
            if (e.hasOnset()) out.add(e.part().equals(e.whole()) ? e : new Event<>(e.whole(), e.whole(), e.value()));
        }
        if (out.size() > 1) out.sort(Comparator.comparing((Event<T> e) -> e.whole().begin()));
        List<Event<T>> events = List.copyOf(out);
        lastCycle = new CycleOnsets<>(cycle, events);
        return events;
    }

    /** The sorted onsets of one cycle. */
    private record CycleOnsets<T>(long cycle, List<Event<T>> events) {}

    /**
     * The onsets of cycle 0, as a person reads them at the prompt: {@code "pattern, cycle 0: bd at 0, sn at 1/2"}
     * (the first 16; a value that cannot be made is named).
     */
    @Override public String toString() {
        try {
            List<Event<T>> first = onsets(Rational.ZERO, Rational.ONE);
            if (first.isEmpty()) return "pattern, cycle 0: silent";
            StringBuilder out = new StringBuilder("pattern, cycle 0: ");
            for (int i = 0; i < Math.min(16, first.size()); i++) {
                out.append(i == 0 ? "" : ", ").append(first.get(i).value()).append(" at ").append(first.get(i).whole().begin());
            }
            return first.size() > 16 ? out.append(", ... (").append(first.size()).append(" in all)").toString() : out.toString();
        } catch (RuntimeException e) {
            return "pattern, cycle 0: " + e.getMessage();
        }
    }

    // -------------------------------------------------------------------------------------------- factories

    /** {@code value} once per cycle, filling it. */
    public static <T> Pattern<T> pure(T value) {
        return new Pattern<>((span, ctx) -> {
            List<Event<T>> out = new ArrayList<>();
            for (Span piece : span.cycles()) {
                Rational c = piece.cycle();
                if (ctx.onsetsOnly() && !piece.begin().equals(c)) continue;   // a fragment of the event begun at c
                ctx.made();
                out.add(new Event<>(new Span(c, c.plus(Rational.ONE)), piece, value));
            }
            return out;
        });
    }

    /**
     * {@code events} repeated every {@code period} cycles: each event's whole span lies in {@code [0, period)} (an event
     * may not reach past the period's end) and plays at that place in every repetition (a MIDI file's bars as a
     * loop). The list is copied.
     *
     * @throws IllegalArgumentException when the period is not above 0 or an event lies outside {@code [0, period)}
     */
    public static <T> Pattern<T> loop(Rational period, List<Event<T>> events) {
        if (period.signum() <= 0) throw new IllegalArgumentException("a loop must last more than 0 cycles, not " + period);
        List<Event<T>> sorted = new ArrayList<>(events);
        for (Event<T> e : sorted) {
            if (e.whole().begin().signum() < 0 || e.whole().end().compareTo(period) > 0) {
                throw new IllegalArgumentException("event " + e + " lies outside the loop [0, " + period + ")");
            }
        }
        sorted.sort(Comparator.comparing((Event<T> e) -> e.whole().begin()));
        List<Event<T>> loop = List.copyOf(sorted);
        return new Pattern<>((span, ctx) -> {
            List<Event<T>> out = new ArrayList<>();
            long first = span.begin().dividedBy(period).floor(), last = span.end().dividedBy(period).ceil();
            for (long k = first; k < last; k++) {
                Rational shift = period.times(k);
                for (Event<T> e : loop) {
                    Span whole = e.whole().plus(shift);
                    if (ctx.onsetsOnly() && !span.contains(whole.begin())) continue;
                    Span part = whole.intersect(span);
                    if (part == null || part.isEmpty()) continue;
                    ctx.made();
                    out.add(new Event<>(whole, part, e.value()));
                }
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
        return new Pattern<>((span, ctx) -> {
            List<Event<T>> out = new ArrayList<>();
            for (Pattern<T> p : ps) out.addAll(p.query(span, ctx));
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
        return n == 0 ? silence() : new Pattern<>((span, ctx) -> {
            List<Event<T>> out = new ArrayList<>();
            for (Span piece : span.cycles()) {
                Rational c = piece.cycle();
                Rational from = piece.begin().minus(c), to = piece.end().minus(c);
                for (int i = 0; i < n; i++) {
                    // only the steps whose slot the piece overlaps: a short look-ahead window meets one or two
                    if (ends.get(i).compareTo(from) > 0 && begins.get(i).compareTo(to) < 0) {
                        parts.get(i).compressInto(begins.get(i), ends.get(i), piece, ctx, out);
                    }
                }
            }
            return out;
        });
    }

    /**
     * One of {@code options} each cycle, drawn from the seed, {@code salt} and the cycle: mini-notation's
     * {@code a | b}.
     */
    static <T> Pattern<T> chooseEachCycle(List<Pattern<T>> options, long salt) {
        List<Pattern<T>> os = List.copyOf(options);
        return new Pattern<>((span, ctx) -> {
            List<Event<T>> out = new ArrayList<>();
            for (Span piece : span.cycles()) {
                int i = (int) (SeededRandom.at(ctx.seed(), salt, piece.cycle()) * os.size());
                out.addAll(os.get(i).query(piece, ctx));
            }
            return out;
        });
    }

    // ---------------------------------------------------------------------------------------- time transforms

    /**
     * Adds to {@code out} the events of this squeezed into {@code [b, e)} of the cycle of {@code piece} (a span
     * within one cycle; {@code 0 <= b < e <= 1}): each cycle of this plays in that slot of the same cycle.
     */
    private void compressInto(Rational b, Rational e, Span piece, Context ctx, List<Event<T>> out) {
        Rational c = piece.cycle(), offset = c.plus(b), width = e.minus(b);
        Span slot = piece.intersect(new Span(offset, c.plus(e)));
        if (slot == null) return;
        Span inner = new Span(c.plus(slot.begin().minus(offset).dividedBy(width)),
                c.plus(slot.end().minus(offset).dividedBy(width)));
        for (Event<T> ev : query(inner, ctx)) {
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
        return new Pattern<>((span, ctx) -> {
            List<Event<T>> out = new ArrayList<>();
            for (Event<T> ev : query(span.times(factor), ctx)) out.add(ev.withSpans(s -> s.times(inverse)));
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

    /**
     * This at a speed that is itself a pattern (Tidal's {@code fast "<1 2>"}): in each event of {@code factor},
     * this as {@link #fast(Rational)} by its value; values of 0 or below give silence there.
     */
    public Pattern<T> fast(Pattern<Rational> factor) { return innerJoin(factor, f -> f.signum() > 0 ? fast(f) : silence()); }

    /** This slowed by a pattern of factors (Tidal's {@code slow "<1 2>"}); values of 0 or below give silence there. */
    public Pattern<T> slow(Pattern<Rational> factor) { return innerJoin(factor, f -> f.signum() > 0 ? slow(f) : silence()); }

    /**
     * For each event of {@code outer}, the events of the pattern {@code inner} gives for its value, within that
     * event's part (Tidal's {@code innerJoin}: the timing comes from the inner patterns).
     */
    private <U> Pattern<T> innerJoin(Pattern<U> outer, Function<? super U, Pattern<T>> inner) {
        return new Pattern<>((span, ctx) -> {
            List<Event<T>> out = new ArrayList<>();
            for (Event<U> o : outer.query(span, ctx.all())) out.addAll(inner.apply(o.value()).query(o.part(), ctx));
            return out;
        });
    }

    /** This shifted {@code cycles} earlier (Tidal's {@code <~}); negative shifts later. */
    public Pattern<T> early(Rational cycles) {
        if (cycles.signum() == 0) return this;
        Rational back = cycles.negate();
        return new Pattern<>((span, ctx) -> {
            List<Event<T>> out = new ArrayList<>();
            for (Event<T> ev : query(span.plus(cycles), ctx)) out.add(ev.withSpans(s -> s.plus(back)));
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
        return new Pattern<>((span, ctx) -> {
            List<Event<T>> out = new ArrayList<>();
            for (Span piece : span.cycles()) {
                Rational axis = piece.cycle().times(2).plus(Rational.ONE);
                for (Event<T> ev : query(piece.reflect(axis), ctx.all())) out.add(ev.withSpans(s -> s.reflect(axis)));
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
    private Pattern<T> perCycle(LongFunction<Pattern<T>> choose) {
        return new Pattern<>((span, ctx) -> {
            List<Event<T>> out = new ArrayList<>();
            for (Span piece : span.cycles()) out.addAll(choose.apply(piece.begin().floor()).query(piece, ctx));
            return out;
        });
    }

    /** This and {@code f} of this played together (Tidal's {@code superimpose}). */
    public Pattern<T> superimpose(UnaryOperator<Pattern<T>> f) { return stack(this, f.apply(this)); }

    /** This and {@code f} of this shifted {@code cycles} later, together (Tidal's {@code off}: echoes, canons). */
    public Pattern<T> off(Rational cycles, UnaryOperator<Pattern<T>> f) { return superimpose(p -> f.apply(p.late(cycles))); }

    /** This and {@code f} of this shifted {@code cycles} later; exact to 6 decimal places. */
    public Pattern<T> off(double cycles, UnaryOperator<Pattern<T>> f) { return off(Rational.ofDecimal(cycles), f); }

    /** Each event repeated {@code n >= 1} times within its own span (Tidal's {@code ply}). */
    public Pattern<T> ply(int n) {
        if (n < 1) throw new IllegalArgumentException("ply needs 1 repeat or more, not " + n);
        Rational times = Rational.of(n);
        return squeezeJoin(v -> pure(v).fast(times));
    }

    /**
     * Cycle {@code c} starts {@code c mod n} n-ths of a cycle further in (Tidal's {@code iter}, a {@link #cat} of
     * the shifted patterns): {@code "a b c d"} with {@code iter(4)} plays {@code a b c d}, then {@code b c d a}, ...
     */
    public Pattern<T> iter(int n) {
        if (n < 1) throw new IllegalArgumentException("iter needs 1 part or more, not " + n);
        List<Pattern<T>> turns = new ArrayList<>();
        for (int i = 0; i < n; i++) turns.add(early(Rational.of(i, n)));
        return cat(turns);                     // as Tidal: each turn resumes this where the last left off
    }

    /** This forwards in one cycle and backwards in the next (Tidal's {@code palindrome}). */
    public Pattern<T> palindrome() { return cat(this, rev()); }

    /**
     * For each event of this, cycle 0 of the pattern {@code f} gives for its value squeezed into the event's whole
     * span (Tidal's {@code squeezeJoin}).
     */
    private <U> Pattern<U> squeezeJoin(Function<? super T, Pattern<U>> f) {
        return new Pattern<>((span, ctx) -> {
            List<Event<U>> out = new ArrayList<>();
            for (Event<T> ev : query(span, ctx.all())) {
                Rational b = ev.whole().begin(), width = ev.whole().length();
                Span inner = new Span(ev.part().begin().minus(b).dividedBy(width), ev.part().end().minus(b).dividedBy(width));
                for (Event<U> in : f.apply(ev.value()).query(inner, ctx)) {
                    out.add(in.withSpans(sp -> new Span(b.plus(sp.begin().times(width)), b.plus(sp.end().times(width)))));
                }
            }
            return out;
        });
    }

    /**
     * The values moved {@code steps} events along within each cycle, the rhythm kept (Tidal's {@code rot}):
     * {@code "a b c d"} rotated by 1 plays {@code b c d a}.
     */
    public Pattern<T> rotate(int steps) {
        if (steps == 0) return this;
        return new Pattern<>((span, ctx) -> {
            List<Event<T>> out = new ArrayList<>();
            for (Span piece : span.cycles()) {
                Rational c = piece.cycle();
                List<Event<T>> all = new ArrayList<>(query(new Span(c, c.plus(Rational.ONE)), ctx.all()));
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

    /**
     * A Euclidean rhythm whose numbers are patterns ({@code bd(<3 5>,8,<0 2>)}): pulses are clamped to [0, steps];
     * steps below 1 give silence.
     */
    public Pattern<T> euclid(Pattern<Integer> pulses, Pattern<Integer> steps, Pattern<Integer> rotation) {
        return innerJoin(pulses, k -> innerJoin(steps, n -> innerJoin(rotation,
                r -> n < 1 ? silence() : euclid(Math.max(0, Math.min(k, n)), n, r))));
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
        return new Pattern<>((span, ctx) -> {
            List<Event<T>> out = new ArrayList<>();
            for (Event<T> ev : query(span, ctx)) {
                boolean high = SeededRandom.at(ctx.seed(), salt, ev.whole().begin()) >= p;
                if (high == above) out.add(ev);
            }
            return out;
        });
    }

    /** This with its random choices drawn from {@code seed} instead of the seed of the query. */
    public Pattern<T> seed(long seed) {
        return new Pattern<>((span, ctx) -> query(span, ctx.withSeed(seed)));
    }

    // ---------------------------------------------------------------------------------------------- values

    /** Each value mapped by {@code f} (pure, any thread), the timing kept. */
    public <U> Pattern<U> fmap(Function<? super T, ? extends U> f) {
        return flatMapValues(v -> List.of(f.apply(v)));
    }

    /**
     * This pattern's events, each with its value combined by {@code f} with the value {@code other} has at the
     * event's onset (the first of {@code other}'s events under it; an event with none under it is dropped). The
     * rhythm is this one's (Tidal's {@code #}): {@code notes.combine(velocities, Hit::new)}.
     */
    public <U, R> Pattern<R> combine(Pattern<U> other, BiFunction<? super T, ? super U, ? extends R> f) {
        return new Pattern<>((span, ctx) -> {
            List<Event<R>> out = new ArrayList<>();
            for (Event<T> ev : query(span, ctx)) {
                Rational onset = ev.whole().begin();
                for (Event<U> o : other.query(new Span(onset, ev.whole().end()), ctx.all())) {
                    if (o.whole().contains(onset)) {
                        out.add(ev.withValue(f.apply(ev.value(), o.value())));
                        break;
                    }
                }
            }
            return out;
        });
    }

    /** Each event replaced by one event per value {@code f} gives, with the same spans. */
    <U> Pattern<U> flatMapValues(Function<? super T, ? extends List<? extends U>> f) {
        return new Pattern<>((span, ctx) -> {
            List<Event<U>> out = new ArrayList<>();
            for (Event<T> ev : query(span, ctx)) for (U u : f.apply(ev.value())) out.add(ev.withValue(u));
            return out;
        });
    }

    /** Each event's value replaced by {@code f} of the event and the query's seed (for {@link Signal#segment}). */
    <U> Pattern<U> withValues(BiFunction<Event<T>, Long, ? extends U> f) {
        return new Pattern<>((span, ctx) -> {
            List<Event<U>> out = new ArrayList<>();
            for (Event<T> ev : query(span, ctx)) out.add(ev.withValue(f.apply(ev, ctx.seed())));
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
