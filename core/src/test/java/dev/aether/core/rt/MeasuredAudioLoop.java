package dev.aether.core.rt;

import dev.aether.core.driver.AudioSource;
import dev.aether.testkit.signals.Allocations;

/**
 * A test's audio thread: renders {@code warmupBlocks} blocks of 64 frames, then the rest of {@code totalBlocks} in
 * {@code windows.length} windows, writing the bytes the thread allocated in each window into {@code windows}.
 * The class holds no string literal: when a thread asks C2 to compile a method (here the loop, on-stack, after many
 * blocks), HotSpot first resolves every string constant of the method's class on that thread, and those strings
 * would be charged to the audio thread as allocations.
 */
final class MeasuredAudioLoop implements Runnable {
    private final AudioSource source;
    private final long[] windows;
    private final int warmupBlocks, totalBlocks;
    private final float[] out = new float[2 * 64];

    MeasuredAudioLoop(AudioSource source, long[] windows, int warmupBlocks, int totalBlocks) {
        this.source = source;
        this.windows = windows;
        this.warmupBlocks = warmupBlocks;
        this.totalBlocks = totalBlocks;
    }

    @Override public void run() {
        for (int chunk = 0; chunk < warmupBlocks / 1000; chunk++) renderBlocks(1000);
        int perWindow = (totalBlocks - warmupBlocks) / windows.length;
        for (int w = 0; w < windows.length; w++) {
            long before = Allocations.currentThread();
            for (int chunk = 0; chunk < perWindow / 1000; chunk++) renderBlocks(1000);
            windows[w] = Allocations.currentThread() - before;
        }
    }

    private void renderBlocks(int blocks) {
        for (int b = 0; b < blocks; b++) source.renderRt(out, 64);
    }
}
