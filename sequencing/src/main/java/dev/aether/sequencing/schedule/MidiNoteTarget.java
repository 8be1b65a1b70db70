package dev.aether.sequencing.schedule;

import dev.aether.nodes.voice.PolyVoices;
import dev.aether.sequencing.midi.MidiNote;
import dev.aether.sequencing.pattern.Note;

/**
 * A {@link PolyVoices} instrument played by {@link MidiNote}s (a MIDI file's notes, each with its velocity, any
 * channel); a note name or number is a note at {@code defaultVelocity} (1..127) on channel 1.
 */
final class MidiNoteTarget implements PatternTarget<MidiNote> {
    private final PolyVoices voices;
    private final int defaultVelocity;

    MidiNoteTarget(PolyVoices voices, int defaultVelocity) {
        this.voices = voices;
        this.defaultVelocity = defaultVelocity;
    }

    @Override public String description() { return "instrument of " + voices.voiceCount() + " voices"; }

    @Override public MidiNote valueOf(Object token) { return midiNote(token, 0, defaultVelocity); }

    @Override public boolean send(MidiNote n, long onsetSample, long offsetSample) {
        boolean on = voices.noteOnAt(n.key(), n.velocity() / 127.0, onsetSample);
        return voices.noteOffAt(n.key(), offsetSample) && on;
    }

    /** {@code token} as a MIDI note: itself when it is one, else a note name or number on {@code channel}. */
    static MidiNote midiNote(Object token, int channel, int velocity) {
        if (token instanceof MidiNote n) return n;
        int midi = Note.midi(token);
        if (midi < 0 || midi > 127) throw new IllegalArgumentException("note " + token + " is MIDI " + midi + ", outside 0..127");
        return new MidiNote(channel, midi, velocity);
    }
}
