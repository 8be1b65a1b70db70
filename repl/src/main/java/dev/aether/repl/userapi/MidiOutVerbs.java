package dev.aether.repl.userapi;

import dev.aether.repl.session.MidiOutputs;
import dev.aether.sequencing.midi.MidiFile;
import dev.aether.sequencing.midi.MidiFilePlayer;
import dev.aether.sequencing.midi.MidiNote;
import dev.aether.sequencing.schedule.PatternTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.sound.midi.MidiUnavailableException;

/**
 * Any thread: the MIDI out verbs of the {@link Prelude} (group "midi out"): outputs as pattern targets, MIDI files
 * played in their own tempo or looped as patterns, MIDI clock sent (docs/midi.md). This class is a namespace, never
 * instantiated.
 */
public abstract class MidiOutVerbs extends LiveVerbs {
    MidiOutVerbs() {}

    /** The MIDI output devices, numbered for midiOut(n). */
    @VerbDoc(group = "midi out", usage = "midiOuts()", text = "the MIDI output devices, numbered for midiOut(n)")
    public static String midiOuts() {
        try {
            return outputs().list();
        } catch (MidiUnavailableException e) {
            throw new IllegalStateException("MIDI is not available here: " + e.getMessage(), e);
        }
    }

    /** Output {@code n} as a pattern target, channel 1, velocity 100. */
    @VerbDoc(group = "midi out", usage = "midiOut(n)",
            text = "MIDI output n as a target: pat(\"m\", \"c4 e4\", midiOut(0)); channel 1, velocity 100, note-offs at each event's end")
    public static PatternTarget<MidiNote> midiOut(int n) { return midiOut(n, 1); }

    /** Output {@code n} as a pattern target on {@code channel} (1..16), velocity 100. */
    @VerbDoc(group = "midi out", usage = "midiOut(n, channel)", text = "the same on channel 1..16 (a file's notes keep their own channels)")
    public static PatternTarget<MidiNote> midiOut(int n, int channel) {
        try {
            return outputs().notes(n, channel, PatternVerbs.MIDI_VELOCITY);
        } catch (MidiUnavailableException e) {
            throw new IllegalStateException("MIDI output " + n + " cannot be opened: " + e.getMessage() + "; see midiOuts()", e);
        }
    }

    /** Every MIDI output sends this many ms after the engine renders a message's sample (the audio output latency). */
    @VerbDoc(group = "midi out", usage = "midiLatency(ms)", text = "MIDI out messages leave this many ms (0..1000) after their sample is rendered, to line up with the audio")
    public static void midiLatency(double ms) { outputs().latencyMillis(ms); }

    /** Reads a Standard MIDI File (type 0 or 1). */
    @VerbDoc(group = "midi out", usage = "midiFile(\"song.mid\")", text = "reads a Standard MIDI File (type 0 or 1): notes, tempo map, metre")
    public static MidiFile midiFile(String path) {
        try {
            return MidiFile.read(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** Plays a MIDI file once, in its own tempo, on an instrument from the next bar. */
    @VerbDoc(group = "midi out", usage = "playMidi(midiFile(\"song.mid\"), synth(8))",
            text = "plays the file once in its own tempo map on an instrument, from the next bar; every note on its sample")
    public static MidiFilePlayer playMidi(MidiFile file, Chain instrument) {
        return outputs().play(file, PatternVerbs.midiNotes(session(), instrument));
    }

    /** Plays a MIDI file once, in its own tempo, to a MIDI output from the next bar. */
    @VerbDoc(group = "midi out", usage = "playMidi(file, midiOut(n))", text = "the same out to a MIDI device, each note on its own channel")
    @SuppressWarnings("unchecked")
    public static MidiFilePlayer playMidi(MidiFile file, PatternTarget<?> target) {
        if (!(target.valueOf(new MidiNote(0, 60, 100)) instanceof MidiNote)) {
            throw new IllegalArgumentException("playMidi plays notes: give an instrument or midiOut(n), not " + target.description());
        }
        return outputs().play(file, (PatternTarget<MidiNote>) target);
    }

    /** Stops every MIDI file playing (not the patterns made from files: undef those). */
    @VerbDoc(group = "midi out", usage = "stopMidi()", text = "stops every MIDI file playMidi started (notes sounding are released)")
    public static String stopMidi() {
        var names = outputs().stopFiles();
        return names.isEmpty() ? "no MIDI file was playing" : "stopped " + String.join(", ", names);
    }

    /** Sends the engine clock as MIDI clock to output {@code n}. */
    @VerbDoc(group = "midi out", usage = "midiClock(n)",
            text = "sends MIDI clock to output n: 24 per beat, start/stop/continue and song position with the transport")
    public static String midiClock(int n) {
        try {
            return outputs().clock(n);
        } catch (MidiUnavailableException e) {
            throw new IllegalStateException("MIDI output " + n + " cannot be opened: " + e.getMessage() + "; see midiOuts()", e);
        }
    }

    /** Stops sending MIDI clock. */
    @VerbDoc(group = "midi out", usage = "midiClock(\"off\")", text = "stops sending MIDI clock (sends Stop)")
    public static String midiClock(String off) {
        if (!"off".equals(off)) throw new IllegalArgumentException("midiClock(\"" + off + "\"): use midiClock(n) to send, midiClock(\"off\") to stop");
        return outputs().clockOff();
    }

    private static MidiOutputs outputs() { return session().midiOutputs(); }
}
