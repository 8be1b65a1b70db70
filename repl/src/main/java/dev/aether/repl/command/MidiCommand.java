package dev.aether.repl.command;

import dev.aether.core.DspNode;
import dev.aether.nodes.voice.PolyVoices;
import dev.aether.repl.session.LiveSession;
import dev.aether.repl.userapi.Chain;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequencer;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;

/**
 * Prompt thread, except {@link NoteReceiver}, which runs on the MIDI device's thread and only writes the
 * instrument's lock-free note queue (the session is read through the session thread). {@code :midi} lists the MIDI
 * input devices; {@code :midi N [SLOT]} plays the {@code poly(...)} instrument in slot SLOT (default: the first slot
 * holding one) from input N; {@code :midi off} closes the input. Note on and off go into the instrument's lock-free
 * note queue from the MIDI device's own thread; the audio thread picks them up at the next block.
 */
final class MidiCommand implements ConsoleCommand, AutoCloseable {
    private final LiveSession session;
    private MidiDevice device;
    private String route;

    MidiCommand(LiveSession session) { this.session = session; }

    @Override public String name() { return "midi"; }
    @Override public String usage() { return ":midi | :midi N [SLOT] | :midi off"; }
    @Override public String summary() { return "MIDI input devices; play a poly(...) slot from one"; }

    @Override public synchronized void run(String args, CommandContext console) throws Exception {
        String[] a = args.isBlank() ? new String[0] : args.strip().split("\\s+");
        if (a.length == 0) {
            console.print(list());
            return;
        }
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
            next.getTransmitter().setReceiver(new NoteReceiver(poly));
        } catch (MidiUnavailableException | RuntimeException e) {
            next.close();
            throw e;
        }
        close();
        device = next;
        route = inputs.get(n).getName() + " -> " + (slot == null ? firstPolySlot() : slot);
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
        return b.toString();
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

    private PolyVoices instrument(String slot) {
        String name = slot == null ? firstPolySlot() : slot;
        if (name == null) throw new IllegalArgumentException("no slot holds a poly(...) instrument; def(\"keys\", poly(8, () -> new MyVoice()))");
        Chain chain = session.slot(name);
        if (chain == null) throw new IllegalArgumentException("no slot named " + name);
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
        device = null;
        route = null;
    }

    /** Note on/off (and all-notes-off, CC 123) into a PolyVoices queue. Runs on the MIDI device's thread. */
    static final class NoteReceiver implements Receiver {
        private final PolyVoices poly;

        NoteReceiver(PolyVoices poly) { this.poly = poly; }

        @Override public void send(MidiMessage message, long timeStamp) {
            if (!(message instanceof ShortMessage m)) return;
            int cmd = m.getCommand();
            if (cmd == ShortMessage.NOTE_ON && m.getData2() > 0) poly.noteOn(m.getData1(), m.getData2() / 127.0);
            else if (cmd == ShortMessage.NOTE_OFF || cmd == ShortMessage.NOTE_ON) poly.noteOff(m.getData1());
            else if (cmd == ShortMessage.CONTROL_CHANGE && m.getData1() == 123) poly.allNotesOff();
        }

        @Override public void close() {}
    }
}
