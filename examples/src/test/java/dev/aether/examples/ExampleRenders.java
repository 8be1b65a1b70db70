package dev.aether.examples;

import dev.aether.core.io.AudioFileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders the example scripts the way a person would, {@code aether render SCRIPT --seconds 3 --format float} in a
 * JVM of its own, twice each, two renders at a time (every script is queued on first use, the one asked for first, so
 * the renders run while the tests before them check theirs). Test code; any thread.
 */
final class ExampleRenders {
    /** Seconds rendered of every script: long enough for the slowest decay measured (reverb, pluck, echo). */
    static final double SECONDS = 3;
    static final int RATE = 48_000;
    static final int FRAMES = (int) (SECONDS * RATE);

    /** One script's two renders: the first one decoded, and whether the two files were byte-identical. */
    record Rendered(Path script, float[] left, float[] right, boolean identical) {
        float[] channel(int c) { return c == 0 ? left : right; }
    }

    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "example-render");
        t.setDaemon(true);
        return t;
    });
    private static final Map<Path, CompletableFuture<Path>> FILES = new ConcurrentHashMap<>();
    private static final Map<Path, Rendered> DONE = new ConcurrentHashMap<>();
    private static volatile boolean queued;
    /** Renders under way, ended if the test JVM exits first (a run of a few tests leaves none behind). */
    private static final java.util.Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    /** How long a test waits for its script's renders, queued behind the others' (generous: CI machines are loaded). */
    private static final long WAIT_MINUTES = 15;
    /** How long one render may take (its JVM starts JShell and compiles the script; 2-3 s on a quiet machine). */
    private static final long RENDER_SECONDS = 300;

    private ExampleRenders() {}

    static List<Path> scripts() {
        try (Stream<Path> s = Files.list(Path.of("scripts"))) {
            return s.filter(p -> p.toString().endsWith(".jsh")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The script whose file name starts with {@code prefix} ("12-"). */
    static Path script(String prefix) {
        return scripts().stream().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no script starting with " + prefix + " in examples/scripts"));
    }

    /** The renders of {@code script}, waiting for them; an AssertionError names a failed render and its output. */
    static Rendered of(Path script) throws Exception {
        queueAll(script);
        Rendered r = DONE.get(script);
        if (r != null) return r;
        Path first = FILES.get(script).get(WAIT_MINUTES, TimeUnit.MINUTES);       // renders queue two at a time
        Path second = FILES.get(script.resolveSibling(script.getFileName() + "#2")).get(WAIT_MINUTES, TimeUnit.MINUTES);
        AudioFileReader.Decoded file = AudioFileReader.read(first);
        r = new Rendered(script, file.channel(0), file.channel(1),
                Arrays.equals(Files.readAllBytes(first), Files.readAllBytes(second)));
        DONE.put(script, r);
        return r;
    }

    /** Queues every script's two renders, {@code first}'s at the head (a run of one test renders its script first). */
    private static synchronized void queueAll(Path first) throws IOException {
        if (queued) return;
        Path dir = Files.createTempDirectory("aether-examples");
        dir.toFile().deleteOnExit();                     // after the files in it (deleteOnExit runs in reverse order)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
        List<Path> order = new java.util.ArrayList<>(List.of(first));
        for (Path s : scripts()) if (!s.equals(first)) order.add(s);
        for (Path s : order) {
            String name = s.getFileName().toString().replace(".jsh", "");
            FILES.put(s, CompletableFuture.supplyAsync(() -> render(s, dir.resolve(name + "-1.wav")), POOL));
            FILES.put(s.resolveSibling(s.getFileName() + "#2"),
                    CompletableFuture.supplyAsync(() -> render(s, dir.resolve(name + "-2.wav")), POOL));
        }
        queued = true;
    }

    private static Path render(Path script, Path wav) {
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path logFile = wav.resolveSibling(wav.getFileName() + ".log");
            wav.toFile().deleteOnExit();
            logFile.toFile().deleteOnExit();
            Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "dev.aether.repl.Aether", "render", script.toString(), "--seconds", String.valueOf(SECONDS),
                    "--format", "float", "--out", wav.toString()))
                    .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            RUNNING.add(p);
            boolean ended = p.waitFor(RENDER_SECONDS, TimeUnit.SECONDS);
            RUNNING.remove(p);
            if (!ended) {
                p.destroyForcibly();
                throw new AssertionError("aether render " + script + " did not finish in " + RENDER_SECONDS
                        + " s; output:\n" + Files.readString(logFile));
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("aether render " + script + " exited with " + p.exitValue() + "; output:\n"
                        + Files.readString(logFile));
            }
            return wav;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + script, e);
        }
    }
}
