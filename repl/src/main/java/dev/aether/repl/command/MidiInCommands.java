package dev.aether.repl.command;

import dev.aether.core.DspNode;
import dev.aether.nodes.voice.PolyVoices;
import dev.aether.repl.midi.MidiControls;
import dev.aether.repl.session.LiveSession;
import dev.aether.repl.userapi.Chain;
import dev.aether.sequencing.midiin.ControllerSource;
import java.util.Locale;

/**
 * Prompt thread. The MIDI input subcommands of {@code :midi}: {@code latency MS}, {@code channel C SLOT},
 * {@code bend SEMITONES}, {@code clock follow|off}, {@code unmap [SOURCE]}; and {@code :help midi}.
 */
final class MidiInCommands {
    static final String HELP = String.join("\n",
            "MIDI input (docs/midi.md):",
            "  :midi                       input devices, routes, timing (latency, arrival jitter), mappings, clock",
            "  :midi N [SLOT]              play the poly(...) slot SLOT (default: the first) from input N, all channels",
            "  :midi channel C SLOT        notes of MIDI channel C (1..16) play slot SLOT instead",
            "  :midi latency MS            device timestamp to sound, 0.5..1000 ms (default 10): notes keep their spacing",
            "  :midi bend SEMITONES        pitch-bend range either way (default 2)",
            "  :midi clock follow|off      follow an incoming MIDI clock: tempo, phase, start/stop/continue, song position",
            "  :midi unmap [cc74|bend|aftertouch]   remove mappings (all without an argument)",
            "  :midi off                   close the input",
            "  :learn [SLOT] PARAM         map the next controller you move to PARAM over its own range (:learn off cancels)",
            "  midiMap(74, slot(\"keys\"), \"cutoffHz\", 200, 8000, \"exp\")   map CC 74 (\"cc74\", \"bend\", \"aftertouch\", \"cc1@2\")",
            "Sustain pedal (CC 64) holds released notes; CC 123 releases all. Mappings are smoothed (20 ms ramps) and",
            "saved with :save; :open restores them.");

    private MidiInCommands() {}

    /** Runs {@code a} if it is one of these subcommands; false when it is not. */
    static boolean run(String[] a, LiveSession session, CommandContext console) {
        MidiControls midi = session.midi();
        switch (a[0]) {
            case "latency" -> {
                if (a.length == 2) midi.latencyMillis(number(a[1], ":midi latency MS"));
                console.print(String.format(Locale.ROOT, "MIDI latency %.1f ms (device timestamp to sound)", midi.latencyMillis()));
            }
            case "bend" -> {
                if (a.length == 2) midi.bendRangeSemitones(number(a[1], ":midi bend SEMITONES"));
                console.print("pitch bend +-" + num(midi.bendRangeSemitones()) + " semitones");
            }
            case "channel" -> {
                if (a.length != 3) throw new IllegalArgumentException("usage: :midi channel C SLOT (C is 1..16)");
                int c = (int) number(a[1], ":midi channel C SLOT");
                if (c < 1 || c > 16) throw new IllegalArgumentException("a MIDI channel is 1..16, was " + a[1]);
                midi.route(c, a[2], instrument(session, a[2]));
                console.print("MIDI channel " + c + " -> " + a[2]);
            }
            case "clock" -> {
                if (a.length != 2 || !(a[1].equals("follow") || a[1].equals("off"))) {
                    throw new IllegalArgumentException("usage: :midi clock follow|off");
                }
                midi.followClock(a[1].equals("follow"));
                console.print(a[1].equals("follow") ? "following the MIDI clock of the open input (tempo, phase, start/stop)"
                        : "not following a MIDI clock");
            }
            case "unmap" -> {
                int n = midi.unmap(a.length > 1 ? ControllerSource.parse(a[1]) : null);
                console.print("removed " + n + " MIDI mapping" + (n == 1 ? "" : "s"));
            }
            default -> { return false; }
        }
        return true;
    }

    private static PolyVoices instrument(LiveSession session, String slot) {
        Chain chain = session.requireSlot(slot);
        for (DspNode n : chain.nodes()) if (session.live(n) instanceof PolyVoices p) return p;
        throw new IllegalArgumentException("slot " + slot + " holds no poly(...) instrument");
    }

    private static double number(String s, String usage) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + s + "; usage: " + usage);
        }
    }

    private static String num(double v) { return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v); }
}
