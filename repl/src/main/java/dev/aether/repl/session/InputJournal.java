package dev.aether.repl.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Prompt thread and evaluation worker (appends are synchronized and forced to disk before they return). Append-only
 * record of every input of one session that changes what sounds, so {@code bin/aether --recover} rebuilds it after a
 * crash: each accepted Java snippet, and each command that changed the sound, as its command line ({@code :panic},
 * {@code :undo}, {@code :tempo 140 3}; {@code :open FILE} followed by the file's text on the next lines).
 *
 * <p>Each session writes {@code session-<UTC time>.jsh} in the journal directory (by default
 * {@code ~/.aether/journal}); each entry is preceded by a marker line {@value #MARKER}… and written and forced
 * to disk before {@link #append} returns. Entries starting with {@code :} are console commands; the rest is Java. A
 * clean exit adds {@value #CLOSED}. Thread-safe.
 */
public final class InputJournal implements AutoCloseable {
    /** Starts every entry's marker line. */
    public static final String MARKER = "//--- ";
    /** Last line of a session that ended cleanly. */
    public static final String CLOSED = "//=== closed";
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Path file;
    private final FileChannel channel;

    private InputJournal(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    /** Opens a new journal file in {@code dir} (created if missing). */
    public static InputJournal start(Path dir) {
        try {
            Files.createDirectories(dir);
            return new InputJournal(dir.resolve("session-" + FILE_TIME.format(Instant.now()) + ".jsh"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open session journal in " + dir, e);
        }
    }

    public Path file() { return file; }

    /** Appends one accepted input and forces it to disk. */
    public synchronized void append(String input) {
        String entry = MARKER + Instant.now() + "\n" + input.strip() + "\n";
        write(entry);
    }

    private void write(String text) {
        try {
            ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) channel.write(b);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write session journal " + file, e);
        }
    }

    /** Marks the session as ended cleanly and closes the file. */
    @Override public synchronized void close() {
        if (!channel.isOpen()) return;
        write(CLOSED + "\n");
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest journal in {@code dir} other than {@code except}, if any. */
    public static Optional<Path> newest(Path dir, Path except) {
        if (!Files.isDirectory(dir)) return Optional.empty();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("session-"))
                    .filter(p -> !p.equals(except))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of a journal file, in order (each an input as it was accepted). */
    public static List<String> entries(Path journal) {
        List<String> entries = new ArrayList<>();
        StringBuilder current = null;
        try {
            for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                if (line.startsWith(MARKER) || line.startsWith(CLOSED)) {
                    if (current != null) entries.add(current.toString().strip());
                    current = line.startsWith(MARKER) ? new StringBuilder() : null;
                } else if (current != null) {
                    current.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + journal, e);
        }
        if (current != null && !current.toString().isBlank()) entries.add(current.toString().strip());
        return entries;
    }
}
