package dev.aether.core.rt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.DspNode;
import dev.aether.core.engine.Engine;
import dev.aether.core.EngineConfig;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.view.EngineEvent;
import dev.aether.core.testing.TestSine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultIsolationTest {
    static final int FRAMES = 48_000;

    /** Silent until its 100th block, then throws. */
    static final class ThrowsOnBlock100 implements DspNode {
        final OutputPort out = Ports.audioOut("out");
        int blocks;
        @Override public void process(ProcessContext ctx) {
            if (++blocks == 100) throw new IllegalStateException("boom at block 100");
            Arrays.fill(ctx.out(out), 0, ctx.frames(), 0f);
        }
    }

    /** Silent, then NaN from its 50th block on. */
    static final class NanFromBlock50 implements DspNode {
        final OutputPort out = Ports.audioOut("out");
        int blocks;
        @Override public void process(ProcessContext ctx) {
            Arrays.fill(ctx.out(out), 0, ctx.frames(), ++blocks >= 50 ? Float.NaN : 0f);
        }
    }

    private static float[] render(boolean withFaults, List<EngineEvent> events) {
        Engine engine = Engine.create(EngineConfig.defaults());
        TestSine a = new TestSine().frequencyHz(220), b = new TestSine().frequencyHz(331);
        engine.add(a);
        engine.add(b);
        engine.connectToMaster(a.out);
        engine.connectToMaster(b.out);
        if (withFaults) {
            ThrowsOnBlock100 t = new ThrowsOnBlock100();
            NanFromBlock50 nan = new NanFromBlock50();
            engine.add(t);
            engine.add(nan);
            engine.connectToMaster(t.out);
            engine.connectToMaster(nan.out);
        }
        float[] out = new float[2 * FRAMES];
        engine.render(out, FRAMES);
        engine.pollEvents(e -> { if (e instanceof EngineEvent.NodeFault) events.add(e); });
        return out;
    }

    @Test
    void shouldKeepTheRestOfThePatchBitIdenticalWhenNodesThrowOrEmitNaN() {
        List<EngineEvent> none = new ArrayList<>(), faults = new ArrayList<>();
        float[] clean = render(false, none);
        float[] faulty = render(true, faults);
        assertThat(faulty).as("the sines render exactly as without the faulty nodes").containsExactly(clean);
        assertThat(none).isEmpty();
        assertThat(faults).hasSize(2);
        var nan = (EngineEvent.NodeFault) faults.get(0);
        var ex = (EngineEvent.NodeFault) faults.get(1);
        assertThat(nan.nodeLabel()).startsWith("NanFromBlock50#");
        assertThat(nan.cause()).contains("NaN");
        assertThat(ex.nodeLabel()).startsWith("ThrowsOnBlock100#");
        assertThat(ex.error()).isInstanceOf(IllegalStateException.class).hasMessage("boom at block 100");
    }
}
