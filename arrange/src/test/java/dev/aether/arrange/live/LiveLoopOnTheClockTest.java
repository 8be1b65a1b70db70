package dev.aether.arrange.live;

import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.stream.AudioPool;
import dev.aether.arrange.stream.TestWavs;
import dev.aether.core.engine.Engine;
import dev.aether.core.io.WavFormat;
import dev.aether.core.time.ClockSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.aether.arrange.live.LiveFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code arr.loop(from, to)} loops the engine's clock too: the clock's transport and the arrangement wrap on the same
 * engine samples, so what the arrangement plays at every sample is the clip at the clock's transport position, and
 * patterns and live slots reading the clock stay in phase with it. At 120 BPM a beat is 24,000 samples.
 */
class LiveLoopOnTheClockTest {
    private static final int BEAT = 24_000;
    @TempDir Path dir;

    /** A ramp: sample {@code i} is {@code i / 2^20} (exact in float), for {@code frames} frames. */
    private Path ramp(int frames) throws Exception {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) x[i] = i / (float) (1 << 20);
        return TestWavs.write(dir.resolve("ramp.wav"), WavFormat.FLOAT_32, RATE, x);
    }

    @Test
    void shouldWrapTheArrangementAndTheClockOnTheSameSampleAndPlayTheClipAtTheClocksPosition() throws Exception {
        Project p = project("ramp", ramp(8 * BEAT)).add(track("a", "ramp", Position.ZERO, Position.beats(8)));
        try (AudioPool pool = new AudioPool(); Engine e = Engine.create(CFG)) {
            LiveArrangement arr = LiveArrangement.attach(e, pool, LiveFixture::recipe);
            arr.apply(p);
            arr.seek(Position.ZERO);
            arr.play();
            float[] first = render(e, BEAT / 3);
            arr.loop(Position.beats(1.5), Position.beats(3.25));                  // set while playing: 42,000 samples
            float[] rest = render(e, 12 * BEAT);
            arr.close();
            float[] out = new float[first.length + rest.length];
            System.arraycopy(first, 0, out, 0, first.length);
            System.arraycopy(rest, 0, out, first.length, rest.length);
            ClockSnapshot s = e.clock().snapshot();
            int start = (int) arr.startedAtSample();
            int wraps = 0;
            for (int i = start; i < out.length / 2; i++) {
                long t = s.transportSampleAt(i);
                if (i > start && t < s.transportSampleAt(i - 1)) {
                    wraps++;
                    assertThat(t).as("the clock wraps to the loop's start").isEqualTo(36_000);
                    assertThat(s.transportSampleAt(i - 1)).as("from its end").isEqualTo(78_000 - 1);
                }
                if (left(out, i) != t / (float) (1 << 20))
                    throw new AssertionError("engine sample " + i + ": the arrangement plays " + left(out, i) * (1 << 20)
                            + " of the clip, the clock is at transport sample " + t);
            }
            assertThat(wraps).as("wraps in 12 beats of a 1.75-beat loop").isEqualTo(6);
            assertThat(arr.position().seconds(p.tempo()) * RATE).as("the arrangement's position, where the clock is")
                    .isEqualTo((double) s.transportSampleAt(out.length / 2));
        }
    }

    @Test
    void shouldEndTheClocksLoopWithNoLoop() throws Exception {
        Project p = project("ramp", ramp(8 * BEAT)).add(track("a", "ramp", Position.ZERO, Position.beats(8)));
        try (AudioPool pool = new AudioPool(); Engine e = Engine.create(CFG)) {
            LiveArrangement arr = LiveArrangement.attach(e, pool, LiveFixture::recipe);
            arr.apply(p);
            arr.loop(Position.ZERO, Position.beats(1));
            arr.play();
            render(e, 3 * BEAT + BEAT / 2);
            assertThat(e.clock().snapshot().loopAt(e.clock().position())).isNotNull();
            arr.noLoop();
            render(e, 2 * BEAT);
            long now = e.clock().position();
            assertThat(e.clock().snapshot().loopAt(now)).isNull();
            assertThat(e.clock().snapshot().transportSampleAt(now)).as("played on past the loop's end").isEqualTo(2L * BEAT + BEAT / 2);
            assertThat(arr.position().seconds(p.tempo()) * RATE).isEqualTo(2.0 * BEAT + BEAT / 2);
            arr.close();
        }
    }
}
