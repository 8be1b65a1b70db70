package dev.aether.bench.arrange;

import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.live.LiveArrangement;
import dev.aether.arrange.stream.AudioPool;
import dev.aether.core.EngineConfig;
import dev.aether.core.engine.Engine;
import dev.aether.core.time.Rational;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Issue 13's long-render proof (args: [hours=8]): {@link LoopingPiece} looping on an engine rendered offline as fast
 * as possible, 48 kHz, 64-frame blocks, for {@code hours} of audio (8 h = 1,382,400,000 samples). Prints the wall
 * time, the clock's final sample position against the exact expectation, the clock's beat there (120 BPM, inside the
 * loop, which loops the clock as well as the arrangement), the arrangement's position inside its loop against the expected phase, and the heap used after GC at
 * the start (after a minute of audio) and at the end.
 *
 * <pre>java -Xms256m -Xmx256m -cp benchmarks/target/benchmarks.jar dev.aether.bench.arrange.ArrangementEightHours 8</pre>
 */
public final class ArrangementEightHours {
    private static final int RATE = Media.RATE, CHUNK = 6_400;

    public static void main(String[] args) throws Exception {
        double hours = args.length > 0 ? Double.parseDouble(args[0]) : 8;
        long total = Math.round(hours * 3600 * RATE);
        Path dir = Media.dir("eighthours");
        Project p = LoopingPiece.create(dir);
        float[] buf = new float[2 * CHUNK];
        try (AudioPool pool = new AudioPool(); Engine e = Engine.create(EngineConfig.defaults().sampleRate(RATE).blockSize(64))) {
            LiveArrangement arr = LiveArrangement.attach(e, pool, Recipes.RESOLVER);
            arr.apply(p);
            arr.seek(Position.ZERO);
            arr.loop(LoopingPiece.LOOP_FROM, LoopingPiece.LOOP_TO);
            arr.play();
            long start = arr.startedAtSample();
            long done = 0, warm = Math.min(total, 60L * RATE);
            done = render(e, buf, done, warm);
            double heapStart = heapAfterGcMiB();
            System.out.printf(Locale.ROOT, "rendering %.2f h (%,d samples) of LoopingPiece offline; heap after GC after the first minute: %.2f MiB%n",
                    hours, total, heapStart);
            long wall0 = System.nanoTime(), hour = 3600L * RATE, nextReport = hour;
            double peak = 0;
            while (done < total) {
                long n = Math.min(total - done, hour - done % hour);
                done = render(e, buf, done, n);
                if (done >= nextReport || done == total) {
                    System.out.printf(Locale.ROOT, "  %6.2f h of audio after %7.1f s wall%n", done / (double) hour, (System.nanoTime() - wall0) / 1e9);
                    nextReport += hour;
                }
            }
            for (float v : buf) peak = Math.max(peak, Math.abs(v));
            double wall = (System.nanoTime() - wall0) / 1e9;
            long position = e.clock().position();
            Rational beat = e.clock().snapshot().beatAt(position);
            long played = total - start;
            long phase = played % LoopingPiece.LOOP_SAMPLES, arrPos = arr.transport().positionSamples();
            double heapEnd = heapAfterGcMiB();
            System.out.printf(Locale.ROOT, "wall time: %.1f s (%.0fx real time; the first minute not counted)%n", wall,
                    (total - warm) / (double) RATE / wall);
            System.out.printf(Locale.ROOT, "clock: sample %,d, expected %,d: %s%n", position, total, position == total ? "exact" : "OFF BY " + (position - total));
            boolean beatExact = beat.num() * (RATE / 2) == phase * beat.den();     // the arrangement's loop loops the clock too
            System.out.printf(Locale.ROOT, "clock beat: %s (%.6f), expected %.6f (120 BPM from the play at sample %d, looping with the arrangement): %s%n",
                    beat, beat.num() / (double) beat.den(), phase / (RATE * 0.5), start, beatExact ? "exact" : "OFF");
            System.out.printf(Locale.ROOT, "arrangement: timeline sample %,d inside its loop, expected %,d (%,d loops played): %s%n", arrPos, phase,
                    played / LoopingPiece.LOOP_SAMPLES, arrPos == phase ? "exact" : "OFF BY " + (arrPos - phase));
            System.out.printf(Locale.ROOT, "last chunk peak: %.3f; missed streamed frames: %d%n", peak, arr.missedFrames());
            System.out.printf(Locale.ROOT, "heap after GC: %.2f MiB at the start, %.2f MiB at the end (%+.2f MiB)%n", heapStart, heapEnd, heapEnd - heapStart);
            arr.close();
        }
    }

    private static long render(Engine e, float[] buf, long done, long frames) {
        long end = done + frames;
        while (done < end) {
            int n = (int) Math.min(CHUNK, end - done);
            e.render(buf, n);
            done += n;
        }
        return done;
    }

    /** Heap used after a few full collections, MiB. */
    static double heapAfterGcMiB() throws InterruptedException {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            best = Math.min(best, mx.getHeapMemoryUsage().getUsed());
        }
        return best / 1048576.0;
    }
}
