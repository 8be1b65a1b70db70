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
}
