package dev.aether.bench;

import dev.aether.bench.patch.Voicing;
import dev.aether.core.EngineConfig;
import dev.aether.core.ParallelMode;
import dev.aether.core.driver.AudioSource;
import dev.aether.core.driver.RealtimeScheduling;
import dev.aether.core.engine.Engine;
import dev.aether.core.rt.Scheduler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * One thread against two on the standard patch built node by node from the stdlib
 * ({@link StandardPatchBenchmark#addStdlibPatch}: {@code 5N + 2} nodes), one 64-frame block per op, 48 kHz:
 * {@code mode=OFF} runs the plan on the benchmark thread alone, {@code ON} shares its voices with the engine's
 * parallel worker, {@code AUTO} lets the cost estimate decide (it stays on one thread for small plans). The speed-up
 * is the OFF score over the ON score at the same {@code voices}. Output is bit-identical either way
 * ({@code ParallelRenderTest}).
 *
 * <p>With {@code -jvmArgsAppend -Dbench.fifo=PRIORITY} the benchmark thread (standing in for the audio thread) and
 * the worker run at {@code SCHED_FIFO PRIORITY}, as with a live driver that got it: on a loaded machine this keeps
 * normal threads from preempting the worker mid-task (which makes the audio thread wait).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ParallelPlanBenchmark -p voices=256 -p mode=OFF,ON -bm sample
 * java -jar benchmarks/target/benchmarks.jar ParallelPlanBenchmark -p voices=256 -p mode=OFF,ON -bm sample -jvmArgsAppend -Dbench.fifo=10</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class ParallelPlanBenchmark {
    @Param({"16", "64", "256"})
    public int voices;
    @Param({"OFF", "ON", "AUTO"})
    public ParallelMode mode;

    Engine engine;
    AudioSource source;
    final float[] interleaved = new float[2 * Voicing.FRAMES];

    @Setup(Level.Trial)
    public void setUp() {
        engine = Engine.create(EngineConfig.defaults().sampleRate(Voicing.SAMPLE_RATE).blockSize(Voicing.FRAMES), mode);
        Integer fifo = Integer.getInteger("bench.fifo");
        if (fifo != null) {
            System.out.printf("%nbenchmark thread: %s%n", RealtimeScheduling.requestFifo(
                    RealtimeScheduling.currentNativeThreadId(), fifo).report().replace("audio thread", "SCHED"));
            ((Scheduler) engine.source()).parallelFifo(fifo);
        }
        StandardPatchBenchmark.addStdlibPatch(engine, voices);
        source = StandardPatchBenchmark.settle(engine, interleaved, "engine (stdlib, parallel " + mode + ")");
        boolean split = ((Scheduler) engine.source()).currentPlan().parallel != null;
        System.out.printf("%n%d voices, %s: plan %s%n", voices, mode, split ? "split for two threads" : "on one thread");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.printf("%n%s%n", engine.parallelReport());
        engine.close();
    }

    // the event ring is not drained: see SchedulerBenchmark#renderBlock
    @Benchmark
    public float[] renderBlock() {
        source.renderRt(interleaved, Voicing.FRAMES);
        return interleaved;
    }
}
