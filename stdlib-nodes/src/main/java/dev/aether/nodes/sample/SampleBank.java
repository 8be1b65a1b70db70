package dev.aether.nodes.sample;

import dev.aether.core.ControlThread;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cache of loaded {@link Sample}s, keyed by absolute normalized path and last-modified time: each file
 * version is read once and the same {@code Sample} instance is returned to every caller; a file changed on
 * disk (new modified time) is read again and replaces the old entry.
 *
 * <p>Thread-safe for any number of control threads: concurrent {@link #load}s of one file read it once (the
 * others wait for that read); loads of different files run in parallel. Never call from the audio thread
 * (file I/O).
 */
@ControlThread
public final class SampleBank {
    private record Key(Path path, long modifiedMillis) {}

    /** Loads one file once; a failed load is retried by the next caller. */
    private static final class Entry {
        private final Key key;
        private Sample sample;

        Entry(Key key) { this.key = key; }

        synchronized Sample get() throws IOException {
            if (sample == null) sample = Sample.load(key.path());
            return sample;
        }
    }

    private final ConcurrentHashMap<Path, Entry> entries = new ConcurrentHashMap<>();

    /** The shared sample for {@code file}, read now if this version of the file is not in the bank. */
    public Sample load(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        Key key = new Key(abs, Files.getLastModifiedTime(abs).toMillis());   // NoSuchFileException if missing
        Entry e = entries.compute(abs, (p, old) -> old != null && old.key.equals(key) ? old : new Entry(key));
        try {
            return e.get();
        } catch (IOException | RuntimeException ex) {
            entries.remove(abs, e);
            throw ex;
        }
    }

    /** Loads every file now (e.g. before a performance), so later {@link #load}s return at once. */
    public void preload(Path... files) throws IOException {
        for (Path f : files) load(f);
    }

    /** Forgets {@code file}; returns true if it was in the bank. Players still holding the sample keep it. */
    public boolean evict(Path file) {
        return entries.remove(file.toAbsolutePath().normalize()) != null;
    }

    /** Forgets every file. */
    public void clear() { entries.clear(); }

    /** Whether {@code file} (any version) is in the bank. */
    public boolean contains(Path file) { return entries.containsKey(file.toAbsolutePath().normalize()); }

    /** Number of files in the bank. */
    public int size() { return entries.size(); }
}
