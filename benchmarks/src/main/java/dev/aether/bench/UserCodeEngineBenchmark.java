package dev.aether.bench;

import dev.aether.bench.usercode.UserNodeHolder;
import dev.aether.bench.usercode.UserNodes;
import dev.aether.core.DspNode;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.ProcessContext;
import dev.aether.repl.eval.AetherExecutionControlProvider;
import dev.aether.repl.eval.EvalReport;
import dev.aether.repl.eval.SnippetEvaluator;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What guarding user code costs: aether's {@code DIRECT} mode weaves its budget check ({@code RunBudget.check},
 * a plain countdown; not at the back edge of a counted loop) into every method start and backward branch; on JDK
 * 21+ the stock {@code LocalExecutionControl} weaves a call to {@code REPL.$Cancel$.stopCheck()} (a volatile read)
 * into the same places. One op is {@code node.process(ctx)} over 64 frames of a user node ({@link UserNodes}:
 * one-pole low-pass, cubic soft clip (vectorisable), tanh shaper, and the standard patch of 16 voices in one node)
 * obtained four ways ({@code engine}):
 * <ul>
 *   <li>{@code JAVAC}: the same class compiled with this module (baseline; for {@code voices}, which has only a
 *       JShell copy, the {@code UNWOVEN} class);
 *   <li>{@code UNWOVEN}: defined through the console's {@link SnippetEvaluator}, javac's bytecode as it is
 *       ({@link AetherExecutionControlProvider.Mode#UNWOVEN});
 *   <li>{@code DIRECT}: the same, with the budget checks woven in, as the console runs it
 *       ({@link AetherExecutionControlProvider.Mode#DIRECT});
 *   <li>{@code STOCK_LOCAL}: the same with {@link AetherExecutionControlProvider.Mode#STOCK_LOCAL} (the JDK's
 *       {@code LocalExecutionControl}; on JDK 17 it does not weave, it stops with {@code Thread.stop}).
 * </ul>
 * The snippet {@code UserNodeHolder.node = new OnePole();} hands the instance to the benchmark.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar -f 1 -wi 3 -i 5 -w 1s -r 1s UserCodeEngineBenchmark
 * java -jar benchmarks/target/benchmarks.jar -f 2 -wi 3 -i 8 -w 1s -r 1s -p engine=UNWOVEN,DIRECT UserCodeEngineBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class UserCodeEngineBenchmark {
    private static final int FRAMES = 64;
    private static final double RATE = 48_000;

    @Param({"JAVAC", "UNWOVEN", "DIRECT", "STOCK_LOCAL"})
    public String engine;

    @Param({UserNodes.ONE_POLE, UserNodes.SOFT_CLIP, UserNodes.TANH, UserNodes.VOICES})
    public String shape;

    private SnippetEvaluator shell;
    private DspNode node;
    private ProcessContext ctx;
    private float[] output;

    @Setup
    public void setUp() {
        node = engine.equals("JAVAC") ? UserNodes.compiled(shape) : null;
        if (node == null) {
            String mode = engine.equals("JAVAC") ? "UNWOVEN" : engine;
            shell = new SnippetEvaluator(AetherExecutionControlProvider.Mode.valueOf(mode),
                    new PrintStream(OutputStream.nullOutputStream()));
            define(UserNodes.source(shape));
            define("dev.aether.bench.usercode.UserNodeHolder.node = new " + UserNodes.className(shape) + "();");
            node = UserNodeHolder.node;
            boolean woven = hasStopCheckClass();
            System.out.printf("%n[%s %s: %s, loader %s, stop-check class REPL.$Cancel$ %s]%n", engine, shape,
                    node.getClass().getName(), node.getClass().getClassLoader().getName(), woven ? "present" : "absent");
        }
        NodeSpec spec = NodeSpec.of(node).bind(this, RATE);
        node.prepare(RATE, FRAMES);
        float[][][] in = spec.newInputBuffers(FRAMES), out = spec.newOutputBuffers(FRAMES);
        for (float[][] port : in) {
            for (float[] ch : port) {
                for (int i = 0; i < FRAMES; i++) ch[i] = (float) (0.5 * Math.sin(2 * Math.PI * 750 * i / RATE));
            }
        }
        output = out[0][0];
        ctx = new ProcessContext(RATE);
        ctx.bind(in, out);
        ctx.time(0, FRAMES, 120, 0);
    }

    private void define(String source) {
        EvalReport r = shell.evaluate(source);
        if (r.failed()) throw new IllegalStateException("JShell rejected: " + source + "\n" + r.text());
    }

    private boolean hasStopCheckClass() {
        try {
            shell.loader().findClass("REPL.$Cancel$");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @TearDown
    public void tearDown() {
        if (shell != null) shell.close();
    }

    /** One 64-frame block of the user node. */
    @Benchmark
    public float process() {
        node.process(ctx);
        return output[FRAMES - 1];
    }
}
