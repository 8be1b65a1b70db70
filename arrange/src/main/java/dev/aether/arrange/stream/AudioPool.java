package dev.aether.arrange.stream;

import dev.aether.core.ControlThread;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a project's clips play, each loaded once and shared: a file whose size is at most
 * {@link #streamThresholdBytes()} is decoded into memory ({@link MemorySource}); a larger one (a WAV) streams from
 * disk ({@link StreamedSource}). Thread-safe (synchronized); control thread (blocking I/O).
 */
@ControlThread
public final class AudioPool implements AutoCloseable {
    /** Files above 32 MiB stream by default (about 3 minutes of 48 kHz 16-bit stereo). */
    public static final long DEFAULT_STREAM_THRESHOLD_BYTES = 32L << 20;

    private final long streamThresholdBytes;
    private final Map<Path, PoolSource> sources = new LinkedHashMap<>();

    /** A pool that streams files larger than {@link #DEFAULT_STREAM_THRESHOLD_BYTES}. */
    public AudioPool() { this(DEFAULT_STREAM_THRESHOLD_BYTES); }

    /** A pool that streams files larger than {@code streamThresholdBytes} (0: every WAV streams). */
    public AudioPool(long streamThresholdBytes) {
        if (streamThresholdBytes < 0) throw new IllegalArgumentException("threshold must be >= 0, was " + streamThresholdBytes);
        this.streamThresholdBytes = streamThresholdBytes;
    }

    public long streamThresholdBytes() { return streamThresholdBytes; }

    /**
     * The source of {@code file}, loaded on first use and the same instance afterwards.
     *
     * @throws java.nio.file.NoSuchFileException naming the file when it does not exist
     * @throws IOException naming the file when it cannot be read
     */
    public synchronized PoolSource load(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        PoolSource s = sources.get(key);
        if (s != null) return s;
        s = Files.size(key) > streamThresholdBytes ? StreamedSource.open(key) : MemorySource.load(key);
        sources.put(key, s);
        return s;
    }

    /** The sources loaded so far, in load order. */
    public synchronized List<PoolSource> sources() { return new ArrayList<>(sources.values()); }

    /** Closes the streamed files and forgets every source. */
    @Override
    public synchronized void close() throws IOException {
        IOException first = null;
        for (PoolSource s : sources.values()) {
            if (s instanceof StreamedSource st) {
                try { st.close(); } catch (IOException e) { if (first == null) first = e; }
            }
        }
        sources.clear();
        if (first != null) throw first;
    }
}
