package dev.aether.bench;

import dev.aether.bench.latency.ProbingDriver;
import dev.aether.bench.patch.Voicing;
import dev.aether.core.EngineConfig;
import dev.aether.core.driver.DriverConfig;
import dev.aether.core.driver.PacedNullDriver;
import dev.aether.repl.AetherRuntime;
import dev.aether.repl.console.ConsoleConfig;
import dev.aether.repl.eval.EvalReport;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Edit-to-audible for a big input (issue 15): how long after one console input that builds the standard patch node
 * by node ({@link StandardPatchBenchmark}'s stdlib shape: N voices of {@code SawOscillator} → {@code BiquadFilter}
 * → {@code Vca} with an {@code AdsrEnvelope} on its control → {@code Gain}, all summed into one {@code Gain} and
 * played: 5N + 1 nodes, 1,281 for N = 256) is handed to the evaluation worker, the engine renders its first sample
 * that is not 0.
 *
 * <p>The console's runtime ({@link AetherRuntime}) runs headless on a dumb terminal, the engine on
 * {@link PacedNullDriver} (real-time paced) wrapped by a {@link ProbingDriver} armed for the first non-zero left
 * sample. Each run types the whole patch as one input through {@code console.evaluate} (the path a line typed or
 * pasted at the prompt takes), measures, then {@code :undo}es it and waits until the engine holds only the master
 * again. The first run includes JShell compiling the input's classes the first time; later runs are warm.
 * Reported per run: until the evaluation returned (the input ran: every add and connect made) and until the first
 * non-zero sample was rendered (end of that block's render). Before each run the same code with 0 voices (JShell
 * analyses and compiles the same loop; only {@code mix} is added and played) is timed the same way: what JShell and
 * one play cost, so the difference is what the 1,281 nodes cost.
 *
 * <p>Run (args: [voices=256] [runs=6] [reset=undo|panic]; {@code panic} clears the engine between runs where one
 * {@code :undo} does not take a whole input back, as before issue 15):
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.aether.bench.BigPatchEditToAudible 256 6
 * </pre>
 */
public final class BigPatchEditToAudible {
    private BigPatchEditToAudible() {}

    /** The standard patch of {@code voices} voices as one input of Java, a node per stage. */
    static String patch(int voices) {
        String v = "dev.aether.bench.patch.Voicing";
        return "var mix = add(new dev.aether.nodes.mix.Gain(0));\n"
                + "for (int v = 0; v < " + voices + "; v++) {\n"
                + "    var saw = add(new dev.aether.nodes.osc.SawOscillator().frequencyHz(" + v + ".frequencyHz(v)));\n"
                + "    var lp = add(new dev.aether.nodes.filter.BiquadFilter().cutoffHz(" + v + ".cutoffHz(v)).q(" + v + ".Q));\n"
                + "    var env = add(new dev.aether.nodes.env.AdsrEnvelope());\n"
                + "    env.attackSeconds.set(" + v + ".ATTACK_SECONDS); env.decaySeconds.set(" + v + ".DECAY_SECONDS);"
                + " env.sustainLevel.set(" + v + ".SUSTAIN);\n"
                + "    var vca = add(new dev.aether.nodes.mix.Vca());\n"
                + "    var level = add(new dev.aether.nodes.mix.Gain(20 * Math.log10(" + v + ".gain(" + voices + "))));\n"
                + "    connect(saw.out, lp.in); connect(lp.out, vca.in); connect(env.out, vca.control);\n"
                + "    connect(vca.out, level.in); connect(level.out, mix.in);\n"
                + "    env.noteOn();\n"
                + "}\n"
                + "play(mix);\n";
    }

    public static void main(String[] args) throws Exception {
        int voices = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        String reset = args.length > 2 ? args[2] : "undo";
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        DumbTerminal terminal = new DumbTerminal("bigpatch", "dumb", InputStream.nullInputStream(),
                OutputStream.nullOutputStream(), StandardCharsets.UTF_8);
        EngineConfig config = EngineConfig.defaults().sampleRate(Voicing.SAMPLE_RATE);
        try (AetherRuntime rt = new AetherRuntime(config, terminal, ConsoleConfig.scripted(), null, quiet)) {
            rt.evaluator().awaitReady();
            PacedNullDriver paced = new PacedNullDriver(DriverConfig.defaults().sampleRateHz(Voicing.SAMPLE_RATE));
            ProbingDriver driver = new ProbingDriver(paced);
            rt.engine().start(driver);
            System.out.printf("%s; %s; block %d frames at %s Hz%n", driver.description(), paced.schedulingReport(),
                    config.blockSize(), config.sampleRate());
            System.out.println(EditToAudibleLatency.environment());
            System.out.printf("input: %d voices, %d nodes, one evaluation (%d snippets: var, for, play)%n", voices,
                    5 * voices + 1, 3);
            String input = patch(voices);
            long[] ran = new long[runs], heard = new long[runs], empty = new long[runs];
            for (int k = 0; k < runs; k++) {
                long e0 = System.nanoTime();
                EvalReport none = rt.console().evaluate(patch(0), Long.MAX_VALUE).join();
                empty[k] = System.nanoTime() - e0;
                if (none.failed()) throw new IllegalStateException(none.text());
                rt.console().accept(":" + reset);
                long cleared = System.nanoTime() + 10_000_000_000L;
                while (rt.engine().nodes().size() > 1 && System.nanoTime() < cleared) Thread.sleep(20);
                Thread.sleep(200);
                driver.armForSound();
                long t0 = System.nanoTime();
                CompletableFuture<EvalReport> f = rt.console().evaluate(input, 0);
                long[] evaluated = new long[1];
                f.thenRun(() -> evaluated[0] = System.nanoTime());
                long deadline = t0 + 300_000_000_000L;
                while (driver.detectedNanos() == 0 && System.nanoTime() < deadline) LockSupport.parkNanos(100_000);
                EvalReport r = f.join();
                if (r.failed() || driver.detectedNanos() == 0) throw new IllegalStateException("run " + k + ": not heard: " + r.text());
                while (evaluated[0] == 0) LockSupport.parkNanos(100_000);
                ran[k] = evaluated[0] - t0;
                heard[k] = driver.detectedNanos() - t0;
                int nodes = rt.engine().nodes().size();
                System.out.printf(Locale.ROOT, "run %d%s: input ran in %8.1f ms; first non-zero sample rendered %8.1f ms after"
                        + " the hand-over (%d nodes in the engine); the same input with 0 voices ran in %6.1f ms%n", k + 1,
                        k == 0 ? " (cold)" : "       ", ran[k] / 1e6, heard[k] / 1e6, nodes, empty[k] / 1e6);
                rt.console().accept(":" + reset);
                long until = System.nanoTime() + 10_000_000_000L;
                while (rt.engine().nodes().size() > 1 && System.nanoTime() < until) Thread.sleep(20);
                if (rt.engine().nodes().size() > 1) throw new IllegalStateException(":" + reset + " left " + rt.engine().nodes().size() + " nodes");
                Thread.sleep(300);
            }
            if (runs > 1) {
                long[] warmRan = Arrays.copyOfRange(ran, 1, runs), warmHeard = Arrays.copyOfRange(heard, 1, runs);
                long[] warmEmpty = Arrays.copyOfRange(empty, 1, runs);
                Arrays.sort(warmRan);
                Arrays.sort(warmHeard);
                Arrays.sort(warmEmpty);
                System.out.printf(Locale.ROOT, "warm runs (%d): edit to first sound median %.1f ms (min %.1f, max %.1f); input ran"
                        + " median %.1f ms; the same input with 0 voices median %.1f ms; late blocks %d%n", runs - 1,
                        warmHeard[warmHeard.length / 2] / 1e6, warmHeard[0] / 1e6, warmHeard[warmHeard.length - 1] / 1e6,
                        warmRan[warmRan.length / 2] / 1e6, warmEmpty[warmEmpty.length / 2] / 1e6, paced.lateBlocks());
            }
        }
        System.exit(0);
    }
}
