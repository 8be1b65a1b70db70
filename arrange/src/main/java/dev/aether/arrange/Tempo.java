package dev.aether.arrange;

import dev.aether.core.time.Rational;

/**
 * The project's tempo and metre: one tempo for the whole project (a tempo map is not part of the arrangement model
 * yet). Immutable; any thread.
 *
 * @param bpm         beats per minute, 1..999
 * @param beatsPerBar beats in a bar, 1..64 (the numerator of the time signature; a beat is the unit {@link Position}
 *                    counts in)
 */
public record Tempo(double bpm, int beatsPerBar) {
    /** 120 BPM, four beats to the bar. */
    public static final Tempo DEFAULT = new Tempo(120, 4);

    public Tempo {
        if (!(bpm >= 1 && bpm <= 999))
            throw new IllegalArgumentException("tempo " + bpm + " BPM is out of range; give 1..999 BPM");
        if (beatsPerBar < 1 || beatsPerBar > 64)
            throw new IllegalArgumentException(beatsPerBar + " beats per bar is out of range; give 1..64");
    }

    /** Seconds per beat, {@code 60 / bpm}. */
    public double secondsPerBeat() { return 60.0 / bpm; }

    /** Seconds of {@code beats} beats. */
    public double seconds(Rational beats) { return beats.toDouble() * 60.0 / bpm; }
}
