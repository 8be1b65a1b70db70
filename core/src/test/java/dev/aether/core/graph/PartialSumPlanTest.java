package dev.aether.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.ParallelMode;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.buffer.BufferPool;
import dev.aether.core.testing.TestGain;
import dev.aether.core.testing.TestSine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Partial sums change where a join's terms are added, never what it reads. Each plan is run symbolically: a buffer
 * holds the terms it carries ({@code node/port/channel} → gain), a node's outputs get its own terms, sums and partial
 * sums add their sources' terms, and every input a node reads must carry exactly what the patch's edges and the
 * channel rules say. Plans split for two threads are run with their tasks in several orders (as two threads may
 * interleave them), with no buffer written by two tasks and no entry writing what it reads.
 */
class PartialSumPlanTest {
    private final Patch patch = new Patch(48_000);
    private final MasterBus bus = new MasterBus();
    private final NodeSlot master = patch.add(bus);
    private final Map<Long, NodeSlot> slots = new HashMap<>();

    /** Stereo out of nothing. Ports: out (2 channels). */
    static final class Stereo implements DspNode {
        final OutputPort out = Ports.audioOut("out", 2);
        @Override public void process(ProcessContext ctx) {}
    }

    /**
     * 240 voices: a third straight into the master, the rest into a mono mixer (every tenth a stereo source, averaged
     * into it), four tracks of eight voices into a bus and an effect, and the mixer, the effects and the master.
     */
    private void buildPatch() {
        TestGain mixer = new TestGain();
        patch.add(mixer);
        for (int v = 0; v < 240; v++) {
            OutputPort out;
            if (v % 10 == 0) {
                Stereo s = new Stereo();
                patch.add(s);
                out = s.out;
            } else {
                TestSine s = new TestSine();
                TestGain g = new TestGain();
                patch.add(s);
                patch.add(g);
                patch.connect(s.out, g.in);
                out = g.out;
            }
            if (v % 3 == 0) patch.connect(out, bus.in);
            else patch.connect(out, mixer.in);
        }
        patch.connect(mixer.out, bus.in);
        for (int t = 0; t < 4; t++) {
            TestGain trackBus = new TestGain(), fx = new TestGain();
            patch.add(trackBus);
            patch.add(fx);
            for (int v = 0; v < 8; v++) {
                TestSine s = new TestSine();
                patch.add(s);
                patch.connect(s.out, trackBus.in);
            }
            patch.connect(trackBus.out, fx.in);
            patch.connect(fx.out, bus.in);
        }
    }

    @Test
    void shouldReadWhatTheEdgesSayWithPartialSumsOnOneThreadAndTwo() {
        buildPatch();
        ExecutionPlan serial = new PlanCompiler(new BufferPool(64, 8), ParallelMode.OFF).compile(patch, master);
        ExecutionPlan split = new PlanCompiler(new BufferPool(64, 8), ParallelMode.ON).compile(patch, master);
        assertThat(serial.parallel).isNull();
        assertThat(split.parallel).isNotNull();
        assertThat(partials(serial)).as("partial sums on one thread").isGreaterThanOrEqualTo(16)
                .isEqualTo(partials(split));

        run(serial, null);
        run(split, null);
        Random random = new Random(15);
        for (int k = 0; k < 5; k++) {
            List<Integer> tasks = new ArrayList<>();
            for (int t = 0; t < split.parallel.tasks(); t++) tasks.add(t);
            Collections.shuffle(tasks, random);
            run(split, tasks);
        }
    }

    @Test
    void shouldMakeNoPartialSumsWhenThePlanIsTooSmallToSplit() {
        TestGain mixer = new TestGain();
        patch.add(mixer);
        for (int v = 0; v < 6; v++) {
            TestSine s = new TestSine();
            patch.add(s);
            patch.connect(s.out, mixer.in);
        }
        patch.connect(mixer.out, bus.in);
        ExecutionPlan plan = new PlanCompiler(new BufferPool(64, 8), ParallelMode.OFF).compile(patch, master);
        assertThat(partials(plan)).isZero();
        run(plan, null);
    }

    private static int partials(ExecutionPlan plan) {
        int n = 0;
        for (PlanEntry e : plan.entries) n += e.partialTargets.length;
        return n;
    }

    /** Runs {@code plan} symbolically: its tasks in {@code taskOrder} (all of them in plan order when null). */
    private void run(ExecutionPlan plan, List<Integer> taskOrder) {
        Map<float[], Map<String, Double>> held = new IdentityHashMap<>();
        ParallelSchedule s = plan.parallel;
        if (taskOrder == null || s == null) {
            for (PlanEntry e : plan.entries) step(e, held);
            return;
        }
        Map<float[], Integer> writer = new IdentityHashMap<>();
        for (int t : taskOrder) {
            for (int i = s.taskStart(t); i < s.taskEnd(t); i++) {
                PlanEntry e = plan.entries[i];
                for (float[][] written : List.of(e.outputBuffers, e.sumTargets, e.partialTargets)) {
                    for (float[] b : written) {
                        assertThat(writer.putIfAbsent(b, t)).as("a buffer %s in task %d also writes", e.slot.label(), t)
                                .isIn(null, t);
                    }
                }
                step(e, held);
            }
        }
        for (int i = s.tailStart(); i < plan.entries.length; i++) step(plan.entries[i], held);
    }

    /** One entry: sums, a check of every input channel against the edges, its outputs, its partial sums. */
    private void step(PlanEntry e, Map<float[], Map<String, Double>> held) {
        List<float[]> inputs = new ArrayList<>();
        for (float[][] port : e.inputs) inputs.addAll(List.of(port));
        List<float[]> partialReads = new ArrayList<>(List.of(e.outputBuffers));
        for (float[][] src : e.partialSources) partialReads.addAll(List.of(src));
        for (float[][] src : e.sumSources) assertNoneOf(e, e.sumTargets, List.of(src), "sums into a buffer it sums");
        assertNoneOf(e, e.outputBuffers, inputs, "writes an output it reads");
        assertNoneOf(e, e.partialTargets, partialReads, "makes a partial sum in a buffer it reads or writes");

        add(e.sumTargets, e.sumSources, e.sumGains, held);
        for (InputPort in : e.slot.spec().inputs()) {
            for (int c = 0; c < in.channels(); c++) {
                Map<String, Double> got = held.getOrDefault(e.inputs[in.index()][c], Map.of());
                Map<String, Double> want = expected(e.slot, in, c);
                assertThat(got.keySet()).as("%s %s[%d] carries", e.slot.label(), in.name(), c).isEqualTo(want.keySet());
                for (var w : want.entrySet()) assertThat(got.get(w.getKey())).isCloseTo(w.getValue(), within(1e-6));
            }
        }
        for (OutputPort op : e.slot.spec().outputs()) {
            for (int c = 0; c < op.channels(); c++) {
                held.put(e.outputs[op.index()][c], Map.of(token(e.slot.id().packed(), op.name(), c), 1.0));
            }
        }
        add(e.partialTargets, e.partialSources, e.partialGains, held);
    }

    private static void assertNoneOf(PlanEntry e, float[][] written, List<float[]> read, String what) {
        for (float[] w : written) assertThat(read.stream().noneMatch(r -> r == w)).as("%s %s", e.slot.label(), what).isTrue();
    }

    private static void add(float[][] targets, float[][][] sources, float[][] gains, Map<float[], Map<String, Double>> held) {
        for (int k = 0; k < targets.length; k++) {
            Map<String, Double> sum = new HashMap<>();
            for (int j = 0; j < sources[k].length; j++) {
                double g = gains[k][j];
                held.getOrDefault(sources[k][j], Map.of()).forEach((t, v) -> sum.merge(t, v * g, Double::sum));
            }
            held.put(targets[k], sum);
        }
    }

    /** What channel {@code c} of {@code in} should carry, from the patch's edges and the channel rules. */
    private Map<String, Double> expected(NodeSlot slot, InputPort in, int c) {
        if (slots.isEmpty()) for (NodeSlot s : patch.order()) slots.put(s.id().packed(), s);
        Map<String, Double> want = new HashMap<>();
        for (Edge e : patch.edges()) {
            if (e.to() != slot.id().packed() || !e.toPort().equals(in.name())) continue;
            int n = slots.get(e.from()).spec().output(e.fromPort()).channels();
            if (n == 1) want.merge(token(e.from(), e.fromPort(), 0), 1.0, Double::sum);
            else if (in.channels() == 1) for (int k = 0; k < n; k++) want.merge(token(e.from(), e.fromPort(), k), 1.0 / n, Double::sum);
            else if (c < n) want.merge(token(e.from(), e.fromPort(), c), 1.0, Double::sum);
        }
        return want;
    }

    private static String token(long node, String port, int c) { return node + "/" + port + "/" + c; }
}
