package dev.aether.core.view;

/**
 * The engine's running figures for display: load, late blocks and dropouts, the worst stall. Values are
 * published by the audio thread and read racily; any thread.
 */
public interface EngineStats {
    /** Share of the block deadline the last blocks took (smoothed), 0..1 and above when late. */
    double load();

    /** Highest {@link #load()} since start. */
    double peakLoad();

    /** Times the device ran dry and the engine resynchronised. */
    long xruns();

    /** Blocks delivered after their deadline. */
    long lateBlocks();

    /** Longest stall between two blocks, in nanoseconds. */
    long worstStallNanos();

    /** The thread rendering audio now, or null when none has started. */
    Thread audioThread();
}
