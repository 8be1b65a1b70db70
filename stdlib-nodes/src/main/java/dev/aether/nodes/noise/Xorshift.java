package dev.aether.nodes.noise;

import dev.aether.core.RealtimeSafe;

/**
 * The noise generators' random source: xorshift64* with a splitmix64-scrambled seed, state in a plain
 * {@code long} held by the node (no objects per block); the drum voices use it too. Stateless helper; any thread.
 */
@RealtimeSafe
public final class Xorshift {
    private Xorshift() {}

    /** A non-zero starting state for {@code seed} (splitmix64 finaliser). */
    public static long seedState(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return z == 0 ? 0x9E3779B97F4A7C15L : z;
    }

    /** The next state. */
    public static long next(long s) {
        s ^= s >>> 12;
        s ^= s << 25;
        s ^= s >>> 27;
        return s;
    }

    /** A uniform value in [-1, 1) from state {@code s}. */
    public static double bipolar(long s) {
        long r = s * 0x2545F4914F6CDD1DL;
        return (r >>> 11) * 0x1.0p-52 - 1;
    }
}
