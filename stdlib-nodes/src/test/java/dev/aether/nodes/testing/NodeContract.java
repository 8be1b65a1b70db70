package dev.aether.nodes.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.NodeSpec;
import dev.aether.core.NodeState;
import dev.aether.core.ProcessContext;
import dev.aether.core.param.SmoothedParam;
import dev.aether.core.testing.NodeHarness;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Contract checks every stdlib node must pass: save/restore/continue is bit-identical, reset is deterministic,
 * and rendering allocates nothing. A {@link Case} names a node factory and the signals fed to its inputs.
 */
public final class NodeContract {
    public static final double SR = 48_000;
    public static final int BLOCK = 64;

    private NodeContract() {}

    /** A node under test: a factory (same configuration every call) and input signals by port name. */
    public record Case(String name, Supplier<? extends DspNode> factory, Map<String, float[]> inputs) {
        @Override public String toString() { return name; }
    }

    public static Case of(String name, Supplier<? extends DspNode> factory) {
        return new Case(name, factory, Map.of());
    }

    public static Case of(String name, Supplier<? extends DspNode> factory, Object... portSignalPairs) {
        Map<String, float[]> m = new LinkedHashMap<>();
        for (int i = 0; i < portSignalPairs.length; i += 2) m.put((String) portSignalPairs[i], (float[]) portSignalPairs[i + 1]);
        return new Case(name, factory, m);
    }

    /**
     * A new node from the case, its parameters snapped to their targets: a fluent setter on a fresh node
     * otherwise ramps from the default over the first 20 ms (see the report on SmoothedParam).
     */
    public static DspNode fresh(Case c) {
        DspNode n = c.factory().get();
        for (SmoothedParam p : NodeSpec.of(n).params()) p.reset(p.get());
        return n;
    }

    /** A deterministic broadband test signal (LCG noise plus a 220 Hz sine), amplitude about 0.5. */
    public static float[] testSignal(int n, long seed) {
        float[] x = new float[n];
        long s = seed;
        for (int i = 0; i < n; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            x[i] = (float) (0.25 * ((s >>> 40) / (double) (1L << 24) - 0.5) + 0.3 * Math.sin(2 * Math.PI * 220 * i / SR));
        }
        return x;
    }

    /** Feeds the case's inputs, starting {@code skip} samples into each signal, from the harness's current time. */
    public static void feed(NodeHarness h, Case c, int skip) {
        for (Map.Entry<String, float[]> e : c.inputs().entrySet()) {
            InputPort p = h.spec().input(e.getKey());
            if (p == null) throw new IllegalArgumentException(c.name() + " has no input " + e.getKey());
            float[] s = e.getValue();
            h.input(p, Arrays.copyOfRange(s, Math.min(skip, s.length), s.length));
        }
    }

    /** Saves after {@code first} frames, restores into a fresh node, and compares the next {@code second} frames. */
    public static void assertSaveRestoreBitIdentical(Case c) {
        int first = 4_801, second = 4_800;                       // odd split: state saved mid-block
        DspNode a = fresh(c);
        NodeHarness ha = new NodeHarness(a, SR, BLOCK);
        feed(ha, c, 0);
        ha.render(first);
        NodeState st = a.saveState();
        float[][][] expected = ha.render(second);

        DspNode b = fresh(c);
        NodeHarness hb = new NodeHarness(b, SR, BLOCK);
        feed(hb, c, first);
        b.restoreState(st);
        float[][][] actual = hb.render(second);
        for (int o = 0; o < expected.length; o++) {
            for (int ch = 0; ch < expected[o].length; ch++) {
                assertThat(actual[o][ch]).as("%s output %d ch %d after restore", c.name(), o, ch)
                        .containsExactly(expected[o][ch]);
            }
        }
        assertThat(st).as("%s state", c.name()).isNotNull();
    }

    /** Renders, resets, renders again from the same inputs: identical. */
    public static void assertResetDeterministic(Case c) {
        int n = 3_000;
        DspNode a = fresh(c);
        NodeHarness h = new NodeHarness(a, SR, BLOCK);
        feed(h, c, 0);
        float[][][] first = h.render(n);
        h.render(1_234);
        a.reset();
        feed(h, c, 0);
        float[][][] again = h.render(n);
        for (int o = 0; o < first.length; o++) {
            for (int ch = 0; ch < first[o].length; ch++) {
                assertThat(again[o][ch]).as("%s output %d after reset", c.name(), o).containsExactly(first[o][ch]);
            }
        }
    }

    /**
     * Renders 10,000 blocks after warm-up, once while the first parameter ramps and once steady, and asserts the
     * thread allocated nothing beyond what an empty measurement allocates. Drives the node directly (spec,
     * context, param clocks in plain arrays) instead of through {@link NodeHarness}, whose for-each loops over
     * the param list allocate two iterators per block when escape analysis does not remove them. Each
     * measurement is retried a few times because a JIT compilation landing inside the window can allocate on
     * this thread; a node that allocates in {@code process} allocates on every attempt and fails.
     */
    public static void assertNoAllocation(Case c) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        DspNode node = fresh(c);
        NodeSpec spec = NodeSpec.of(node).bind(new Object(), SR);
        node.prepare(SR, BLOCK);
        SmoothedParam[] params = spec.params().toArray(new SmoothedParam[0]);
        float[][][] in = new float[spec.inputs().size()][][], out = new float[spec.outputs().size()][][];
        float[][] signals = new float[in.length][];
        for (int i = 0; i < in.length; i++) {
            in[i] = new float[spec.inputs().get(i).channels()][BLOCK];
            signals[i] = c.inputs().get(spec.inputs().get(i).name());
        }
        for (int i = 0; i < out.length; i++) out[i] = new float[spec.outputs().get(i).channels()][BLOCK];
        ProcessContext ctx = new ProcessContext(SR);
        ctx.bind(in, out);
        long[] time = {0};
        SmoothedParam p = params.length == 0 ? null : params[0];
        for (int mode = 0; mode < 2; mode++) {
            boolean ramp = mode == 0 && p != null;
            if (p != null) {
                if (ramp) p.set(p.min() + (p.max() - p.min()) * 0.3, 60); else p.set(p.defaultValue(), 0);
            }
            renderBlocks(node, ctx, params, in, signals, time, 20_000);
            long extra = Long.MAX_VALUE;
            for (int attempt = 0; attempt < 5 && extra > 0; attempt++) {
                long e0 = mx.getThreadAllocatedBytes(tid);
                long e1 = mx.getThreadAllocatedBytes(tid);
                long overhead = e1 - e0;
                long b0 = mx.getThreadAllocatedBytes(tid);
                renderBlocks(node, ctx, params, in, signals, time, 10_000);
                long b1 = mx.getThreadAllocatedBytes(tid);
                extra = (b1 - b0) - overhead;
            }
            assertThat(extra).as("%s: bytes allocated over 10,000 blocks (%s)", c.name(), ramp ? "ramping" : "steady")
                    .isLessThanOrEqualTo(0);
        }
    }

    private static void renderBlocks(DspNode node, ProcessContext ctx, SmoothedParam[] params, float[][][] in,
                                      float[][] signals, long[] time, int blocks) {
        for (int b = 0; b < blocks; b++) {
            long t = time[0];
            for (int i = 0; i < in.length; i++) {
                float[] s = signals[i];
                for (int ch = 0; ch < in[i].length; ch++) {
                    if (s == null) { Arrays.fill(in[i][ch], 0f); continue; }
                    int off = (int) (t % (s.length - BLOCK));
                    System.arraycopy(s, off, in[i][ch], 0, BLOCK);
                }
            }
            for (int k = 0; k < params.length; k++) params[k].beginBlockRt(t, BLOCK);
            ctx.time(t, BLOCK, 120, 0);
            node.process(ctx);
            for (int k = 0; k < params.length; k++) params[k].endBlockRt();
            time[0] = t + BLOCK;
        }
    }
}
