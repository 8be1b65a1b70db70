package dev.aether.bench.arrange;

import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.live.LiveArrangement;
import dev.aether.arrange.stream.AudioPool;
import dev.aether.core.EngineConfig;
import dev.aether.core.engine.Engine;
import java.lang.management.ManagementFactory;

/**
 * What an edit costs the audio thread (args: [edits per kind and round=2000] [rounds=3]): {@link EditMix#mix34} rendered
 * offline on this thread; after each edit (a data edit, or an effect added or removed: a new plan adopted in the next
 * block) the CPU time of each of the next four 64-frame blocks, averaged, and the worst first block and worst later
 * block. Shows whether a late block live could be the engine's work: a block is late on the paced driver only when
 * it starts more than half the device buffer (5.3 ms at 512 frames) after its deadline.
 *
 * <pre>java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.aether.bench.arrange.ArrangementEditBlockCost 2000 3</pre>
 */
public final class ArrangementEditBlockCost {
    public static void main(String[] a) throws Exception {
        Project p = EditMix.mix34(Media.dir("probe"));
        var mx = ManagementFactory.getThreadMXBean();
        float[] buf = new float[128];
        try (AudioPool pool = new AudioPool(); Engine e = Engine.create(EngineConfig.defaults().sampleRate(48000).blockSize(64))) {
            LiveArrangement arr = LiveArrangement.attach(e, pool, Recipes.RESOLVER);
            arr.apply(p); arr.seek(Position.ZERO); arr.play();
            for (int i = 0; i < 20000; i++) e.render(buf, 64);
            int n = a.length > 0 ? Integer.parseInt(a[0]) : 2000, rounds = a.length > 1 ? Integer.parseInt(a[1]) : 3;
            for (int round = 0; round < rounds; round++) {
                for (EditMix.Kind k : new EditMix.Kind[] {EditMix.Kind.DATA, EditMix.Kind.EFFECT}) {
                    long[] sum = new long[4]; long max0 = 0, maxAll = 0;
                    for (int i = 0; i < n; i++) {
                        p = EditMix.edit(p, k, round * n + i);
                        arr.apply(p);
                        for (int b = 0; b < 4; b++) {
                            long c = mx.getCurrentThreadCpuTime();
                            e.render(buf, 64);
                            long d = mx.getCurrentThreadCpuTime() - c;
                            sum[b] += d;
                            if (b == 0) max0 = Math.max(max0, d); else maxAll = Math.max(maxAll, d);
                        }
                    }
                    System.out.printf(java.util.Locale.ROOT, "%s: CPU per block after the edit: %.0f / %.0f / %.0f / %.0f us; worst first block %.0f us, worst later %.0f us%n",
                            k, sum[0] / 1e3 / n, sum[1] / 1e3 / n, sum[2] / 1e3 / n, sum[3] / 1e3 / n, max0 / 1e3, maxAll / 1e3);
                }
            }
        }
    }
}
