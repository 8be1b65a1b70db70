package dev.aether.bench;

import dev.aether.bench.patch.Voicing;
import dev.aether.core.EngineConfig;
import dev.aether.core.ParallelMode;
import dev.aether.core.driver.AudioSource;
import dev.aether.core.driver.RealtimeScheduling;
import dev.aether.core.engine.Engine;
import dev.aether.core.rt.Scheduler;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread against two without JMH, as a live driver runs them: two engines with the stdlib standard patch
 * ({@link StandardPatchBenchmark#addStdlibPatch}), one with {@link ParallelMode#OFF}, one with {@link ParallelMode#ON},
 * rendered in alternating rounds of 2,000 blocks of 64 frames on this thread (so both see the same machine load),
 * each block timed; prints the 10th, 50th and 90th percentile per mode and the worker's figures. With
 * {@code -Dbench.fifo=P} this thread and the worker run at {@code SCHED_FIFO P} (as with a driver that got it); with
 * {@code -Dbench.paced=true} each block starts one block period after the one before (as a live driver asks for
 * them: the worker naps between blocks), instead of back to back.
 *
 * <pre>java -Dbench.fifo=10 -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.aether.bench.ParallelPlanProbe 256 5</pre>
 * Args: [voices=256] [rounds=5].
 */
public final class ParallelPlanProbe {
    private static final int ROUND = 2_000, WARMUP = 20_000;

    private ParallelPlanProbe() {}

    public static void main(String[] args) {
        int voices = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Integer fifo = Integer.getInteger("bench.fifo");
        boolean paced = Boolean.getBoolean("bench.paced");
        ParallelMode[] modes = {ParallelMode.OFF, ParallelMode.ON};
        Engine[] engines = new Engine[modes.length];
        AudioSource[] sources = new AudioSource[modes.length];
        for (int m = 0; m < modes.length; m++) {
            engines[m] = Engine.create(EngineConfig.defaults().sampleRate(Voicing.SAMPLE_RATE).blockSize(Voicing.FRAMES), modes[m]);
            if (fifo != null) ((Scheduler) engines[m].source()).parallelFifo(fifo);
            StandardPatchBenchmark.addStdlibPatch(engines[m], voices);
            sources[m] = engines[m].source();
            ((Scheduler) sources[m]).audioThreadStarted();
        }
        if (fifo != null) {
            System.out.println(RealtimeScheduling.requestFifo(RealtimeScheduling.currentNativeThreadId(), fifo).report()
                    .replace("audio thread", "probe thread"));
        }
        float[] out = new float[2 * Voicing.FRAMES];
        for (int b = 0; b < WARMUP; b++) for (AudioSource s : sources) s.renderRt(out, Voicing.FRAMES);
        long[][] nanos = new long[modes.length][rounds * ROUND];
        long period = paced ? Math.round(Voicing.FRAMES * 1e9 / Voicing.SAMPLE_RATE) : 0;
        for (int r = 0; r < rounds; r++) {
            for (int m = 0; m < modes.length; m++) {
                long due = System.nanoTime();
                for (int b = 0; b < ROUND; b++) {
                    if (paced) {
                        due += period;
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
                    }
                    long t0 = System.nanoTime();
                    sources[m].renderRt(out, Voicing.FRAMES);
                    nanos[m][r * ROUND + b] = System.nanoTime() - t0;
                }
            }
        }
        double[] p50 = new double[modes.length];
        for (int m = 0; m < modes.length; m++) {
            long[] x = nanos[m].clone();
            Arrays.sort(x);
            p50[m] = x[x.length / 2] / 1e3;
            System.out.printf("%d voices, %s: block p10 %.1f, p50 %.1f, p90 %.1f µs; %s%n", voices, modes[m],
                    x[x.length / 10] / 1e3, p50[m], x[x.length * 9 / 10] / 1e3, engines[m].parallelReport());
            
            engines[m].close();
        }
        System.out.printf("two threads over one (p50): %.2fx%n", p50[0] / p50[1]);
    }
}
