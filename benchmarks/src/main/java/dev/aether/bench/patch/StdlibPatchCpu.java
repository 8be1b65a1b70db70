package dev.aether.bench.patch;

import dev.aether.bench.StandardPatchBenchmark;
import dev.aether.core.ParallelMode;
import dev.aether.core.EngineConfig;
import dev.aether.core.driver.AudioSource;
import dev.aether.core.engine.Engine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Thread CPU time per 64-frame block of the standard patch built node by node from the stdlib
 * ({@link StandardPatchBenchmark#addStdlibPatch}, 5N + 2 nodes) against the hand-fused loop ({@link FusedVoices}),
 * the two measured in alternating rounds so machine load hits both alike. Robust to a loaded machine: thread CPU
 * time, not wall time; prints every round and the best and median of each.
 *
 * <p>args: [voices=256] [rounds=15] [blocks per round=400]
 */
public final class StdlibPatchCpu {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private StdlibPatchCpu() {}

    public static void main(String[] args) {
        int voices = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int blocks = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        Engine engine = Engine.create(EngineConfig.defaults().sampleRate(Voicing.SAMPLE_RATE).blockSize(Voicing.FRAMES),
                ParallelMode.OFF);                               // one thread: its CPU time is the plan's
        StandardPatchBenchmark.addStdlibPatch(engine, voices);
        AudioSource source = engine.source();
        float[] out = new float[2 * Voicing.FRAMES];
        FusedVoices fused = new FusedVoices(voices);
        float[] fusedOut = new float[2 * Voicing.FRAMES];
        // warm up both (the JIT), and drain the engine's reports now and then (its event ring is bounded)
        for (int i = 0; i < 30_000 / Math.max(1, voices / 16); i++) {
            source.renderRt(out, Voicing.FRAMES);
            fused.render(fusedOut, Voicing.FRAMES);
            if ((i & 255) == 0) engine.pollEvents(e -> { });
        }
        double[] eng = new double[rounds], fus = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            engine.pollEvents(e -> { });
            long t0 = MX.getCurrentThreadCpuTime();
            for (int b = 0; b < blocks; b++) source.renderRt(out, Voicing.FRAMES);
            long t1 = MX.getCurrentThreadCpuTime();
            for (int b = 0; b < blocks; b++) fused.render(fusedOut, Voicing.FRAMES);
            long t2 = MX.getCurrentThreadCpuTime();
            eng[r] = (t1 - t0) / 1e3 / blocks;
            fus[r] = (t2 - t1) / 1e3 / blocks;
            System.out.printf("round %2d: stdlib engine %8.1f us/block, fused %7.1f us/block, ratio %.3f%n",
                    r, eng[r], fus[r], fus[r] / eng[r]);
        }
        double[] e = eng.clone(), f = fus.clone();
        Arrays.sort(e);
        Arrays.sort(f);
        System.out.printf("%d voices (%d nodes), %s %s: stdlib engine best %.1f median %.1f us/block; fused best %.1f"
                        + " median %.1f; fused/engine best %.3f median %.3f%n",
                voices, 5 * voices + 2, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                e[0], e[rounds / 2], f[0], f[rounds / 2], f[0] / e[0], f[rounds / 2] / e[rounds / 2]);
        engine.close();
        System.exit(0);
    }
}
