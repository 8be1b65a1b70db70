package dev.aether.arrange;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The project's audio files: each file once, under an id the clips refer to. Paths are absolute and normalised in
 * memory (a saved project stores them relative to the project file). Immutable; {@link #with} returns a new pool.
 */
public record MediaPool(Map<String, Path> files) {
    /** The empty pool. */
    public static final MediaPool EMPTY = new MediaPool(Map.of());

    public MediaPool {
        Map<String, Path> copy = new LinkedHashMap<>();
        Map<Path, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            String id = e.getKey();
            if (id == null || id.isBlank()) throw new IllegalArgumentException("a media pool id must not be empty; give a short name like \"kick\"");
            Path p = e.getValue().toAbsolutePath().normalize();
            String other = seen.putIfAbsent(p, id);
            if (other != null)
                throw new IllegalArgumentException("file " + p + " is in the pool twice (\"" + other + "\" and \"" + id + "\"); refer to it as \"" + other + "\"");
            copy.put(id, p);
        }
        files = Collections.unmodifiableMap(copy);
    }

    /**
     * This pool with {@code file} under {@code id}.
     *
     * @throws IllegalArgumentException if the id is taken by another file, or the file is already in the pool
     */
    public MediaPool with(String id, Path file) {
        Objects.requireNonNull(file, "file");
        Path p = file.toAbsolutePath().normalize();
        Path old = files.get(id);
        if (old != null && !old.equals(p))
            throw new IllegalArgumentException("media id \"" + id + "\" already names " + old + "; choose another id for " + p);
        String existing = idOf(p);
        if (existing != null && !existing.equals(id))
            throw new IllegalArgumentException("file " + p + " is already in the pool as \"" + existing + "\"; refer to it by that id");
        Map<String, Path> m = new LinkedHashMap<>(files);
        m.put(id, p);
        return new MediaPool(m);
    }

    /** This pool without {@code id} (the caller checks no clip still uses it). */
    public MediaPool without(String id) {
        Map<String, Path> m = new LinkedHashMap<>(files);
        m.remove(id);
        return new MediaPool(m);
    }

    /** The id of {@code file}, or null when it is not in the pool. */
    public String idOf(Path file) {
        Path p = file.toAbsolutePath().normalize();
        for (Map.Entry<String, Path> e : files.entrySet()) if (e.getValue().equals(p)) return e.getKey();
        return null;
    }

    /** The file under {@code id}. */
    public Path file(String id) {
        Path p = files.get(id);
        if (p == null)
            throw new IllegalArgumentException("no media \"" + id + "\" in the pool; pool: " + (files.isEmpty() ? "(empty) — add the file first" : String.join(", ", files.keySet())));
        return p;
    }
}
