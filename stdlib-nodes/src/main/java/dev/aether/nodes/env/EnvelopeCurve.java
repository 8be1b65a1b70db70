package dev.aether.nodes.env;

/**
 * The shape of an envelope segment. Every segment takes exactly its time (rounded to whole samples) and ends
 * exactly on its target, whatever the shape.
 */
public enum EnvelopeCurve {
    /** Straight lines from level to level. */
    LINEAR(0, 0),
    /**
     * Analog-style RC curves: a one-pole approach to an overshot target, scaled so the segment lands on its
     * target at its end. Attacks are convex (fast then slowing), decays and releases fall fast then slowly.
     */
    EXPONENTIAL(1.5, 5);

    final double attackCurvature;
    final double fallCurvature;

    EnvelopeCurve(double attackCurvature, double fallCurvature) {
        this.attackCurvature = attackCurvature;
        this.fallCurvature = fallCurvature;
    }
}
