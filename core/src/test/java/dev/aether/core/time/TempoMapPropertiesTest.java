package dev.aether.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link TempoMap} round trips and monotonicity on random maps (a seed builds up to 12 changes, constant or ramped,
 * 30..300 BPM, metres 2..7, over about an hour at 44.1 or 48 kHz).
 */
class TempoMapPropertiesTest {
    private static final Rational TICK = Rational.of(1, TempoMap.TICKS_PER_BEAT);

    private static TempoMap randomMap(long seed, int sampleRate) {
        SplittableRandom r = new SplittableRandom(seed);
        TempoMap m = TempoMap.constant(sampleRate, 30 + r.nextInt(27_000) / 100.0, 2 + r.nextInt(6));
        long beat = 0;
        for (int i = r.nextInt(13); i > 0; i--) {
            beat += 1 + r.nextInt(400);
            Rational at = Rational.of(beat * 960 + r.nextInt(960), 960);
            Rational ramp = r.nextBoolean() ? Rational.of(1 + r.nextInt(64), 1 + r.nextInt(4)) : Rational.ZERO;
            m = m.withTempo(at, 30 + r.nextInt(27_000) / 100.0, ramp);
            if (r.nextInt(4) == 0) m = m.withMetre(m.barOf(at) + 1, 2 + r.nextInt(6));
        }
        return m;
    }

    private static int rate(boolean cd) { return cd ? 44_100 : 48_000; }

    /** sample -> last tick at or before it: that tick starts at or before the sample and the next one after it. */
    @Property
    void everySampleLiesBetweenItsTickAndTheNext(@ForAll long seed, @ForAll boolean cd,
                                                 @ForAll @LongRange(min = 0, max = 200_000_000) long sample) {
        TempoMap m = randomMap(seed, rate(cd));
        Rational tick = m.tickAtOrBefore(sample);
        assertThat(m.sampleOf(tick)).isLessThanOrEqualTo(sample);
        assertThat(m.sampleOf(tick.plus(TICK))).isGreaterThan(sample);
        assertThat(m.tickAtOrAfter(sample)).isEqualTo(m.sampleOf(tick) == sample ? tick : tick.plus(TICK));
    }

    /** beat -> sample -> beat: the beat read back is within half a sample of the beat asked for. */
    @Property
    void beatToSampleToBeatIsWithinHalfASample(@ForAll long seed, @ForAll boolean cd,
                                              @ForAll @LongRange(min = 0, max = 3_000_000) long tick) {
        TempoMap m = randomMap(seed, rate(cd));
        Rational beat = Rational.of(tick, TempoMap.TICKS_PER_BEAT);
        long s = m.sampleOf(beat);
        double beatsPerSample = m.bpmAtRt(s) / (60.0 * rate(cd));
        assertThat(Math.abs(m.beatAt(s) - beat.toDouble()))
                .isLessThanOrEqualTo(0.5 * beatsPerSample * 1.001 + 1e-9);
    }

    /** sample -> beat -> sample: the beat read (to 2^-30 of a beat) gives the sample back, within rounding. */
    @Property
    void sampleToBeatToSampleComesBack(@ForAll long seed, @ForAll boolean cd,
                                       @ForAll @LongRange(min = 0, max = 200_000_000) long sample) {
        TempoMap m = randomMap(seed, rate(cd));
        Rational beat = Rational.of(Math.round(Math.scalb(m.beatAt(sample), 30)), 1L << 30);
        assertThat(Math.abs(m.sampleOf(beat) - sample)).isLessThanOrEqualTo(1);
    }

    /** Later samples never have earlier beats; later ticks always start on later samples. */
    @Property
    void bothWaysAreMonotonic(@ForAll long seed, @ForAll boolean cd,
                              @ForAll @LongRange(min = 0, max = 200_000_000) long a,
                              @ForAll @IntRange(min = 1, max = 1_000_000) int gap) {
        TempoMap m = randomMap(seed, rate(cd));
        assertThat(m.beatAt(a + gap)).isGreaterThanOrEqualTo(m.beatAt(a));
        Rational t = m.tickAtOrBefore(a);
        assertThat(m.sampleOf(t.plus(TICK))).isGreaterThan(m.sampleOf(t));
        Rational u = t.plus(Rational.of(gap % 5_000, TempoMap.TICKS_PER_BEAT));
        assertThat(m.sampleOf(u)).isGreaterThanOrEqualTo(m.sampleOf(t));
    }

    /** Bars:beats:ticks read back as the beat it was written from (ticks are the grid). */
    @Property
    void barsBeatsTicksRoundTrip(@ForAll long seed, @ForAll @LongRange(min = 0, max = 3_000_000) long tick) {
        TempoMap m = randomMap(seed, 48_000);
        Rational beat = Rational.of(tick, TempoMap.TICKS_PER_BEAT);
        assertThat(m.parse(m.format(beat))).isEqualTo(beat);
    }

    /** Bars (a pattern's cycles) -> beat -> bars is exact. */
    @Property
    void barsToBeatsAndBackIsExact(@ForAll long seed, @ForAll @LongRange(min = 0, max = 100_000) long num,
                                   @ForAll @IntRange(min = 1, max = 48) int den) {
        TempoMap m = randomMap(seed, 48_000);
        Rational bars = Rational.of(num, den);
        assertThat(m.barsOf(m.beatOfBars(bars))).isEqualTo(bars);
    }
}
