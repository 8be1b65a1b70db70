package dev.aether.core.rt;

import static org.assertj.core.api.Assertions.assertThat;


import dev.aether.core.DspNode;
import dev.aether.core.EngineConfig;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.engine.Engine;
import dev.aether.core.view.EngineEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The guard's shortcut for silent outputs (one compare with a zero block before the OR scan) decides exactly as
 * the scan: one bad sample in an otherwise silent block still bypasses the node before its reader runs, negative
 * zeros pass untouched, and a denormal tail in silence is still flushed.
 */
class SilentOutputGuardTest {
    /** Writes +0.0 everywhere but {@code value} at frame {@code at} (clamped to the block) from its 3rd block on. */
    static final class SilenceWithOne implements DspNode {
        final OutputPort out = Ports.audioOut("out");
        final float value;
        final int at;
        int blocks;

        SilenceWithOne(float value, int at) { this.value = value; this.at = at; }

        @Override public void process(ProcessContext ctx) {
            float[] o = ctx.out(out);
            Arrays.fill(o, 0, ctx.frames(), 0f);
            if (++blocks >= 3) o[Math.min(at, ctx.frames() - 1)] = value;
        }
    }

    /** Records the raw bits of every input sample it is given. */
    static final class Reader implements DspNode {
        final InputPort in = Ports.audioIn("in");
        final OutputPort out = Ports.audioOut("out");
        final List<Integer> bits = new ArrayList<>();

        @Override public void process(ProcessContext ctx) {
            float[] x = ctx.in(in);
            for (int i = 0; i < ctx.frames(); i++) bits.add(Float.floatToRawIntBits(x[i]));
            Arrays.fill(ctx.out(out), 0, ctx.frames(), 0f);
        }
    }

    private static Reader run(SilenceWithOne source, List<EngineEvent.NodeFault> faults) {
        Engine engine = Engine.create(EngineConfig.defaults());
        Reader reader = new Reader();
        engine.add(source);
        engine.add(reader);
        engine.connect(source.out, reader.in);
        engine.connectToMaster(reader.out);
        // enough other nodes that the source is metered (the exact scan) in none of the blocks after the 2nd:
        // each block meters 4 entries in plan order, so blocks 3..7 meter entries 12..31
        for (int k = 0; k < 40; k++) {
            SilenceWithOne filler = new SilenceWithOne(0f, 0);
            engine.add(filler);
            engine.connectToMaster(filler.out);
        }
        float[] out = new float[2 * 64 * 8];
        engine.render(out, 64 * 8);
        int index = -1;
        for (var e : ((Scheduler) engine.source()).currentPlan().entries) if (e.node == source) index = e.index;
        assertThat(index).as("the source's place in the plan").isBetween(0, 11);
        engine.pollEvents(e -> { if (e instanceof EngineEvent.NodeFault f) faults.add(f); });
        engine.close();
        return reader;
    }

    @Test
    void shouldBypassANodeWhoseOtherwiseSilentBlockHoldsOneNanOrInfAnywhere() {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            for (int at : new int[] {0, 1, 15, 16, 31, 32, 63, 1 << 20}) {
                List<EngineEvent.NodeFault> faults = new ArrayList<>();
                Reader reader = run(new SilenceWithOne(bad, at), faults);
                assertThat(reader.bits).as("%s at %d never reaches the reader", bad, at)
                        .allMatch(b -> (b & 0x7f80_0000) != 0x7f80_0000);
                assertThat(faults).as("%s at %d is reported", bad, at).hasSize(1);
                assertThat(faults.get(0).cause()).contains("NaN");
            }
        }
    }

    @Test
    void shouldPassNegativeZeroAndFlushADenormalTailAsTheScanDoes() {
        List<EngineEvent.NodeFault> faults = new ArrayList<>();
        Reader negativeZero = run(new SilenceWithOne(-0f, 7), faults);
        assertThat(negativeZero.bits).contains(Float.floatToRawIntBits(-0f));
        Reader denormal = run(new SilenceWithOne(1e-40f, 7), faults);
        assertThat(denormal.bits).as("a block whose every sample is below 1e-30 is zeroed").containsOnly(0);
        Reader audible = run(new SilenceWithOne(0.5f, 7), faults);
        assertThat(audible.bits).contains(Float.floatToRawIntBits(0.5f));
        assertThat(faults).isEmpty();
    }
}
