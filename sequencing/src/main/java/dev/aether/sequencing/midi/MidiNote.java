package dev.aether.sequencing.midi;

/**
 * One MIDI note as a pattern value: channel 0..15 (shown to people as 1..16), key 0..127 (60 = c4), velocity
 * 1..127. Immutable; any thread.
 */
public record MidiNote(int channel, int key, int velocity) {
    public MidiNote {
        if (channel < 0 || channel > 15) throw new IllegalArgumentException("MIDI channel must be 1..16, was " + (channel + 1));
        if (key < 0 || key > 127) throw new IllegalArgumentException("MIDI key must be 0..127, was " + key);
        if (velocity < 1 || velocity > 127) throw new IllegalArgumentException("MIDI velocity must be 1..127, was " + velocity);
    }

    /** "60 v100 ch1". */
    @Override public String toString() { return key + " v" + velocity + " ch" + (channel + 1); }
}
