package dev.aether.arrange.play;

import dev.aether.arrange.Curve;
import dev.aether.arrange.stream.DiskReader;
import dev.aether.arrange.stream.MemorySource;
import dev.aether.arrange.stream.PoolSource;
import dev.aether.arrange.stream.StreamedSource;
import dev.aether.arrange.stream.TestWavs;
import dev.aether.core.io.WavFormat;
import dev.aether.core.time.TimedEventChannel;
import dev.aether.testkit.NodeHarness;
import dev.aether.testkit.signals.Allocations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clips of a streamed file sound exactly as the same clips of the file held in memory, when the reader keeps up; a
 * seek to a clip's start plays at once from the pre-roll; the audio thread allocates nothing while clips stream and
 * the transport seeks.
 */
class DiskStreamingTest {
    static final double SR = 48_000;
    @TempDir Path dir;
    DiskReader reader;
    StreamedSource streamed;
    MemorySource memory;
    float[] left, right;

    @BeforeEach
    void files() throws IOException {
        left = TestWavs.noise16(8 * 48_000, 21);
        right = TestWavs.noise16(8 * 48_000, 22);
        Path f = TestWavs.write(dir.resolve("long.wav"), WavFormat.PCM_24, 48_000, left, right);
        streamed = StreamedSource.open(f);
        memory = MemorySource.load(f);
        reader = new DiskReader("test-disk", DiskReader.DEFAULT_CHUNK_FRAMES);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        streamed.close();
    }

    static List<ClipPlacement> clips(PoolSource s) {
        return List.of(
                ClipPlacement.of(s, 0, 60_000).offset(100_000),
                ClipPlacement.of(s, 3000, 60_000).offset(200_000.25).rate(1.37).gain(0.5).fadeIn(500, Curve.S_CURVE),
                ClipPlacement.of(s, 7000, 60_000).offset(50_000).reversed(true).fadeOut(2000, Curve.EXPONENTIAL),
                ClipPlacement.of(s, 9000, 80_000).offset(300_000).loop(70_000).rate(0.9),
                ClipPlacement.of(s, 30_000, 50_000).offset(20_000).loop(60_000).reversed(true));
    }

    /** Renders {@code frames} of a player of {@code placements}, paced at real time so the reader keeps up. */
    float[] paced(List<ClipPlacement> placements, int frames, Function<ClipPlayer, Object> setup) throws InterruptedException {
        ClipPlayer p = new ClipPlayer(8, ClipPlayer.DEFAULT_RING_FRAMES, reader);
        NodeHarness h = new NodeHarness(p, SR, 64);
        TimedEventChannel ch = new TimedEventChannel(64);
        h.runner().bindTimed(ch);
        p.schedule(ClipSchedule.build(placements, SR, 0.25, null));
        if (setup != null) setup.apply(p);
        float[] y = new float[frames];
        Thread t = new Thread(new PacedAudioLoop(h, ch, new long[0], frames / 64, 0, 1, y, 0), "paced");
        t.start();
        t.join();
        lastUnderruns = p.underruns();
        lastSeekWait = p.seekWaitFrames();
        lastRequests = p.streamRequests();
        p.close();
        return y;
    }

    long lastUnderruns, lastSeekWait, lastRequests;

    @Test
    void shouldSoundExactlyAsTheFileInMemoryForwardReversedLoopedAndVarispeed() throws Exception {
        int frames = 96_000;
        float[] fromDisk = paced(clips(streamed), frames, null);
        long underruns = lastUnderruns, wait = lastSeekWait, requests = lastRequests;
        float[] fromMemory = paced(clips(memory), frames, null);
        assertThat(underruns).as("underruns").isZero();
        assertThat(wait).as("frames waited for").isZero();
        assertThat(requests).as("stream requests (one per streamed clip)").isEqualTo(5);
        assertThat(fromDisk).containsExactly(fromMemory);
    }

    @Test
    void shouldSeekToAClipsStartWithoutWaitingAndElsewhereAfterTheFirstChunk() throws Exception {
        List<ClipPlacement> one = List.of(ClipPlacement.of(streamed, 1000, 300_000).offset(10_000));
        float[] toStart = paced(one, 48_000, p -> p.seekAt(20_000, 1000));          // back to the clip's start
        assertThat(lastSeekWait).isZero();
        assertThat(lastUnderruns).isZero();
        for (int t = 20_000; t < 48_000; t++) assertThat(toStart[t]).isEqualTo(left[10_000 + t - 20_000]);

        float[] far = paced(one, 48_000, p -> p.seekAt(20_000, 200_000));           // far beyond the pre-roll
        assertThat(lastUnderruns).as("underruns").isZero();
        assertThat(lastSeekWait).as("frames of silence after the seek").isGreaterThan(0).isLessThan(24_000);
        int resumed = 20_000 + (int) lastSeekWait;
        assertThat(far[resumed - 1]).isZero();
        for (int t = resumed; t < 48_000; t++) assertThat(far[t]).isEqualTo(left[10_000 + 199_000 + t - 20_000]);
    }

    @Test
    void shouldNotAllocateOnTheAudioThreadWhileStreamingSeekingAndSwappingSchedules() throws Exception {
        ClipPlayer p = new ClipPlayer(8, ClipPlayer.DEFAULT_RING_FRAMES, reader);
        NodeHarness h = new NodeHarness(p, SR, 64);
        TimedEventChannel ch = new TimedEventChannel(256);
        h.runner().bindTimed(ch);
        List<ClipPlacement> a = new ArrayList<>(clips(streamed));
        a.addAll(clips(memory));
        List<ClipPlacement> b = new ArrayList<>(a);
        b.add(ClipPlacement.of(memory, 40_000, 30_000).rate(2.5).reversed(true));
        ClipSchedule sa = ClipSchedule.build(a, SR, 0.25, null), sb = ClipSchedule.build(b, SR, 0.25, sa);
        p.schedule(sa);
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong edits = new AtomicLong();
        Thread control = new Thread(() -> {
            SplittableRandom rnd = new SplittableRandom(3);
            while (!done.get()) {
                long n = edits.incrementAndGet();
                if (n % 3 == 0) p.schedule(n % 2 == 0 ? sa : sb);
                else p.seek(rnd.nextInt(n % 3 == 1 ? 9000 : 120_000));          // clip starts and anywhere
                try { Thread.sleep(2); } catch (InterruptedException e) { return; }
            }
        }, "control");
        long[] windows = new long[8];
        Thread audio = new Thread(new PacedAudioLoop(h, ch, windows, 30_000, 4000, 8, null, 0), "audio");
        control.start();
        audio.start();
        audio.join();
        done.set(true);
        control.join();
        System.out.printf("audio-thread bytes per window of 4000 blocks: %s (%d edits, %d stream requests, %d underruns)%n",
                Arrays.toString(windows), edits.get(), p.streamRequests(), p.underruns());
        assertThat(edits.get()).isGreaterThan(1000);
        assertThat(p.streamRequests()).isGreaterThan(1000);
        assertThat(Allocations.supported()).isTrue();
        assertThat(windows).as("bytes allocated by the audio thread per window").containsOnly(0L);
        p.close();
    }

    @Test
    void shouldPlaySilenceAndCountUnderrunsWithoutWaitingWhenTheDiskFallsBehind() throws Exception {
        DiskReader stalled = new DiskReader("stalled-disk", DiskReader.DEFAULT_CHUNK_FRAMES);
        stalled.close();                                                   // nothing will ever be read
        ClipPlayer p = new ClipPlayer(2, ClipPlayer.DEFAULT_RING_FRAMES, stalled);
        NodeHarness h = new NodeHarness(p, SR, 64);
        ClipSchedule s = ClipSchedule.build(List.of(ClipPlacement.of(streamed, 0, 48_000).offset(5000)), SR, 0.1, null);
        p.schedule(s);
        long prerollFrames = s.entries[0].prerollFrames;
        long t0 = System.nanoTime();
        float[] y = h.render(48_000)[0][0];
        long millis = (System.nanoTime() - t0) / 1_000_000;
        for (int t = 0; t < prerollFrames - 2; t++) assertThat(y[t]).isEqualTo(left[5000 + t]);
        for (int t = (int) prerollFrames + 2; t < 48_000; t++) assertThat(y[t]).isZero();
        assertThat(p.underrunFrames()).as("frames missing after the pre-roll").isBetween(48_000 - prerollFrames - 2, 48_000 - prerollFrames + 2);
        assertThat(p.underruns()).as("blocks with missing frames").isBetween((48_000 - prerollFrames) / 64, (48_000 - prerollFrames) / 64 + 2);
        assertThat(p.seekWaitFrames()).isZero();
        assertThat(millis).as("a second rendered without waiting for the disk, ms").isLessThan(1000);
        p.close();
    }

    @Test
    void shouldCarryTheTransportAcrossAHotSwapAndRefuseAScheduleOfAnotherRate() {
        ClipPlayer a = new ClipPlayer(2, 1 << 12, reader), b = new ClipPlayer(2, 1 << 12, reader);
        List<ClipPlacement> clips = List.of(ClipPlacement.of(memory, 0, 100_000));
        NodeHarness ha = new NodeHarness(a, SR, 64);
        a.schedule(clips);
        a.seek(50_000);
        ha.render(6400);
        NodeHarness hb = new NodeHarness(b, SR, 64);
        b.schedule(clips);
        b.restoreState(a.saveState());
        float[] y = hb.render(640)[0][0];
        for (int i = 0; i < 640; i++) assertThat(y[i]).isEqualTo(left[50_000 + 6400 + i]);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.schedule(ClipSchedule.build(clips, 44_100)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("44100");
        a.close();
        b.close();
    }

    @Test
    void shouldPlayOnFromTheRingAfterAShortSeekForwardOrBack() throws Exception {
        List<ClipPlacement> one = List.of(ClipPlacement.of(streamed, 1000, 300_000).offset(10_000));
        float[] fwd = paced(one, 48_000, p -> p.seekAt(30_000, 50_000));           // 20,000 ahead: in the ring
        assertThat(lastSeekWait).as("frames waited for after the seek forward").isZero();
        assertThat(lastUnderruns).isZero();
        assertThat(lastRequests).as("stream requests: only the clip's start").isEqualTo(1);
        for (int t = 30_000; t < 48_000; t++) assertThat(fwd[t]).isEqualTo(left[10_000 + 49_000 + t - 30_000]);
        float[] back = paced(one, 48_000, p -> p.seekAt(30_000, 26_000));          // 4,000 back: in the history
        assertThat(lastSeekWait).as("frames waited for after the seek back").isZero();
        assertThat(lastRequests).isEqualTo(1);
        for (int t = 30_000; t < 48_000; t++) assertThat(back[t]).isEqualTo(left[10_000 + 25_000 + t - 30_000]);
    }
}
