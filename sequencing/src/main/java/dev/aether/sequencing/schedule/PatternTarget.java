package dev.aether.sequencing.schedule;

import dev.aether.core.param.SmoothedParam;
import dev.aether.nodes.drum.Hits;
import dev.aether.nodes.voice.PolyVoices;
import dev.aether.core.time.Rational;
import dev.aether.sequencing.pattern.MiniNotation;
import dev.aether.sequencing.pattern.Pattern;
import java.util.List;

/**
 * What a playing pattern drives: it reads the pattern's values ({@link #valueOf}, when the pattern is given, so a
 * bad value is an error then and not when it plays) and sends each event, stamped with engine samples, through the
 * engine's timed-event channel ({@link #send}). Made by {@link #notes}, {@link #hits} and {@link #param}.
 *
 * @param <V> what a value is to this target (a MIDI note, a hit's key, a parameter value)
 */
public interface PatternTarget<V> {
    /** What this target is, for messages ("drum kit (bd sn hh ...)"). */
    String description();

    /**
     * The value a pattern's token ({@code "c4"}, {@code "bd"}, {@code "0.5"}) or Java value stands for here. Any
     * thread.
     *
     * @throws IllegalArgumentException saying what was wrong and what this target takes
     */
    V valueOf(Object token);

    /**
     * Sends one event: it starts on engine sample {@code onsetSample} and its whole ends on {@code offsetSample}
     * ({@code > onsetSample}; a note is released there). The scheduler's thread; lock-free and allocation-free
     * behind the timed-event channel; false when the target's or the engine's event queue is full (the event is
     * dropped, or for a note, the note-off may be: the scheduler reports it).
     */
    boolean send(V value, long onsetSample, long offsetSample);

    /**
     * Mini-notation read as this target's values, each token when parsed.
     *
     * @throws dev.aether.sequencing.pattern.MiniNotationException when it cannot be read or a token is not a value
     *         here, with a caret under it
     */
    default Pattern<V> parse(String notation) { return MiniNotation.parse(notation, this::valueOf); }

    /**
     * A Java pattern (strings, numbers) read as this target's values. Its first {@value #CHECKED_CYCLES} cycles are
     * read now, so a value this target does not take is an error here rather than when it plays.
     *
     * @throws IllegalArgumentException for the first value this target does not take
     */
    default Pattern<V> read(Pattern<?> pattern) {
        Pattern<V> values = pattern.fmap(this::valueOf);
        values.onsets(Rational.ZERO, Rational.of(CHECKED_CYCLES));
        return values;
    }

    /** How many cycles {@link #read} checks. */
    int CHECKED_CYCLES = 16;

    /** An instrument's notes: note on at the onset with {@code velocity} (0..1), note off where the event ends. */
    static PatternTarget<Integer> notes(PolyVoices voices, double velocity) { return new NoteTarget(voices, velocity); }

    /**
     * An instrument played by {@link dev.aether.sequencing.midi.MidiNote}s (a MIDI file's, each at its own velocity);
     * note names and numbers play at {@code defaultVelocity} (1..127).
     */
    static PatternTarget<dev.aether.sequencing.midi.MidiNote> midiNotes(PolyVoices voices, int defaultVelocity) {
        if (defaultVelocity < 1 || defaultVelocity > 127) throw new IllegalArgumentException("MIDI velocity must be 1..127, was " + defaultVelocity);
        return new MidiNoteTarget(voices, defaultVelocity);
    }

    /** A drum or sample kit's hits at {@code velocity} (0..1); names not in the kit are rejected listing its names. */
    static PatternTarget<Integer> hits(Hits kit, double velocity) { return new HitTarget(kit, velocity); }

    /**
     * A parameter: each event moves it to the event's value (a number, kept to the parameter's range) over
     * {@code rampSeconds} (0 jumps) from the event's onset.
     */
    static PatternTarget<Double> param(SmoothedParam param, double rampSeconds) { return params(List.of(param), rampSeconds); }

    /** One parameter of several nodes moved together, as {@link #param} (every voice's cutoff of an instrument). */
    static PatternTarget<Double> params(List<SmoothedParam> params, double rampSeconds) { return new ParamTarget(params, rampSeconds); }

    /** @throws IllegalArgumentException unless {@code velocity} is 0..1 */
    static double checkVelocity(double velocity) {
        if (!(velocity >= 0 && velocity <= 1)) throw new IllegalArgumentException("velocity must be 0..1, was " + velocity);
        return velocity;
    }
}
