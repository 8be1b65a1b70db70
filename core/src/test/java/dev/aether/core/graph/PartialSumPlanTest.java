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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
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

        Symbolic symbolic = new Symbolic(patch);
        symbolic.run(serial, null);
        symbolic.runShuffled(split, new Random(15), 5);
    }

    /**
     * Random patches of 220–400 voices: chains of one to three nodes, mono or stereo, feeding one to three of a mono
     * mixer, a stereo bus and the master (sometimes from the middle of the chain as well; in a third of the patches
     * every voice is mono and feeds the mixer and the master), the mixer into the bus or the master, the bus into the master. Whatever the shape, every input carries what its edges say, on one thread
     * and on two in any task order, and both make the same partial sums.
     */
    @Property(tries = 25)
    void shouldReadWhatTheEdgesSayOnRandomPatches(@ForAll long seed) {
        Random random = new Random(seed);
        Patch patch = new Patch(48_000);
        MasterBus master = new MasterBus();
        NodeSlot masterSlot = patch.add(master);
        Thru mixer = new Thru(1, 1), stereoBus = new Thru(2, 2);
        patch.add(mixer);
        patch.add(stereoBus);
        patch.connect(mixer.out, random.nextBoolean() ? stereoBus.in : master.in);
        patch.connect(stereoBus.out, master.in);
        InputPort[] joins = {mixer.in, stereoBus.in, master.in};
        int voices = 220 + random.nextInt(181);
        boolean everyVoiceToMixerAndMaster = random.nextInt(3) == 0;   // mono voices: a task's terms the same for both
        int wide = everyVoiceToMixerAndMaster ? 1 : 2;
        for (int v = 0; v < voices; v++) {
            Src first = new Src(1 + random.nextInt(wide));
            patch.add(first);
            OutputPort out = first.out;
            for (int k = random.nextInt(3); k > 0; k--) {
                Thru t = new Thru(1 + random.nextInt(wide), 1 + random.nextInt(wide));
                patch.add(t);
                patch.connect(out, t.in);
                out = t.out;
            }
            int feeds = everyVoiceToMixerAndMaster ? 2 : 1 + random.nextInt(3);
            int from = everyVoiceToMixerAndMaster ? 2 : random.nextInt(3);
            for (int j = 0; j < feeds; j++) patch.connect(out, joins[(from + j) % 3]);
            if (out != first.out && random.nextInt(10) == 0) patch.connect(first.out, joins[random.nextInt(3)]);
        }
        ExecutionPlan serial = new PlanCompiler(new BufferPool(64, 8), ParallelMode.OFF).compile(patch, masterSlot);
        ExecutionPlan split = new PlanCompiler(new BufferPool(64, 8), ParallelMode.ON).compile(patch, masterSlot);
        assertThat(partials(serial)).isEqualTo(partials(split));
        Statistics.label("split with partial sums").collect(split.parallel != null && partials(split) > 0);
        Statistics.label("split with partial sums").coverage(c -> c.check(true).percentage(p -> p >= 80));
        Symbolic symbolic = new Symbolic(patch);
        symbolic.run(serial, null);
        symbolic.run(split, null);
        if (split.parallel != null) symbolic.runShuffled(split, random, 3);
    }


    /** Silence out. Ports: out ({@code channels}). */
    static final class Src implements DspNode {
        final OutputPort out;
        Src(int channels) { out = Ports.audioOut("out", channels); }
        @Override public void process(ProcessContext ctx) {}
    }

    /** Silence out. Ports: in, out (channels as given). */
    static final class Thru implements DspNode {
        final InputPort in;
        final OutputPort out;
        Thru(int inChannels, int outChannels) {
            in = Ports.audioIn("in", inChannels);
            out = Ports.audioOut("out", outChannels);
        }
        @Override public void process(ProcessContext ctx) {}
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
        new Symbolic(patch).run(plan, null);
    }

    private static int partials(ExecutionPlan plan) {
        int n = 0;
        for (PlanEntry e : plan.entries) if (e.partials != null) n += e.partials.targets.length;
        return n;
    }

    /** Runs plans of one patch symbolically (see the class comment). */
    static final class Symbolic {
        private final Map<Long, NodeSlot> slots = new HashMap<>();
        private final Map<Long, List<Edge>> into = new HashMap<>();

        Symbolic(Patch patch) {
            for (NodeSlot s : patch.order()) slots.put(s.id().packed(), s);
            for (Edge e : patch.edges()) into.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
        }

        /** Runs {@code plan} {@code times} more times, its tasks shuffled each time. */
        void runShuffled(ExecutionPlan plan, Random random, int times) {
            for (int k = 0; k < times; k++) {
                List<Integer> tasks = new ArrayList<>();
                for (int t = 0; t < plan.parallel.tasks(); t++) tasks.add(t);
                Collections.shuffle(tasks, random);
                run(plan, tasks);
            }
        }

        /** Runs {@code plan} symbolically: its tasks in {@code taskOrder} (all of them in plan order when null). */
        void run(ExecutionPlan plan, List<Integer> taskOrder) {
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
                    for (float[][] written : List.of(e.outputBuffers, targets(e.sums), targets(e.partials))) {
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
            if (e.partials != null) for (float[][] src : e.partials.sources) partialReads.addAll(List.of(src));
            if (e.sums != null) for (float[][] src : e.sums.sources) assertNoneOf(e, e.sums.targets, List.of(src), "sums into a buffer it sums");
            assertNoneOf(e, e.outputBuffers, inputs, "writes an output it reads");
            assertNoneOf(e, targets(e.partials), partialReads, "makes a partial sum in a buffer it reads or writes");

            add(e.sums, held);
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
            add(e.partials, held);
        }

        private static void assertNoneOf(PlanEntry e, float[][] written, List<float[]> read, String what) {
            for (float[] w : written) assertThat(read.stream().noneMatch(r -> r == w)).as("%s %s", e.slot.label(), what).isTrue();
        }

        private static float[][] targets(BlockSums sums) { return sums == null ? new float[0][] : sums.targets; }

        private static void add(BlockSums sums, Map<float[], Map<String, Double>> held) {
            if (sums == null) return;
            float[][] targets = sums.targets, gains = sums.gains;
            float[][][] sources = sums.sources;
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
            Map<String, Double> want = new HashMap<>();
            for (Edge e : into.getOrDefault(slot.id().packed(), List.of())) {
                if (!e.toPort().equals(in.name())) continue;
                int n = slots.get(e.from()).spec().output(e.fromPort()).channels();
                if (n == 1) want.merge(token(e.from(), e.fromPort(), 0), 1.0, Double::sum);
                else if (in.channels() == 1) for (int k = 0; k < n; k++) want.merge(token(e.from(), e.fromPort(), k), 1.0 / n, Double::sum);
                else if (c < n) want.merge(token(e.from(), e.fromPort(), c), 1.0, Double::sum);
            }
            return want;
        }

        private static String token(long node, String port, int c) { return node + "/" + port + "/" + c; }
    }
}
