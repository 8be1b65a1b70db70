package dev.aether.bench;

import dev.aether.bench.latency.LatencyMarks;
import dev.aether.bench.latency.ProbingDriver;
import dev.aether.core.EngineConfig;
import dev.aether.core.driver.DriverConfig;
import dev.aether.core.driver.PacedNullDriver;
import dev.aether.repl.AetherRuntime;
import dev.aether.repl.console.ConsoleConfig;
import dev.aether.repl.eval.EvalReport;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Edit-to-audible latency: how long after a redefinition of a playing user node is handed to the evaluation
 * worker the engine renders the first block carrying the new code's output.
 *
 * <p>Builds the console's runtime ({@link AetherRuntime}: engine, live session, evaluator with the hot
 * swapper) headless on a dumb terminal, runs the engine on {@link PacedNullDriver} (real-time paced, SCHED_FIFO
 * when allowed) wrapped by a {@link ProbingDriver}, plays a user class {@code Tone} that writes a constant, then
 * redefines {@code Tone} with a new constant again and again through {@code console.evaluate}, the path a typed
 * line takes. For each edit it measures, from the hand-over to the worker:
 * <ul>
 *   <li>compile: until the hot swapper constructs the first new instance (JShell analysis, javac, class load);
 *   <li>trial: the trial run of that instance (0.5 s of audio rendered off the audio thread), until the second
 *       instance is constructed;
 *   <li>swap: state carry, prepare, plan compile and post ({@code Engine.replace}), adoption by the audio
 *       thread at the next block and rendering, until the audio thread finished rendering the first block in
 *       which the master's left channel differs from the old constant (the equal-power crossfade starts in it).
 *       A type listener registered after the swapper also stamps the time, but the audio thread often adopts
 *       the plan before it runs, so that part ("after listener") can be negative.
 * </ul>
 * The playing instance also stamps the start of its first {@code process} call, a cross-check one block
 * earlier than the audio-side detection.
 *
 * <p>Run (args: [edits=200] [warm-up edits=30]):
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.aether.bench.EditToAudibleLatency 200 30
 * </pre>
 */
public final class EditToAudibleLatency {
    private static final String TONE = String.join("\n",
            "class Tone implements DspNode {",
            "    final OutputPort out = Ports.audioOut(\"out\");",
            "    final boolean live = dev.aether.bench.latency.LatencyMarks.constructed();",
            "    boolean startedEDIT;",           // a new name each edit: the hot swap carries same-named fields
            "    public void process(ProcessContext c) {",
            "        if (live && !startedEDIT) { startedEDIT = true; dev.aether.bench.latency.LatencyMarks.firstProcess(); }",
            "        float[] y = c.out(out);",
            "        for (int i = 0; i < c.frames(); i++) y[i] = VALUEf;",
            "    }",
            "}");

    private EditToAudibleLatency() {}

    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        DumbTerminal terminal = new DumbTerminal("latency", "dumb", InputStream.nullInputStream(),
                OutputStream.nullOutputStream(), StandardCharsets.UTF_8);
        EngineConfig config = EngineConfig.defaults();
        try (AetherRuntime rt = new AetherRuntime(config, terminal, ConsoleConfig.scripted(), null, quiet)) {
            rt.evaluator().awaitReady();
            long[] posted = new long[1];
            rt.evaluator().addTypeListener(types -> {       // runs after the hot swapper (added first)
                posted[0] = System.nanoTime();
                return List.of();
            });
            PacedNullDriver paced = new PacedNullDriver(DriverConfig.defaults()
                    .sampleRateHz((int) Math.round((double) config.sampleRate())));
            ProbingDriver driver = new ProbingDriver(paced);
            rt.engine().start(driver);
            System.out.printf("%s; %s; block %d frames at %s Hz%n", driver.description(), paced.schedulingReport(),
                    config.blockSize(), config.sampleRate());
            System.out.println(environment());

            EvalReport first = rt.console().evaluate(tone(0), Long.MAX_VALUE).join();
            EvalReport play = rt.console().evaluate("play(new Tone())", Long.MAX_VALUE).join();
            if (first.failed() || play.failed()) throw new IllegalStateException(first.text() + "\n" + play.text());
            Thread.sleep(300);                                  // fade-in

            int total = warmup + edits;
            long[][] t = new long[6][edits];     // compile, trial, swap, after listener, total, first process
            SplittableRandom random = new SplittableRandom(42);
            long lateBefore = 0;
            int suspect = 0;
            for (int k = 1; k <= total; k++) {
                float baseline = driver.lastLeft();
                LatencyMarks.reset();
                posted[0] = 0;
                driver.arm(baseline);
                long t0 = System.nanoTime();
                CompletableFuture<EvalReport> f = rt.console().evaluate(tone(k), 0);
                long deadline = t0 + 5_000_000_000L;
                while (driver.detectedNanos() == 0 && System.nanoTime() < deadline) LockSupport.parkNanos(200_000);
                EvalReport r = f.join();
                long heard = driver.detectedNanos();
                if (heard == 0 || !r.text().contains("swapped Tone")) {
                    throw new IllegalStateException("edit " + k + " not heard within 5 s: " + r.text());
                }
                long started = LatencyMarks.processNanos();
                if (started == 0 || started > heard) {
                    suspect++;
                    System.out.printf("edit %d: audio changed %s the new code's first process() call%n", k,
                            started == 0 ? "without" : "before");
                }
                if (k == warmup) lateBefore = paced.lateBlocks();
                if (k > warmup) {
                    int i = k - warmup - 1;
                    long c1 = LatencyMarks.firstNanos(), c2 = LatencyMarks.secondNanos(), p = posted[0];
                    t[0][i] = c1 - t0;
                    t[1][i] = c2 - c1;
                    t[2][i] = heard - c2;
                    t[3][i] = heard - p;
                    t[4][i] = heard - t0;
                    t[5][i] = LatencyMarks.processNanos() - t0;
                }
                // let the 10 ms crossfade finish, then wait a random part of a block so edits do not lock to blocks
                Thread.sleep(40 + random.nextInt(40));
            }
            String[] names = {"compile (eval → 1st new instance)", "trial run (0.5 s audio)",
                    "swap (replace, post, adopt, render)", "  of which after listener (can be <0)", "TOTAL edit → audible",
                    "(edit → 1st process() of new code)"};
            System.out.printf("%d edits measured after %d warm-up edits; ms:%n", edits, warmup);
            System.out.printf("%-36s %8s %8s %8s %8s %8s%n", "", "p50", "p95", "p99", "max", "mean");
            for (int s = 0; s < names.length; s++) {
                long[] v = t[s].clone();
                Arrays.sort(v);
                System.out.printf(Locale.ROOT, "%-36s %8.2f %8.2f %8.2f %8.2f %8.2f%n", names[s], pct(v, 50), pct(v, 95),
                        pct(v, 99), v[v.length - 1] / 1e6, Arrays.stream(v).average().orElse(0) / 1e6);
            }
            System.out.printf("late blocks during the measured edits: %d (resyncs so far %d); suspect detections %d%n",
                    paced.lateBlocks() - lateBefore, paced.resyncs(), suspect);
        }
        System.exit(0);
    }

    private static String tone(int k) {
        float v = (k % 2 == 0 ? 0.2f : 0.4f) + 0.0001f * (k % 97);
        return TONE.replace("VALUE", String.format(Locale.ROOT, "%.4f", v)).replace("EDIT", Integer.toString(k));
    }

    private static double pct(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    static String environment() {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (Exception e) {
            // not Linux
        }
        StringBuilder gcs = new StringBuilder();
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs.append(gcs.length() == 0 ? "" : ", ").append(g.getName());
        }
        return String.format("JVM %s %s; GC %s; flags %s; CPU %s × %d", System.getProperty("java.vm.name"),
                Runtime.version(), gcs, ManagementFactory.getRuntimeMXBean().getInputArguments(), cpu,
                Runtime.getRuntime().availableProcessors());
    }
}
