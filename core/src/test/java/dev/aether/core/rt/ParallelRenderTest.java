package dev.aether.core.rt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.aether.core.DspNode;
import dev.aether.core.EngineConfig;
import dev.aether.core.InputPort;
import dev.aether.core.NodeId;
import dev.aether.core.OutputPort;
import dev.aether.core.ParallelMode;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.budget.RunBudget;
import dev.aether.core.engine.Engine;
import dev.aether.core.engine.SwapOptions;
import dev.aether.core.graph.ExecutionPlan;
import dev.aether.core.graph.PlanEntry;
import dev.aether.core.testing.Constant;
import dev.aether.core.testing.TestGain;
import dev.aether.core.testing.TestSine;
import dev.aether.core.view.EngineEvent;
import dev.aether.core.view.NodeInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Plans split for two threads render the same bytes as on one: the same patches rendered offline with
 * {@link ParallelMode#ON} and {@link ParallelMode#OFF} must give identical float bits, with the worker having run
 * tasks (so the comparison covers the hand-off, not one thread twice).
 */
class ParallelRenderTest {
    static final int FRAMES = 24_000;

    /** A one-pole low-pass with state: an "effect" whose output depends on every block before. Ports: in, out. */
    static final class OnePole implements DspNode {
        final InputPort in = Ports.audioIn("in");
        final OutputPort out = Ports.audioOut("out");
        private final float a;
        private float z;
        OnePole(float a) { this.a = a; }
        @Override public void process(ProcessContext ctx) {
            float[] x = ctx.in(in), y = ctx.out(out);
            for (int i = 0; i < ctx.frames(); i++) y[i] = z += a * (x[i] - z);
        }
    }

    /** Throws at its 100th block. */
    static final class ThrowsOnBlock100 implements DspNode {
        final OutputPort out = Ports.audioOut("out");
        int blocks;
        @Override public void process(ProcessContext ctx) {
            if (++blocks == 100) throw new IllegalStateException("boom at block 100");
            Arrays.fill(ctx.out(out), 0, ctx.frames(), 0.25f);
        }
    }

    /** NaN from its 50th block on. */
    static final class NanFromBlock50 implements DspNode {
        final OutputPort out = Ports.audioOut("out");
        int blocks;
        @Override public void process(ProcessContext ctx) {
            Arrays.fill(ctx.out(out), 0, ctx.frames(), ++blocks >= 50 ? Float.NaN : 0.125f);
        }
    }

    /**
     * Once engaged, from its 20th block, loops until the thread's budget stops it, as woven user code does (not
     * engaged while the engine warms its class up on the control thread, which has no budget).
     */
    static final class SpinsFromBlock20 implements DspNode {
        static final int SITE = RunBudget.site("ParallelRenderTest$SpinsFromBlock20", "process", 1);
        final OutputPort out = Ports.audioOut("out");
        int blocks;
        volatile boolean engaged;
        volatile String thread;
        @Override public void process(ProcessContext ctx) {
            if (engaged && ++blocks >= 20) {
                thread = Thread.currentThread().getName();
                while (true) RunBudget.check(SITE);
            }
            Arrays.fill(ctx.out(out), 0, ctx.frames(), 0.0625f);
        }
    }

    record Rendered(float[] out, List<String> faults, long workerTasks, boolean parallelPlan, int partialSums) {}

    /** Renders {@code frames} after {@code build}, running {@code midway} (if any) half-way through. */
    static Rendered render(ParallelMode mode, EngineConfig config, Consumer<Engine> build, Consumer<Engine> midway) {
        Engine engine = Engine.create(config, mode);
        try {
            engine.batch(() -> build.accept(engine));
            float[] out = new float[2 * FRAMES];
            float[] half = new float[FRAMES];
            engine.render(half, FRAMES / 2);
            System.arraycopy(half, 0, out, 0, FRAMES);
            if (midway != null) midway.accept(engine);
            engine.render(half, FRAMES / 2);
            System.arraycopy(half, 0, out, FRAMES, FRAMES);
            List<String> faults = new ArrayList<>();
            engine.pollEvents(e -> {
                if (e instanceof EngineEvent.NodeFault f) faults.add(f.nodeLabel() + ": " + f.cause());
                if (e instanceof EngineEvent.NodeOverBudget o) faults.add(o.nodeLabel() + ": over budget");
            });
            Scheduler s = (Scheduler) engine.source();
            ExecutionPlan plan = s.currentPlan();
            int partialSums = 0;
            for (PlanEntry e : plan.entries) if (e.partials != null) partialSums += e.partials.targets.length;
            return new Rendered(out, faults, s.parallelRunner().tasksByWorker(), plan.parallel != null, partialSums);
        } finally {
            engine.close();
        }
    }

    /** {@code voices} sine → gain chains summed on the master. */
    static void voices(Engine engine, int voices, List<NodeId> sineIds) {
        for (int v = 0; v < voices; v++) {
            TestSine s = new TestSine().frequencyHz(110 + 13.7 * v);
            TestGain g = new TestGain();
            g.gain.set(1.0 / voices);
            NodeId id = engine.add(s);
            if (sineIds != null) sineIds.add(id);
            engine.add(g);
            engine.connect(s.out, g.in);
            engine.connectToMaster(g.out);
        }
    }

    static void assertSameBits(Rendered serial, Rendered parallel) {
        assertThat(serial.parallelPlan()).as("off: one thread").isFalse();
        assertThat(parallel.parallelPlan()).as("on: the plan is split").isTrue();
        assertThat(parallel.workerTasks()).as("tasks the worker ran").isPositive();
        int[] a = bits(serial.out()), b = bits(parallel.out());
        assertThat(Arrays.stream(a).anyMatch(x -> x != 0)).as("the patch sounds").isTrue();
        assertThat(b).as("parallel render, float bits").isEqualTo(a);
    }

    static int[] bits(float[] x) {
        int[] b = new int[x.length];
        for (int i = 0; i < x.length; i++) b[i] = Float.floatToRawIntBits(x[i]);
        return b;
    }

    @Test
    void shouldRenderTheSameBitsForManyVoicesOnTwoThreads() {
        Consumer<Engine> build = e -> voices(e, 64, null);
        Rendered serial = render(ParallelMode.OFF, EngineConfig.defaults(), build, null);
        Rendered parallel = render(ParallelMode.ON, EngineConfig.defaults(), build, null);
        assertSameBits(serial, parallel);
    }

    /** Stereo constants. Ports: out (2 channels). */
    static final class StereoConstant implements DspNode {
        final OutputPort out = Ports.audioOut("out", 2);
        final float left, right;
        StereoConstant(float left, float right) { this.left = left; this.right = right; }
        @Override public void process(ProcessContext ctx) {
            Arrays.fill(ctx.out(out, 0), 0, ctx.frames(), left);
            Arrays.fill(ctx.out(out, 1), 0, ctx.frames(), right);
        }
    }

    /**
     * 300 voices at distinct levels (constant → gain, or a stereo constant), a third straight into the master and the rest into a mixer (every tenth a stereo
     * source averaged into it), plus a node that throws and one that turns NaN among them: each task sums its share of
     * the mixer and of the master where it ends, on one thread as on two. The bits must agree, and once both bad
     * nodes are bypassed the master must carry every voice once (within float rounding of a double sum).
     */
    @Test
    void shouldSumEachTasksVoicesAtItsEndAndRenderTheSameBits() {
        int voices = 300;
        double[] expected = new double[1];
        Consumer<Engine> build = e -> {
            expected[0] = 0;
            TestGain mixer = new TestGain();
            e.add(mixer);
            e.connectToMaster(mixer.out);
            for (int v = 0; v < voices; v++) {
                float level = 0.001f + 0.002f * v / voices;
                OutputPort out;
                if (v % 10 == 0) {
                    StereoConstant s = new StereoConstant(level, 0.5f * level);
                    e.add(s);
                    out = s.out;
                    expected[0] += 0.5 * level + 0.5 * (0.5f * level);
                } else {
                    Constant c = new Constant(level);
                    TestGain g = new TestGain();                   // gain 1: exact
                    e.add(c);
                    e.add(g);
                    e.connect(c.out, g.in);
                    out = g.out;
                    expected[0] += level;
                }
                if (v % 3 == 0 && v % 10 != 0) e.connectToMaster(out);
                else e.connect(out, mixer.in);
                if (v == 100) {
                    ThrowsOnBlock100 t = new ThrowsOnBlock100();
                    e.add(t);
                    e.connect(t.out, mixer.in);
                }
                if (v == 200) {
                    NanFromBlock50 nan = new NanFromBlock50();
                    e.add(nan);
                    e.connectToMaster(nan.out);
                }
            }
        };
        EngineConfig config = EngineConfig.defaults().limiterCeiling(0);
        Rendered serial = render(ParallelMode.OFF, config, build, null);
        Rendered parallel = render(ParallelMode.ON, config, build, null);
        assertSameBits(serial, parallel);
        assertThat(serial.partialSums()).as("partial sums on one thread").isGreaterThanOrEqualTo(8)
                .isEqualTo(parallel.partialSums());
        assertThat(parallel.faults()).hasSize(2).containsExactlyInAnyOrderElementsOf(serial.faults());
        float[] out = parallel.out();
        for (int i = out.length / 2; i < out.length; i++) {
            assertThat((double) out[i]).as("sample %d", i).isCloseTo(expected[0], within(1e-4));
        }
    }

    @Test
    void shouldRenderTheSameBitsForTracksWithEffects() {
        Consumer<Engine> build = e -> {
            for (int t = 0; t < 4; t++) {
                TestGain bus = new TestGain();
                OnePole fx1 = new OnePole(0.2f + 0.1f * t);
                OnePole fx2 = new OnePole(0.5f);
                e.add(bus);
                e.add(fx1);
                e.add(fx2);
                for (int v = 0; v < 8; v++) {
                    TestSine s = new TestSine().frequencyHz(80 + 50 * t + 7 * v);
                    e.add(s);
                    e.connect(s.out, bus.in);                       // a track's voices summed at its bus
                }
                e.connect(bus.out, fx1.in);
                e.connect(fx1.out, fx2.in);
                e.connectToMaster(fx2.out);
            }
        };
        assertSameBits(render(ParallelMode.OFF, EngineConfig.defaults(), build, null),
                render(ParallelMode.ON, EngineConfig.defaults(), build, null));
    }

    @Test
    void shouldIsolateFaultsOnEitherThreadAndRenderTheSameBits() {
        Consumer<Engine> build = e -> {
            voices(e, 16, null);
            ThrowsOnBlock100 t = new ThrowsOnBlock100();
            NanFromBlock50 nan = new NanFromBlock50();
            e.add(t);
            e.add(nan);
            e.connectToMaster(t.out);
            voices(e, 16, null);
            e.connectToMaster(nan.out);
        };
        Rendered serial = render(ParallelMode.OFF, EngineConfig.defaults(), build, null);
        Rendered parallel = render(ParallelMode.ON, EngineConfig.defaults(), build, null);
        assertSameBits(serial, parallel);
        assertThat(serial.faults()).hasSize(2);
        assertThat(parallel.faults()).containsExactlyInAnyOrderElementsOf(serial.faults());
    }

    @Test
    void shouldRenderTheSameBitsAcrossAHotSwapMidRender() {
        Consumer<Engine> swap = e -> {
            List<NodeInfo> nodes = e.nodes();
            for (NodeInfo n : nodes) {
                if (n.node() instanceof TestSine s && s.frequencyHz.get() > 300 && s.frequencyHz.get() < 400) {
                    e.replace(n.id(), new TestSine().frequencyHz(1000), SwapOptions.DEFAULT);
                }
            }
        };
        Consumer<Engine> build = e -> voices(e, 32, null);
        assertSameBits(render(ParallelMode.OFF, EngineConfig.defaults(), build, swap),
                render(ParallelMode.ON, EngineConfig.defaults(), build, swap));
    }

    @Test
    void shouldStopUserCodeOverBudgetOnTheWorkerToo() {
        EngineConfig config = EngineConfig.defaults().userCodeBudgetMillis(2);
        List<SpinsFromBlock20> spinners = new ArrayList<>();
        Consumer<Engine> build = e -> {
            for (int k = 0; k < 16; k++) {                      // 16 spinners among 16 voices: both threads meet some
                voices(e, 1, null);
                SpinsFromBlock20 spinner = new SpinsFromBlock20();
                e.add(spinner);
                e.connectToMaster(spinner.out);
                spinner.engaged = true;
                spinners.add(spinner);
            }
        };
        Rendered parallel = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> render(ParallelMode.ON, config, build, null));
        spinners.clear();
        Rendered serial = render(ParallelMode.OFF, config, build, null);
        assertSameBits(serial, parallel);
        assertThat(parallel.faults()).as("every spinner stopped and reported").hasSize(16)
                .allMatch(f -> f.endsWith("over budget"));
    }

    /** Loops until its thread's budget stops it, but only on the parallel worker; plain output elsewhere. */
    static final class SpinsOnTheWorker implements DspNode {
        final OutputPort out = Ports.audioOut("out");
        volatile boolean engaged, stopped;
        @Override public void process(ProcessContext ctx) {
            if (engaged && Thread.currentThread().getName().equals("aether-parallel")) {
                try {
                    while (true) RunBudget.check(SpinsFromBlock20.SITE);
                } finally {
                    stopped = true;
                }
            }
            Arrays.fill(ctx.out(out), 0, ctx.frames(), 0.0625f);
        }
    }

    @Test
    void shouldStopUserCodeOverBudgetOnTheWorkerThread() {
        Engine engine = Engine.create(EngineConfig.defaults().userCodeBudgetMillis(2), ParallelMode.ON);
        try {
            List<SpinsOnTheWorker> spinners = new ArrayList<>();
            engine.batch(() -> {
                for (int k = 0; k < 8; k++) {
                    voices(engine, 1, null);
                    SpinsOnTheWorker s = new SpinsOnTheWorker();
                    engine.add(s);
                    engine.connectToMaster(s.out);
                    s.engaged = true;
                    spinners.add(s);
                }
            });
            float[] out = new float[2 * 64];
            long until = System.nanoTime() + 20_000_000_000L;      // the worker may be slow to join on a loaded machine
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                while (spinners.stream().noneMatch(s -> s.stopped) && System.nanoTime() < until) engine.render(out, 64);
            });
            assertThat(spinners).as("a spinner stopped on the worker").anyMatch(s -> s.stopped);
            List<String> reports = new ArrayList<>();
            engine.pollEvents(e -> { if (e instanceof EngineEvent.NodeOverBudget o) reports.add(o.nodeLabel()); });
            assertThat(reports).as("over-budget reports from the worker").isNotEmpty();
        } finally {
            engine.close();
        }
    }

    @Test
    void shouldTimeEveryNodeOnEitherThreadWhileProfiling() {
        Engine engine = Engine.create(EngineConfig.defaults(), ParallelMode.ON);
        try {
            engine.batch(() -> voices(engine, 32, null));
            float[] out = new float[2 * 64];
            ParallelRunner runner = ((Scheduler) engine.source()).parallelRunner();
            long until = System.nanoTime() + 10_000_000_000L;  // the worker has just started: let it join in first
            while (runner.tasksByWorker() < 100 && System.nanoTime() < until) engine.render(out, 64);
            assertThat(runner.tasksByWorker()).isGreaterThanOrEqualTo(100);
            engine.profileNodes(true);
            for (int b = 0; b < 64; b++) engine.render(out, 64);
            assertThat(engine.nodes()).allSatisfy(n -> assertThat(n.costNanos()).as(n.label()).isPositive());
        } finally {
            engine.close();
        }
    }
}
