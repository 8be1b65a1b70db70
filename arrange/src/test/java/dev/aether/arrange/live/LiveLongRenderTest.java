package dev.aether.arrange.live;

import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.stream.AudioPool;
import dev.aether.core.engine.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static dev.aether.arrange.live.LiveFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's long render, shortened to run in a test (the benchmarks' {@code ArrangementEightHours} renders 8 hours):
 * a looping arrangement rendered offline for 10 minutes ends with the engine's clock on exactly the sample 10 minutes
 * give, the clock's beat exact (the arrangement's loop loops the clock too, so patterns stay with it), the arrangement exactly where its loop puts it, and the heap after GC no larger than at
 * the start (after the first minute) but for a small margin.
 */
class LiveLongRenderTest {
    @TempDir Path dir;

    private static final long MINUTES = 10, TOTAL = MINUTES * 60 * RATE, LOOP = 7 * RATE / 2;    // the loop: 7 beats at 120 BPM, not a divisor of 10 minutes
    private static final int CHUNK = 6_400;
    private static final double MARGIN_MIB = 2;

    @Test @Timeout(300)
    void shouldKeepTheClockExactAndTheHeapFlatOverTenMinutesOfALoopingArrangement() throws Exception {
        Project p = LiveBounceTest.piece(dir);
        float[] buf = new float[2 * CHUNK];
        try (AudioPool pool = new AudioPool(); Engine e = Engine.create(CFG)) {
            LiveArrangement arr = LiveArrangement.attach(e, pool, LiveFixture::recipe);
            arr.apply(p);
            arr.seek(Position.ZERO);
            arr.loop(Position.ZERO, Position.beats(7));
            arr.play();
            long start = arr.startedAtSample();
            float[] peak = {0};
            long done = render(e, buf, 0, 60L * RATE, peak);
            double heapStart = heapAfterGcMiB();
            peak[0] = 0;
            while (done < TOTAL) done = render(e, buf, done, Math.min(TOTAL - done, 60L * RATE), peak);
            double heapEnd = heapAfterGcMiB();
            long played = TOTAL - start;
            System.out.printf("LiveLongRenderTest: %d min rendered; clock at %d (expected %d); arrangement at %d of its loop (expected %d);"
                    + " heap after GC %.2f MiB after the first minute, %.2f MiB at the end%n",
                    MINUTES, e.clock().position(), TOTAL, arr.transport().positionSamples(), played % LOOP, heapStart, heapEnd);
            assertThat(e.clock().position()).as("the engine's clock after %d minutes", MINUTES).isEqualTo(TOTAL);
            var beat = e.clock().snapshot().beatAt(TOTAL);
            assertThat(beat.num() * (RATE / 2)).as("the clock's beat %s, at 120 BPM from sample %d, looping with the arrangement", beat, start)
                    .isEqualTo((played % LOOP) * beat.den());
            assertThat(arr.transport().positionSamples()).as("the arrangement's place in its loop").isEqualTo(played % LOOP);
            assertThat(peak[0]).as("the loop still sounds after the first minute").isGreaterThan(0.01f);
            assertThat(heapEnd).as("heap after GC at the end, MiB (%.2f after the first minute)", heapStart)
                    .isLessThanOrEqualTo(heapStart + MARGIN_MIB);
            arr.close();
        }
    }

    /** Renders {@code frames} more, keeping the peak in {@code peak[0]}; returns the frames rendered in all. */
    private static long render(Engine e, float[] buf, long done, long frames, float[] peak) {
        long end = done + frames;
        while (done < end) {
            int n = (int) Math.min(CHUNK, end - done);
            e.render(buf, n);
            for (int i = 0; i < 2 * n; i++) peak[0] = Math.max(peak[0], Math.abs(buf[i]));
            done += n;
        }
        return done;
    }

    private static double heapAfterGcMiB() throws InterruptedException {
        var mx = ManagementFactory.getMemoryMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            best = Math.min(best, mx.getHeapMemoryUsage().getUsed());
        }
        return best / 1048576.0;
    }
}
