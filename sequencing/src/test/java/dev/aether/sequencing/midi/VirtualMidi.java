package dev.aether.sequencing.midi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;

/** A virtual wall clock (waiting moves it to the time waited for) and a receiver that records what it gets and when. */
final class VirtualMidi {
    /** One message received: its bytes and the wall time it came, ns. */
    record Got(int status, int data1, int data2, long nanos) {
        int command() { return status < 0xF0 ? status & 0xF0 : status; }
        int channel() { return status & 0x0F; }
    }

    final AtomicLong now = new AtomicLong();
    final WallClock wall = new WallClock() {
        @Override public long nanoTime() { return now.get(); }
        @Override public void waitUntil(long nanos) { now.accumulateAndGet(nanos, Math::max); }
    };
    final List<Got> got = new ArrayList<>();
    final Receiver receiver = new Receiver() {
        @Override public void send(MidiMessage m, long timeStamp) {
            byte[] b = m.getMessage();
            synchronized (got) {
                got.add(new Got(b[0] & 0xFF, b.length > 1 ? b[1] & 0xFF : -1, b.length > 2 ? b[2] & 0xFF : -1, now.get()));
            }
        }
        @Override public void close() {}
    };

    /** A MIDI out on this clock, engine sample {@code s} at {@code s * 1e9 / rate} ns; not started. */
    MidiOut out(int rate) { return new MidiOut("virtual", receiver, SampleTimeline.fixed(0, rate), wall); }

    /** Starts {@code out} and waits (up to 10 s) until it has sent everything queued. */
    List<Got> drain(MidiOut out) throws InterruptedException {
        out.start();
        long until = System.nanoTime() + 10_000_000_000L;
        while (out.waiting() > 0 && System.nanoTime() < until) Thread.sleep(5);
        Thread.sleep(20);
        synchronized (got) {
            return List.copyOf(got);
        }
    }

    /** ns of engine sample {@code s}. */
    static long nanos(long s, int rate) { return SampleTimeline.nanosOfSamples(s, rate); }
}
