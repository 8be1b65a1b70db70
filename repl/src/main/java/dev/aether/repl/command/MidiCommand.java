package dev.aether.repl.command;

import dev.aether.core.DspNode;
import dev.aether.nodes.voice.PolyVoices;
import dev.aether.repl.session.LiveSession;
import dev.aether.repl.userapi.Chain;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Synthesizer;

/**
 * Prompt thread, except the receiver of the session's {@code MidiControls}, which runs on the MIDI device's thread
 * and only sends timed events (the session is read through the session thread). {@code :midi} lists the MIDI
 * input devices; {@code :midi N [SLOT]} plays the {@code poly(...)} instrument in slot SLOT (default: the first slot
 * holding one) from input N; {@code :midi off} closes the input. Note on and off go into the instrument's lock-free
 * note queue from the MIDI device's own thread, stamped with the sample their device timestamp maps to; the
 * subcommands of {@link MidiInCommands} set channels, latency, bend range and clock follow ({@code MidiControls}).
 */
final class MidiCommand implements ConsoleCommand, AutoCloseable {
    private final LiveSession session;
    private MidiDevice device;
    private String route;

    MidiCommand(LiveSession session) { this.session = session; }

    @Override public String name() { return "midi"; }
    @Override public String usage() { return ":midi | :midi N [SLOT] | :midi off"; }
    @Override public String summary() { return "MIDI input devices; play a poly(...) slot from one"; }
    @Override public String help() { return MidiInCommands.HELP; }

    @Override public synchronized void run(String args, CommandContext console) throws Exception {
        String[] a = args.isBlank() ? new String[0] : args.strip().split("\\s+");
        if (a.length == 0) {
            console.print(list());
            return;
        }
        if (MidiInCommands.run(a, session, console)) return;
        if (a[0].equals("off")) {
            console.print(device == null ? "no MIDI input is open" : "closed MIDI input " + route);
            close();
            return;
        }
        List<MidiDevice.Info> inputs = inputs();
        int n;
        try {
            n = Integer.parseInt(a[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("usage: " + usage());
        }
        if (n < 0 || n >= inputs.size()) throw new IllegalArgumentException("no MIDI input " + n + " (see :midi)");
        String slot = a.length > 1 ? a[1] : null;
        PolyVoices poly = instrument(slot);
        MidiDevice next = MidiSystem.getMidiDevice(inputs.get(n));
        next.open();
        try {
            next.getTransmitter().setReceiver(session.midi().receiver());
        } catch (MidiUnavailableException | RuntimeException e) {
            next.close();
            throw e;
        }
        close();
        device = next;
        String slotName = slot == null ? firstPolySlot() : slot;
        session.midi().routeAll(slotName, poly);
        session.midi().timeline().reanchor();
        route = inputs.get(n).getName() + " -> " + slotName;
        console.print("MIDI " + route);
    }

    private String list() throws MidiUnavailableException {
        List<MidiDevice.Info> inputs = inputs();
        StringBuilder b = new StringBuilder(device == null ? "no MIDI input is open" : "MIDI " + route);
        for (int i = 0; i < inputs.size(); i++) {
            MidiDevice.Info info = inputs.get(i);
            b.append(String.format("%n  %d  %s (%s)", i, info.getName(), info.getDescription()));
        }
        if (inputs.isEmpty()) b.append("\n  no MIDI input devices");
        return b.append(session.midi().status()).toString();
    }

    /** Devices that send MIDI (have transmitters), without the JDK's sequencer and synthesizer. */
    static List<MidiDevice.Info> inputs() throws MidiUnavailableException {
        List<MidiDevice.Info> out = new ArrayList<>();
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            MidiDevice d = MidiSystem.getMidiDevice(info);
            if (d.getMaxTransmitters() != 0 && !(d instanceof Sequencer) && !(d instanceof Synthesizer)) out.add(info);
        }
        return out;
    }

    /** The {@code poly(...)} instrument in slot {@code slot} (null: the first slot holding one); prompt thread. */
    PolyVoices instrument(String slot) {
        String name = slot == null ? firstPolySlot() : slot;
        if (name == null) throw new IllegalArgumentException("no slot holds a poly(...) instrument; def(\"keys\", poly(8, () -> new MyVoice()))");
        Chain chain = session.requireSlot(name);
        for (DspNode n : chain.nodes()) if (session.live(n) instanceof PolyVoices p) return p;
        throw new IllegalArgumentException("slot " + name + " holds no poly(...) instrument");
    }

    private String firstPolySlot() {
        for (String name : session.slotNames()) {
            Chain c = session.slot(name);
            if (c != null) for (DspNode n : c.nodes()) if (n instanceof PolyVoices) return name;
        }
        return null;
    }

    /** Closes the open input, if any. */
    @Override public synchronized void close() {
        if (device != null) device.close();
        if (device != null) session.midi().unroute();
        device = null;
        route = null;
    }
}
