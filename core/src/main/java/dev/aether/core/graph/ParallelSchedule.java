package dev.aether.core.graph;

import dev.aether.core.RealtimeSafe;

/**
 * Immutable; part of an {@link ExecutionPlan}. How the plan's entries split between two threads: the first
 * {@link #tailStart()} entries form {@link #tasks()} tasks, runs of entries with no data dependency and no shared
 * buffer between any two tasks (each task in plan order), and the entries from {@code tailStart()} on (the join:
 * whatever reads the tasks' outputs, the master last) run after every task is done. Any thread may run any task;
 * the scheduler's audio thread takes tasks from the front, the worker from the back.
 */
public final class ParallelSchedule {
    private final int[] taskEnds;
    private final double estimatedSpeedup;

    ParallelSchedule(int[] taskEnds, double estimatedSpeedup) {
        if (taskEnds.length < 2) throw new IllegalArgumentException("a parallel schedule needs two tasks or more");
        this.taskEnds = taskEnds.clone();
        this.estimatedSpeedup = estimatedSpeedup;
    }

    /** Number of tasks, 2..65535. */
    @RealtimeSafe public int tasks() { return taskEnds.length; }

    /** First entry of task {@code k} (an index into the plan's entries). */
    @RealtimeSafe public int taskStart(int k) { return k == 0 ? 0 : taskEnds[k - 1]; }

    /** One past the last entry of task {@code k}. */
    @RealtimeSafe public int taskEnd(int k) { return taskEnds[k]; }

    /** First entry of the join (run after every task); the plan's entry count when there is none. */
    @RealtimeSafe public int tailStart() { return taskEnds[taskEnds.length - 1]; }

    /** The cost model's estimate of one thread's time over two threads' (1..2), for logs and the console. */
    public double estimatedSpeedup() { return estimatedSpeedup; }
}
