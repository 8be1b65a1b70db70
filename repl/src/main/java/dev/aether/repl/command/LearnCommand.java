package dev.aether.repl.command;

import dev.aether.repl.midi.MidiControls;
import dev.aether.repl.session.LiveSession;
import java.util.List;

/**
 * Prompt thread. {@code :learn [SLOT] PARAM}: the next controller moved on the open MIDI input (a CC, pitch bend or
 * aftertouch) is mapped to PARAM of slot SLOT (default: the one slot that has PARAM) over the parameter's own range
 * and curve; the mapping is announced above the prompt when it is made. {@code :learn off} stops waiting.
 */
final class LearnCommand implements ConsoleCommand {
    private final LiveSession session;

    LearnCommand(LiveSession session) { this.session = session; }

    @Override public String name() { return "learn"; }
    @Override public String usage() { return ":learn [SLOT] PARAM | :learn off"; }
    @Override public String summary() { return "map the next MIDI controller you move to a parameter (cutoffHz, ...)"; }
    @Override public String help() { return MidiInCommands.HELP; }

    @Override public void run(String args, CommandContext console) {
        String[] a = args.isBlank() ? new String[0] : args.strip().split("\\s+");
        MidiControls midi = session.midi();
        if (a.length == 1 && a[0].equals("off")) {
            console.print(midi.cancelLearn() ? "stopped waiting for a controller" : "no :learn was waiting");
            return;
        }
        if (a.length < 1 || a.length > 2) throw new IllegalArgumentException("usage: " + usage());
        String param = a[a.length - 1], slot;
        if (a.length == 2) {
            slot = a[0];
        } else {
            List<String> with = midi.slotsWith(param);
            if (with.isEmpty()) throw new IllegalArgumentException("no slot has a parameter \"" + param + "\"; def one first, or write :learn SLOT PARAM");
            if (with.size() > 1) {
                throw new IllegalArgumentException("slots " + String.join(", ", with) + " all have \"" + param
                        + "\": write :learn SLOT " + param);
            }
            slot = with.get(0);
        }
        midi.learn(slot, param, m -> {
            console.print("mapped " + m);
            String call = m.javaCall();
            if (call != null) console.journalCommand(call);   // a replay maps it again, as if typed
        });
        console.print("move a MIDI controller to map it to " + slot + "." + param + " (:learn off cancels)");
    }
}
