package dev.aether.bench;

import dev.aether.bench.nodes.ZeroStages;
import dev.aether.core.DspNode;
import dev.aether.core.Engine;
import dev.aether.core.EngineConfig;
import dev.aether.core.ProcessContext;
import dev.aether.core.driver.AudioSource;
import dev.aether.core.graph.ExecutionPlan;
import dev.aether.core.graph.PlanEntry;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scheduler overhead. Target (issue 1): one 64-frame block of a chain of 1000 trivial nodes in
 * <b>≤ 5 µs</b> ({@link #renderBlock} at {@code nodes=1000}); that is 5 ns per node per block against a
 * 1333 µs deadline at 48 kHz.
 *
 * <p>The chain is {@code nodes} stages of four classes (A, B, C, D, A, ...) that zero their mono output;
 * stage i reads stage i-1; the last feeds the master. One op renders one block through
 * {@code engine.source().renderRt(interleaved, 64)}, the driver's entry point (no {@code synchronized}).
 *
 * <p>Decomposition of the cost (same chain, same plan):
 * <ul>
 *   <li>{@link #processOnly}: the plan's {@code process} calls alone (megamorphic dispatch + zero fill), no
 *       input summing, no params, no scan: the floor any scheduler pays.</li>
 *   <li>{@link #scanOnly}: a copy of the scheduler's per-output NaN/meter scan ({@code Scheduler.scanRt})
 *       over the plan's output buffers: what the safety scan costs per block.</li>
 * </ul>
 * {@code renderBlock - processOnly - scanOnly} is the remaining per-node bookkeeping (param loops,
 * try/finally, context binding, fade check) plus the per-block fixed cost (commands, transport, meters,
 * master write with limiter).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SchedulerBenchmark {
    private static final int FRAMES = 64;

    @Param({"1", "10", "100", "1000"})
    public int nodes;

    private Engine engine;
    private AudioSource source;
    private final float[] interleaved = new float[2 * FRAMES];
    private PlanEntry[] entries;
    private ProcessContext ctx;
    private int blocks;

    @Setup
    public void setUp() {
        engine = Engine.create(EngineConfig.defaults().sampleRate(48_000).blockSize(FRAMES));
        DspNode[] chain = new DspNode[nodes];
        engine.batch(() -> {
            for (int i = 0; i < nodes; i++) {
                chain[i] = ZeroStages.create(i);
                engine.add(chain[i]);
                if (i > 0) engine.connect(ZeroStages.out(chain[i - 1]), ZeroStages.in(chain[i]));
            }
            engine.connectToMaster(ZeroStages.out(chain[nodes - 1]));
        });
        source = engine.source();
        for (int i = 0; i < 1000; i++) source.renderRt(interleaved, FRAMES);
        ExecutionPlan plan = engine.scheduler().currentPlan();
        if (plan.entries.length != nodes + 1) throw new IllegalStateException("plan has " + plan.entries.length + " entries");
        entries = plan.entries;
        ctx = new ProcessContext(48_000);
        ctx.time(0, FRAMES, 120, 0);
    }

    @TearDown
    public void tearDown() { engine.close(); }

    /** One block through the scheduler (the figure the target is about). */
    @Benchmark
    public float[] renderBlock() {
        source.renderRt(interleaved, FRAMES);
        if ((++blocks & 255) == 0) engine.pollEvents(e -> { });   // keep the event ring from staying full
        return interleaved;
    }

    /** Just the node calls of the same plan, in order (megamorphic dispatch + zero fill). */
    @Benchmark
    public void processOnly() {
        ProcessContext c = ctx;
        for (PlanEntry e : entries) {
            c.bind(e.inputs, e.outputs);
            e.node.process(c);
        }
    }

    /** A copy of {@code Scheduler.scanRt} over every output buffer of the plan (peak, sum of squares, NaN check). */
    @Benchmark
    public void scanOnly(Blackhole bh) {
        for (PlanEntry e : entries) {
            float peak = 0;
            double sumSquares = 0;
            for (float[][] port : e.outputs) {
                for (float[] b : port) {
                    float pk = 0, ss = 0;
                    for (int i = 0; i < FRAMES; i++) {
                        float v = b[i];
                        pk = Math.max(pk, Math.abs(v));
                        ss += v * v;
                    }
                    if (!(ss < Float.POSITIVE_INFINITY)) bh.consume(b);
                    if (pk < 1e-30f && pk > 0f) java.util.Arrays.fill(b, 0, FRAMES, 0f);
                    peak = Math.max(peak, pk);
                    sumSquares += ss;
                }
            }
            bh.consume(peak);
            bh.consume(sumSquares);
        }
    }
}
