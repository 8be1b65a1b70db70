package dev.aether.sequencing.schedule;

import dev.aether.nodes.voice.PolyVoices;
import dev.aether.sequencing.pattern.Note;

/** A {@link PolyVoices} instrument played by a pattern of notes (names such as {@code c4}, or MIDI numbers 0..127). */
final class NoteTarget implements PatternTarget<Integer> {
    private final PolyVoices voices;
    private final double velocity;

    NoteTarget(PolyVoices voices, double velocity) {
        this.voices = voices;
        this.velocity = PatternTarget.checkVelocity(velocity);
    }

    @Override public String description() { return "instrument of " + voices.voiceCount() + " voices"; }

    @Override public Integer valueOf(Object token) {
        int midi = Note.midi(token);
        if (midi < 0 || midi > 127) {
            throw new IllegalArgumentException("note " + token + " is MIDI " + midi + ", outside 0..127: an instrument plays c-1 to g9");
        }
        return midi;
    }

    @Override public boolean send(Integer midi, long onsetSample, long offsetSample) {
        boolean on = voices.noteOnAt(midi, velocity, onsetSample);
        return voices.noteOffAt(midi, offsetSample) && on;
    }
}
