package dev.aether.repl.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Any thread (appends are synchronized; never the audio thread). Where stack traces go instead of the prompt: a
 * rolling log, {@code aether-YYYY-MM-DD.log} (local date) in one directory per process, by default
 * {@code ~/.aether/logs} (system property {@value #DIRECTORY_PROPERTY}; the launcher sets {@code HOME/logs}). A day's
 * file is rolled over to {@code aether-YYYY-MM-DD.1.log} when it passes {@value #MAX_BYTES} bytes, so the logs of one
 * day hold at most twice that. The person sees one line per exception ({@link #oneLine}) naming the file.
 */
public final class TraceLog {
    /** System property naming the log directory. */
    public static final String DIRECTORY_PROPERTY = "aether.logs";
    /** Size at which a day's log is rolled over. */
    public static final long MAX_BYTES = 1 << 20;

    private static volatile Path directory;

    private TraceLog() {}

    /** Logs go to {@code dir} from now on (the launcher: {@code HOME/logs}). */
    public static void directory(Path dir) { directory = dir; }

    /** Today's log file (it may not exist yet). */
    public static Path file() {
        Path dir = directory;
        if (dir == null) {
            String p = System.getProperty(DIRECTORY_PROPERTY);
            dir = p != null ? Path.of(p) : Path.of(System.getProperty("user.home"), ".aether", "logs");
        }
        return dir.resolve("aether-" + LocalDate.now() + ".log");
    }

    /**
     * Writes {@code what} and the full trace of {@code t} to the log; returns the file, or null when it could not be
     * written (the line shown then says so).
     */
    public static synchronized Path write(String what, Throwable t) {
        Path file = file();
        StringWriter trace = new StringWriter();
        try (PrintWriter w = new PrintWriter(trace)) {
            w.println(LocalDateTime.now() + " " + what);
            t.printStackTrace(w);
        }
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
                String name = file.getFileName().toString();
                Files.move(file, file.resolveSibling(name.replace(".log", ".1.log")), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(file, trace.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return file;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /**
     * One line for the prompt: "IllegalArgumentException: bad value (trace in ~/.aether/logs/aether-2026-12-05.log)";
     * {@code className} is the thrown exception's (user code's exceptions reach us wrapped) and {@code t} carries
     * the trace, which is logged.
     */
    public static String oneLine(String className, String message, Throwable t) {
        String simple = className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
        Path logged = write(className + (message == null ? "" : ": " + message), t);
        return simple + (message == null ? "" : ": " + message)
                + (logged == null ? " (trace not logged: " + file().getParent() + " is not writable)"
                : " (trace in " + shown(logged) + ")");
    }

    /** {@code file} with the home directory written as {@code ~}. */
    static String shown(Path file) {
        Path home = Path.of(System.getProperty("user.home"));
        return file.startsWith(home) ? "~/" + home.relativize(file) : file.toString();
    }
}
