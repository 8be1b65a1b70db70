package dev.aether.nodes.mix;

import dev.aether.core.RealtimeSafe;

/** Gain and pan laws shared by the mixing nodes. */
public final class Gains {
    private Gains() {}

    /** Amplitude for a level in dB: {@code 10^(dB/20)}. */
    @RealtimeSafe public static double dbToGain(double db) { return Math.pow(10, db / 20); }

    /** Level in dB for an amplitude; -inf for 0. */
    @RealtimeSafe public static double gainToDb(double gain) { return 20 * Math.log10(gain); }

    /** Constant-power pan left gain for position -1 (left) .. 1 (right): {@code cos((p + 1) pi / 4)}. */
    @RealtimeSafe public static double panLeft(double p) { return Math.cos((p + 1) * Math.PI / 4); }

    /** Constant-power pan right gain: {@code sin((p + 1) pi / 4)}; {@code L^2 + R^2 = 1}. */
    @RealtimeSafe public static double panRight(double p) { return Math.sin((p + 1) * Math.PI / 4); }

    /** Stereo balance left gain: 1 for p <= 0, falling as {@code sqrt(2) cos((p + 1) pi / 4)} to 0 at p = 1. */
    @RealtimeSafe public static double balanceLeft(double p) { return p <= 0 ? 1 : Math.sqrt(2) * panLeft(p); }

    /** Stereo balance right gain: 1 for p >= 0, falling to 0 at p = -1. */
    @RealtimeSafe public static double balanceRight(double p) { return p >= 0 ? 1 : Math.sqrt(2) * panRight(p); }
}
