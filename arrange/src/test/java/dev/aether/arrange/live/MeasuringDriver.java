package dev.aether.arrange.live;

import dev.aether.core.driver.AudioDriver;
import dev.aether.core.driver.AudioSource;
import dev.aether.testkit.signals.Allocations;

import java.util.concurrent.locks.LockSupport;

/**
 * A test driver: its own audio thread renders 64-frame blocks, {@code warmupBlocks} first, then
 * {@code windows.length} windows of {@code blocksPerWindow}, writing the bytes the thread allocated in each window.
 * Paced at {@code speed} times real time, so that the disk reader keeps up. No string literals in the loop (see
 * core's MeasuredAudioLoop: an on-stack compile of the loop would resolve them on this thread).
 */
final class MeasuringDriver implements AudioDriver {
    final long[] windows;
    private final int warmupBlocks, blocksPerWindow;
    private final double nanosPerBlock;
    private volatile long blocks;
    /** The first blocks (index, bytes) in which the measured windows allocated, for a failure message. */
    final long[] where = new long[16];
    private int whereCount;
    private boolean measuring;
    private volatile boolean done, stop;
    private Thread thread;

    MeasuringDriver(int windows, int warmupBlocks, int blocksPerWindow, double speed) {
        this.windows = new long[windows];
        this.warmupBlocks = warmupBlocks;
        this.blocksPerWindow = blocksPerWindow;
        this.nanosPerBlock = 64 * 1e9 / 48_000 / speed;
    }

    @Override public String description() { return "measuring"; }

    @Override public void start(AudioSource source) {
        thread = new Thread(() -> run(source), "measured-audio");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(AudioSource source) {
        source.audioThreadStarted();
        float[] buf = new float[128];
        long start = System.nanoTime();
        long b = render(source, buf, 0, warmupBlocks, start);
        measuring = true;
        for (int w = 0; w < windows.length && !stop; w++) {
            long before = Allocations.currentThread();
            b = render(source, buf, b, blocksPerWindow, start);
            windows[w] = Allocations.currentThread() - before;
        }
        measuring = false;
        done = true;
        while (!stop) b = render(source, buf, b, 1, start);
    }

    private long render(AudioSource source, float[] buf, long b, int n, long start) {
        for (int i = 0; i < n; i++, b++) {
            long due = start + (long) (b * nanosPerBlock);
            long now;
            while ((now = System.nanoTime()) < due) LockSupport.parkNanos(due - now);
            long before = measuring ? Allocations.currentThread() : 0;
            source.renderRt(buf, 64);
            if (measuring) {
                long d = Allocations.currentThread() - before;
                if (d != 0 && whereCount < where.length) {
                    where[whereCount++] = b;
                    where[whereCount++] = d;
                }
            }
            blocks = b + 1;
        }
        return b;
    }

    /** Blocks rendered so far. */
    long blocks() { return blocks; }

    /** True once every window is measured. */
    boolean done() { return done; }

    @Override public void stop() {
        stop = true;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
