package dev.aether.arrange;

import java.util.Objects;

/**
 * A note of a {@link MidiClip}. Immutable.
 *
 * @param start    from the clip's start (≥ 0)
 * @param length   how long the key is held (&gt; 0)
 * @param key      MIDI key 0..127 (60 = middle C), before any metatrack's transpose
 * @param velocity 1..127
 */
public record Note(Position start, Position length, int key, int velocity) {
    public Note {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        if (start.isNegative()) throw new IllegalArgumentException("note at " + start + " lies before its clip; give a start ≥ 0");
        if (length.isNegative() || length.equals(Position.ZERO) || length.equals(Position.seconds(0)))
            throw new IllegalArgumentException("note of key " + key + " has length " + length + "; give a length > 0");
        if (key < 0 || key > 127) throw new IllegalArgumentException("MIDI key " + key + "; give 0..127 (60 = middle C)");
        if (velocity < 1 || velocity > 127) throw new IllegalArgumentException("velocity " + velocity + "; give 1..127");
    }
}
