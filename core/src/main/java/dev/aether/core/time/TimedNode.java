package dev.aether.core.time;

import dev.aether.core.ControlThread;

/**
 * A node with timed targets of its own besides its parameters (gates, triggers, note queues, children run by a
 * {@code NodeRunner}). Whoever binds the node's parameters to a channel (the engine when the node is added or
 * swapped in, {@code NodeRunner.bindTimed}) also calls {@link #bindTimed}, so every timed target of the node
 * sends through the same channel. Control thread.
 */
public interface TimedNode {
    /**
     * Binds every timed target this node owns (and its children's) to {@code channel}; {@code null} unbinds
     * them (see {@link PendingEvents} for what an unbound target does).
     */
    @ControlThread
    void bindTimed(TimedEventChannel channel);
}
