package dev.aether.arrange.live;

import dev.aether.arrange.AudioTrack;
import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.stream.AudioPool;
import dev.aether.core.engine.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.aether.arrange.live.LiveFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

class LiveArrangementTest {
    @TempDir Path dir;

    @Test
    void shouldStartAClipOnItsExactSampleAndSumIntoTheMaster() throws Exception {
        Project p = project("dc", dc(dir, "dc", RATE, 0.25f))
                .add(track("a", "dc", Position.beats(4), Position.beats(1)));          // 4 beats = 96,000 samples
        try (AudioPool pool = new AudioPool(); Engine e = Engine.create(CFG)) {
            LiveArrangement arr = LiveArrangement.attach(e, pool, LiveFixture::recipe);
            arr.apply(p);
            arr.seek(Position.ZERO);
            arr.play();
            float[] out = render(e, 4 * 24_000 + 30_000);
            assertThat(firstSound(out)).as("first sounding frame").isEqualTo(96_000);
            assertThat(left(out, 96_000)).isEqualTo(0.25f);
            assertThat(right(out, 96_000 + 23_999)).isEqualTo(0.25f);
            assertThat(left(out, 96_000 + 24_000)).as("the sample after the clip").isEqualTo(0f);
            assertThat(arr.playing()).isTrue();
            arr.close();
        }
    }
}
