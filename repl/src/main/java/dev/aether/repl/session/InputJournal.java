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
 * {@code :undo}, {@code :tempo 140 3}; {@code :open FILE} followed by the file's text on the next lines); and what
 * changes the sound from outside the prompt as the input it amounts to: a {@code :learn}ed mapping as its
 * {@code midiMap(...)} call, parameters moved over OSC as {@code set(...)} calls, coalesced to the last value per
 * parameter per second ({@link #appendAt}, stamped with the sample of that move).
 *
 * <p>Each session writes {@code session-<UTC time>.jsh} in the journal directory (by default
 * {@code ~/.aether/journal}); each entry is preceded by a marker line {@value #MARKER}… and written and forced
 * to disk before {@link #append} returns. Entries starting with {@code :} are console commands; the rest is Java. A
 * clean exit adds {@value #CLOSED}. Thread-safe.
 *
 * <p>So the set can be re-rendered as it was performed ({@code bin/aether render --journal FILE}), the journal also
 * records where each input took effect: its first line, {@value #ENGINE}{@code rate 48000 block 64}, names the
 * engine; a marker line ends with {@value #AT}{@code 96000 98304} when the input's edits landed at those engine
 * samples (one per edit, in order: {@link #landed}). Journals without them (written before) are still read:
 * {@link #records} gives no samples and no engine, which {@code --recover} does not need.
 *
 * <pre>
 * //=== aether journal: rate 48000 block 64
 * //--- 2026-12-05T08:00:01.123Z at 52224
 * def("a", sine(220))
 * //--- 2026-12-05T08:00:02.456Z at 110592
 * :tempo 140 4
 * </pre>
 */
public final class InputJournal implements AutoCloseable {
    /** Starts every entry's marker line. */
    public static final String MARKER = "//--- ";
    /** Last line of a session that ended cleanly. */
    public static final String CLOSED = "//=== closed";
    /** Starts the first line, which names the engine the journal was played on. */
    public static final String ENGINE = "//=== aether journal: ";
    /** Separates a marker's time from the engine samples at which the entry's edits landed. */
    public static final String AT = " at ";

    /** One journalled input and the engine samples at which its edits landed (empty when not recorded). */
    public record Entry(String input, List<Long> landings) {}

    /** What a journal holds: its engine's sample rate and block size (0 when not recorded) and its entries. */
    public record Recorded(int sampleRate, int blockSize, List<Entry> entries) {
        /**
         * The entries grouped as the inputs they were typed in: an input's edits land together, on the samples its
         * first entry carries, so a Java entry without samples that follows a Java entry belongs with it (a later
         * snippet of the same input, or an input that made no edit, for which joining changes nothing). One entry
         * per group when the journal recorded no samples.
         */
        public List<List<Entry>> inputs() {
            List<List<Entry>> out = new java.util.ArrayList<>();
            Entry last = null;
            for (Entry e : entries) {
                boolean joins = sampleRate > 0 && last != null && e.landings().isEmpty() && !e.input().startsWith(":")
                        && !last.input().startsWith(":");
                if (joins) out.get(out.size() - 1).add(e);
                else out.add(new java.util.ArrayList<>(List.of(e)));
                last = e;
            }
            return out;
        }
    }
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Path file;
    private final FileChannel channel;
    /** Landing samples not yet written; a queue, not this monitor, so an edit never waits for a write to disk. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Long> landings = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile Runnable beforeAppend;

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

    /** Writes the first line: the engine's sample rate and block size, which a replay must use. */
    public synchronized void engine(int sampleRate, int blockSize) {
        write(ENGINE + "rate " + sampleRate + " block " + blockSize + "\n");
    }

    /** Notes that an edit landed at engine sample {@code sample}; the next entry appended carries it. Never blocks. */
    public void landed(long sample) { landings.add(sample); }

    /**
     * Appends one accepted input, with the samples at which its edits landed, and forces it to disk; first, outside
     * this journal's monitor, runs what {@link #beforeAppend} set (entries still waiting to be written go first).
     */
    public void append(String input) {
        Runnable first = beforeAppend;
        if (first != null) first.run();
        appendLanded(input);
    }

    private synchronized void appendLanded(String input) {
        StringBuilder marker = new StringBuilder(MARKER).append(Instant.now());
        String sep = AT;
        for (Long s; (s = landings.poll()) != null; sep = " ") marker.append(sep).append(s);
        write(marker + "\n" + input.strip() + "\n");
    }

    /**
     * Appends an input that took effect at engine sample {@code atSample} without going through the session's edits
     * (a parameter moved over OSC), and forces it to disk; the landings of the session's edits wait for their own entry.
     */
    public synchronized void appendAt(String input, long atSample) {
        write(MARKER + Instant.now() + AT + atSample + "\n" + input.strip() + "\n");
    }

    /**
     * Sets what {@link #append} runs first (null: nothing): a writer that holds entries back to coalesce them writes
     * them, so that they keep their place before the input that follows. It must not call {@link #append}.
     */
    public void beforeAppend(Runnable first) { beforeAppend = first; }

    /** What {@link #beforeAppend} set, or null. */
    public Runnable beforeAppend() { return beforeAppend; }

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
        return records(journal).entries().stream().map(Entry::input).toList();
    }

    /** Everything a journal file holds: its engine (when recorded) and its entries with their landing samples. */
    public static Recorded records(Path journal) {
        List<Entry> entries = new ArrayList<>();
        int rate = 0, block = 0;
        StringBuilder current = null;
        List<Long> at = List.of();
        try {
            for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                if (line.startsWith(ENGINE) && entries.isEmpty() && current == null) {
                    String[] w = line.substring(ENGINE.length()).strip().split("\\s+");
                    for (int i = 0; i + 1 < w.length; i += 2) {
                        if (w[i].equals("rate")) rate = Integer.parseInt(w[i + 1]);
                        if (w[i].equals("block")) block = Integer.parseInt(w[i + 1]);
                    }
                } else if (line.startsWith(MARKER) || line.startsWith(CLOSED)) {
                    if (current != null) entries.add(new Entry(current.toString().strip(), at));
                    current = line.startsWith(MARKER) ? new StringBuilder() : null;
                    at = line.startsWith(MARKER) ? landings(line) : List.of();
                } else if (current != null) {
                    current.append(line).append('\n');
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalArgumentException("cannot read journal " + journal + ": " + e.getMessage(), e);
        }
        if (current != null && !current.toString().isBlank()) entries.add(new Entry(current.toString().strip(), at));
        return new Recorded(rate, block, entries);
    }

    /** The samples after {@value #AT} on a marker line, or none. */
    private static List<Long> landings(String marker) {
        int i = marker.indexOf(AT, MARKER.length());
        if (i < 0) return List.of();
        List<Long> out = new ArrayList<>();
        for (String w : marker.substring(i + AT.length()).strip().split("\\s+")) out.add(Long.parseLong(w));
        return out;
    }
}
