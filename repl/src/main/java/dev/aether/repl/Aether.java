package dev.aether.repl;

import dev.aether.core.driver.DriverConfig;
import dev.aether.core.driver.DriverFactory;
import dev.aether.core.io.WavFormat;
import dev.aether.core.io.WavWriter;

import dev.aether.core.EngineConfig;
import dev.aether.repl.console.Console;
import dev.aether.repl.console.ConsoleConfig;
import dev.aether.repl.eval.EvalReport;
import dev.aether.repl.eval.StartupTrace;
import dev.aether.repl.eval.TraceLog;
import dev.aether.repl.session.InputJournal;
import dev.aether.repl.session.NamedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Main thread (it becomes the prompt thread). Entry point of {@code bin/aether}: the console, {@code run} and
 * {@code render}. See {@link LaunchOptions}.
 */
public final class Aether {
    private Aether() {}

    public static void main(String[] args) throws Exception {
        StartupTrace.mark("main");
        LaunchOptions o;
        try {
            o = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("aether: " + e.getMessage() + "\n" + LaunchOptions.USAGE);
            System.exit(64);
            return;
        }
        if (System.getProperty(TraceLog.DIRECTORY_PROPERTY) == null) TraceLog.directory(o.home().resolve("logs"));
        if (o.journal() != null && !java.nio.file.Files.isReadable(o.journal())) {
            System.err.println("aether render: --journal " + o.journal() + ": no such file (journals are in "
                    + o.home().resolve("journal") + ")");
            System.exit(66);
            return;
        }
        if (o.script() != null) {
            try {
                NamedFiles.readable(o.script());
            } catch (IllegalArgumentException e) {
                System.err.println("aether " + o.mode() + ": " + e.getMessage());
                System.exit(66);                                // EX_NOINPUT
                return;
            }
        }
        int code;
        switch (o.mode()) {
            case "help": System.out.println(LaunchOptions.USAGE); code = 0; break;
            case "render": code = render(o); break;
            default: code = live(o); break;
        }
        System.exit(code);
    }

    /** The user code budget of {@code aether render}, in ms: offline, heavy nodes may take longer than real time. */
    static final double OFFLINE_BUDGET_MILLIS = 250;

    /**
     * The user code budget from the system property {@code aether.budget.ms} (set it through {@code AETHER_JAVA_OPTS}),
     * else {@code otherwise} (0: the engine's automatic budget).
     */
    static double budgetMillis(double otherwise) {
        String ms = System.getProperty("aether.budget.ms");
        if (ms == null || ms.isBlank()) return otherwise;
        try {
            return Double.parseDouble(ms.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("aether.budget.ms must be a number of milliseconds, was '" + ms + "'");
        }
    }

    /** The console (and {@code run}): engine on a driver, journal on, prompt until :quit. */
    static int live(LaunchOptions o) throws IOException, InterruptedException {
        Terminal terminal = TerminalBuilder.builder().name("aether").system(true).build();
        StartupTrace.mark("terminal " + terminal.getClass().getSimpleName());
        Path journalDir = o.home().resolve("journal");
        Optional<Path> previous = InputJournal.newest(journalDir, null);
        InputJournal journal = InputJournal.start(journalDir);
        EngineConfig config = EngineConfig.defaults().sampleRate(o.rate()).blockSize(o.block())
                .userCodeBudgetMillis(budgetMillis(0));
        journal.engine(o.rate(), o.block());
        try (AetherRuntime rt = new AetherRuntime(config, terminal, ConsoleConfig.interactive(o.home()), journal,
                new PrintStream(terminal.output(), true))) {
            StartupTrace.mark("runtime constructed");
            Console console = rt.console();
            // The plain console shows its prompt while the audio starts (the engine's warm-up and the device take a
            // while on a cold JVM); the first input waits for it. A script or a recovery waits for it first.
            CompletableFuture<Void> audio = startAudio(rt, config, o);
            CompletableFuture<Void> firstInput = new CompletableFuture<>();   // or the script, or the recovery
            if (o.script() != null || o.recover()) {
                audio.join();
            } else {
                CompletableFuture<Void> audioTried = audio.exceptionally(e -> null);   // said above the prompt
                rt.evaluator().inputScope(evaluation -> {
                    audioTried.join();
                    try {
                        return rt.session().input(evaluation);
                    } finally {
                        firstInput.complete(null);
                    }
                });
            }
            commitHeapLater(audio, firstInput, o.script() != null && !o.interactive() ? () -> true : console::isIdle);
            if (o.script() == null || o.interactive()) console.catchCtrlC();   // `run` without -i: Ctrl-C stops it
            startOsc(rt, o);
            if (o.recover()) recover(rt, previous);
            if (o.script() != null) console.evaluate(Files.readString(o.script()), Long.MAX_VALUE).join();
            if (o.script() != null || o.recover()) firstInput.complete(null);
            if (o.script() != null && !o.interactive()) {
                console.print("playing " + o.script() + "; Ctrl-C to stop");
                new CountDownLatch(1).await();
            }
            StartupTrace.mark("console runs");
            console.run();
        }
        return 0;
    }

    /** Seconds after the audio started that {@link #commitHeapLater} waits for the first input at most. */
    static final long HEAP_COMMIT_DELAY_SECONDS = 3;

    /**
     * Starts {@link HeapCommit}'s thread once the audio has started (or failed to) and {@code firstInput} completed,
     * or {@value #HEAP_COMMIT_DELAY_SECONDS} s after the audio when it does not, and lets it step only while {@code
     * idle}: its second of work then competes with neither the prompt's start-up, nor JShell's first compile, nor the
     * inputs that follow (started with the audio and never pausing, it made the first inputs 0.1–0.5 s slower).
     */
    static void commitHeapLater(CompletableFuture<Void> audio, CompletableFuture<Void> firstInput,
                                BooleanSupplier idle) {
        audio.handle((started, failed) -> null)
                .thenCompose(v -> firstInput.completeOnTimeout(null, HEAP_COMMIT_DELAY_SECONDS, TimeUnit.SECONDS))
                .thenRun(() -> HeapCommit.startInBackground(idle));
    }

    /** Configures and starts the OSC server as the launcher's flags say; a problem is said, and the console goes on. */
    static void startOsc(AetherRuntime rt, LaunchOptions o) {
        if (o.oscPort() < 0 && o.oscBind() == null && o.oscToken() == null) return;
        try {
            rt.osc().configure(o.oscBind() == null ? null : java.net.InetAddress.getByName(o.oscBind()), o.oscToken());
            if (o.oscPort() > 0) rt.osc().start(o.oscPort(), rt.console());
        } catch (IOException | RuntimeException e) {
            rt.console().print("aether: OSC not started: " + (e instanceof java.net.UnknownHostException
                    ? "--osc-bind " + o.oscBind() + " is not an address of this machine" : e.getMessage())
                    + "; :osc PORT starts it on another port");
        }
    }

    /**
     * Chooses the driver and starts the engine on it, on a thread of its own ({@value #AUDIO_START_THREAD}); says which
     * driver plays, or why none does, above the prompt. The future fails when the audio could not start.
     */
    static CompletableFuture<Void> startAudio(AetherRuntime rt, EngineConfig config, LaunchOptions o) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Console console = rt.console();
        Thread t = new Thread(() -> {
            try {
                var choice = DriverFactory.defaultDriver(DriverConfig.defaults()
                        .sampleRateHz((int) Math.round(config.sampleRate())).bufferFrames(o.bufferFrames()));
                if (choice.notice() != null) console.print(choice.notice());
                StartupTrace.mark("driver chosen");
                rt.engine().start(choice.driver());
                StartupTrace.mark("engine started");
                console.print("aether: audio on " + choice.driver().description() + "; "
                        + choice.driver().schedulingReport() + "; :help for help, :quit to leave");
                started.complete(null);
            } catch (RuntimeException | Error e) {
                console.print("aether: the audio did not start: "
                        + TraceLog.oneLine(e.getClass().getName(), e.getMessage(), e));
                started.completeExceptionally(e);
            }
        }, AUDIO_START_THREAD);
        t.setDaemon(true);
        t.start();
        return started;
    }

    /** Name of the thread that starts the audio of the console. */
    static final String AUDIO_START_THREAD = "aether-audio-start";

    /**
     * Replays the previous session's journal in order: Java is evaluated, colon commands ({@code :panic},
     * {@code :undo}, {@code :open} with the file's text, {@code :tempo}) are run; after each input the fades it
     * started finish, as they did while the person typed, so the graph is rebuilt as it was. Quantised edits apply at
     * once (the beats they waited for are past), and it says so.
     */
    static void recover(AetherRuntime rt, Optional<Path> previous) throws InterruptedException {
        Console console = rt.console();
        if (previous.isEmpty()) {
            console.print("nothing to recover: no earlier journal");
            return;
        }
        List<String> entries = InputJournal.entries(previous.get());
        console.print("recovering " + entries.size() + " inputs from " + previous.get()
                + "; quantised edits (quant, \"bar\", \"beat\") apply at once: the beats they waited for are past");
        rt.session().applyQuantisedAtOnce(true);
        try {
            for (String e : entries) {
                if (e.startsWith(":")) console.accept(e);
                else console.evaluate(e, Long.MAX_VALUE).join();
                rt.session().thread().awaitLater(5_000);
            }
        } finally {
            rt.session().applyQuantisedAtOnce(false);
        }
        console.print("recovered: " + rt.session().sounding().size() + " patches sound; later edits wait for the quantum "
                + rt.session().quantum() + " (quant)");
    }

    /** Renders a script offline; 0 on success, 1 on a compile or runtime error, 2 when nothing would sound, 73 when --out cannot be written. */
    static int render(LaunchOptions o) throws IOException {
        if (o.journal() != null) return JournalRender.render(o);
        EngineConfig config;
        try {
            config = EngineConfig.defaults().sampleRate(o.rate()).blockSize(o.block())
                    .userCodeBudgetMillis(budgetMillis(OFFLINE_BUDGET_MILLIS));
        } catch (IllegalArgumentException e) {
            System.err.println("aether render: " + e.getMessage());
            return 64;
        }
        try {
            NamedFiles.writable(o.out());
        } catch (IllegalArgumentException e) {
            System.err.println("aether render: --out " + e.getMessage());
            return 73;                                          // EX_CANTCREAT
        }
        Terminal terminal = new DumbTerminal("render", "dumb", InputStream.nullInputStream(), System.err,
                java.nio.charset.StandardCharsets.UTF_8);
        PrintStream userOut = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true);
        try (AetherRuntime rt = new AetherRuntime(config, terminal, ConsoleConfig.scripted(), null, userOut)) {
            StartupTrace.mark("runtime constructed");
            EvalReport report = rt.console().evaluate(Files.readString(o.script()), 0).join();
            StartupTrace.mark("script evaluated");
            if (report.failed()) {
                System.err.println("aether render: " + o.script() + " has errors (see above); nothing rendered");
                return 1;
            }
            if (rt.engine().edges().isEmpty()) {
                System.err.println("aether render: " + o.script() + " makes no sound graph (nothing is connected "
                        + "to the master; use play(...) or def(...)); nothing rendered");
                return 2;
            }
            int frames = (int) Math.round(o.seconds() * config.sampleRate());
            float[] out = new float[2 * frames];
            long t0 = System.nanoTime();
            rt.engine().render(out, frames);
            double took = (System.nanoTime() - t0) / 1e9;
            try (var wav = dev.aether.core.io.WavWriter.open(o.out(), o.wavFormat(), 2,
                    (int) Math.round(config.sampleRate()))) {
                wav.write(out, frames);
            }
            rt.faults().drain();
            StartupTrace.mark("rendered and written");
            System.err.printf("aether render: %s: %.2f s of audio in %.2f s (%.0fx real time)%n", o.out(),
                    o.seconds(), took, o.seconds() / Math.max(took, 1e-9));
            return 0;
        }
    }
}
