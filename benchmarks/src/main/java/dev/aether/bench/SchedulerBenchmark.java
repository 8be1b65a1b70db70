package dev.aether.bench;

import dev.aether.core.ParallelMode;
import dev.aether.core.rt.OutputScan;
import dev.aether.core.rt.Scheduler;

import dev.aether.bench.nodes.ZeroStages;
import dev.aether.core.DspNode;
import dev.aether.core.engine.Engine;
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
 *   <li>{@link #scanOnly}: the scheduler's per-output scan ({@code Scheduler.scanRt}: one integer max over the
 *       samples' magnitude bits for NaN/Inf, peak and denormals)
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

    /**
     * What every stage writes ({@code ZeroStages.level}): 0 is silence, which the guard settles with one wide
     * compare; a finite non-zero level takes it through the OR scan, as a sounding signal does.
     */
    @Param({"0"})
    public float level;

    private Engine engine;
    private AudioSource source;
    private final float[] interleaved = new float[2 * FRAMES];
    private PlanEntry[] entries;
    private ProcessContext ctx;

    @Setup
    public void setUp() {
        ZeroStages.level = level;
        engine = Engine.create(EngineConfig.defaults().sampleRate(48_000).blockSize(FRAMES), ParallelMode.OFF);
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
        ExecutionPlan plan = ((Scheduler) engine.source()).currentPlan();
        if (plan.entries.length != nodes + 1) throw new IllegalStateException("plan has " + plan.entries.length + " entries");
        entries = plan.entries;
        ctx = new ProcessContext(48_000);
        ctx.time(0, FRAMES, 120, 0);
    }

    @TearDown
    public void tearDown() { engine.close(); }

    /**
     * One block through the scheduler (the figure the target is about). Nobody drains the engine's event
     * ring here (draining allocates event records on the control side, which -prof gc would charge to the
     * audio path), so once it is full meter events are dropped at a cheap failed claim; publishing them
     * would cost a few tens of ns per block more.
     */
    @Benchmark
    public float[] renderBlock() {
        source.renderRt(interleaved, FRAMES);
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

    /**
     * A copy of the scheduler's scan: peak, finiteness and denormal-flush decisions from one integer max over the
     * sign-cleared bit patterns ({@code >= 0x7f800000} is NaN or Inf; for finite floats the bit order is the
     * magnitude order). The sum of squares for RMS is taken only for the nodes metered in a block, so not here.
     */
    @Benchmark
    public void scanOnly(Blackhole bh) {
        for (PlanEntry e : entries) {
            int peakBits = 0;
            for (float[][] port : e.outputs) {
                for (float[] b : port) {
                    int m = 0;
                    for (int i = 0; i < FRAMES; i++) m = Math.max(m, Float.floatToRawIntBits(b[i]) & 0x7fffffff);
                    if (m >= 0x7f800000) bh.consume(b);                         // NaN or Inf: fault
                    if (m > 0 && m < 0x0da24260) java.util.Arrays.fill(b, 0, FRAMES, 0f);   // below 1e-30f
                    peakBits = Math.max(peakBits, m);
                }
            }
            bh.consume(Float.intBitsToFloat(peakBits));
        }
    }

    /**
     * The floor of a finiteness check alone (x * 0 is 0 for finite x, NaN otherwise; four accumulators). In this
     * benchmark it costs half of {@link #scanOnly}, but inside the scheduler a scan of this kind rendered no faster
     * than the integer max (2026-11: {@code renderBlock} 42–44 µs against 39–44 µs, standard patch 149 against
     * 144 µs), so the scheduler keeps the scan that also gives the exact peak.
     */
    @Benchmark
    public void scanTimesZero(Blackhole bh) {
        for (PlanEntry e : entries) {
            for (float[] b : e.outputBuffers) {
                float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int i = 0; i < FRAMES; i += 4) {
                    s0 += b[i] * 0f;
                    s1 += b[i + 1] * 0f;
                    s2 += b[i + 2] * 0f;
                    s3 += b[i + 3] * 0f;
                }
                if ((s0 + s1) + (s2 + s3) != 0f) bh.consume(b);
            }
        }
    }

    /** {@link #scanOnly}'s decisions from four running maxima ({@code OutputScan.peakBitsRt}, the meter's scan). */
    @Benchmark
    public void scanFourChains(Blackhole bh) {
        for (PlanEntry e : entries) {
            int peakBits = 0;
            for (float[] b : e.outputBuffers) {
                int m = OutputScan.peakBitsRt(b, FRAMES);
                if (m >= OutputScan.NON_FINITE_BITS) bh.consume(b);
                if (m > 0 && m < OutputScan.TINY_BITS) java.util.Arrays.fill(b, 0, FRAMES, 0f);
                peakBits = Math.max(peakBits, m);
            }
            bh.consume(Float.intBitsToFloat(peakBits));
        }
    }

    /**
     * The scheduler's per-block guard ({@code Scheduler.guardRt}): an OR of the magnitude bits settles finiteness
     * and denormal tails; only an OR at or above the NaN/Inf pattern asks for the exact max. No peak.
     */
    @Benchmark
    public void scanOr(Blackhole bh) {
        for (PlanEntry e : entries) {
            for (float[] b : e.readOutputs) {
                int o = OutputScan.orBitsRt(b, FRAMES);
                if (o >= OutputScan.NON_FINITE_BITS && OutputScan.peakBitsRt(b, FRAMES) >= OutputScan.NON_FINITE_BITS) bh.consume(b);
                if (o < OutputScan.TINY_BITS && o != 0) java.util.Arrays.fill(b, 0, FRAMES, 0f);
            }
        }
    }

    /** The floor of visiting the plan's output buffers (one sample read from each). */
    @Benchmark
    public float walkOnly() {
        float acc = 0;
        for (PlanEntry e : entries) for (float[] b : e.outputBuffers) acc += b[FRAMES - 1];
        return acc;
    }
}
