package dev.aether.repl.userapi;

import dev.aether.core.DspNode;
import dev.aether.core.param.SmoothedParam;
import dev.aether.nodes.drum.Hits;
import dev.aether.nodes.voice.PolyVoices;
import dev.aether.repl.session.LiveSession;
import dev.aether.repl.session.NamedParams;
import dev.aether.sequencing.midi.MidiNote;
import dev.aether.sequencing.pattern.Pattern;
import dev.aether.sequencing.schedule.PatternTarget;
import java.util.List;

/**
 * What {@code pat}, {@code param} and friends in {@link LiveVerbs} do: find the instrument or kit a chain plays,
 * read the pattern as its values (every error before anything changes), put the chain in the named slot when it does
 * not sound yet, and hand the pattern to the session's look-ahead scheduler. Any thread.
 */
final class PatternVerbs {
    /** Velocity of a pattern's notes on an instrument, and of its hits on a kit. */
    static final double NOTE_VELOCITY = 0.8, HIT_VELOCITY = 1.0;

    private PatternVerbs() {}

    /** Plays {@code notation} (or, when null, {@code pattern}) in slot {@code name} on the instrument or kit of {@code chain}. */
    static void pat(LiveSession s, String name, Chain chain, String notation, Pattern<?> pattern) {
        Chain playing = sameInstrumentInSlot(s, name, chain);
        if (pattern != null && carriesMidiNotes(pattern) && s.live(instrumentNode(s, playing)) instanceof PolyVoices) {
            PatternTarget<MidiNote> notes = midiNotes(s, playing);      // a MIDI file's bars: each note at its velocity
            Pattern<MidiNote> values = notes.read(pattern);
            if (playing == chain && s.idOf(instrumentNode(s, chain)) == null) s.def(name, chain);
            s.patterns().play(name, values, notes);
            s.defined(name);
            return;
        }
        PatternTarget<Integer> target = instrument(s, playing);
        Pattern<Integer> values = notation != null ? target.parse(notation) : target.read(pattern);
        if (playing == chain && s.idOf(instrumentNode(s, chain)) == null) s.def(name, chain);
        s.patterns().play(name, values, target);
        s.defined(name);
    }

    /** Plays {@code notation} (or, when null, {@code pattern}) in slot {@code name} into {@code target}. */
    static <V> void pat(LiveSession s, String name, PatternTarget<V> target, String notation, Pattern<?> pattern) {
        Pattern<V> values = notation != null ? target.parse(notation) : target.read(pattern);
        s.patterns().play(name, values, target);
        s.defined(name);
    }

    /** Parameter {@code name} of the live instance of the chain's last node that has it, as a pattern target. */
    static PatternTarget<Double> param(LiveSession s, Chain chain, String name, double rampSeconds) {
        List<DspNode> live = s.live(chain);
        DspNode owner = NamedParams.owner(live, name);
        if (owner != null) {
            List<SmoothedParam> ps = NamedParams.of(owner, name);
            return PatternTarget.params(ps, Double.isNaN(rampSeconds) ? ps.get(0).smoothingSeconds() : rampSeconds);
        }
        String known = NamedParams.known(live);
        throw new IllegalArgumentException("param: " + chain + " has no parameter '" + name + "'"
                + (known.isEmpty() ? "; it has no parameters" : "; " + known));
    }

    /** Whether the pattern's first event is a {@link MidiNote} (a MIDI file's bars). */
    private static boolean carriesMidiNotes(Pattern<?> pattern) {
        var first = pattern.onsets(dev.aether.core.time.Rational.ZERO, dev.aether.core.time.Rational.of(PatternTarget.CHECKED_CYCLES));
        return !first.isEmpty() && first.get(0).value() instanceof MidiNote;
    }

    /**
     * The instrument ({@link PolyVoices}) of {@code chain} as a target of {@link MidiNote}s, each at its velocity
     * (note names at velocity {@value #MIDI_VELOCITY}); the chain starts playing when it does not sound yet.
     */
    static PatternTarget<MidiNote> midiNotes(LiveSession s, Chain chain) {
        DspNode node = instrumentNode(s, chain);
        if (!(s.live(node) instanceof PolyVoices poly)) {
            throw new IllegalArgumentException(chain + " plays hits, not notes: a MIDI file plays on an instrument (synth(4), poly(...)) or midiOut(n)");
        }
        if (s.idOf(node) == null) s.play(chain);
        return PatternTarget.midiNotes(poly, MIDI_VELOCITY);
    }

    /** Velocity (1..127) of note names played as MIDI notes. */
    static final int MIDI_VELOCITY = 100;

    /** Slot {@code name}'s chain when it plays an instrument made the same way as {@code chain}'s, else {@code chain}. */
    private static Chain sameInstrumentInSlot(LiveSession s, String name, Chain chain) {
        Chain there = s.slot(name);
        if (there == null || !there.toString().equals(chain.toString())) return chain;
        String was = NodeFunctions.recipe(instrumentNode(s, there)), now = NodeFunctions.recipe(instrumentNode(s, chain));
        return was != null && was.equals(now) ? there : chain;
    }

    private static PatternTarget<Integer> instrument(LiveSession s, Chain chain) {
        DspNode n = s.live(instrumentNode(s, chain));
        if (n instanceof Hits kit) return PatternTarget.hits(kit, HIT_VELOCITY);
        return PatternTarget.notes((PolyVoices) n, NOTE_VELOCITY);
    }

    /** The chain's first instrument ({@link PolyVoices}) or kit ({@link Hits}). */
    private static DspNode instrumentNode(LiveSession s, Chain chain) {
        for (DspNode n : chain.nodes()) {
            DspNode live = s.live(n);
            if (live instanceof Hits || live instanceof PolyVoices) return n;
        }
        throw new IllegalArgumentException("pat: " + chain + " plays no notes or hits: give an instrument (synth(4),"
                + " poly(...)), a kit (drums(), kit(\"folder\")), or param(chain, \"name\") for a parameter");
    }
}
