package dev.aether.core.engine;

import dev.aether.core.time.When;

/**
 * How a node is replaced: crossfade length (equal-power) and when. {@code carryState} copies the old
 * node's {@link DspNode#saveState()} into the new one when true.
 */
public record SwapOptions(double crossfadeSeconds, When when, boolean carryState) {
    /** Default crossfade: 10 ms. */
    public static final double DEFAULT_CROSSFADE_SECONDS = 0.010;
    public static final SwapOptions DEFAULT = new SwapOptions(DEFAULT_CROSSFADE_SECONDS, When.NOW, true);

    public SwapOptions {
        if (!(crossfadeSeconds >= 0 && crossfadeSeconds <= 10)) {
            throw new IllegalArgumentException("crossfade must be 0..10 s, was " + crossfadeSeconds);
        }
        if (when == null) throw new IllegalArgumentException("when must not be null (use When.NOW)");
    }

    public SwapOptions crossfade(double seconds) { return new SwapOptions(seconds, when, carryState); }
    public SwapOptions at(When w) { return new SwapOptions(crossfadeSeconds, w, carryState); }
}
