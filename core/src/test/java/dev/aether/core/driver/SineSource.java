package dev.aether.core.driver;

import dev.aether.core.RealtimeSafe;
import dev.aether.testkit.signals.Allocations;

/**
 * Test source: left = {@code amplitude * sin(2 pi f n / rate)}, right = minus left (so channel order is
 * checkable), silence after {@code lengthFrames}. Records lateness reports and its audio thread in
 * pre-allocated fields; can sleep once inside a render to simulate an overload. Renders without allocating.
 */
final class SineSource implements AudioSource {
    private final double sampleRate;
    private final int channels;
    private final int blockSize;
    private final double frequencyHz;
    private final double amplitude;
    private final long lengthFrames;
    private long slowAtFrame = -1;
    private long slowMillis;
    private long markFrame = -1;

    volatile Thread audioThread;
    volatile long framesRendered;
    volatile long firstRenderNanos;
    volatile long markNanos;
    volatile long secondRenderNanos;   // when the render of the second block began
    volatile int lateCalls;
    volatile int resyncCalls;
    volatile long maxStallNanos;
    /** Stall of the first resync reported after the slow render ({@link #slowAt}); how long that render slept. */
    volatile long stallAfterSlow = -1, sleptNanos;
    /** Wall time the driver lost to resyncs so far (the sum of their stalls), and its value when the second
     *  render and the marked render began: a resync re-anchors the clock at now, so its stall adds to wall time. */
    volatile long lostNanos, lostAtSecond, lostAtMark;

    SineSource(double sampleRate, int channels, int blockSize, double frequencyHz, double amplitude, long lengthFrames) {
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.blockSize = blockSize;
        this.frequencyHz = frequencyHz;
        this.amplitude = amplitude;
        this.lengthFrames = lengthFrames;
    }

    /** The render containing frame {@code frame} sleeps {@code millis} ms (once). */
    SineSource slowAt(long frame, long millis) {
        slowAtFrame = frame;
        slowMillis = millis;
        return this;
    }

    /** Records {@link System#nanoTime()} in {@link #markNanos} when the render starting at or after {@code frame} begins. */
    SineSource markAt(long frame) {
        markFrame = frame;
        return this;
    }

    /**
     * Once the driver renders on {@link #audioThread}: waits for two windows in a row of {@code quietFrames} rendered
     * frames allocating nothing there (at most {@code maxWindows}: JIT compilation on a loaded machine can take
     * seconds), then returns {@code {bytes, frames}} allocated and rendered while {@code measureFrames} more render.
     */
    long[] steadyStateAllocation(long quietFrames, int maxWindows, long measureFrames) throws Exception {
        Thread t = audioThread;
        Allocations.untilTwoQuietWindows(t, maxWindows, () -> waitFor(framesRendered + quietFrames));
        long f0 = framesRendered, b0 = Allocations.of(t);
        waitFor(f0 + measureFrames);
        return new long[] {Allocations.of(t) - b0, framesRendered - f0};
    }

    private void waitFor(long frames) throws InterruptedException {
        long end = System.currentTimeMillis() + 20_000;
        while (framesRendered < frames && System.currentTimeMillis() < end) Thread.sleep(2);
    }

    @Override public int channels() { return channels; }

    @Override public double sampleRate() { return sampleRate; }

    @Override public int blockSize() { return blockSize; }

    @Override public void audioThreadStarted() { audioThread = Thread.currentThread(); }

    @Override @RealtimeSafe
    public void renderRt(float[] interleaved, int frames) {
        long n0 = framesRendered;
        long now = System.nanoTime();
        if (n0 == 0) firstRenderNanos = now;
        if (n0 > 0 && secondRenderNanos == 0) {
            secondRenderNanos = now;
            lostAtSecond = lostNanos;
        }
        if (markFrame >= 0 && n0 >= markFrame && markNanos == 0) {
            markNanos = now;
            lostAtMark = lostNanos;
        }
        double w = 2 * Math.PI * frequencyHz / sampleRate;
        for (int i = 0; i < frames; i++) {
            long n = n0 + i;
            float v = n < lengthFrames ? (float) (amplitude * Math.sin(w * (n % 48_000_000L))) : 0f;
            int base = i * channels;
            interleaved[base] = v;
            for (int c = 1; c < channels; c++) interleaved[base + c] = -v;
        }
        if (slowAtFrame >= n0 && slowAtFrame < n0 + frames) {
            long t0 = System.nanoTime();
            try { Thread.sleep(slowMillis); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            sleptNanos = System.nanoTime() - t0;
        }
        framesRendered = n0 + frames;
    }

    @Override @RealtimeSafe
    public void lateRt(long stallNanos, boolean resync) {
        lateCalls++;
        if (stallNanos > maxStallNanos) maxStallNanos = stallNanos;
        if (resync) {
            if (sleptNanos > 0 && stallAfterSlow < 0) stallAfterSlow = stallNanos;
            resyncCalls++;
            lostNanos += stallNanos;
        }
    }
}
