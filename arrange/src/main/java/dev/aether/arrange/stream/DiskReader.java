package dev.aether.arrange.stream;

import dev.aether.core.Threads;
import dev.aether.core.ControlThread;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread that reads ahead for every {@link DiskStream} registered with it: round-robin, one chunk per stream per
 * round (so one fast clip cannot starve the others), parking {@value #IDLE_MICROS} µs when no ring has room. A daemon
 * thread started on construction; {@link #shared()} is the one most code uses. Control-thread methods.
 */
public final class DiskReader implements AutoCloseable {
    /** Frames read at most per stream per round. */
    public static final int DEFAULT_CHUNK_FRAMES = 8192;
    static final int IDLE_MICROS = 1000;

    private static DiskReader shared;

    private final int chunkFrames;
    private final Thread thread;
    private volatile DiskStream[] streams = new DiskStream[0];
    private volatile boolean running = true;
    private volatile long rounds, framesRead;

    /** A reader thread named {@code name} that reads {@code chunkFrames} frames at most per stream per round. */
    public DiskReader(String name, int chunkFrames) {
        if (chunkFrames < 256) throw new IllegalArgumentException("chunkFrames must be >= 256, was " + chunkFrames);
        this.chunkFrames = chunkFrames;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    /** The process-wide reader ({@code aether-disk}), started on first use. */
    public static synchronized DiskReader shared() {
        if (shared == null || !shared.running) shared = new DiskReader("aether-disk", DEFAULT_CHUNK_FRAMES);
        return shared;
    }

    /** A new stream with a ring of {@code capacityFrames}, served by this reader from now on. */
    @ControlThread
    public synchronized DiskStream newStream(int capacityFrames) {
        DiskStream s = new DiskStream(capacityFrames);
        DiskStream[] a = Arrays.copyOf(streams, streams.length + 1);
        a[a.length - 1] = s;
        streams = a;
        return s;
    }

    /** Stops serving {@code s} (its ring stops filling). */
    @ControlThread
    public synchronized void release(DiskStream s) {
        DiskStream[] a = streams;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == s) {
                DiskStream[] b = new DiskStream[a.length - 1];
                System.arraycopy(a, 0, b, 0, i);
                System.arraycopy(a, i + 1, b, i, a.length - 1 - i);
                streams = b;
                return;
            }
        }
    }

    /** Streams served. */
    public int streams() { return streams.length; }
    /** Frames read so far, over all streams. */
    public long framesRead() { return framesRead; }
    /** Chunk size in frames. */
    public int chunkFrames() { return chunkFrames; }

    private void loop() {
        float[] dst = new float[2 * chunkFrames], tmp = new float[2 * chunkFrames];
        ByteBuffer scratch = ByteBuffer.allocate(8 * chunkFrames);
        while (running) {
            DiskStream[] a = streams;
            long read = 0;
            for (DiskStream s : a) read += s.serviceOnce(chunkFrames, dst, tmp, scratch);
            rounds = rounds + 1;
            if (read == 0) LockSupport.parkNanos(IDLE_MICROS * 1000L);
            else framesRead = framesRead + read;
        }
    }

    /** Stops the thread (streams keep their rings but no longer fill). */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        Threads.join(thread, 2000);
    }
}
