package dev.aether.core.driver;

import dev.aether.core.Threads;
import dev.aether.core.io.WavFormat;
import dev.aether.core.io.WavWriter;

import dev.aether.core.ControlThread;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Renders a fixed number of frames from an {@link AudioSource} as fast as it can, with no clock, into a
 * WAV file and/or a float array. The source is pulled in blocks of {@code source.blockSize()} frames (the
 * last one shorter), so the same source state gives identical output.
 *
 * <p>Threads: {@link #render(AudioSource)} (and the static helpers) run on the calling thread, which then
 * acts as the audio thread ({@code audioThreadStarted()} is called on it first). {@link #start(AudioSource)}
 * runs the same thing on a new thread named {@code aether-offline}; {@link #await()} joins it.
 */
public final class OfflineDriver implements AudioDriver {
    private final long frames;
    private final Path wavFile;
    private final WavFormat wavFormat;
    private final boolean collect;
    private volatile boolean stopRequested;
    private volatile long framesRendered;
    private volatile float[] samples;
    private volatile Throwable failure;
    private Thread thread;

    private OfflineDriver(long frames, Path wavFile, WavFormat wavFormat, boolean collect) {
        if (frames < 0) throw new IllegalArgumentException("frames must be >= 0, was " + frames);
        this.frames = frames;
        this.wavFile = wavFile;
        this.wavFormat = wavFormat;
        this.collect = collect;
    }

    /** Collects {@code frames} frames into a float array ({@link #samples()}). */
    public static OfflineDriver toArray(long frames) {
        return new OfflineDriver(frames, null, null, true);
    }

    /** Writes {@code frames} frames to {@code file} in {@code format}. */
    public static OfflineDriver toWav(Path file, WavFormat format, long frames) {
        return new OfflineDriver(frames, file, format, false);
    }

    /** Renders {@code frames} frames of {@code source} on the calling thread into a new interleaved array. */
    public static float[] renderToArray(AudioSource source, long frames) {
        try {
            OfflineDriver d = toArray(frames);
            d.render(source);
            return d.samples();
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // cannot happen: no file
        }
    }

    /** Renders {@code frames} frames of {@code source} on the calling thread into a WAV file. */
    public static void renderToWav(AudioSource source, long frames, Path file, WavFormat format) throws IOException {
        toWav(file, format, frames).render(source);
    }

    @Override
    public String description() {
        return "offline: " + frames + " frames as fast as possible" + (wavFile == null ? "" : " to " + wavFile + " (" + wavFormat + ")");
    }

    /** Renders everything on the calling thread; returns when done or after {@link #stop()}. */
    public void render(AudioSource source) throws IOException {
        int ch = source.channels();
        int block = source.blockSize();
        if (collect && frames * ch > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException(frames + " frames do not fit in one float array; render to WAV");
        float[] buffer = new float[block * ch];
        float[] out = collect ? new float[(int) (frames * ch)] : null;
        source.audioThreadStarted();
        try (WavWriter wav = wavFile == null ? null
                : WavWriter.open(wavFile, wavFormat, ch, (int) Math.round(source.sampleRate()))) {
            long done = 0;
            while (done < frames && !stopRequested) {
                int n = (int) Math.min(block, frames - done);
                source.renderRt(buffer, n);
                if (out != null) System.arraycopy(buffer, 0, out, (int) (done * ch), n * ch);
                if (wav != null) wav.write(buffer, n);
                done += n;
                framesRendered = done;
            }
        }
        samples = out;
    }

    /** Starts {@link #render(AudioSource)} on a new thread {@code aether-offline}. */
    @Override
    @ControlThread
    public synchronized void start(AudioSource source) {
        if (thread != null) throw new IllegalStateException("offline driver already started");
        thread = new Thread(() -> {
            try {
                render(source);
            } catch (Throwable t) {
                failure = t;
            }
        }, "aether-offline");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for a {@link #start(AudioSource) started} render to finish and rethrows its failure. */
    @ControlThread
    public void await() throws IOException, InterruptedException {
        Thread t;
        synchronized (this) { t = thread; }
        if (t != null) t.join();
        Throwable f = failure;
        if (f instanceof IOException e) throw e;
        if (f instanceof RuntimeException e) throw e;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IllegalStateException(f);
    }

    /** Asks a running render to end after the current block and joins it. Idempotent. */
    @Override
    @ControlThread
    public void stop() {
        stopRequested = true;
        Thread t;
        synchronized (this) { t = thread; }
        if (t == null || t == Thread.currentThread()) return;
        Threads.join(t, 0);
    }

    /** Frames rendered so far. */
    public long framesRendered() { return framesRendered; }

    /** The collected interleaved samples after a finished {@code toArray} render, else null. */
    public float[] samples() { return samples; }
}
