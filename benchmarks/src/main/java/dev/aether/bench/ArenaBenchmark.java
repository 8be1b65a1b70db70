package dev.aether.bench;

import dev.aether.core.graph.NodeArena;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Generational arena churn. Target (issue 3 of the arena): 1000 inserts + 1000 removes per op in
 * <b>≤ 2 µs</b>. {@link #fillThenEmpty} inserts 1000 values then removes all 1000 (ids held in an array);
 * {@link #insertRemovePairs} inserts and immediately removes, 1000 times (slot reuse, generation bump).
 * The arena is pre-grown, as in the engine after start, so no op allocates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ArenaBenchmark {
    private static final int COUNT = 1000;
    private NodeArena<Object> arena;
    private final long[] ids = new long[COUNT];
    private final Object value = new Object();

    @Setup
    public void setUp() {
        arena = new NodeArena<>(COUNT);
    }

    @Benchmark
    public int fillThenEmpty() {
        NodeArena<Object> a = arena;
        long[] held = ids;
        for (int i = 0; i < COUNT; i++) held[i] = a.insert(value);
        for (int i = 0; i < COUNT; i++) a.remove(held[i]);
        return a.size();
    }

    @Benchmark
    public long insertRemovePairs() {
        NodeArena<Object> a = arena;
        long acc = 0;
        for (int i = 0; i < COUNT; i++) {
            long id = a.insert(value);
            acc += id;
            a.remove(id);
        }
        return acc;
    }
}
