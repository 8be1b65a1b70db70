package dev.aether.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.ParallelMode;
import dev.aether.core.buffer.BufferPool;
import dev.aether.core.testing.TestGain;
import dev.aether.core.testing.TestSine;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How plans are cut for two threads: voices become tasks, the join is the tail, small or serial plans stay whole. */
class BranchPartitionTest {
    private final Patch patch = new Patch(48_000);
    private final MasterBus bus = new MasterBus();
    private final NodeSlot master = patch.add(bus);

    /** {@code voices} sine → gain chains into one mixer gain into the master. */
    private TestGain voicesIntoMixer(int voices) {
        TestGain mix = new TestGain();
        patch.add(mix);
        for (int v = 0; v < voices; v++) {
            TestSine s = new TestSine();
            TestGain g = new TestGain();
            patch.add(s);
            patch.add(g);
            patch.connect(s.out, g.in);
            patch.connect(g.out, mix.in);
        }
        patch.connect(mix.out, bus.in);
        return mix;
    }

    @Test
    void shouldMakeVoicesTasksAndTheirJoinTheTail() {
        TestGain mix = voicesIntoMixer(100);
        ExecutionPlan plan = new PlanCompiler(new BufferPool(64, 8), ParallelMode.ON).compile(patch, master);
        ParallelSchedule s = plan.parallel;
        assertThat(s).isNotNull();
        assertThat(s.tasks()).isBetween(BranchPartition.TARGET_TASKS / 2, BranchPartition.TARGET_TASKS + 1);
        assertThat(plan.entries.length - s.tailStart()).as("tail: the mixer and the master").isEqualTo(2);
        assertThat(plan.entries[s.tailStart()].node).isSameAs(mix);
        // no task reads what another task writes, and no buffer is written in two tasks
        Map<float[], Integer> writer = new IdentityHashMap<>();
        for (int k = 0; k < s.tasks(); k++) {
            for (int i = s.taskStart(k); i < s.taskEnd(k); i++) {
                PlanEntry e = plan.entries[i];
                for (float[] b : e.outputBuffers) assertThat(writer.putIfAbsent(b, k)).as("buffer of two tasks").isIn(null, k);
                if (e.sums != null) for (float[] b : e.sums.targets) assertThat(writer.putIfAbsent(b, k)).as("sum buffer of two tasks").isIn(null, k);
            }
        }
        for (int k = 0; k < s.tasks(); k++) {
            for (int i = s.taskStart(k); i < s.taskEnd(k); i++) {
                for (float[][] port : plan.entries[i].inputs) {
                    for (float[] b : port) assertThat(writer.getOrDefault(b, k)).as("input from another task").isEqualTo(k);
                }
            }
        }
        Set<Integer> indices = new HashSet<>();
        for (PlanEntry e : plan.entries) indices.add(e.index);
        assertThat(indices).hasSize(plan.entries.length);
    }

    @Test
    void shouldKeepSmallPlansOnOneThreadInAuto() {
        voicesIntoMixer(4);
        assertThat(new PlanCompiler(new BufferPool(64, 8), ParallelMode.AUTO).compile(patch, master).parallel).isNull();
        assertThat(new PlanCompiler(new BufferPool(64, 8), ParallelMode.ON).compile(patch, master).parallel).isNotNull();
    }

    @Test
    void shouldKeepAChainWhole() {
        TestSine s = new TestSine();
        patch.add(s);
        TestGain last = null;
        for (int k = 0; k < 50; k++) {
            TestGain g = new TestGain();
            patch.add(g);
            patch.connect(last == null ? s.out : last.out, g.in);
            last = g;
        }
        patch.connect(last.out, bus.in);
        assertThat(new PlanCompiler(new BufferPool(64, 8), ParallelMode.ON).compile(patch, master).parallel)
                .as("one chain: nothing to run beside anything").isNull();
    }

    @Test
    void shouldNeverSplitWhenOff() {
        voicesIntoMixer(300);
        assertThat(new PlanCompiler(new BufferPool(64, 8), ParallelMode.OFF).compile(patch, master).parallel).isNull();
        assertThat(new PlanCompiler(new BufferPool(64, 8), ParallelMode.AUTO).compile(patch, master).parallel)
                .as("300 voices pay in AUTO (on 2+ cores)").matches(p -> p != null || Runtime.getRuntime().availableProcessors() < 2);
    }
}
