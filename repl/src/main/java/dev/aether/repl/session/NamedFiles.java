package dev.aether.repl.session;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Any thread (pure checks of the file system). The one check of a file the person named ({@code sample("kick.wav")}, {@code kit("drums")},
 * {@code :open}, {@code :load}, {@code :watch}, {@code :record}, {@code :save}, {@code bin/aether run/render}) before
 * it is read or written: a problem is an {@link IllegalArgumentException} whose message names the file as an absolute path, what is
 * wrong with it and what to do, e.g. "no such file: /home/me/kick.wav — check the path (relative paths are from
 * /home/me)".
 */
public final class NamedFiles {
    private NamedFiles() {}

    /** The file {@code named} (relative to the working directory), absolute; it exists, is a file and is readable. */
    public static Path readable(String named) { return readable(Path.of(named)); }

    /** {@link #readable(String)} for a path. */
    public static Path readable(Path named) {
        Path file = named.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) throw new IllegalArgumentException("is a directory: " + file + " — name a file in it");
        if (!Files.exists(file)) throw new IllegalArgumentException("no such file: " + file + " — check the path" + relativeHint(named));
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("not readable: " + file + " — check its permissions (chmod u+r) or copy it somewhere readable");
        }
        return file;
    }

    /**
     * The folder {@code named} (relative to the working directory), absolute; it exists, is a directory and can be
     * listed ({@code kit("drums/808")}).
     */
    public static Path folder(String named) {
        Path given = Path.of(named), dir = given.toAbsolutePath().normalize();
        if (!Files.exists(dir)) throw new IllegalArgumentException("no such folder: " + dir + " — check the path" + relativeHint(given));
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("not a folder: " + dir + " — name the folder that holds it");
        if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
            throw new IllegalArgumentException("not readable: " + dir + " — check its permissions (chmod u+rx) or copy it somewhere readable");
        }
        return dir;
    }

    /**
     * The file {@code named} (relative to the working directory), absolute; it can be created or overwritten: its
     * directory exists and is writable, and it is not a directory or a read-only file.
     */
    public static Path writable(String named) { return writable(Path.of(named)); }

    /** {@link #writable(String)} for a path. */
    public static Path writable(Path named) {
        Path file = named.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) throw new IllegalArgumentException("is a directory: " + file + " — name a file in it");
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no such directory: " + dir + " — create it first or write somewhere else"
                    + relativeHint(named));
        }
        if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(dir)) {
            throw new IllegalArgumentException("not writable: " + file + " — write somewhere else, or check the permissions of "
                    + (Files.exists(file) ? "the file" : dir));
        }
        return file;
    }

    private static String relativeHint(Path named) {
        return named.isAbsolute() ? "" : " (relative paths are from " + Path.of("").toAbsolutePath() + ")";
    }
}
