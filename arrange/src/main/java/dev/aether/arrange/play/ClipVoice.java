package dev.aether.arrange.play;

import dev.aether.arrange.Curve;
import dev.aether.arrange.stream.DiskStream;
import dev.aether.core.AudioThread;
import dev.aether.core.RealtimeSafe;

/**
 * One clip sounding: its read position, and the {@link DiskStream} it reads when the source streams. Confined to the
 * audio thread (the {@link ClipPlayer} that owns it).
 *
 * <p><b>Reading.</b> Frames are addressed by {@code k}, the clip's read order ({@link dev.aether.arrange.stream.SourcePath});
 * the position is {@code k + fr}, advancing by the entry's step per engine sample. At step 1 with no fraction the
 * frame is copied exactly; otherwise the four frames around the position are interpolated with a cubic Hermite
 * (Catmull-Rom) spline. A streamed frame comes from the pre-roll cache when {@code k} lies in it, else from the
 * ring; a frame the ring does not hold yet reads as 0 and is counted. A run of an in-memory clip at step 1, forward,
 * without a fade or a loop's wrap, is added in one loop ({@link dev.aether.arrange.stream.MemorySource#addRt}).
 */
final class ClipVoice {
    final DiskStream stream;
    ClipSchedule.Entry entry;
    boolean kept;

    private long k;                // integer read position
    private double fr;             // fraction, [0, 1)
    private long elapsed;          // samples of the clip played
    private boolean covered;       // the stream was asked ahead of need (pre-roll in front of it)
    private boolean miss;
    private long tapK = Long.MIN_VALUE;               // the k of l0/r0; MIN_VALUE: no taps held
    private float lm, l0, l1, l2, rm, r0, r1, r2;   // frames k-1 .. k+2, left and right
    private int missFrames;

    ClipVoice(DiskStream stream) { this.stream = stream; }

    /** Starts {@code e} at {@code el} samples into the clip. */
    @AudioThread @RealtimeSafe
    void startRt(ClipSchedule.Entry e, long el) {
        entry = e;
        elapsed = el;
        double u = e.frac0 + el * e.step;
        k = (long) Math.floor(u);
        tapK = Long.MIN_VALUE;
        fr = u - k;
        if (e.memory != null) {
            if (stream.pathRt() != null) stream.requestRt(null, 0);
            return;
        }
        long need = k - 1;
        if (stream.canResumeRt(e.path, need, k + 2)) {
            covered = true;                              // a seek within what the ring holds: play on from it
        } else if (need >= -1 && k + 2 < e.prerollFrames) {
            covered = true;
            stream.requestRt(e.path, e.prerollFrames);
        } else {
            covered = false;
            stream.requestRt(e.path, need);
        }
    }

    /** Stops streaming (the voice is free). */
    @AudioThread @RealtimeSafe
    void stopRt() {
        releaseRt();
        if (stream.pathRt() != null) stream.requestRt(null, 0);
    }

    /** Frees the voice but lets its stream run on, so that a clip restarted by a seek may resume from the ring. */
    @AudioThread @RealtimeSafe
    void releaseRt() {
        if (entry != null && entry.memory == null && missFrames > 0) {
            stream.countMissingRt(missFrames, covered, 1);
            missFrames = 0;
        }
        entry = null;
    }

    /**
     * Adds frames {@code [from, to)} of the clip to {@code l} and {@code r}, at most up to the clip's end. Returns
     * false when the clip has ended.
     */
    @AudioThread @RealtimeSafe
    boolean renderRt(float[] l, float[] r, int from, int to) {
        ClipSchedule.Entry e = entry;
        long left = e.length - elapsed;
        int n = (int) Math.min(to - from, left);
        ClipPlacement p = e.placement;
        long fadeIn = p.fadeInSamples(), fadeOut = p.fadeOutSamples(), len = e.length;
        Curve inCurve = p.fadeInCurve(), outCurve = p.fadeOutCurve();
        double step = e.step, g0 = e.gain;
        boolean stereo = e.channels == 2;
        if (e.memory != null && fr == 0 && step == 1 && n > 0 && elapsed >= fadeIn && len - (elapsed + n - 1) >= fadeOut) {
            long f = e.path.forwardRunRt(k, n);         // no fade, frame for frame, in memory: one loop, same sums
            if (f != Long.MIN_VALUE && e.memory.addRt(f, n, g0, l, r, from)) {
                k += n;
                elapsed += n;
                return elapsed < e.length;
            }
        }
        for (int i = from; i < from + n; i++) {
            double g = g0;
            long el = elapsed;
            if (el < fadeIn) g *= inCurve.interpolate(0, 1, (double) el / fadeIn);
            if (len - el < fadeOut) g *= outCurve.interpolate(0, 1, (double) (len - el) / fadeOut);
            float vl, vr;
            if (fr == 0 && step == 1) {
                vl = sample(k, 0);
                vr = stereo ? sample(k, 1) : vl;
            } else {
                tapsRt(stereo);
                vl = hermite(lm, l0, l1, l2);
                vr = stereo ? hermite(rm, r0, r1, r2) : vl;
            }
            if (g == 1) {
                l[i] += vl;
                r[i] += vr;
            } else {
                l[i] += (float) (vl * g);
                r[i] += (float) (vr * g);
            }
            if (miss) {
                missFrames++;
                miss = false;
            }
            double f = fr + step;
            long adv = (long) f;
            k += adv;
            fr = f - adv;
            elapsed = el + 1;
        }
        return elapsed < e.length;
    }

    /** Once per block, after rendering: counts misses and releases the ring behind the read position. */
    @AudioThread @RealtimeSafe
    void endBlockRt() {
        tapK = Long.MIN_VALUE;                       // what the ring holds changes between blocks: fetch again
        if (entry == null || entry.memory != null) return;
        if (missFrames > 0) {
            stream.countMissingRt(missFrames, covered, 1);
            missFrames = 0;
        }
        stream.releaseBeforeRt(k - 1);
    }

    /**
     * Brings the four taps around {@code k} up to date: a step of one or two frames shifts them and fetches what is
     * new (so a clip at rate 1.37 fetches 1.37 frames per output sample, not four).
     */
    @AudioThread @RealtimeSafe
    private void tapsRt(boolean stereo) {
        long d = k - tapK;
        if (d == 0) return;
        if (d == 1) {
            lm = l0; l0 = l1; l1 = l2; l2 = sample(k + 2, 0);
            if (stereo) { rm = r0; r0 = r1; r1 = r2; r2 = sample(k + 2, 1); }
        } else if (d == 2) {
            lm = l1; l0 = l2; l1 = sample(k + 1, 0); l2 = sample(k + 2, 0);
            if (stereo) { rm = r1; r0 = r2; r1 = sample(k + 1, 1); r2 = sample(k + 2, 1); }
        } else {
            lm = sample(k - 1, 0); l0 = sample(k, 0); l1 = sample(k + 1, 0); l2 = sample(k + 2, 0);
            if (stereo) { rm = sample(k - 1, 1); r0 = sample(k, 1); r1 = sample(k + 1, 1); r2 = sample(k + 2, 1); }
        }
        tapK = k;
    }

    /** The cubic Hermite (Catmull-Rom) spline through {@code ym, y0, y1, y2} at {@code fr} between y0 and y1. */
    @AudioThread @RealtimeSafe
    private float hermite(float ym, float y0, float y1, float y2) {
        double x = fr;
        double c1 = 0.5 * (y1 - ym);
        double c2 = ym - 2.5 * y0 + 2 * y1 - 0.5 * y2;
        double c3 = 0.5 * (y2 - ym) + 1.5 * (y0 - y1);
        return (float) (((c3 * x + c2) * x + c1) * x + y0);
    }

    @AudioThread @RealtimeSafe
    private float sample(long kk, int c) {
        ClipSchedule.Entry e = entry;
        if (e.memory != null) return e.memory.atRt(c < e.channels ? c : 0, e.path.frameAt(kk));
        if (kk >= -1 && kk < e.prerollFrames) return e.preroll[c < e.channels ? c : 0][(int) (kk + 1)];
        if (kk >= e.path.endK()) return 0f;
        if (stream.hasRt(kk)) return stream.sampleRt(kk, c);
        miss = true;
        return 0f;
    }
}
