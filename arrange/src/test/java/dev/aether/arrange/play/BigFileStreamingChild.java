package dev.aether.arrange.play;

import dev.aether.arrange.stream.AudioPool;
import dev.aether.arrange.stream.DiskReader;
import dev.aether.arrange.stream.PoolSource;
import dev.aether.core.EngineConfig;
import dev.aether.core.driver.DriverConfig;
import dev.aether.core.driver.PacedNullDriver;
import dev.aether.core.engine.Engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The forked JVM of {@link BigFileStreamingTest} (run with {@code -Xmx256m}): plays a large WAV on the paced null
 * driver in real time through two clip players (two streams at once: lane A forward, lane B reversed), clips of 10 s
 * from all over the file, and seeks both every second (four seeks in five to a clip start, the fifth 3 s into the
 * clips, beyond their pre-roll). Prints one line {@code RESULT key=value ...}.
 *
 * <p>Arguments: the WAV file, seconds to play.
 */
public final class BigFileStreamingChild {
    static final int CLIPS = 40, CLIP_SECONDS = 10, SR = 48_000;

    public static void main(String[] args) throws Exception {
        Path wav = Path.of(args[0]);
        int seconds = Integer.parseInt(args[1]);
        AudioPool pool = new AudioPool();
        PoolSource src = pool.load(wav);
        if (src.inMemory()) throw new IllegalStateException(wav + " was loaded into memory, not streamed");
        long clipLen = (long) CLIP_SECONDS * SR;
        SplittableRandom rnd = new SplittableRandom(42);
        List<ClipPlacement> laneA = new ArrayList<>(), laneB = new ArrayList<>();
        for (int i = 0; i < CLIPS; i++) {
            long start = i * clipLen;
            laneA.add(ClipPlacement.of(src, start, clipLen).offset(1 + rnd.nextLong(src.frames() - clipLen - 2)));
            laneB.add(ClipPlacement.of(src, start, clipLen).offset(1 + rnd.nextLong(src.frames() - clipLen - 2)).reversed(true));
        }
        Engine engine = Engine.create(EngineConfig.defaults());
        DiskReader reader = DiskReader.shared();
        ClipPlayer a = new ClipPlayer(4, ClipPlayer.DEFAULT_RING_FRAMES, reader);
        ClipPlayer b = new ClipPlayer(4, ClipPlayer.DEFAULT_RING_FRAMES, reader);
        FrameIndexChecker ca = new FrameIndexChecker(1), cb = new FrameIndexChecker(-1);
        for (Object n : new Object[] {a, b, ca, cb}) engine.add((dev.aether.core.DspNode) n);
        engine.connect(a.out, ca.in);
        engine.connect(b.out, cb.in);
        engine.connectToMaster(ca.out);
        engine.connectToMaster(cb.out);
        long t0 = System.nanoTime();
        ClipSchedule sa = ClipSchedule.build(laneA, SR), sb = ClipSchedule.build(laneB, SR);
        long buildNanos = System.nanoTime() - t0;
        a.schedule(sa);
        b.schedule(sb);
        PacedNullDriver driver = new PacedNullDriver(DriverConfig.defaults().realtimeScheduling(false));
        Runtime rt = Runtime.getRuntime();
        engine.start(driver);
        int seeks = 0, farSeeks = 0;
        long[] heapMin = new long[seconds];
        long heapMax = 0;
        long start = System.nanoTime();
        for (int s = 0; s < seconds; s++) {
            long heapLow = Long.MAX_VALUE;
            long due = start + (s + 1) * 1_000_000_000L;
            long now;
            while ((now = System.nanoTime()) < due) {
                long used = rt.totalMemory() - rt.freeMemory();
                heapLow = Math.min(heapLow, used);
                heapMax = Math.max(heapMax, used);
                Thread.sleep(Math.min(50, Math.max(1, (due - now) / 1_000_000)));
            }
            heapMin[s] = heapLow;
            long target = rnd.nextInt(CLIPS - 4) * clipLen;
            if (s % 5 == 4) {
                target += 3L * SR;
                farSeeks++;
            }
            long at = driver.framesRendered() + 2048;
            a.seekAt(at, target);
            b.seekAt(at, target);
            seeks++;
        }
        Thread.sleep(200);
        engine.stop();
        long played = ca.samplesPublished;
        StringBuilder heap = new StringBuilder();
        for (long h : heapMin) heap.append(heap.length() == 0 ? "" : ",").append(h >> 20);
        System.out.println("RESULT"
                + " seconds=" + seconds
                + " fileBytes=" + java.nio.file.Files.size(wav)
                + " maxHeapMiB=" + (rt.maxMemory() >> 20)
                + " playedFrames=" + played
                + " seeks=" + seeks + " farSeeks=" + farSeeks
                + " underruns=" + (a.underruns() + b.underruns())
                + " underrunFrames=" + (a.underrunFrames() + b.underrunFrames())
                + " seekWaitFrames=" + (a.seekWaitFrames() + b.seekWaitFrames())
                + " silentFrames=" + (ca.silentPublished + cb.silentPublished)
                + " jumps=" + (ca.jumpsPublished + cb.jumpsPublished)
                + " streamRequests=" + (a.streamRequests() + b.streamRequests())
                + " firstChunkMaxMs=" + String.format("%.2f", Math.max(a.firstChunkNanosMax(), b.firstChunkNanosMax()) / 1e6)
                + " firstChunkMeanMs=" + String.format("%.2f", (a.firstChunkNanosMean() + b.firstChunkNanosMean()) / 2e6)
                + " prerollMiB=" + ((sa.prerollBytes() + sb.prerollBytes()) >> 20)
                + " scheduleBuildMs=" + buildNanos / 1_000_000
                + " lateBlocks=" + driver.lateBlocks()
                + " heapUsedMaxMiB=" + (heapMax >> 20)
                + " heapFloorMiB=" + heap);
        a.close();
        b.close();
        pool.close();
        System.exit(0);
    }
}
