package dev.aether.sequencing.pattern;

import dev.aether.core.time.Rational;

/**
 * The randomness of patterns: a number in [0, 1) that depends only on a seed, a salt (which random choice it is)
 * and an exact time, so the same pattern gives the same events in every run and on every split of a query.
 * Pure functions; any thread.
 */
final class SeededRandom {
    private SeededRandom() {}

    /** A uniform value in [0, 1) for {@code (seed, salt, t)}. */
    static double at(long seed, long salt, Rational t) {
        long h = mix(seed + 0x9E3779B97F4A7C15L);
        h = mix(h ^ salt);
        h = mix(h ^ t.num());
        h = mix(h ^ t.den());
        return (h >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
