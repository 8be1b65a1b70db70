package dev.aether.core.graph;

import java.util.List;

/**
 * An immutable, topologically ordered list of steps with a buffer for every port, built off the audio
 * thread by {@link PlanCompiler} and adopted by the scheduler with one reference swap. Its buffers come
 * from the control thread's pool and go back to it when the audio thread returns the plan.
 */
public final class ExecutionPlan {
    public final PlanEntry[] entries;
    /** The stereo master bus after summing: [0] = left, [1] = right. */
    public final float[][] master;
    /** The shared silence block unconnected inputs read; re-zeroed every block in case a node wrote to it. */
    public final float[] silence;
    final List<float[]> ownedBuffers;
    /** A monotonically increasing number, for logs and tests. */
    public final long version;
    /** How the entries split between two threads, or null: the plan runs on the audio thread alone. */
    public final ParallelSchedule parallel;

    ExecutionPlan(PlanEntry[] entries, float[][] master, float[] silence, List<float[]> ownedBuffers, long version,
                  ParallelSchedule parallel) {
        this.parallel = parallel;
        this.entries = entries;
        this.master = master;
        this.silence = silence;
        this.ownedBuffers = ownedBuffers;
        this.version = version;
    }

    /** Buffers the plan took from the pool (distinct blocks after liveness reuse). */
    public int bufferCount() { return ownedBuffers.size(); }
}
