package dev.aether.bench.arrange;

import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.live.LiveArrangement;
import dev.aether.arrange.stream.AudioPool;
import dev.aether.core.EngineConfig;
import dev.aether.core.engine.Engine;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one edit costs the control thread (issue 13: 1,000 edit commands per second): CPU time of
 * {@link LiveArrangement#apply} per edit, by kind of edit ({@link EditMix.Kind}: one fader, one data edit of any kind,
 * every fader and pan at once, an effect added or removed), on a project playing on an engine rendered offline (one
 * 64-frame block between edits, not timed, so plans are adopted and retired as live). The edited projects are made
 * before the timing. Args: [project=mix34|nest20] [edits per kind and round=2000] [rounds=4] [kinds=volume,data,mix,effect]; prints each round and
 * the best round per kind.
 *
 * <pre>java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.aether.bench.arrange.ArrangementEditBenchmark mix34 2000 4</pre>
 */
public final class ArrangementEditBenchmark {
    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "mix34";
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 2000, rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Path dir = Media.dir("editbench");
        Project start = which.equals("nest20") ? EditMix.nested20(dir) : EditMix.mix34(dir);
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        EditMix.Kind[] kinds = EditMix.Kind.values();
        if (args.length > 3) kinds = java.util.Arrays.stream(args[3].split(",")).map(EditMix.Kind::parse).toArray(EditMix.Kind[]::new);
        double[] best = new double[kinds.length], bestWall = new double[kinds.length], bytes = new double[kinds.length];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        java.util.Arrays.fill(bestWall, Double.MAX_VALUE);
        float[] buf = new float[2 * 64];
        try (AudioPool pool = new AudioPool(); Engine e = Engine.create(EngineConfig.defaults().sampleRate(Media.RATE).blockSize(64))) {
            LiveArrangement arr = LiveArrangement.attach(e, pool, Recipes.RESOLVER);
            arr.apply(start);
            arr.seek(Position.ZERO);
            arr.play();
            for (int i = 0; i < 200; i++) e.render(buf, 64);
            System.out.printf(Locale.ROOT, "%s: %d tracks, %d engine nodes; %d edits per kind and round%n", which,
                    start.allTracks().size(), e.nodes().size(), edits);
            Project p = start;
            for (int round = 0; round < rounds; round++) {
                StringBuilder line = new StringBuilder("round " + (round + 1) + ":");
                for (int k = 0; k < kinds.length; k++) {
                    List<Project> seq = new ArrayList<>(edits);
                    Project q = p;
                    for (int i = 0; i < edits; i++) seq.add(q = EditMix.edit(q, kinds[k], round * edits + i));
                    long cpu = 0, wall = 0, alloc = 0;
                    for (Project x : seq) {
                        long a0 = mx.getCurrentThreadAllocatedBytes(), c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
                        arr.apply(x);
                        cpu += mx.getCurrentThreadCpuTime() - c0;
                        wall += System.nanoTime() - w0;
                        alloc += mx.getCurrentThreadAllocatedBytes() - a0;
                        e.render(buf, 64);
                    }
                    // back to the start, so that every round edits the same mix
                    arr.apply(p);
                    e.render(buf, 64);
                    double us = cpu / 1e3 / edits, wallUs = wall / 1e3 / edits;
                    best[k] = Math.min(best[k], us);
                    bytes[k] = (double) alloc / edits;
                    bestWall[k] = Math.min(bestWall[k], wallUs);
                    line.append(String.format(Locale.ROOT, "  %s %.0f us CPU (%.0f wall)", kinds[k].name().toLowerCase(Locale.ROOT), us, wallUs));
                }
                System.out.println(line);
            }
            System.out.println("best round, CPU per edit on the control thread (wall in brackets; heap allocated per edit, last round):");
            for (int k = 0; k < kinds.length; k++)
                System.out.printf(Locale.ROOT, "  %-7s %7.1f us (%7.1f us; %,9.0f B): %s%n", kinds[k].name().toLowerCase(Locale.ROOT), best[k], bestWall[k], bytes[k],
                        best[k] < 1000 ? "1,000 edits/s fit in " + Math.round(best[k] / 10) + " % of a core" : "1,000 edits/s do not fit in a core");
            arr.close();
        }
    }
}
