package dev.aether.stress.parallel;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.aether.core.DspNode;
import dev.aether.core.EngineConfig;
import dev.aether.core.OutputPort;
import dev.aether.core.ParallelMode;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.buffer.BufferPool;
import dev.aether.core.command.EventRing;
import dev.aether.core.graph.ExecutionPlan;
import dev.aether.core.graph.MasterBus;
import dev.aether.core.graph.NodeSlot;
import dev.aether.core.graph.ParallelSchedule;
import dev.aether.core.graph.Patch;
import dev.aether.core.graph.PlanCompiler;
import dev.aether.core.graph.PlanEntry;
import dev.aether.core.rt.EntryRunner;
import dev.aether.core.rt.ParallelRunner;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * jcstress test; each actor runs on its own thread. The real hand-off of a plan split for two threads: a plan of
 * {@value #NODES} independent {@link Counter} nodes feeding the master, compiled by the real {@link PlanCompiler} in
 * {@link ParallelMode#ON} (one task per node), and a {@link ParallelRunner}. The audio actor runs two segments with
 * {@link ParallelRunner#runTasksRt} (its own tasks from the front) and, after each, checks what a tail reading the
 * tasks would read: every node ran exactly once per segment and its output holds that run's value. The worker actor
 * stands in for the worker thread: {@link ParallelRunner#pollOnceRt} twice, each claiming tasks from the back of a
 * segment it has not looked at.
 *
 * <p>Result: r1 = tasks the worker actor ran, r2 = verdict (0 ok, 1 a task ran twice or not at all, 2 the audio
 * thread read an output or count the worker had not finished writing).
 */
@JCStressTest
@Description("Parallel plan hand-off: every task runs once per segment, and the worker's outputs are complete when the audio thread goes on")
@Outcome(id = {"0, 0", "1, 0", "2, 0", "3, 0", "4, 0", "5, 0", "6, 0", "7, 0", "8, 0"}, expect = ACCEPTABLE,
        desc = "Each task ran once per segment, on whichever thread claimed it; the audio thread saw every result.")
@Outcome(id = ".*, 1", expect = FORBIDDEN, desc = "A task ran twice, or not at all, in one segment.")
@Outcome(id = ".*, 2", expect = FORBIDDEN, desc = "The audio thread went on before the worker's writes were visible.")
@Outcome(expect = FORBIDDEN, desc = "Unknown result: the test itself is broken.")
@State
public class ParallelHandoffStressTest {
    static final int NODES = 4, BLOCK = 32;

    /** Counts its runs and writes the count into its output. */
    public static final class Counter implements DspNode {
        public final OutputPort out = Ports.audioOut("out");
        int runs;

        @Override public void process(ProcessContext ctx) {
            float v = ++runs;
            float[] y = ctx.out(out);
            for (int i = 0; i < ctx.frames(); i++) y[i] = v;
        }
    }

    private final Counter[] counters = new Counter[NODES];
    private final float[][] outputs = new float[NODES][];
    private final PlanEntry[] entries;
    private final ParallelSchedule schedule;
    private final EntryRunner lane;
    private final ParallelRunner runner;

    public ParallelHandoffStressTest() {
        EngineConfig config = EngineConfig.defaults().blockSize(BLOCK);
        Patch patch = new Patch(config.sampleRate());
        NodeSlot master = patch.add(new MasterBus());
        for (int k = 0; k < NODES; k++) {
            counters[k] = new Counter();
            patch.add(counters[k]);
            patch.connect(counters[k].out, ((MasterBus) master.node()).in);
        }
        ExecutionPlan plan = new PlanCompiler(new BufferPool(BLOCK, 16), ParallelMode.ON).compile(patch, master);
        entries = plan.entries;
        schedule = plan.parallel;
        if (schedule == null || schedule.tasks() != NODES) throw new IllegalStateException("expected one task per node");
        for (PlanEntry e : entries) {
            for (int k = 0; k < NODES; k++) if (e.node == counters[k]) outputs[k] = e.outputs[0][0];
        }
        EventRing events = new EventRing(16);
        long budget = config.userCodeBudgetNanos();
        lane = new EntryRunner(config.sampleRate(), plan.silence, events, budget);
        runner = new ParallelRunner(this, events, config.sampleRate(), plan.silence, budget);
    }

    @Actor
    public void audio(II_Result r) {
        int verdict = 0;
        for (int segment = 1; segment <= 2 && verdict == 0; segment++) {
            lane.segmentRt(segment * BLOCK, BLOCK, 120, 0);
            runner.runTasksRt(lane, entries, schedule, segment * BLOCK, BLOCK, 120, 0, -1, -1, false, 0);
            for (int k = 0; k < NODES && verdict == 0; k++) {
                int runs = counters[k].runs;
                if (runs != segment) verdict = runs < segment - 1 || runs > segment ? 1 : 2;
                float[] y = outputs[k];
                if (verdict == 0 && (y[0] != segment || y[BLOCK - 1] != segment)) verdict = 2;
            }
        }
        r.r2 = verdict;
    }

    @Actor
    public void worker(II_Result r) {
        r.r1 = runner.pollOnceRt() + runner.pollOnceRt();
    }
}
