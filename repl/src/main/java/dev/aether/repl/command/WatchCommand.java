package dev.aether.repl.command;

import dev.aether.repl.eval.EvalReport;
import dev.aether.repl.session.LiveSession;
import dev.aether.repl.session.NamedFiles;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prompt thread, except each watch loop, which runs on its own daemon thread ({@code aether-watch-FILE}) and
 * only hands the file to the evaluation worker. {@code :watch FILE.jsh}: evaluates the file now and again every
 * time it is saved; {@code :watch stop FILE} ends it.
 *
 * <p>The file is the whole set: the named things it defined ({@code def("name", …)} slots, and every other verb
 * that reports a name to {@link LiveSession#onDefined}) and no longer defines after a save are faded out with the
 * session's fade ({@link #retire}). A save whose evaluation fails removes nothing. {@code :watch FILE --additive}
 * keeps the old behaviour: what the file no longer defines keeps playing. Without a session (a bare console)
 * every watch is additive.
 */
final class WatchCommand implements ConsoleCommand, AutoCloseable {
    static final String ADDITIVE = "--additive";

    private final LiveSession session;
    private final Map<Path, WatchService> watches = new ConcurrentHashMap<>();

    /** @param session what the files define things in, or null (every watch is then additive) */
    WatchCommand(LiveSession session) { this.session = session; }

    @Override public String name() { return "watch"; }
    @Override public String usage() { return ":watch FILE.jsh [--additive] | :watch stop FILE"; }
    @Override public String summary() { return "re-evaluate a script on every save; what it no longer defines fades out"; }

    @Override public String help() {
        return String.join("\n",
                "Evaluates FILE now and again each time it is saved. The file is the whole set: a slot",
                "(def(\"name\", ...)) or other named thing it defined and no longer defines fades out when the",
                "file is saved. A save with errors changes nothing more (what it defined keeps playing).",
                "--additive keeps what the file no longer defines playing (undef it yourself).",
                ":watch stop FILE ends the watch.");
    }

    @Override public void run(String args, CommandContext console) throws IOException {
        String a = ConsoleCommand.requireArg(args, usage());
        if (a.startsWith("stop")) {
            Path p = Path.of(a.substring(4).strip()).toAbsolutePath().normalize();
            WatchService w = watches.remove(p);
            console.print(w == null ? "not watching " + p : "stopped watching " + p);
            if (w != null) w.close();
            return;
        }
        boolean additive = a.endsWith(" " + ADDITIVE) || session == null;
        if (a.endsWith(" " + ADDITIVE)) a = a.substring(0, a.length() - ADDITIVE.length()).strip();
        Path file = NamedFiles.readable(a);
        WatchService ws = file.getFileSystem().newWatchService();
        file.getParent().register(ws, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
        WatchService old = watches.put(file, ws);
        if (old != null) old.close();
        console.print("watching " + file + (additive ? " (additive: what it no longer defines keeps playing)"
                : " (what it no longer defines fades out; " + ADDITIVE + " keeps it)"));
        WatchedSet set = new WatchedSet(file, additive);
        String text = Files.readString(file);
        set.evaluate(text, console);
        Thread t = new Thread(() -> loop(set, text, ws, console), "aether-watch-" + file.getFileName());
        t.setDaemon(true);
        t.start();
    }

    private void loop(WatchedSet set, String firstText, WatchService ws, CommandContext console) {
        Path file = set.file;
        String lastText = firstText;
        try {
            while (true) {
                WatchKey key = ws.take();
                boolean touched = key.pollEvents().stream()
                        .anyMatch(e -> file.getFileName().equals(e.context()));
                key.reset();
                if (!touched) continue;
                Thread.sleep(50);                                   // let the editor finish writing
                String text = Files.readString(file);
                if (text.equals(lastText)) continue;
                lastText = text;
                console.print("-- " + file.getFileName() + " changed, evaluating");
                set.evaluate(text, console);
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // stopped
        } catch (IOException e) {
            console.print(":watch " + file + ": " + e.getMessage());
        }
    }

    /** One watched file and the names its last good evaluation defined. Confined to the watch's threads in turn. */
    private final class WatchedSet {
        final Path file;
        final boolean additive;
        Set<String> names = new LinkedHashSet<>();

        WatchedSet(Path file, boolean additive) {
            this.file = file;
            this.additive = additive;
        }

        /** Evaluates {@code text}; unless additive or failed, retires what the previous version defined and this one does not. */
        void evaluate(String text, CommandContext console) {
            if (additive) {
                console.evaluate(text, Long.MAX_VALUE).join();
                return;
            }
            Set<String> defined = ConcurrentHashMap.newKeySet();
            EvalReport report;
            try (AutoCloseable listening = session.onDefined(defined::add)) {
                report = console.evaluate(text, Long.MAX_VALUE).join();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (report == null || report.failed()) {
                names.addAll(defined);
                if (!names.isEmpty()) {
                    console.print("-- " + file.getFileName() + " has errors: nothing was removed; fix and save again");
                }
                return;
            }
            List<String> gone = new ArrayList<>(names);
            gone.removeAll(defined);
            names = new LinkedHashSet<>(defined);
            List<String> sounding = new ArrayList<>(session.slotNames());
            sounding.addAll(session.patterns().names());
            for (String name : gone) {
                if (!sounding.contains(name)) continue;          // undone or undefined by hand since
                retire(name, console);
            }
        }
    }

    /**
     * Fades out {@code name}, which the watched file no longer defines, and journals it as the {@code undef} it is.
     * The one place that says when: today at once with the session's slot fade (as {@code undef}); with the clock's
     * quantum, at the session's next boundary.
     */
    private void retire(String name, CommandContext console) {
        if (!session.undef(name)) return;
        console.journalCommand("undef(" + javaString(name) + ");");
        console.print("-- \"" + name + "\" is no longer in the file: fading it out");
    }

    /** {@code s} as a Java string literal. */
    static String javaString(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /** Stops every watch. */
    @Override public void close() {
        for (WatchService w : watches.values()) {
            try {
                w.close();
            } catch (IOException ignored) {
                // leaving anyway
            }
        }
        watches.clear();
    }
}
