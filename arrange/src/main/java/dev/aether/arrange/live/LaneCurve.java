package dev.aether.arrange.live;

import dev.aether.arrange.Breakpoint;
import dev.aether.arrange.Curve;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;

import java.util.List;

/**
 * An automation lane on the timeline in samples, the form the audio thread reads: breakpoints at exact (fractional)
 * timeline samples, evaluated as {@link Breakpoint#valueAt} does on seconds (equal up to rounding). Immutable; built on the control thread,
 * read on the audio thread.
 */
final class LaneCurve {
    private final double[] at;         // timeline samples, ascending
    private final double[] values;
    private final Curve[] curves;

    @ControlThread
    LaneCurve(List<Breakpoint> points, double sampleRate) {
        if (points.isEmpty()) throw new IllegalArgumentException("an automation lane without points; add a point");
        int n = points.size();
        at = new double[n];
        values = new double[n];
        curves = new Curve[n];
        for (int i = 0; i < n; i++) {
            Breakpoint b = points.get(i);
            at[i] = b.seconds() * sampleRate;
            values[i] = b.value();
            curves[i] = b.curve();
        }
    }

    /** The value at timeline sample {@code t}: {@link Breakpoint#valueAt} at {@code t / sampleRate} seconds, up to rounding. */
    @RealtimeSafe
    double valueAtRt(double t) {
        int lo = 0, hi = at.length;                // first index with at > t
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at[mid] <= t) lo = mid + 1; else hi = mid;
        }
        if (lo == 0) return values[0];
        int a = lo - 1;
        if (lo == at.length) return values[a];
        return curves[a].interpolate(values[a], values[lo], (t - at[a]) / (at[lo] - at[a]));
    }

    /** The first breakpoint strictly after timeline sample {@code t}, or +infinity. */
    @RealtimeSafe
    double nextPointAfterRt(double t) {
        int lo = 0, hi = at.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at[mid] <= t) lo = mid + 1; else hi = mid;
        }
        return lo == at.length ? Double.POSITIVE_INFINITY : at[lo];
    }

    /** The segment holding timeline sample {@code t}: the index of the point before it, -1 before the first. */
    @RealtimeSafe
    int segmentRt(double t) {
        int lo = 0, hi = at.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at[mid] <= t) lo = mid + 1; else hi = mid;
        }
        return lo - 1;
    }

    /** Where segment {@code seg} starts (-infinity for -1). */
    @RealtimeSafe
    double segmentStartRt(int seg) { return seg < 0 ? Double.NEGATIVE_INFINITY : at[seg]; }

    /** Where segment {@code seg} ends (the next point, +infinity after the last). */
    @RealtimeSafe
    double segmentEndRt(int seg) { return seg + 1 < at.length ? at[seg + 1] : Double.POSITIVE_INFINITY; }

    /** The value at {@code t} inside segment {@code seg} (as {@link #valueAtRt}, without the search). */
    @RealtimeSafe
    double valueInRt(int seg, double t) {
        if (seg < 0) return values[0];
        if (seg + 1 == at.length) return values[seg];
        return curves[seg].interpolate(values[seg], values[seg + 1], (t - at[seg]) / (at[seg + 1] - at[seg]));
    }

    /**
     * True when segment {@code seg} holds one value throughout ({@link #flatValueRt}), bit for bit what
     * {@link #valueInRt} gives on every sample of it: before the first point, after the last, a {@link Curve#HOLD}, or
     * two equal finite points (not -0, which a curve's {@code a + 0·x} turns into +0).
     */
    @RealtimeSafe
    boolean isFlatRt(int seg) {
        if (seg < 0 || seg + 1 >= at.length || curves[seg] == Curve.HOLD) return true;
        double a = values[seg];
        return a == values[seg + 1] && Double.isFinite(a) && Double.doubleToRawLongBits(a) != NEGATIVE_ZERO_BITS;
    }

    private static final long NEGATIVE_ZERO_BITS = Double.doubleToRawLongBits(-0.0);

    /** The value of a flat segment ({@link #isFlatRt}). */
    @RealtimeSafe
    double flatValueRt(int seg) { return seg < 0 ? values[0] : values[seg]; }

    /**
     * Writes {@code dst[from + j] = valueInRt(seg, t0 + j)} for {@code j} in {@code [0, to - from)}: timeline samples
     * {@code t0, t0 + 1, ...}, all inside segment {@code seg}. The same arithmetic as {@link #valueInRt}, with the
     * segment's constants read once.
     */
    @RealtimeSafe
    void fillInRt(int seg, long t0, double[] dst, int from, int to) {
        if (seg < 0 || seg + 1 == at.length) {
            double v = seg < 0 ? values[0] : values[seg];
            for (int i = from; i < to; i++) dst[i] = v;
            return;
        }
        Curve c = curves[seg];
        double a = values[seg], b = values[seg + 1], start = at[seg], len = at[seg + 1] - at[seg];
        for (int i = from; i < to; i++) dst[i] = c.interpolate(a, b, ((double) (t0 + (i - from)) - start) / len);
    }
}
