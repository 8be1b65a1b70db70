package dev.aether.bench;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.node.NodeRunner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * One of {@link ArrangementBenchmark}'s effects alone, 128 instances as in the arrangement, each fed 64 frames of
 * noise at ±0.25 per block through {@link NodeRunner} (no engine): CPU time of this thread per block of all 128, the
 * best of 5 rounds after 2 warm-up rounds. Args: effect ({@code comp}, {@code delay}, {@code delay0} = the delay fed
 * silence, {@code pan}, {@code hp}, {@code lowshelf}, {@code peak}, {@code highshelf}, {@code lp}) [blocks per
 * round=5000]. Uses only API older than the block paths, so it runs against an older benchmarks jar too.
 */
public final class ArrangementEffectCost {
    private ArrangementEffectCost() {}

    public static void main(String[] args) {
        String kind = args.length > 0 ? args[0] : "comp";
        int nodes = 128, blocks = args.length > 1 ? Integer.parseInt(args[1]) : 5_000, rounds = 5;
        boolean silent = kind.equals("delay0");
        NodeRunner[] runners = new NodeRunner[nodes];
        float[][] ins = new float[nodes][];
        SplittableRandom rnd = new SplittableRandom(1);
        float[] noise = new float[1 << 16];
        for (int i = 0; i < noise.length; i++) noise[i] = silent ? 0f : (float) ((rnd.nextDouble() * 2 - 1) * 0.25);
        for (int k = 0; k < nodes; k++) {
            DspNode n = ArrangementBenchmark.recipe(silent ? "delay" : kind);
            NodeRunner r = new NodeRunner(n, 48_000, 64);
            InputPort in = r.spec().inputs().get(0);
            ins[k] = r.connect(in)[0];
            runners[k] = r;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int off = 0;
        double best = Double.MAX_VALUE;
        for (int round = -2; round < rounds; round++) {
            long cpu = mx.getCurrentThreadCpuTime();
            for (int b = 0; b < blocks; b++) {
                for (int k = 0; k < nodes; k++) {
                    System.arraycopy(noise, (off + k * 997) & 0x7fff, ins[k], 0, 64);
                    runners[k].run(64);
                }
                off = (off + 64) & 0x7fff;
            }
            double us = (mx.getCurrentThreadCpuTime() - cpu) / 1e3 / blocks;
            if (round >= 0) best = Math.min(best, us);
        }
        System.out.printf("%s x %d: best round %.1f us CPU per 64-frame block of all of them%n", kind, nodes, best);
    }
}
