package dev.aether.core.command;

import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import org.jctools.queues.MpscArrayQueue;

/**
 * Control → audio: a bounded many-producer, single-consumer ring of {@link Command}s (JCTools
 * {@link MpscArrayQueue}). Any number of control threads may {@link #offer} without locks; only the audio thread
 * (or, while no driver runs, the thread rendering offline) polls. A full ring refuses the command ({@link #offer}
 * returns false): the caller gets a clear busy result and the audio thread never blocks. Commands from one
 * producer are taken in the order they were offered.
 */
public final class CommandRing {
    private final MpscArrayQueue<Command> queue;
    private final int capacity;

    public CommandRing(int capacity) {
        this.queue = new MpscArrayQueue<>(capacity);
        this.capacity = queue.capacity();
    }

    /** Queues {@code c}; false when the ring is full (nothing was queued). Lock-free; any control thread. */
    @ControlThread
    public boolean offer(Command c) { return queue.offer(c); }

    /** The next command, or null. The one consumer only. */
    @AudioThread @RealtimeSafe
    public Command pollRt() { return queue.relaxedPoll(); }

    public int capacity() { return capacity; }

    /** Commands waiting (approximate when read concurrently). */
    public int size() { return queue.size(); }
}
