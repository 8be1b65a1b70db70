package dev.aether.core.time;

import dev.aether.core.RealtimeSafe;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tempo and metre over the transport's timeline, exact: which <i>transport sample</i> (0 = beat 0, counted at the
 * engine's sample rate while the transport plays) each {@link Rational} beat starts on. Immutable; any thread.
 *
 * <p><b>Tempo</b> is a list of segments, each starting at a beat: constant, or a ramp from one tempo to another that
 * is linear in time over a number of beats (after a ramp the end tempo holds). Every segment start is anchored at an
 * integer transport sample computed from the previous segment's closed form, so nothing accumulates:
 * <ul>
 * <li>constant segment: {@code sample(b) = anchor + round((b - start) * 60 * sampleRate / bpm)}, computed exactly
 *     (the tempo is a {@code Rational}, {@link Rational#ofDecimal} of the BPM asked for);</li>
 * <li>ramp from {@code b0} to {@code b1} BPM over {@code N} beats: it lasts {@code T = 120 N / (b0 + b1)} seconds
 *     (the end's anchor is exact), tempo {@code b0 + k t} with {@code k = (b1 - b0) / T} BPM per second, and beat
 *     {@code x} of the ramp is at {@code t = 120 x / (b0 + sqrt(b0² + 120 k x))} seconds, in {@code double}
 *     from the integer anchor.</li>
 * </ul>
 * Rounding is to the nearest sample, halves up. {@link #sampleOf} is non-decreasing in the beat, and strictly
 * increasing on the tick grid ({@value #TICKS_PER_BEAT} ticks per beat; tempo is limited to 1..999 BPM).
 *
 * <p><b>Metre</b> is a list of changes, each at a bar (bar 0 starts at beat 0); a beat is one count of the metre.
 * Beats before 0 and bars before 0 extend the first segment and the first metre backwards.
 */
public final class TempoMap {
    /** Ticks per beat of the bars:beats:ticks notation. */
    public static final int TICKS_PER_BEAT = 960;
    /** Lowest and highest tempo, BPM. */
    public static final double MIN_BPM = 1, MAX_BPM = 999;
    /** Most beats per bar. */
    public static final int MAX_BEATS_PER_BAR = 32;

    /**
     * A tempo segment from {@code startBeat} (at transport sample {@code anchor}) to the next segment's start: constant
     * at {@code bpm} when {@code rampBeats} is 0, else a ramp from {@code bpm} that would reach {@code endBpm} after
     * {@code rampBeats} beats (a later change may cut it short).
     */
    public record Segment(Rational startBeat, long anchor, Rational bpm, Rational endBpm, Rational rampBeats) {
        public boolean isRamp() { return rampBeats.signum() > 0; }
    }

    /** From bar {@code bar} (starting at {@code startBeat}) on, {@code beatsPerBar} beats per bar. */
    public record MetreChange(long bar, Rational startBeat, int beatsPerBar) {}

    private final int sampleRate;
    private final Segment[] segments;       // by start beat; [0] starts at beat 0, sample 0
    private final MetreChange[] metres;     // by bar; [0] is bar 0
    // the same, as primitives, for the audio thread's approximate reading (beatAtRt, bpmAtRt)
    private final long[] anchors;
    private final double[] startBeats;
    private final double[] startBpms;
    private final double[] slopes;          // BPM per second; 0 for a constant segment

    private TempoMap(int sampleRate, Segment[] segments, MetreChange[] metres) {
        this.sampleRate = sampleRate;
        this.segments = segments;
        this.metres = metres;
        int n = segments.length;
        anchors = new long[n];
        startBeats = new double[n];
        startBpms = new double[n];
        slopes = new double[n];
        for (int i = 0; i < n; i++) {
            Segment s = segments[i];
            anchors[i] = s.anchor();
            startBeats[i] = s.startBeat().toDouble();
            startBpms[i] = s.bpm().toDouble();
            slopes[i] = s.isRamp() ? slope(s) : 0;
        }
    }

    /** A map with one constant tempo and metre from beat 0. {@code sampleRate} in Hz. */
    public static TempoMap constant(int sampleRate, double bpm, int beatsPerBar) {
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be more than 0 Hz, was " + sampleRate);
        Rational b = checkedBpm(bpm);
        checkBeatsPerBar(beatsPerBar);
        return new TempoMap(sampleRate,
                new Segment[] {new Segment(Rational.ZERO, 0, b, b, Rational.ZERO)},
                new MetreChange[] {new MetreChange(0, Rational.ZERO, beatsPerBar)});
    }

    public int sampleRate() { return sampleRate; }

    /** The tempo segments, by start beat (the first at beat 0). */
    public List<Segment> segments() { return List.of(segments); }

    /** The metre changes, by bar (the first at bar 0). */
    public List<MetreChange> metres() { return List.of(metres); }

    /** The tempo the map settles on: its last segment's end tempo, BPM. */
    public double lastBpm() { return segments[segments.length - 1].endBpm().toDouble(); }

    /** The beats per bar the map settles on: its last metre change's. */
    public int lastBeatsPerBar() { return metres[metres.length - 1].beatsPerBar(); }

    // ------------------------------------------------------------------ changes

    /**
     * This map with the tempo from {@code atBeat} on replaced: constant {@code bpm}, or when {@code rampBeats > 0} a
     * ramp from the tempo playing at {@code atBeat} to {@code bpm} over {@code rampBeats} beats, then constant.
     * Segments from {@code atBeat} on are dropped; everything before {@code atBeat} keeps its samples.
     *
     * @param bpm       1..999 BPM (six decimal places are kept)
     * @param rampBeats 0 (at once) or more
     */
    public TempoMap withTempo(Rational atBeat, double bpm, Rational rampBeats) {
        Rational target = checkedBpm(bpm);
        if (rampBeats.signum() < 0) throw new IllegalArgumentException("a ramp must last 0 or more beats, was " + rampBeats);
        if (atBeat.signum() < 0) throw new IllegalArgumentException("a tempo change must be at beat 0 or later, was " + atBeat);
        long anchor = sampleOf(atBeat);
        List<Segment> out = new ArrayList<>();
        for (Segment s : segments) if (s.startBeat().compareTo(atBeat) < 0) out.add(s);
        Rational from = bpmAtBeat(atBeat);
        if (rampBeats.signum() > 0 && !from.equals(target)) {
            out.add(new Segment(atBeat, anchor, from, target, rampBeats));
            long length = roundHalfUp(big(sampleRate).multiply(big(120)).multiply(big(rampBeats.num()))
                            .multiply(big(from.den())).multiply(big(target.den())),
                    big(rampBeats.den()).multiply(big(from.num()).multiply(big(target.den()))
                            .add(big(target.num()).multiply(big(from.den())))));
            out.add(new Segment(atBeat.plus(rampBeats), anchor + length, target, target, Rational.ZERO));
        } else {
            out.add(new Segment(atBeat, anchor, target, target, Rational.ZERO));
        }
        return new TempoMap(sampleRate, out.toArray(new Segment[0]), metres);
    }

    /**
     * This map with {@code beatsPerBar} beats per bar from bar {@code atBar} on (bar 0 or later); later metre changes
     * are dropped. Bars before {@code atBar} keep their beats.
     */
    public TempoMap withMetre(long atBar, int beatsPerBar) {
        checkBeatsPerBar(beatsPerBar);
        if (atBar < 0) throw new IllegalArgumentException("a metre change must be at bar 0 or later, was " + atBar);
        List<MetreChange> out = new ArrayList<>();
        for (MetreChange m : metres) if (m.bar() < atBar) out.add(m);
        out.add(new MetreChange(atBar, barStartBeat(atBar), beatsPerBar));
        return new TempoMap(sampleRate, segments, out.toArray(new MetreChange[0]));
    }

    // ------------------------------------------------------------------ beat -> sample

    /** The transport sample on which {@code beat} starts: nearest sample, halves up (see the class comment). */
    public long sampleOf(Rational beat) {
        int i = segmentAtBeat(beat);
        Segment s = segments[i];
        Rational x = beat.minus(s.startBeat());
        if (!s.isRamp() || x.signum() < 0) {
            // x * 60 * sampleRate / bpm, exactly (BigInteger: six-decimal tempos times hours of ticks overflow a long)
            return s.anchor() + roundHalfUp(big(x.num()).multiply(big(60L * sampleRate)).multiply(big(s.bpm().den())),
                    big(x.den()).multiply(big(s.bpm().num())));
        }
        double b0 = s.bpm().toDouble(), k = slopes[i], xd = x.toDouble();
        double t = 120 * xd / (b0 + Math.sqrt(b0 * b0 + 120 * k * xd));
        return s.anchor() + (long) Math.floor(t * sampleRate + 0.5);
    }

    /** The transport sample on which bar {@code bar} (0-based) starts. */
    public long sampleOfBar(long bar) { return sampleOf(barStartBeat(bar)); }

    /** Seconds of transport time from beat 0 to {@code beat} ({@link #sampleOf} over the sample rate). */
    public double secondsOf(Rational beat) { return (double) sampleOf(beat) / sampleRate; }

    // ------------------------------------------------------------------ sample -> beat

    /** The beat (fractional) at transport sample {@code sample}; the inverse of {@link #sampleOf} within a sample. */
    public double beatAt(long sample) { return beatAtRt(sample); }

    /** As {@link #beatAt}, allocation-free for the audio thread (position reports, {@code ProcessContext.beat}). */
    @RealtimeSafe
    public double beatAtRt(long sample) {
        int i = segmentAtSampleRt(sample);
        double t = (double) (sample - anchors[i]) / sampleRate;
        if (t < 0) return startBeats[i] + t * startBpms[i] / 60;
        return startBeats[i] + (startBpms[i] * t + 0.5 * slopes[i] * t * t) / 60;
    }

    /** Tempo in BPM at transport sample {@code sample} (during a ramp, the ramp's tempo at that sample). */
    @RealtimeSafe
    public double bpmAtRt(long sample) {
        int i = segmentAtSampleRt(sample);
        double t = Math.max(0, (double) (sample - anchors[i]) / sampleRate);
        return startBpms[i] + slopes[i] * t;
    }

    /** The last tick (1/{@value #TICKS_PER_BEAT} beat) that starts at or before transport sample {@code sample}. */
    public Rational tickAtOrBefore(long sample) {
        long tick = (long) Math.floor(beatAt(sample) * TICKS_PER_BEAT);
        while (sampleOf(tickBeat(tick + 1)) <= sample) tick++;
        while (sampleOf(tickBeat(tick)) > sample) tick--;
        return tickBeat(tick);
    }

    /** The first tick that starts at or after transport sample {@code sample}. */
    public Rational tickAtOrAfter(long sample) {
        Rational t = tickAtOrBefore(sample);
        return sampleOf(t) == sample ? t : t.plus(Rational.of(1, TICKS_PER_BEAT));
    }

    // ------------------------------------------------------------------ grids

    /**
     * The first beat of {@code quantum}'s grid that starts at or after transport sample {@code sample}: a whole beat,
     * a bar start, or a multiple of the quantum's beats; for {@link Quantum#NONE}, {@link #tickAtOrAfter}.
     */
    public Rational boundaryAtOrAfter(long sample, Quantum quantum) {
        switch (quantum.kind()) {
            case NONE:
                return tickAtOrAfter(sample);
            case BAR: {
                long bar = (long) Math.floor(barAt(beatAt(sample)));
                while (sampleOfBar(bar) < sample) bar++;
                while (sampleOfBar(bar - 1) >= sample) bar--;
                return barStartBeat(bar);
            }
            default: {
                Rational grid = quantum.beats();
                long k = (long) Math.floor(beatAt(sample) / grid.toDouble());
                while (sampleOf(grid.times(k)) < sample) k++;
                while (sampleOf(grid.times(k - 1)) >= sample) k--;
                return grid.times(k);
            }
        }
    }

    // ------------------------------------------------------------------ bars

    /** The beat on which bar {@code bar} (0-based) starts. */
    public Rational barStartBeat(long bar) {
        MetreChange m = metres[0];
        for (MetreChange c : metres) if (c.bar() <= bar) m = c;
        return m.startBeat().plus(Rational.of(bar - m.bar()).times(m.beatsPerBar()));
    }

    /**
     * The beat at {@code bars} bars from the start (0-based, exact; a pattern's cycle is one bar): the bar's start
     * plus the fraction of that bar's beats.
     */
    public Rational beatOfBars(Rational bars) {
        long bar = bars.floor();
        Rational start = barStartBeat(bar);
        return start.plus(bars.fraction().times(metreAtBeat(start).beatsPerBar()));
    }

    /** Bars (0-based, exact) at {@code beat}: the inverse of {@link #beatOfBars}. */
    public Rational barsOf(Rational beat) {
        MetreChange m = metreAtBeat(beat);
        return Rational.of(m.bar()).plus(beat.minus(m.startBeat()).dividedBy(m.beatsPerBar()));
    }

    /** Bars (fractional, 0-based) at beat {@code beat}. */
    public double barAt(double beat) {
        MetreChange m = metres[0];
        for (MetreChange c : metres) if (c.startBeat().toDouble() <= beat) m = c;
        return m.bar() + (beat - m.startBeat().toDouble()) / m.beatsPerBar();
    }

    /** The bar (0-based) that contains {@code beat}. */
    public long barOf(Rational beat) {
        MetreChange m = metreAtBeat(beat);
        return m.bar() + beat.minus(m.startBeat()).dividedBy(m.beatsPerBar()).floor();
    }

    /** Beats per bar at {@code beat}. */
    public int beatsPerBarAt(Rational beat) { return metreAtBeat(beat).beatsPerBar(); }

    /** The tempo segment's tempo at {@code beat}: exact when constant; in a ramp, to six decimal places. */
    public Rational bpmAtBeat(Rational beat) {
        Segment s = segments[segmentAtBeat(beat)];
        if (!s.isRamp() || beat.compareTo(s.startBeat()) <= 0) return s.bpm();
        return Rational.ofDecimal(bpmAtRt(sampleOf(beat)));
    }

    // ------------------------------------------------------------------ bars:beats:ticks

    /**
     * {@code beat} as bars:beats:ticks, bars and beats counted from 1 as musicians do ("1:1:0" is beat 0,
     * "12:3:480" is half way through the third beat of the twelfth bar); ticks rounded down.
     */
    public String format(Rational beat) {
        long bar = barOf(beat);
        Rational inBar = beat.minus(barStartBeat(bar));
        long beatInBar = inBar.floor();
        long ticks = inBar.minus(Rational.of(beatInBar)).times(TICKS_PER_BEAT).floor();
        return (bar + 1) + ":" + (beatInBar + 1) + ":" + ticks;
    }

    /**
     * The beat of a bars:beats:ticks position ("12:3:480"; bars and beats from 1, ticks 0..959; the ticks may be
     * left out: "12:3"). A malformed or out-of-range position throws, saying what is expected.
     */
    public Rational parse(String bbt) {
        String[] p = bbt.trim().split(":");
        if (p.length < 2 || p.length > 3) throw badPosition(bbt, "write BAR:BEAT:TICKS, such as \"12:3:480\"");
        long bar, beat, ticks;
        try {
            bar = Long.parseLong(p[0].trim());
            beat = Long.parseLong(p[1].trim());
            ticks = p.length == 3 ? Long.parseLong(p[2].trim()) : 0;
        } catch (NumberFormatException e) {
            throw badPosition(bbt, "bars, beats and ticks are whole numbers, such as \"12:3:480\"");
        }
        if (bar < 1) throw badPosition(bbt, "bars count from 1");
        int perBar = metreAtBeat(barStartBeat(bar - 1)).beatsPerBar();
        if (beat < 1 || beat > perBar) throw badPosition(bbt, "bar " + bar + " has beats 1.." + perBar);
        if (ticks < 0 || ticks >= TICKS_PER_BEAT) throw badPosition(bbt, "ticks are 0.." + (TICKS_PER_BEAT - 1));
        return barStartBeat(bar - 1).plus(Rational.of(beat - 1)).plus(Rational.of(ticks, TICKS_PER_BEAT));
    }

    @Override public String toString() {
        return "TempoMap" + Arrays.toString(segments) + Arrays.toString(metres);
    }

    // ------------------------------------------------------------------ internals

    private static IllegalArgumentException badPosition(String bbt, String why) {
        return new IllegalArgumentException("bad position '" + bbt + "': " + why);
    }

    private static Rational tickBeat(long tick) { return Rational.of(tick, TICKS_PER_BEAT); }

    private MetreChange metreAtBeat(Rational beat) {
        MetreChange m = metres[0];
        for (MetreChange c : metres) if (c.startBeat().compareTo(beat) <= 0) m = c;
        return m;
    }

    private int segmentAtBeat(Rational beat) {
        int i = 0;
        for (int k = 1; k < segments.length; k++) if (segments[k].startBeat().compareTo(beat) <= 0) i = k;
        return i;
    }

    /** The last segment anchored at or before {@code sample} (0 before the first), by binary search. */
    @RealtimeSafe
    private int segmentAtSampleRt(long sample) {
        int lo = 0, hi = anchors.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (anchors[mid] <= sample) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /** BPM per second of a ramp: (b1² - b0²) / (120 N). */
    private static double slope(Segment s) {
        double b0 = s.bpm().toDouble(), b1 = s.endBpm().toDouble();
        return (b1 * b1 - b0 * b0) / (120 * s.rampBeats().toDouble());
    }

    private static Rational checkedBpm(double bpm) {
        if (!(bpm >= MIN_BPM && bpm <= MAX_BPM)) {
            throw new IllegalArgumentException("tempo must be " + (int) MIN_BPM + ".." + (int) MAX_BPM + " BPM, was " + bpm);
        }
        return Rational.ofDecimal(bpm);
    }

    private static void checkBeatsPerBar(int beatsPerBar) {
        if (beatsPerBar < 1 || beatsPerBar > MAX_BEATS_PER_BAR) {
            throw new IllegalArgumentException("beats per bar must be 1.." + MAX_BEATS_PER_BAR + ", was " + beatsPerBar);
        }
    }

    private static BigInteger big(long v) { return BigInteger.valueOf(v); }

    /** num / den rounded to the nearest whole number, halves up; {@code den > 0}. */
    private static long roundHalfUp(BigInteger num, BigInteger den) {
        BigInteger[] qr = num.shiftLeft(1).add(den).divideAndRemainder(den.shiftLeft(1));
        BigInteger q = qr[0];
        if (qr[1].signum() < 0) q = q.subtract(BigInteger.ONE);   // floor, not truncation, for negative offsets
        return q.longValueExact();
    }
}
