package dev.aether.repl.session;

import dev.aether.core.Threads;
import dev.aether.core.ControlThread;
import dev.aether.core.engine.Engine;
import dev.aether.core.io.WavFormat;
import dev.aether.core.io.WavWriter;
import dev.aether.core.view.OutputTap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * Prompt thread, except the writer loop on its own thread ({@code aether-record}). Records the master output (after
 * the limiter) to a stereo WAV file: a {@link OutputTap} holding one second is drained every {@value #POLL_MILLIS}
 * ms by a writer thread ({@code aether-record}), never by the audio thread, into a {@link WavWriter}. If the writer
 * falls more than a second behind, the audio thread drops whole blocks and counts them ({@link
 * Result#droppedFrames()}). Once a second the writer thread also {@linkplain WavWriter#sync() syncs} the file (sizes
 * patched, data forced to the device), so a console killed mid-recording ({@code kill -9}) leaves a WAV that
 * plays up to the last second. Control thread, except the writer loop.
 */
public final class Recorder {
    static final long POLL_MILLIS = 10;
    /** How often the writer thread patches the file's sizes and forces it to the device. */
    static final long SYNC_NANOS = 1_000_000_000L;

    /**
     * What a finished recording holds; {@code startSample} is the engine sample of its first frame (where it starts in
     * a {@code render --journal} of the same session), -1 when nothing was recorded.
     */
    public record Result(Path file, long frames, double seconds, long droppedFrames, WavFormat format, long startSample) {
        @Override public String toString() {
            return String.format("recorded %s: %.2f s (%d frames, %s), %d frames dropped; it starts at engine sample %d",
                    file, seconds, frames, format == WavFormat.FLOAT_32 ? "32-bit float" : format.bitsPerSample() + "-bit PCM",
                    droppedFrames, startSample);
        }
    }

    private final Engine engine;
    private final Path file;
    private final OutputTap tap;
    private final WavWriter writer;
    private final Thread thread;
    private final float[] buffer;
    private volatile boolean running = true;
    private volatile IOException failure;

    private Recorder(Engine engine, Path file, WavFormat format) throws IOException {
        this.engine = engine;
        this.file = file;
        int rate = engine.config().sampleRate();
        this.writer = WavWriter.open(file, format, 2, rate);
        this.buffer = new float[2 * 4096];
        this.tap = engine.openTap(rate);
        this.thread = new Thread(this::loop, "aether-record");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts recording the master of {@code engine} into {@code file} (created or truncated). */
    @ControlThread
    public static Recorder start(Engine engine, Path file, WavFormat format) throws IOException {
        return new Recorder(engine, file, format);
    }

    public Path file() { return file; }

    /** Frames written to the file so far. */
    public long framesWritten() { return writer.framesWritten(); }

    private void loop() {
        try {
            long lastSync = System.nanoTime();
            while (running) {
                if (drain() == 0) LockSupport.parkNanos(POLL_MILLIS * 1_000_000);
                long now = System.nanoTime();
                if (now - lastSync >= SYNC_NANOS && running) {
                    writer.sync();
                    lastSync = now;
                }
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Writes what waits in the tap; returns the frames written. Writer thread, or the stopper after the join. */
    private int drain() throws IOException {
        int total = 0;
        int n;
        while ((n = tap.read(buffer)) > 0) {
            writer.write(buffer, n / 2);
            total += n / 2;
        }
        return total;
    }

    /**
     * Stops: detaches the tap, lets a block in flight land, writes the rest, finishes the file. Idempotent
     * only in effect (the file is closed once).
     */
    @ControlThread
    public Result stop() throws IOException {
        engine.closeTap(tap);
        running = false;
        LockSupport.unpark(thread);
        Threads.join(thread, 5_000);
        // a block the audio thread was writing when the tap was detached lands within one block
        LockSupport.parkNanos(2 * engine.config().blockNanos() + 1_000_000);
        try {
            if (failure == null) drain();
        } finally {
            writer.close();
        }
        if (failure != null) throw new UncheckedIOException("recording to " + file + " failed", failure);
        long frames = writer.framesWritten();
        return new Result(file, frames, frames / (double) engine.config().sampleRate(), tap.droppedFrames(), writer.format(),
                tap.startSample());
    }
}
