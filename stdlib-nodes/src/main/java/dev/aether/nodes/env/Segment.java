package dev.aether.nodes.env;

import dev.aether.core.RealtimeSafe;

/**
 * One envelope segment from the current level to a target over an exact number of samples, linear
 * (curvature 0) or exponential (a one-pole approach to an overshot target, landing exactly on the target).
 * Audio-thread state of the owning node; package-private.
 */
final class Segment {
    double level;        // last value produced
    double target;       // where the segment ends
    double step;         // linear increment, or one-pole coefficient
    double aim;          // overshot one-pole target (exponential only)
    int remaining;       // samples left; 0 = holding at level
    boolean exponential;

    /** Starts a segment from the current level to {@code to} lasting {@code samples} (at least 1). */
    @RealtimeSafe
    void start(double to, int samples, double curvature) {
        int n = Math.max(1, samples);
        target = to;
        remaining = n;
        if (curvature <= 0 || to == level) {
            exponential = false;
            step = (to - level) / n;
        } else {
            exponential = true;
            double coef = Math.exp(-curvature / n);
            double cn = Math.exp(-curvature);
            step = coef;
            aim = (to - level * cn) / (1 - cn);
        }
    }

    /** Holds {@code v} from now on. */
    @RealtimeSafe
    void hold(double v) {
        level = v;
        target = v;
        remaining = 0;
    }

    /** Produces the next value; returns true when this sample ended the segment. */
    @RealtimeSafe
    boolean next() {
        if (remaining == 0) return false;
        if (--remaining == 0) {
            level = target;
            return true;
        }
        level = exponential ? aim + (level - aim) * step : level + step;
        return false;
    }

    double[] save() { return new double[] {level, target, step, aim, remaining, exponential ? 1 : 0}; }

    void restore(double[] s) {
        level = s[0]; target = s[1]; step = s[2]; aim = s[3]; remaining = (int) s[4]; exponential = s[5] != 0;
    }
}
