package dev.aether.arrange.live;

import dev.aether.core.RealtimeSafe;

/**
 * Where a strip reads an automation lane: the lane and the segment its last sample fell in, so that consecutive
 * samples find their segment without a search, and a block is read a segment at a time ({@link LaneCurve#fillInRt},
 * or nothing per sample for a flat one). Confined to the audio thread (the strip that owns it).
 */
final class LaneCursor {
    private LaneCurve lane;
    private int seg;
    private double from, to;                       // the segment: timeline samples [from, to)

    /** Points at the segment of {@code l} holding timeline sample {@code t} (a search only when it moved out). */
    @RealtimeSafe
    void seekRt(LaneCurve l, double t) {
        if (l != lane || !(t >= from && t < to)) {
            lane = l;
            seg = l.segmentRt(t);
            from = l.segmentStartRt(seg);
            to = l.segmentEndRt(seg);
        }
    }

    /**
     * How many of the timeline samples {@code t, t + 1, ...} (at most {@code max}) lie in the current segment, which
     * holds {@code t}: at least 1.
     */
    @RealtimeSafe
    int samplesLeftRt(long t, int max) {
        if (to == Double.POSITIVE_INFINITY) return max;
        double room = Math.ceil(to - t);
        long c = room >= max ? max : (long) room;
        while (c > 1 && !((double) (t + c - 1) < to)) c--;    // exact: the last sample counted is inside
        while (c < max && (double) (t + c) < to) c++;          // and the next one is not
        return c < 1 ? 1 : (int) c;
    }

    /** True when the current segment holds one value ({@link LaneCurve#isFlatRt}). */
    @RealtimeSafe
    boolean isFlatRt() { return lane.isFlatRt(seg); }

    /** The current segment's value when flat. */
    @RealtimeSafe
    double flatValueRt() { return lane.flatValueRt(seg); }

    /** The value at timeline sample {@code t} of the current segment. */
    @RealtimeSafe
    double valueRt(double t) { return lane.valueInRt(seg, t); }

    /** Fills {@code dst[from, to)} with the values at timeline samples {@code t0, t0 + 1, ...} of the current segment. */
    @RealtimeSafe
    void fillInRt(long t0, double[] dst, int from, int to) { lane.fillInRt(seg, t0, dst, from, to); }
}
