package dev.aether.arrange.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.arrange.Breakpoint;
import dev.aether.arrange.Curve;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A lane read a run at a time through a {@link LaneCursor} (what {@link TrackStrip} does) against the per-sample
 * search {@link LaneCurve#valueAtRt} at the exact timeline samples: the same bits on every sample, across segment
 * boundaries (points at fractional samples, several at one time, before the first and after the last), for every
 * curve shape, flat segments (equal points, {@link Curve#HOLD}) included, and runs that start anywhere.
 */
class LaneBlockReadTest {
    private static final double RATE = 48_000;

    /** A lane of {@code n} points at random, some fractional, some on one time; random shapes and values. */
    static List<Breakpoint> lane(SplittableRandom rnd, int n) {
        List<Breakpoint> pts = new ArrayList<>();
        double sec = rnd.nextDouble(0, 0.01);
        Curve[] shapes = Curve.values();
        double v = rnd.nextDouble(-40, 6);
        for (int i = 0; i < n; i++) {
            int kind = rnd.nextInt(10);
            if (kind == 0) v = v;                                          // equal points: a flat segment
            else if (kind == 1) v = -0.0;                                  // -0 is not flat under a + 0·x
            else if (kind == 2) v = rnd.nextDouble(0.01, 2);               // positive: geometric exponential
            else v = rnd.nextDouble(-40, 6);
            pts.add(new Breakpoint(sec, v, shapes[rnd.nextInt(shapes.length)]));
            int step = rnd.nextInt(8);
            sec += step == 0 ? 0 : step == 1 ? rnd.nextInt(1, 5) / RATE : rnd.nextDouble(0.0001, 0.01);
        }
        return pts;
    }

    @Test
    void shouldReadRunsBitIdenticalToTheSearchAtEverySample() {
        SplittableRandom rnd = new SplittableRandom(8);
        long samples = 0, flatSamples = 0, runs = 0;
        for (int trial = 0; trial < 300; trial++) {
            LaneCurve lane = new LaneCurve(lane(rnd, 1 + rnd.nextInt(12)), RATE);
            LaneCursor cursor = new LaneCursor();
            double[] dst = new double[64 + 3];
            long t = rnd.nextLong(-200, 200);
            long end = t + rnd.nextInt(500, 8_000);
            while (t < end) {
                int max = 1 + rnd.nextInt(64);
                cursor.seekRt(lane, t);
                int len = cursor.samplesLeftRt(t, max);
                assertThat(len).as("run length at %d", t).isBetween(1, max);
                int seg = lane.segmentRt(t);
                for (int j = 0; j < len; j++) {
                    assertThat(lane.segmentRt(t + j)).as("sample %d of a run from %d is in its segment", j, t).isEqualTo(seg);
                }
                if (len < max) {
                    assertThat(lane.segmentRt(t + len)).as("the run from %d ends at a segment boundary", t).isNotEqualTo(seg);
                }
                if (cursor.isFlatRt()) {
                    double v = cursor.flatValueRt();
                    for (int j = 0; j < len; j++) {
                        assertThat(Double.doubleToRawLongBits(lane.valueAtRt(t + j)))
                                .as("flat segment at %d", t + j).isEqualTo(Double.doubleToRawLongBits(v));
                    }
                    flatSamples += len;
                } else {
                    int off = rnd.nextInt(3);
                    cursor.fillInRt(t, dst, off, off + len);
                    for (int j = 0; j < len; j++) {
                        assertThat(Double.doubleToRawLongBits(dst[off + j])).as("filled value at %d", t + j)
                                .isEqualTo(Double.doubleToRawLongBits(lane.valueAtRt(t + j)));
                        assertThat(Double.doubleToRawLongBits(cursor.valueRt(t + j))).as("value at %d", t + j)
                                .isEqualTo(Double.doubleToRawLongBits(lane.valueAtRt(t + j)));
                    }
                }
                samples += len;
                runs++;
                t += len;
                if (rnd.nextInt(50) == 0) t += rnd.nextLong(-3_000, 3_000);   // a seek, backwards too
            }
        }
        assertThat(flatSamples).as("flat samples read").isGreaterThan(0);
        assertThat(samples - flatSamples).as("moving samples read").isGreaterThan(0);
        assertThat(runs).as("runs").isGreaterThan(1_000);
    }

    @Test
    void shouldCallOnlyTrulyFlatSegmentsFlat() {
        LaneCurve lane = new LaneCurve(List.of(new Breakpoint(0, -0.0, Curve.LINEAR), new Breakpoint(1, -0.0, Curve.LINEAR),
                new Breakpoint(2, 3, Curve.S_CURVE), new Breakpoint(3, 3, Curve.EXPONENTIAL), new Breakpoint(4, 3, Curve.HOLD),
                new Breakpoint(5, 7, Curve.LINEAR)), RATE);
        assertThat(lane.isFlatRt(-1)).as("before the first point").isTrue();
        assertThat(lane.isFlatRt(0)).as("-0 to -0: a + 0·x is +0 inside").isFalse();
        assertThat(lane.isFlatRt(1)).as("-0 to 3").isFalse();
        assertThat(lane.isFlatRt(2)).as("3 to 3, S-curve").isTrue();
        assertThat(lane.isFlatRt(3)).as("3 to 3, exponential").isTrue();
        assertThat(lane.isFlatRt(4)).as("hold").isTrue();
        assertThat(lane.isFlatRt(5)).as("after the last point").isTrue();
        assertThat(lane.flatValueRt(-1)).isEqualTo(-0.0);
        assertThat(lane.flatValueRt(4)).isEqualTo(3.0);
        assertThat(lane.flatValueRt(5)).isEqualTo(7.0);
        assertThat(lane.valueAtRt(0.5 * RATE)).as("inside the -0 segment").isEqualTo(0.0);
    }
}
