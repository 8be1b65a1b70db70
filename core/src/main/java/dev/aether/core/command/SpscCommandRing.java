package dev.aether.core.command;

import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import org.jctools.queues.SpscArrayQueue;

/**
 * Control → audio: a bounded single-producer single-consumer ring of {@link Command}s (JCTools).
 * Producers serialise on this object's monitor, so any number of control threads may offer; the audio
 * thread polls without locks. A full ring refuses the command ({@link #offer} returns false): the caller
 * gets a clear busy result and the audio thread never blocks.
 */
public final class SpscCommandRing {
    private final SpscArrayQueue<Command> queue;
    private final int capacity;

    public SpscCommandRing(int capacity) {
        this.queue = new SpscArrayQueue<>(capacity);
        this.capacity = capacity;
    }

    /** Queues {@code c}; false when the ring is full (nothing was queued). */
    @ControlThread
    public synchronized boolean offer(Command c) { return queue.offer(c); }

    /** The next command, or null. */
    @AudioThread @RealtimeSafe
    public Command pollRt() { return queue.relaxedPoll(); }

    public int capacity() { return capacity; }

    /** Commands waiting (approximate when read concurrently). */
    public int size() { return queue.size(); }
}
