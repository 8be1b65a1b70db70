package dev.aether.bench.patch;

/**
 * The standard patch's settings, shared by its three implementations so they compute the same thing:
 * voice {@code v} plays a saw at {@link #frequencyHz}, low-passed at {@link #cutoffHz} (Q {@link #Q}), under
 * a linear ADSR (attack {@link #ATTACK_SECONDS}, decay {@link #DECAY_SECONDS}, sustain {@link #SUSTAIN},
 * release {@link #RELEASE_SECONDS}) and a gain of {@code 1/N}, summed to mono and copied to both sides.
 */
public final class Voicing {
    public static final int SAMPLE_RATE = 48_000;
    public static final int FRAMES = 64;
    public static final double Q = 0.707;
    public static final double ATTACK_SECONDS = 0.005;
    public static final double DECAY_SECONDS = 0.050;
    public static final double SUSTAIN = 0.7;
    public static final double RELEASE_SECONDS = 0.2;
    /** Blocks rendered before measuring so every envelope is in sustain (0.5 s). */
    public static final int SETTLE_BLOCKS = SAMPLE_RATE / 2 / FRAMES;

    private Voicing() {}

    /** 55 Hz upwards in semitones, wrapping every three octaves. */
    public static double frequencyHz(int voice) { return 55 * Math.pow(2, (voice % 36) / 12.0); }

    /** 800 Hz .. about 4.6 kHz, spread over the voices. */
    public static double cutoffHz(int voice) { return 800 + 15 * (voice % 256); }

    public static double gain(int voices) { return 1.0 / voices; }
}
