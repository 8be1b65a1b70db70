package dev.aether.repl.command;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import dev.aether.repl.session.NamedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prompt thread, except each watch loop, which runs on its own daemon thread ({@code aether-watch-FILE}) and
 * only hands the file to the evaluation worker. {@code :watch FILE.jsh}: evaluates the file now and again every
 * time it is saved; {@code :watch stop FILE} ends it.
 */
final class WatchCommand implements ConsoleCommand, AutoCloseable {
    private final Map<Path, WatchService> watches = new ConcurrentHashMap<>();

    @Override public String name() { return "watch"; }
    @Override public String usage() { return ":watch FILE.jsh | :watch stop FILE"; }
    @Override public String summary() { return "re-evaluate a script on every save"; }

    @Override public void run(String args, CommandContext console) throws IOException {
        String a = ConsoleCommand.requireArg(args, usage());
        if (a.startsWith("stop")) {
            Path p = Path.of(a.substring(4).strip()).toAbsolutePath().normalize();
            WatchService w = watches.remove(p);
            console.print(w == null ? "not watching " + p : "stopped watching " + p);
            if (w != null) w.close();
            return;
        }
        Path file = NamedFiles.readable(a);
        WatchService ws = file.getFileSystem().newWatchService();
        file.getParent().register(ws, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
        WatchService old = watches.put(file, ws);
        if (old != null) old.close();
        console.print("watching " + file);
        console.evaluate(Files.readString(file), 0);
        Thread t = new Thread(() -> loop(file, ws, console), "aether-watch-" + file.getFileName());
        t.setDaemon(true);
        t.start();
    }

    private void loop(Path file, WatchService ws, CommandContext console) {
        String lastText = null;
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
                console.evaluate(text, 0);
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // stopped
        } catch (IOException e) {
            console.print(":watch " + file + ": " + e.getMessage());
        }
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
