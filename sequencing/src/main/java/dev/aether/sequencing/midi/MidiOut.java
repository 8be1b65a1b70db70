package dev.aether.sequencing.midi;

import dev.aether.core.Threads;
import dev.aether.sequencing.schedule.PatternTarget;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

/**
 * A MIDI output (any javax.sound.midi {@link Receiver}) that sends messages stamped with engine samples at the wall
 * time the engine renders that sample plus a fixed latency. Thread-safe.
 *
 * <p><b>How.</b> Patterns and files are scheduled ahead of the engine (look-ahead), so a message is queued well before
 * it is due. A sender thread, {@code aether-midi-out}, takes the earliest queued message, waits until
 * {@code timeline.nanosOf(sample) + latency} (parking, then spinning the last {@value WallClock#SPIN_NANOS} ns) and
 * sends it with time stamp -1 ("now"; Java Sound's device outputs ignore time stamps). Each millisecond it waits
 * (parked, without spinning, while the next message is more than 2 ms away) it also measures the engine's sample line
 * ({@link SampleTimeline#observe}). Messages due on one sample go in the order
 * queued; a note's note-off goes before a note-on of the same key on the same sample (so a repeated note sounds
 * again). The audio thread is never involved.
 *
 * <p><b>Latency</b>: 0 by default (a message leaves when the engine renders its sample); set it to the audio output's
 * latency so MIDI and audio are heard together.
 */
public final class MidiOut implements AutoCloseable {
    /** Most messages waiting; more are dropped and counted. */
    public static final int CAPACITY = 65_536;

    private final String name;
    private final Receiver receiver;
    private final SampleTimeline timeline;
    private final WallClock wall;
    private final PriorityBlockingQueue<Timed> queue = new PriorityBlockingQueue<>();
    private final AtomicLong order = new AtomicLong();
    private final int[][] sounding = new int[16][128];     // note-ons sent minus note-offs sent, per channel and key
    private volatile long latencyNanos;
    private volatile Consumer<String> errors = m -> {};
    private volatile long sentCount, droppedCount, worstLateNanos;
    private Thread sender;
    private volatile boolean closed;

    /** A MIDI message due at an engine sample; off before on on one sample, else first queued first. */
    private record Timed(long sample, int rank, long order, int status, int data1, int data2) implements Comparable<Timed> {
        @Override public int compareTo(Timed o) {
            if (sample != o.sample) return Long.compare(sample, o.sample);
            if (rank != o.rank) return Integer.compare(rank, o.rank);
            return Long.compare(order, o.order);
        }
    }

    /**
     * @param name     shown in messages (the device's name)
     * @param receiver where messages go; closed with this output
     * @param timeline engine samples in wall time
     * @param wall     the wall clock the sender waits on
     */
    public MidiOut(String name, Receiver receiver, SampleTimeline timeline, WallClock wall) {
        this.name = name;
        this.receiver = receiver;
        this.timeline = timeline;
        this.wall = wall;
    }

    public String name() { return name; }

    /** Added to every message's wall time, ms (0..1000; default 0). */
    public MidiOut latencyMillis(double ms) {
        if (!(ms >= 0 && ms <= 1000)) throw new IllegalArgumentException("MIDI out latency must be 0..1000 ms, was " + ms);
        latencyNanos = Math.round(ms * 1e6);
        return this;
    }

    public double latencyMillis() { return latencyNanos / 1e6; }

    /** Where send failures go (one line each). */
    public MidiOut onError(Consumer<String> sink) { errors = sink; return this; }

    /** Starts the sender thread (once). */
    public synchronized MidiOut start() {
        if (sender != null || closed) return this;
        sender = new Thread(this::run, "aether-midi-out");
        sender.setDaemon(true);
        sender.setContextClassLoader(MidiOut.class.getClassLoader());   // not the user code's loader that started it
        sender.setPriority(Thread.MAX_PRIORITY);
        sender.start();
        return this;
    }

    // ------------------------------------------------------------------ queueing (the scheduler's thread, any thread)

    /**
     * Queues a channel message (status byte with channel, two data bytes) due at {@code engineSample}; false when the
     * queue is full (dropped and counted).
     */
    public boolean sendAt(int status, int data1, int data2, long engineSample) {
        if (queue.size() >= CAPACITY) {
            droppedCount++;
            return false;
        }
        int cmd = status & 0xF0;
        int rank = cmd == ShortMessage.NOTE_OFF || (cmd == ShortMessage.NOTE_ON && data2 == 0) ? 0 : 1;
        queue.add(new Timed(engineSample, rank, order.getAndIncrement(), status & 0xFF, data1 & 0x7F, data2 & 0x7F));
        return true;
    }

    /** Queues a one-byte system real-time message (0xF8 clock, 0xFA start, 0xFB continue, 0xFC stop). */
    public boolean sendAt(int status, long engineSample) { return sendAt(status, 0, 0, engineSample); }

    /** Queues note {@code n} on at {@code onSample} and off at {@code offSample}. */
    public boolean noteAt(MidiNote n, long onSample, long offSample) {
        boolean on = sendAt(ShortMessage.NOTE_ON | n.channel(), n.key(), n.velocity(), onSample);
        return sendAt(ShortMessage.NOTE_OFF | n.channel(), n.key(), 0, offSample) && on;
    }

    /**
     * A pattern target sending notes to this output: note names or numbers on {@code channel} (1..16) at
     * {@code velocity} (1..127), or a MIDI file's {@link MidiNote}s on their own channels; each note-off where the
     * event ends.
     */
    public PatternTarget<MidiNote> notes(int channel, int velocity) {
        if (channel < 1 || channel > 16) throw new IllegalArgumentException("MIDI channel must be 1..16, was " + channel);
        new MidiNote(channel - 1, 60, velocity);          // checks the velocity
        MidiOut out = this;
        return new PatternTarget<>() {
            @Override public String description() { return "MIDI out " + name + " (channel " + channel + ")"; }
            @Override public MidiNote valueOf(Object token) {
                if (token instanceof MidiNote n) return n;
                int key = dev.aether.sequencing.pattern.Note.midi(token);
                if (key < 0 || key > 127) throw new IllegalArgumentException("note " + token + " is MIDI " + key + ", outside 0..127");
                return new MidiNote(channel - 1, key, velocity);
            }
            @Override public boolean send(MidiNote n, long onsetSample, long offsetSample) { return out.noteAt(n, onsetSample, offsetSample); }
            @Override public String toString() { return description(); }
        };
    }

    /**
     * Panic: forgets every queued message, then at once sends a note-off for every note this output left sounding and
     * all-notes-off (CC 123) and all-sound-off (CC 120) on all 16 channels. The caller's thread.
     */
    public synchronized void panic() {
        queue.clear();
        try {
            synchronized (sounding) {
                for (int ch = 0; ch < 16; ch++) {
                    for (int key = 0; key < 128; key++) {
                        if (sounding[ch][key] > 0) receiver.send(new ShortMessage(ShortMessage.NOTE_OFF, ch, key, 0), -1);
                        sounding[ch][key] = 0;
                    }
                }
            }
            for (int ch = 0; ch < 16; ch++) {
                receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, 123, 0), -1);
                receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, 120, 0), -1);
            }
        } catch (InvalidMidiDataException | RuntimeException e) {
            errors.accept("MIDI out " + name + ": panic failed: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ the sender

    private void run() {
        try {
            while (!closed) {
                timeline.observe();
                Timed head = queue.peek();
                long now = wall.nanoTime();
                if (head == null) {
                    wall.pause(1_000_000);
                    continue;
                }
                long due = timeline.nanosOf(head.sample) + latencyNanos;
                if (due - now > 2_000_000) {              // more than 2 ms to go: measure again, look again
                    wall.pause(1_000_000);
                    continue;
                }
                wall.waitUntil(due);
                Timed t = queue.poll();
                if (t == null) continue;
                if (t != head && t.compareTo(head) > 0) {  // cannot happen (the head only gets earlier); keep order anyway
                    queue.add(t);
                    continue;
                }
                send(t, due);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Timed t, long due) {
        try {
            MidiMessage m = t.status >= 0xF0 && t.status != 0xF2 ? new ShortMessage(t.status)
                    : new ShortMessage(t.status, t.data1, t.data2);
            receiver.send(m, -1);
            track(t);
            sentCount++;
            long late = wall.nanoTime() - due;
            if (late > worstLateNanos) worstLateNanos = late;
        } catch (InvalidMidiDataException | RuntimeException e) {
            errors.accept("MIDI out " + name + ": could not send " + Integer.toHexString(t.status) + ": " + e.getMessage());
        }
    }

    private void track(Timed t) {
        int cmd = t.status & 0xF0, ch = t.status & 0x0F;
        synchronized (sounding) {
            if (cmd == ShortMessage.NOTE_ON && t.data2 > 0) sounding[ch][t.data1]++;
            else if ((cmd == ShortMessage.NOTE_OFF || cmd == ShortMessage.NOTE_ON) && sounding[ch][t.data1] > 0) sounding[ch][t.data1]--;
        }
    }

    /** Messages sent, dropped (queue full), and waiting. */
    public long sent() { return sentCount; }
    public long dropped() { return droppedCount; }
    public int waiting() { return queue.size(); }

    /** The latest a message left after its due time so far, ns (the sender's own measure). */
    public long worstLateNanos() { return worstLateNanos; }

    /** Stops the sender (queued messages are not sent), sends panic, closes the receiver. */
    @Override public void close() {
        Thread t;
        synchronized (this) {
            if (closed) return;
            closed = true;
            t = sender;
        }
        Threads.interruptAndJoin(t, 1000);
        panic();
        receiver.close();
    }

    @Override public String toString() {
        return "MIDI out " + name + ": " + sentCount + " sent, " + queue.size() + " waiting"
                + (droppedCount > 0 ? ", " + droppedCount + " dropped" : "") + String.format(", latency %.1f ms", latencyMillis());
    }
}
