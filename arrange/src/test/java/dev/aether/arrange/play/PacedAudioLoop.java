package dev.aether.arrange.play;

import dev.aether.core.time.TimedEventChannel;
import dev.aether.testkit.NodeHarness;
import dev.aether.testkit.signals.Allocations;

import java.util.concurrent.locks.LockSupport;

/**
 * A test's audio thread for a node run by a {@link NodeHarness}: drains the timed-event channel and renders blocks of
 * 64 frames, {@code warmupBlocks} first, then {@code windows.length} windows of {@code blocksPerWindow}, writing the
 * bytes the thread allocated in each window. Paced at {@code speed} times real time (0: as fast as it can), so that a
 * disk reader keeps up. No string literals (see core's MeasuredAudioLoop: a C2 on-stack compile of the loop would
 * resolve them on this thread).
 */
final class PacedAudioLoop implements Runnable {
    private final NodeHarness harness;
    private final TimedEventChannel channel;
    private final long[] windows;
    private final int warmupBlocks, blocksPerWindow;
    private final double nanosPerBlock;
    private final float[] capture;
    private final int captureFrom;

    /** {@code capture} (may be null) receives output channel 0 of frames {@code [captureFrom, captureFrom + length)}. */
    PacedAudioLoop(NodeHarness harness, TimedEventChannel channel, long[] windows, int warmupBlocks, int blocksPerWindow,
                   double speed, float[] capture, int captureFrom) {
        this.harness = harness;
        this.channel = channel;
        this.windows = windows;
        this.warmupBlocks = warmupBlocks;
        this.blocksPerWindow = blocksPerWindow;
        this.nanosPerBlock = speed > 0 ? 64 * 1e9 / 48_000 / speed : 0;
        this.capture = capture;
        this.captureFrom = captureFrom;
    }

    @Override public void run() {
        long start = System.nanoTime();
        long block = 0;
        block = render(block, warmupBlocks, start);
        for (int w = 0; w < windows.length; w++) {
            long before = Allocations.currentThread();
            block = render(block, blocksPerWindow, start);
            windows[w] = Allocations.currentThread() - before;
        }
    }

    private long render(long block, int blocks, long start) {
        float[] out = harness.runner().output(((ClipPlayer) harness.node()).out)[0];
        for (int b = 0; b < blocks; b++, block++) {
            if (nanosPerBlock > 0) {
                long due = start + (long) (block * nanosPerBlock);
                long now;
                while ((now = System.nanoTime()) < due) LockSupport.parkNanos(due - now);
            }
            channel.drainRt();
            harness.renderBlock(64);
            if (capture != null) {
                long first = block * 64 - captureFrom;
                for (int i = 0; i < 64; i++) {
                    long at = first + i;
                    if (at >= 0 && at < capture.length) capture[(int) at] = out[i];
                }
            }
        }
        return block;
    }
}
