package dev.aether.arrange.live;

import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.play.ClipPlacement;
import dev.aether.arrange.play.ClipPlayer;
import dev.aether.arrange.stream.AudioPool;
import dev.aether.core.driver.DriverConfig;
import dev.aether.core.driver.PacedNullDriver;
import dev.aether.core.engine.Engine;
import dev.aether.core.view.OutputTap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.aether.arrange.live.LiveFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seek that lands inside a block while the engine plays live (the paced null driver): the audio thread goes on
 * (an earlier player spun forever there: {@code nextStart - position} overflowed when the seek went back before the
 * block offset) and the clip sounds again from the seek's exact sample.
 */
class LiveSeekTest {
    @TempDir Path dir;

    @Test @Timeout(30)
    void shouldKeepPlayingAfterASeekInTheMiddleOfABlock() throws Exception {
        Project p = project("dc", dc(dir, "dc", 10 * RATE, 0.25f)).add(track("a", "dc", Position.ZERO, Position.seconds(10)));
        try (AudioPool pool = new AudioPool(); Engine e = Engine.create(CFG)) {
            LiveArrangement arr = LiveArrangement.attach(e, pool, LiveFixture::recipe);
            arr.apply(p);
            arr.seek(Position.ZERO);
            arr.play();
            PacedNullDriver driver = new PacedNullDriver(DriverConfig.defaults().sampleRateHz(RATE));
            OutputTap tap = e.openTap(RATE * 4);
            e.start(driver);
            waitFor(driver, 12_000);
            long at = (e.clock().earliest() / 64 + 20) * 64 + 37;       // 37 samples into a block, 20 blocks ahead
            arr.seekAt(at, Position.ZERO);                                 // back to the clip's start
            long seekFrame = at;
            waitFor(driver, at + 24_000);
            assertThat(driver.failure()).isNull();
            assertThat(driver.framesRendered()).as("frames rendered after the seek").isGreaterThan(at + 20_000);
            assertThat(arr.position().seconds(dev.aether.arrange.Tempo.DEFAULT)).as("position after the seek, s").isBetween(0.3, 5.0);
            float[] got = new float[tap.available()];
            tap.read(got);
            long first = tap.startSample();
            int i = (int) (seekFrame - first);
            assertThat(i).isPositive();
            assertThat(got[2 * i]).as("the clip's first sample at the seek's sample").isEqualTo(0.25f);
            assertThat(got[2 * (i + 1000)]).isEqualTo(0.25f);
            e.stop();
            arr.close();
        }
    }

    @Test @Timeout(30)
    void shouldKeepAClipPlayerOfItsOwnPlayingAfterASeekInTheMiddleOfABlock() throws Exception {
        Path f = dc(dir, "dc", 10 * RATE, 0.25f);
        try (AudioPool pool = new AudioPool(); Engine e = Engine.create(CFG)) {
            ClipPlayer player = new ClipPlayer();
            e.add(player);
            e.connectToMaster(player.out);
            player.schedule(List.of(ClipPlacement.of(pool.load(f), 0, 10 * RATE)));
            PacedNullDriver driver = new PacedNullDriver(DriverConfig.defaults().sampleRateHz(RATE));
            e.start(driver);
            waitFor(driver, 12_000);
            long at = (e.clock().earliest() / 64 + 20) * 64 + 37;
            player.seekAt(at, 0);
            waitFor(driver, at + 24_000);
            assertThat(driver.failure()).isNull();
            assertThat(player.positionSamples()).as("timeline position after the seek").isBetween(20_000L, 5L * RATE);
            e.stop();
            player.close();
        }
    }

    /** Waits until the driver rendered {@code frames} (at most 10 s: a spinning audio thread fails the test). */
    private static void waitFor(PacedNullDriver d, long frames) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (d.framesRendered() < frames && System.nanoTime() < until) Thread.sleep(5);
    }
}
