package dev.aether.core.rt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.DspNode;
import dev.aether.core.EngineConfig;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.budget.CodeSite;
import dev.aether.core.budget.RunBudget;
import dev.aether.core.engine.Engine;
import dev.aether.core.testing.TestSine;
import dev.aether.core.view.EngineEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A node whose user code spins is stopped at its budget and bypassed; the rest of the patch renders unchanged. */
class OverBudgetTest {
    static final int FRAMES = 48_000;
    static final int SITE = RunBudget.site("REPL.$JShell$7$Spin", "process", 7);

    /** What the weaver makes of {@code while (true) {}} after {@code from} blocks: a check per turn. */
    static final class Spin implements DspNode {
        final OutputPort out = Ports.audioOut("out");
        final int from;
        int blocks;
        Spin(int from) { this.from = from; }
        @Override public void process(ProcessContext ctx) {
            RunBudget.check(SITE);
            if (++blocks >= from) while (true) RunBudget.check(SITE);
            Arrays.fill(ctx.out(out), 0, ctx.frames(), 0.25f);
        }
    }

    private static float[] render(EngineConfig config, Spin spin, List<EngineEvent> events) {
        Engine engine = Engine.create(config);
        TestSine a = new TestSine().frequencyHz(220);
        engine.add(a);
        engine.connectToMaster(a.out);
        if (spin != null) {
            engine.add(spin);
            engine.connectToMaster(spin.out);
        }
        float[] out = new float[2 * FRAMES];
        engine.render(out, FRAMES);
        engine.pollEvents(e -> { if (!(e instanceof EngineEvent.Meter) && !(e instanceof EngineEvent.Position)) events.add(e); });
        return out;
    }

    @Test void aSpinningNodeIsBypassedAtItsBudgetAndTheRestRendersBitIdentically() {
        EngineConfig config = EngineConfig.defaults().limiterCeiling(0).userCodeBudgetMillis(5);
        List<EngineEvent> none = new ArrayList<>(), events = new ArrayList<>();
        float[] clean = render(config, null, none);
        long t0 = System.nanoTime();
        float[] spun = render(config, new Spin(300), events);
        long took = System.nanoTime() - t0;

        assertThat(events).hasSize(1);
        EngineEvent.NodeOverBudget f = (EngineEvent.NodeOverBudget) events.get(0);
        assertThat(f.nodeLabel()).startsWith("Spin#");
        assertThat(f.site()).isEqualTo(new CodeSite("REPL.$JShell$7$Spin", "process", 7));
        assertThat(f.budgetNanos()).isEqualTo(5_000_000L);
        assertThat(took).as("one budget spent, not more").isLessThan(2_000_000_000L);
        // before the spin the node added 0.25; from its 300th block on, the output is the sine's alone
        int from = 299 * 64 * 2;
        assertThat(Arrays.copyOfRange(spun, from, spun.length)).containsExactly(Arrays.copyOfRange(clean, from, clean.length));
        assertThat(spun[from - 2] - clean[from - 2]).isEqualTo(0.25f);
    }

    @Test void theAutomaticBudgetIsEightBlocksButAtLeastTenMillis() {
        assertThat(EngineConfig.defaults().userCodeBudgetNanos()).isEqualTo(8 * EngineConfig.defaults().blockNanos()).isEqualTo(10_666_664L);
        assertThat(EngineConfig.defaults().blockSize(32).userCodeBudgetNanos()).isEqualTo(10_000_000L);
        assertThat(EngineConfig.defaults().userCodeBudgetMillis(25).userCodeBudgetNanos()).isEqualTo(25_000_000L);
    }

    @Test void aNodeAfterTheSpinnerGetsAFreshBudget() {
        EngineConfig config = EngineConfig.defaults().userCodeBudgetMillis(3);
        Engine engine = Engine.create(config);
        Spin spin = new Spin(1), after = new Spin(Integer.MAX_VALUE);
        engine.add(spin);
        engine.add(after);
        engine.connectToMaster(spin.out);
        engine.connectToMaster(after.out);
        float[] out = new float[2 * 64 * 4];
        engine.render(out, 64 * 4);
        List<String> faulted = new ArrayList<>();
        engine.pollEvents(e -> { if (e instanceof EngineEvent.NodeOverBudget f) faulted.add(f.nodeLabel()); });
        assertThat(faulted).hasSize(1);
        assertThat(after.blocks).isEqualTo(4);
    }
}
