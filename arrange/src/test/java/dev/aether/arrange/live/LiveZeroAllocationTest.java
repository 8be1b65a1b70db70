package dev.aether.arrange.live;

import dev.aether.arrange.AudioClip;
import dev.aether.arrange.AudioTrack;
import dev.aether.arrange.Curve;
import dev.aether.arrange.Lane;
import dev.aether.arrange.Metatrack;
import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.TimeTransform;
import dev.aether.arrange.stream.AudioPool;
import dev.aether.arrange.stream.TestWavs;
import dev.aether.core.engine.Engine;
import dev.aether.core.io.WavFormat;
import dev.aether.testkit.signals.Allocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.aether.arrange.live.LiveFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audio thread allocates nothing while an arrangement plays live with automation (volume, pan and an effect
 * parameter), clips streamed from disk, nested metatracks with time transforms, an instrument track, sends, and
 * while edits are applied, the transport seeks (mid-block too), loops, stops and plays. 0 bytes in each window of
 * 2,000 blocks after warm-up.
 */
class LiveZeroAllocationTest {
    @TempDir Path dir;

    @Test @Timeout(120)
    void shouldNotAllocateOnTheAudioThreadWhilePlayingAndEditingAnArrangement() throws Exception {
        Project p = LiveBounceTest.piece(dir);
        Path big = TestWavs.write(dir.resolve("big.wav"), WavFormat.PCM_16, RATE, TestWavs.noise16(20 * RATE, 5));
        AudioTrack streamed = AudioTrack.named("streamed").with(AudioClip.of("big", Position.ZERO, Position.seconds(20)))
                .withStrip(dev.aether.arrange.Strip.DEFAULT.withLane(new Lane(Lane.Target.PAN, List.of(
                        new Lane.Point(Position.ZERO, -1, Curve.S_CURVE), new Lane.Point(Position.seconds(3), 1, Curve.LINEAR)))));
        Metatrack deep = Metatrack.of("deep", List.of(Metatrack.of("deeper", List.of(streamed))
                .withTime(TimeTransform.IDENTITY.withSpeed(0.5)))).withTime(TimeTransform.IDENTITY.withSpeed(2));
        p = p.withPool(p.pool().with("big", big)).add(deep);
        StringBuilder log = new StringBuilder();
        MeasuringDriver driver = new MeasuringDriver(5, 24_000, 2_000, 4);   // 8 s of warm-up: C2 compiles late under load
        try (AudioPool pool = new AudioPool(1 << 20); Engine e = Engine.create(CFG)) {     // files over 1 MiB stream
            LiveArrangement arr = LiveArrangement.attach(e, pool, LiveFixture::recipe);
            arr.apply(p);
            arr.seek(Position.ZERO);
            arr.play();
            e.start(driver);
            int step = 0;
            while (!driver.done()) {
                log.append(driver.blocks()).append(':').append(step % 8).append(' ');
                edit(arr, p, e, step++);
                Thread.sleep(60);
            }
            e.stop();
            arr.close();
        }
        assertThat(Allocations.supported()).isTrue();
        assertThat(step(driver)).isGreaterThan(0);
        assertThat(driver.windows).as("bytes allocated by the audio thread per window of 2,000 blocks").withFailMessage("allocated %s; (block, bytes): %s; edits (block:kind): %s", java.util.Arrays.toString(driver.windows),
                java.util.Arrays.toString(driver.where), log).containsOnly(0L);
    }

    private static int step(MeasuringDriver d) { return (int) Math.min(Integer.MAX_VALUE, d.blocks()); }

    /** One of the edits a performer makes, in turn. */
    private static void edit(LiveArrangement arr, Project p, Engine e, int step) {
        switch (step % 8) {
            case 0 -> arr.apply(p.replace("drums", p.track("drums").withStrip(p.track("drums").strip().withVolumeDb(-(step % 13)))));
            case 1 -> arr.seekAt((e.clock().earliest() / 64 + 3) * 64 + 17 + step % 40, Position.seconds(step % 5 * 0.37));
            case 2 -> arr.loop(Position.seconds(0.5), Position.seconds(1.5));
            case 3 -> arr.apply(p.replace("pad", ((AudioTrack) p.track("pad")).withClips(List.of(
                    AudioClip.of("pad", Position.beats(step % 3), Position.beats(2))))));
            case 4 -> arr.noLoop();
            case 5 -> arr.stop();
            case 6 -> arr.play();
            default -> arr.seek(Position.seconds(step % 7 * 0.5));
        }
    }
}
