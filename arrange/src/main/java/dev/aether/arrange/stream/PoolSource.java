package dev.aether.arrange.stream;

import java.nio.file.Path;

/**
 * One file of the audio pool, as the clip player reads it: either decoded once into memory ({@link MemorySource}) or
 * streamed from disk ({@link StreamedSource}) through a {@link DiskStream} per playing clip. Immutable; any thread.
 * Identity matters: the pool hands out one instance per file, and two placements of the same file share it.
 */
public sealed interface PoolSource permits MemorySource, StreamedSource {
    /** The file it came from, or null for a source made in memory. */
    Path path();

    /** A short name for messages: the file name. */
    String name();

    /** Channels: 1 or 2. */
    int channels();

    /** Frames per channel. */
    long frames();

    /** The file's sample rate in Hz. */
    double sampleRateHz();

    /** True when the audio is held in memory; false when it streams from disk. */
    default boolean inMemory() { return this instanceof MemorySource; }
}
