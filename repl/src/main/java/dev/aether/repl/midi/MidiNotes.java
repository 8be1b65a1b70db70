package dev.aether.repl.midi;

import dev.aether.core.DspNode;
import dev.aether.nodes.voice.PolyVoices;
import dev.aether.repl.session.LiveSession;
import dev.aether.repl.userapi.Chain;
import java.util.Arrays;
import java.util.Locale;

/**
 * Confined to its owner's lock ({@link MidiControls}). The note side of MIDI input: which {@code poly(...)} slot
 * each channel plays (a route of its own, else the default one), the sustain pedal per channel, and pitch bend over
 * a stated range. Every note, release and bend goes to the instrument as a timed event at the sample given.
 */
final class MidiNotes {
    private final String[] routeSlots = new String[17];          // [0]: every channel without its own
    private final PolyVoices[] routes = new PolyVoices[17];
    private final boolean[] pedal = new boolean[17];
    private final boolean[][] sustained = new boolean[17][128];
    private double bendRangeSemitones = 2;
    private long dropped;

    void route(int channel, String slot, PolyVoices poly) {
        if (channel < 0 || channel > 16) throw new IllegalArgumentException("a MIDI channel is 1..16, was " + channel);
        routeSlots[channel] = slot;
        routes[channel] = poly;
    }

    void unroute() {
        Arrays.fill(routes, null);
        Arrays.fill(routeSlots, null);
    }

    void bendRangeSemitones(double semitones) {
        if (!(semitones >= 0 && semitones <= 48)) throw new IllegalArgumentException("a bend range is 0..48 semitones, was " + semitones);
        bendRangeSemitones = semitones;
    }

    double bendRangeSemitones() { return bendRangeSemitones; }

    long dropped() { return dropped; }

    void noteOn(int channel, int note, int velocity, long at) {
        PolyVoices p = poly(channel);
        if (p == null) return;
        sustained[channel][note] = false;            // the key is down again: the pedal no longer holds it
        count(p.noteOnAt(note, velocity / 127.0, at));
    }

    void noteOff(int channel, int note, long at) {
        if (pedal[channel]) {
            sustained[channel][note] = true;
            return;
        }
        PolyVoices p = poly(channel);
        if (p != null) count(p.noteOffAt(note, at));
    }

    /** The sustain pedal (CC 64) and all-notes-off (CC 120, 123); false for any other controller. */
    boolean controlChange(int channel, int cc, int value, long at) {
        if (cc == 64) {
            boolean down = value >= 64;
            if (pedal[channel] && !down) {
                PolyVoices p = poly(channel);
                for (int n = 0; n < 128; n++) {
                    if (!sustained[channel][n]) continue;
                    sustained[channel][n] = false;
                    if (p != null) count(p.noteOffAt(n, at));
                }
            }
            pedal[channel] = down;
            return true;
        }
        if (cc == 123 || cc == 120) {
            PolyVoices p = poly(channel);
            if (p != null) count(p.allNotesOff());
            Arrays.fill(sustained[channel], false);
            return true;
        }
        return false;
    }

    /** Bends the channel's instrument by the 14-bit {@code value}: {@code range * (value - 8192) / 8192} semitones. */
    void bend(int channel, int value, long at) {
        PolyVoices p = poly(channel);
        if (p != null) count(p.pitchBendAt(bendRangeSemitones * (value - 8192) / 8192.0, at));
    }

    /** Looks up every route's instrument again by slot name (after a {@code def}). */
    void refresh(LiveSession session) {
        for (int c = 0; c <= 16; c++) {
            if (routeSlots[c] == null) continue;
            Chain chain = session.slot(routeSlots[c]);
            PolyVoices found = null;
            if (chain != null) for (DspNode n : chain.nodes()) if (n instanceof PolyVoices p) found = p;
            routes[c] = found;
        }
    }

    /** One line per route, then the bend range. */
    void status(StringBuilder b) {
        for (int c = 0; c <= 16; c++) {
            if (routeSlots[c] == null) continue;
            b.append(c == 0 ? "\n  notes -> " : "\n  channel " + c + " -> ").append(routeSlots[c]);
        }
    }

    String bendText() { return String.format(Locale.ROOT, "pitch bend +-%s semitones", MidiMapping.num(bendRangeSemitones)); }

    private PolyVoices poly(int channel) {
        PolyVoices p = routes[channel];
        return p != null ? p : routes[0];
    }

    private void count(boolean sent) { if (!sent) dropped++; }
}
