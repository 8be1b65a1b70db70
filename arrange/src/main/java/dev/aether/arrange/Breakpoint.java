package dev.aether.arrange;

/**
 * A point of an automation lane on the project's absolute timeline, the form a player consumes: from here to the
 * next breakpoint the value follows {@code curve} (see {@link Curve#interpolate}). Immutable.
 *
 * @param seconds absolute time
 * @param value   the parameter's value at {@code seconds}
 * @param curve   the shape of the segment to the next breakpoint
 */
public record Breakpoint(double seconds, double value, Curve curve) {
    /**
     * The value of a lane of breakpoints (in time order) at absolute time {@code t}: the first value before the
     * first point, the last after the last; at a time shared by several points (a jump) the last of them.
     *
     * @throws IllegalArgumentException if {@code points} is empty
     */
    public static double valueAt(java.util.List<Breakpoint> points, double t) {
        if (points.isEmpty()) throw new IllegalArgumentException("an automation lane without points has no value; add a point");
        int lo = 0, hi = points.size();            // first index with seconds > t
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (points.get(mid).seconds() <= t) lo = mid + 1; else hi = mid;
        }
        if (lo == 0) return points.get(0).value();
        Breakpoint a = points.get(lo - 1);
        if (lo == points.size()) return a.value();
        Breakpoint b = points.get(lo);
        return a.curve().interpolate(a.value(), b.value(), (t - a.seconds()) / (b.seconds() - a.seconds()));
    }
}
