package dev.aether.stress.plan;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.aether.core.EngineConfig;
import dev.aether.core.buffer.BufferPool;
import dev.aether.core.command.Command;
import dev.aether.core.command.CommandRing;
import dev.aether.core.command.EventRing;
import dev.aether.core.command.RetiredPlanRing;
import dev.aether.core.graph.ExecutionPlan;
import dev.aether.core.graph.MasterBus;
import dev.aether.core.graph.NodeSlot;
import dev.aether.core.graph.Patch;
import dev.aether.core.graph.PlanCompiler;
import dev.aether.core.graph.PlanEntry;
import dev.aether.core.rt.Scheduler;
import dev.aether.core.time.TimedEventChannel;
import dev.aether.core.time.Clock;
import dev.aether.core.time.When;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * jcstress test; each actor runs on its own thread. The real engine parts, wired as {@code Engine} wires them:
 * a {@link Patch}, a {@link PlanCompiler} over a {@link BufferPool}, a {@link Scheduler} with its
 * {@link CommandRing} and {@link RetiredPlanRing}. Plan 1 (the master bus alone) is playing; a {@link Level}
 * of 0.25 is in the patch but not yet compiled. The control thread compiles plan 2, posts it as a
 * {@link Command.SwapPlan} and reclaims what came back (recycling a returned plan gives its buffers back to the
 * pool, as {@code Engine.reclaim} does); the audio thread renders two blocks and checks after each that the plan
 * it ran was complete and played what that plan holds; the arbiter reclaims the rest.
 *
 * <p>Result: r1, r2 = the plan version the audio thread ran in its two blocks, r3 = the version the control thread
 * recycled while the audio thread ran (0 = none), r4 = verdict.
 */
@JCStressTest
@Description("Plan swap: adopted through SwapPlan, returned on RetiredPlanRing, recycled only once out of use")
@Outcome(id = {"1, 1, 0, 0", "1, 2, 0, 0", "2, 2, 0, 0"}, expect = ACCEPTABLE,
        desc = "Plan 2 adopted at a block start (or after both blocks); nothing recycled while the audio thread ran.")
@Outcome(id = {"1, 2, 1, 0", "2, 2, 1, 0"}, expect = ACCEPTABLE,
        desc = "Plan 1 recycled by the control thread after the audio thread had moved on to plan 2.")
@Outcome(id = {"1, 1, 1, .*", ".*, .*, 2, .*"}, expect = FORBIDDEN,
        desc = "A plan was recycled while still in use: the audio thread's last block ran the plan the control"
                + " thread recycled (its buffers were back in the pool).")
@Outcome(id = "2, 1, .*", expect = FORBIDDEN, desc = "The audio thread went back to a replaced plan.")
@Outcome(id = ".*, 1", expect = FORBIDDEN,
        desc = "The audio thread saw a partially built plan: missing entries, node, clock or buffers, or a block"
                + " that did not play what the plan holds.")
@Outcome(id = ".*, 2", expect = FORBIDDEN,
        desc = "A retired plan was lost or returned twice, or the plan in use was returned.")
@Outcome(expect = FORBIDDEN, desc = "Unknown result: the test itself is broken.")
@State
public class PlanSwapStressTest {
    private static final int BLOCK = 32;
    private static final float LEVEL = 0.25f;

    private final EngineConfig config = EngineConfig.defaults().blockSize(BLOCK).ringCapacity(16).limiterCeiling(0);
    private final Patch patch = new Patch(config.sampleRate());
    private final BufferPool pool = new BufferPool(BLOCK, 8);
    private final PlanCompiler compiler = new PlanCompiler(pool);
    private final CommandRing commands = new CommandRing(config.ringCapacity());
    private final RetiredPlanRing returns = new RetiredPlanRing(4);
    private final NodeSlot master;
    private final Scheduler scheduler;
    private final float[] out = new float[2 * BLOCK];
    private final int[] returned = new int[3];               // times each plan version came back
    private int recycledConcurrently;
    private boolean posted;
    private boolean torn;

    public PlanSwapStressTest() {
        MasterBus bus = new MasterBus();
        master = patch.add(bus);
        ExecutionPlan first = compiler.compile(patch, master);
        scheduler = new Scheduler(config, first, commands, new EventRing(16), returns, new Clock(config.sampleRate(), () -> 0, () -> 0),
                new TimedEventChannel(16));
        Level level = new Level(LEVEL);
        patch.add(level);
        patch.connect(level.out, bus.in);
    }

    @Actor
    public void control() {
        posted = commands.offer(new Command.SwapPlan(compiler.compile(patch, master), When.NOW));
        recycledConcurrently = reclaim();
    }

    @Actor
    public void audio(IIII_Result r) {
        r.r1 = blockRt();
        r.r2 = blockRt();
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        reclaim();
        r.r3 = recycledConcurrently;
        int current = (int) scheduler.currentPlan().version;
        boolean bookkept = posted && returned[current] == 0;
        for (int v = 1; v <= 2; v++) if (v != current && returned[v] != (current > v ? 1 : 0)) bookkept = false;
        r.r4 = torn ? 1 : bookkept ? 0 : 2;
    }

    /** Renders one block and checks the plan that ran; returns its version. */
    private int blockRt() {
        scheduler.renderRt(out, BLOCK);
        ExecutionPlan p = scheduler.currentPlan();
        int nodes = p.version == 1 ? 1 : 2;
        float expected = p.version == 1 ? 0f : LEVEL;
        if (p.entries == null || p.entries.length != nodes || p.master == null || p.master[0].length < BLOCK
                || p.master[1].length < BLOCK) {
            torn = true;
        } else {
            for (PlanEntry e : p.entries) {
                if (e == null || e.node == null || e.clock == null || e.outputBuffers == null) torn = true;
            }
            for (float s : out) if (s != expected) torn = true;
        }
        return (int) p.version;
    }

    /** What Engine.reclaim does: recycles every returned plan; the last version recycled, or 0. */
    private int reclaim() {
        int last = 0;
        ExecutionPlan p;
        while ((p = returns.poll()) != null) {
            compiler.recycle(p);
            returned[(int) p.version]++;
            last = (int) p.version;
        }
        return last;
    }
}
