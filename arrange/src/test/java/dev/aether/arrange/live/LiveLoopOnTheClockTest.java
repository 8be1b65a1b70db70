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
import java.util.ArrayList;
import java.util.List;
import dev.aether.nodes.voice.PolyVoices;
import dev.aether.nodes.voice.SubtractiveVoice;
import dev.aether.sequencing.schedule.LookAheadScheduler;
import dev.aether.sequencing.schedule.PatternTarget;

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
    void shouldKeepAPatternInPhaseWithTheLoopingArrangement() throws Exception {
        Project p = project("ramp", ramp(8 * BEAT)).add(track("a", "ramp", Position.ZERO, Position.beats(8)));
        record Sent(int key, long onset) {}
        List<Sent> sent = new ArrayList<>();
        PatternTarget<Integer> notes = PatternTarget.notes(new PolyVoices(2, SubtractiveVoice::new), 0.8);
        PatternTarget<Integer> recording = new PatternTarget<>() {
            @Override public String description() { return "recording"; }
            @Override public Integer valueOf(Object token) { return notes.valueOf(token); }
            @Override public synchronized boolean send(Integer key, long onset, long offset) { sent.add(new Sent(key, onset)); return true; }
        };
        try (AudioPool pool = new AudioPool(); Engine e = Engine.create(CFG)) {
            LookAheadScheduler patterns = LookAheadScheduler.attach(e, m -> {});
            LiveArrangement arr = LiveArrangement.attach(e, pool, LiveFixture::recipe);
            arr.apply(p);
            arr.seek(Position.ZERO);
            arr.play();
            patterns.play("m", "c4 e4 g4 c5", recording);                       // one note a beat
            float[] first = render(e, BEAT / 2);
            arr.loop(Position.beats(1), Position.beats(3));                        // passes of beats 1, 2
            float[] rest = render(e, 10 * BEAT);
            patterns.close();
            arr.close();
            float[] out = new float[first.length + rest.length];
            System.arraycopy(first, 0, out, 0, first.length);
            System.arraycopy(rest, 0, out, first.length, rest.length);
            ClockSnapshot s = e.clock().snapshot();
            int[] keyOfBeat = {60, 64, 67, 72};
            List<Long> onsets = new ArrayList<>();
            for (Sent x : sent) {
                if (x.onset() >= out.length / 2) continue;
                long t = s.transportSampleAt(x.onset());
                assertThat(t % BEAT).as("an onset on a beat of the transport, at engine sample " + x.onset()).isZero();
                assertThat(x.key()).as("the note of transport beat " + t / BEAT).isEqualTo(keyOfBeat[(int) (t / BEAT) % 4]);
                assertThat(left(out, (int) x.onset())).as("the arrangement at the onset: the clip at the clock's position")
                        .isEqualTo(t / (float) (1 << 20));
                onsets.add(x.onset());
            }
            int start = (int) arr.startedAtSample();
            assertThat(onsets).as("beats 0, 1, 2, then the wraps to beat 1 and beat 2 of each pass")
                    .containsExactly(start + 0L, start + 1L * BEAT, start + 2L * BEAT, start + 3L * BEAT, start + 4L * BEAT,
                            start + 5L * BEAT, start + 6L * BEAT, start + 7L * BEAT, start + 8L * BEAT, start + 9L * BEAT, start + 10L * BEAT);
            assertThat(sent.subList(0, 11)).extracting(Sent::key).containsExactly(60, 64, 67, 64, 67, 64, 67, 64, 67, 64, 67);
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
