package dev.aether.core.driver;

import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import java.util.concurrent.locks.LockSupport;

/**
 * Renders and discards audio at the real rate, for machines with no sound device. The audio thread
 * ({@code aether-audio}) renders one engine block, then parks until the next block's deadline,
 * {@code anchor + framesSinceAnchor / sampleRate}; deadlines come from the anchor, not from the previous
 * wake-up, so there is no drift. A block that starts more than half the configured buffer after its
 * deadline is reported via {@link AudioSource#lateRt(long, boolean)}; when the stall exceeds the whole
 * buffer (where a real device would have run dry), {@code resync} is true and the clock re-anchors at now
 * instead of rushing to catch up. A smaller stall is reported once and then caught up by rendering
 * without waiting.
 *
 * <p>Control-thread methods except the loop. The steady-state loop allocates nothing
 * ({@code PacedNullDriverTest} checks it).
 */
public final class PacedNullDriver implements AudioDriver {
    private final DriverConfig config;
    private volatile boolean running;
    private volatile long framesRendered;
    private final LateBlockMeter meter = new LateBlockMeter();
    private AudioThreadHandle handle;
    private AudioSource source;
    private float[] buffer;

    public PacedNullDriver(DriverConfig config) {
        this.config = config;
    }

    @Override
    public String description() {
        return "paced null driver (silent): " + config.sampleRateHz() + " Hz, " + config.bufferFrames() + "-frame buffer";
    }

    @Override
    @ControlThread
    public synchronized void start(AudioSource source) {
        if (handle != null) throw new IllegalStateException("paced null driver already started");
        this.source = source;
        this.buffer = new float[source.blockSize() * source.channels()];
        running = true;
        handle = new AudioThreadHandle("aether-audio", this::loop);
        handle.start(config.realtimeScheduling(), config.realtimePriority());
    }

    @AudioThread
    private void loop() {
        AudioSource src = source;
        float[] buf = buffer;
        int block = src.blockSize();
        double nanosPerFrame = 1e9 / src.sampleRate();
        long bufferNanos = config.bufferNanos(src.sampleRate());
        src.audioThreadStarted();
        new RenderLoop().runRt(src, buf, block, nanosPerFrame, bufferNanos / 2, bufferNanos);
    }

    /**
     * The steady-state loop, in a class of its own that holds no string literal: when the audio thread asks C2 to
     * compile it (on stack, minutes into a set), HotSpot first resolves every string constant of the method's class
     * on that thread, and would allocate them there.
     */
    private final class RenderLoop {
        @AudioThread @RealtimeSafe
        void runRt(AudioSource src, float[] buf, int block, double nanosPerFrame, long lateNanos, long bufferNanos) {
            long anchor = System.nanoTime();
            long framesSinceAnchor = 0;
            long rendered = 0;
            while (running) {
                long deadline = anchor + (long) (framesSinceAnchor * nanosPerFrame);
                long now = System.nanoTime();
                long stall = now - deadline;
                int lateness = meter.checkRt(src, stall, lateNanos, bufferNanos);
                if (lateness == LateBlockMeter.RESYNC) {
                    anchor = now;
                    framesSinceAnchor = 0;
                } else if (lateness == LateBlockMeter.ON_TIME) {
                    while (now < deadline && running) {
                        LockSupport.parkNanos(deadline - now);
                        now = System.nanoTime();
                    }
                    if (!running) break;
                }
                src.renderRt(buf, block);
                framesSinceAnchor += block;
                rendered += block;
                framesRendered = rendered;
            }
        }
    }

    /** Stops and joins the audio thread. Idempotent. */
    @Override
    @ControlThread
    public synchronized void stop() {
        running = false;
        if (handle == null) return;
        LockSupport.unpark(handle.thread());
        if (handle.thread() != Thread.currentThread()) handle.join(5_000);
    }

    /** Frames rendered so far (written by the audio thread once a block). */
    public long framesRendered() { return framesRendered; }

    /** Blocks reported late so far. */
    public long lateBlocks() { return meter.lateBlocks(); }

    /** Late blocks that re-anchored the clock. */
    public long resyncs() { return meter.resyncs(); }

    /** E.g. {@code "audio thread: SCHED_FIFO 80"}; available once {@link #start} returned. */
    @Override public int fifoPriority() { return handle == null ? 0 : handle.fifoPriority(); }

    @Override public String schedulingReport() { return handle == null ? "audio thread: not started" : handle.schedulingReport(); }

    /** What the audio loop threw (it then ended), or null. */
    public Throwable failure() { return handle == null ? null : handle.failure(); }
}
