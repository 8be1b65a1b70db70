package dev.aether.core.command;

import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.graph.ExecutionPlan;
import org.jctools.queues.SpscArrayQueue;

/**
 * Audio → control: the plans the audio thread stopped using, so that their buffers go back to the pool off the
 * audio thread. Single producer (the audio thread, or the offline renderer), single consumer (the engine's
 * control side, serialised by the engine's monitor). When the ring is full a plan is left to the garbage
 * collector instead (its buffers are then not reused); the audio thread never blocks.
 */
public final class RetiredPlanRing {
    private final SpscArrayQueue<ExecutionPlan> queue;

    public RetiredPlanRing(int capacity) { queue = new SpscArrayQueue<>(capacity); }

    /** Hands {@code plan} back; false (and nothing queued) when the ring is full. */
    @AudioThread @RealtimeSafe
    public boolean offerRt(ExecutionPlan plan) { return queue.offer(plan); }

    /** The next retired plan, or null. */
    @ControlThread
    public ExecutionPlan poll() { return queue.relaxedPoll(); }
}
