package dev.aether.core.engine;

/** Runs before each block {@link Engine#render} renders offline, on the rendering thread (may allocate). */
@FunctionalInterface
public interface OfflineBlockHook {
    /**
     * @param fromSample the engine sample the block starts at
     * @param frames     the block's length in frames (the engine's block size, the last block of a render shorter)
     */
    void beforeBlock(long fromSample, int frames);
}
