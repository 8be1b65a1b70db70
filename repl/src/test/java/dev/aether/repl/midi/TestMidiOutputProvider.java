package dev.aether.repl.midi;

import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Transmitter;
import javax.sound.midi.spi.MidiDeviceProvider;

/** A pure-Java MIDI output device for tests, found by Java Sound through META-INF/services: it records what it gets. */
public final class TestMidiOutputProvider extends MidiDeviceProvider {
    /** The one device. */
    public static final Synth SYNTH = new Synth();

    @Override public MidiDevice.Info[] getDeviceInfo() { return new MidiDevice.Info[] {Synth.INFO}; }

    @Override public MidiDevice getDevice(MidiDevice.Info info) {
        if (info != Synth.INFO) throw new IllegalArgumentException("not this provider's device: " + info);
        return SYNTH;
    }

    /** An output that records every message sent to it with the System.nanoTime it arrived at. */
    public static final class Synth implements MidiDevice {
        static final Info INFO = new Info("aether test synth", "aether", "a MIDI output for tests", "1") {};

        /** One message received: its bytes, the time stamp it was sent with, and System.nanoTime when it came. */
        public record Received(byte[] bytes, long timeStamp, long nanos) {
            public int status() { return bytes[0] & 0xFF; }
            public int command() { return status() < 0xF0 ? status() & 0xF0 : status(); }
            public int channel() { return status() & 0x0F; }
            public int data1() { return bytes.length > 1 ? bytes[1] & 0xFF : -1; }
            public int data2() { return bytes.length > 2 ? bytes[2] & 0xFF : -1; }
        }

        private final List<Received> received = new ArrayList<>();
        private volatile boolean open;

        /** What it received so far, in order. */
        public List<Received> received() {
            synchronized (received) {
                return List.copyOf(received);
            }
        }

        /** Forgets what it received. */
        public void clear() {
            synchronized (received) {
                received.clear();
            }
        }

        @Override public Info getDeviceInfo() { return INFO; }
        @Override public void open() { open = true; }
        @Override public void close() { open = false; }
        @Override public boolean isOpen() { return open; }
        @Override public long getMicrosecondPosition() { return -1; }
        @Override public int getMaxReceivers() { return -1; }
        @Override public int getMaxTransmitters() { return 0; }
        @Override public Receiver getReceiver() {
            return new Receiver() {
                @Override public void send(MidiMessage m, long timeStamp) {
                    long now = System.nanoTime();
                    synchronized (received) {
                        received.add(new Received(m.getMessage(), timeStamp, now));
                    }
                }
                @Override public void close() {}
            };
        }
        @Override public List<Receiver> getReceivers() { return List.of(); }
        @Override public Transmitter getTransmitter() throws MidiUnavailableException {
            throw new MidiUnavailableException("an output only");
        }
        @Override public List<Transmitter> getTransmitters() { return List.of(); }
    }
}
