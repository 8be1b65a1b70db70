package dev.aether.arrange;

import java.util.List;
import java.util.Objects;

/**
 * A clip of notes on an instrument track. Notes that start at or after the clip's length do not play; a note held
 * past the clip's end is cut at the end. Immutable.
 *
 * @param start  where the clip starts on its track's timeline
 * @param length how long it plays (&gt; 0)
 * @param notes  the notes, positions from the clip's start
 */
public record MidiClip(Position start, Position length, List<Note> notes) {
    public MidiClip {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.equals(Position.ZERO) || length.equals(Position.seconds(0)))
            throw new IllegalArgumentException("MIDI clip at " + start + " has length " + length + "; give a length > 0");
        notes = List.copyOf(notes);
    }

    public MidiClip withStart(Position p) { return new MidiClip(p, length, notes); }
    public MidiClip withLength(Position l) { return new MidiClip(start, l, notes); }
    public MidiClip withNotes(List<Note> n) { return new MidiClip(start, length, n); }
}
