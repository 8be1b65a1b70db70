package dev.aether.arrange;

import java.util.Objects;

/**
 * A clip's fade-in or fade-out: its length (on the clip's own timeline) and its {@link Curve} from silence to the
 * clip's gain (fade-in) or back (fade-out). Immutable.
 */
public record Fade(Position length, Curve curve) {
    /** No fade. */
    public static final Fade NONE = new Fade(Position.ZERO, Curve.LINEAR);

    public Fade {
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(curve, "curve");
        if (length.isNegative()) throw new IllegalArgumentException("a fade of " + length + "; give a length ≥ 0");
    }
}
