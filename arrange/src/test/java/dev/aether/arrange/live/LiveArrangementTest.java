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

    @Test
    void shouldFollowTheEnginesClockSoThatItPlaysInTimeWithPatterns() throws Exception {
        Project p = project("dc", dc(dir, "dc", RATE, 0.25f)).withTempo(new dev.aether.arrange.Tempo(90, 3))
                .add(track("a", "dc", Position.beats(6), Position.beats(1)));          // bar 3 at 90 BPM, 3/4: 4 s
        try (AudioPool pool = new AudioPool(); Engine e = Engine.create(CFG)) {
            LiveArrangement arr = LiveArrangement.attach(e, pool, LiveFixture::recipe);
            arr.apply(p);
            assertThat(e.clock().snapshot().bpmAtRt(0)).as("the clock takes the project's tempo").isEqualTo(90.0);
            arr.seek(p.bar(2));                                                       // 2 s
            arr.play();
            render(e, 3 * RATE);
            long clockSample = e.clock().snapshot().transportSampleAt(3L * RATE);
            assertThat(clockSample).as("the clock's transport, samples").isEqualTo(5L * RATE);
            assertThat(arr.position().seconds(p.tempo())).as("the arrangement's position, s").isEqualTo(5.0);
            assertThat(e.clock().snapshot().beatAt(3L * RATE).toDouble()).as("beat of the clock").isEqualTo(7.5);
            arr.stop();
            render(e, RATE);
            assertThat(arr.playing()).isFalse();
            assertThat(e.clock().snapshot().transportSampleAt(4L * RATE)).as("the clock holds with it").isEqualTo(5L * RATE);
            arr.close();
        }
    }
}
