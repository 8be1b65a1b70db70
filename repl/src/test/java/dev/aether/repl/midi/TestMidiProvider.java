package dev.aether.repl.midi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.Transmitter;
import javax.sound.midi.spi.MidiDeviceProvider;

/** A pure-Java MIDI input device for tests, found by Java Sound through META-INF/services. */
public final class TestMidiProvider extends MidiDeviceProvider {
    /** The one device; tests play it with {@link Keyboard#send}. */
    public static final Keyboard KEYBOARD = new Keyboard();

    @Override public MidiDevice.Info[] getDeviceInfo() { return new MidiDevice.Info[] {Keyboard.INFO}; }

    @Override public MidiDevice getDevice(MidiDevice.Info info) {
        if (info != Keyboard.INFO) throw new IllegalArgumentException("not this provider's device: " + info);
        return KEYBOARD;
    }

    /** An input that sends what the test gives it to every open transmitter's receiver, on the caller's thread. */
    public static final class Keyboard implements MidiDevice {
        static final Info INFO = new Info("aether test keyboard", "aether", "a MIDI input for tests", "1") {};
        private final List<Transmitter> transmitters = new CopyOnWriteArrayList<>();
        private volatile boolean open;

        /** Sends {@code m} as if a key were played; dropped while the device is closed. */
        public void send(MidiMessage m) {
            if (!open) return;
            for (Transmitter t : transmitters) {
                Receiver r = t.getReceiver();
                if (r != null) r.send(m, -1);
            }
        }

        @Override public Info getDeviceInfo() { return INFO; }
        @Override public void open() { open = true; }
        @Override public void close() {
            open = false;
            transmitters.clear();
        }
        @Override public boolean isOpen() { return open; }
        @Override public long getMicrosecondPosition() { return -1; }
        @Override public int getMaxReceivers() { return 0; }
        @Override public int getMaxTransmitters() { return -1; }
        @Override public Receiver getReceiver() throws javax.sound.midi.MidiUnavailableException {
            throw new javax.sound.midi.MidiUnavailableException("an input only");
        }
        @Override public List<Receiver> getReceivers() { return List.of(); }
        @Override public Transmitter getTransmitter() {
            Transmitter t = new Transmitter() {
                private volatile Receiver receiver;
                @Override public void setReceiver(Receiver r) { receiver = r; }
                @Override public Receiver getReceiver() { return receiver; }
                @Override public void close() { transmitters.remove(this); }
            };
            transmitters.add(t);
            return t;
        }
        @Override public List<Transmitter> getTransmitters() { return List.copyOf(transmitters); }
    }
}
