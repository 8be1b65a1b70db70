package dev.aether.nodes.delay;

/** How a delay reads between samples. */
public enum Interpolation {
    /** Rounds down to whole samples. */
    NONE,
    /** Two-point linear: at fraction f, weights 1-f and f. */
    LINEAR,
    /** Four-point, third-order Hermite (Catmull-Rom): smoother, flatter response; needs a delay of at least 1. */
    CUBIC
}
