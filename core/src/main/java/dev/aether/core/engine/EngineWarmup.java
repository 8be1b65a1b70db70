package dev.aether.core.engine;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.EngineConfig;
import dev.aether.core.NodeId;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.time.ClockSnapshot;
import dev.aether.core.time.When;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;

/**
 * Runs a throwaway engine for a few thousand blocks, once per JVM, before the first driver starts: the
 * scheduler, parameter clocks, sums, crossfades and the limiter are then compiled by the JIT instead of being
 * interpreted during the first audible blocks (measured: the first blocks of a cold engine took up to 2.8× the
 * deadline). About 10 ms on the control thread.
 */
@ControlThread
final class EngineWarmup {
    private static final int BLOCKS = 4_000;
    private static boolean done;

    private EngineWarmup() {}

    /** Warms up once; later calls return at once. */
    static synchronized void runOnce(EngineConfig config) {
        if (done) return;
        done = true;
        Engine scratch = Engine.create(config);
        NodeId first = null;
        for (int i = 0; i < 4; i++) {
            Tone t = new Tone();
            NodeId id = scratch.add(t);
            if (first == null) first = id;
            scratch.connectToMaster(t.out);
            t.frequencyHz.set(100 + 50 * i, 0.5);
            // a timed change: its first getAndSet on SmoothedParam's VarHandle links the call site (about 2.4 KB),
            // here rather than on the audio thread at a set's first timed change
            t.frequencyHz.setAt(150 + 50 * i, 1_000, 0.01);
        }
        float[] out = new float[2 * config.blockSize()];
        for (int b = 0; b < BLOCKS; b++) {
            if (b % 500 == 0) scratch.replace(first, new Tone(), SwapOptions.DEFAULT);
            if (b % 700 == 0) scratch.tempo(100 + b % 50, 4, When.NEXT_BEAT);
            scratch.render(out, config.blockSize());
            scratch.pollEvents(e -> { });
        }
        warmClockLookups(scratch.clock().snapshot(), Engine.create(config).clock().snapshot());
        scratch.close();
    }

    /**
     * The clock's lookups run once or twice a block: too few calls in the warm-up for the JIT's last tier, whose
     * tier-up would then happen on the audio thread (and allocate there, about 1 KB). Called here, on a map of many
     * tempo segments and on one of one, until they are compiled for both.
     */
    private static void warmClockLookups(ClockSnapshot changed, ClockSnapshot constant) {
        double sink = 0;
        for (int i = 0; i < 60_000; i++) {
            ClockSnapshot c = (i & 1) == 0 ? changed : constant;
            long t = (long) i * 64;
            sink += c.beatAtRt(t) + c.bpmAtRt(t);
        }
        if (sink == 42) System.out.print("");   // keeps the loop
    }

    /** A quiet sine with a smoothed frequency. Ports: out. */
    static final class Tone implements DspNode {
        final OutputPort out = Ports.audioOut("out");
        final SmoothedParam frequencyHz = Params.hz("frequencyHz", 220, 20, 2_000);
        private double phase;

        @Override public void process(ProcessContext ctx) {
            float[] y = ctx.out(out);
            double inc = frequencyHz.advanceRt(ctx.frames()) / ctx.sampleRate();
            for (int i = 0; i < ctx.frames(); i++) {
                y[i] = (float) (0.01 * Math.sin(2 * Math.PI * phase));
                phase += inc;
                if (phase >= 1) phase -= 1;
            }
        }
    }
}
