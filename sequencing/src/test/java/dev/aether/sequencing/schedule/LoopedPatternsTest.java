package dev.aether.sequencing.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.time.Rational;
import dev.aether.nodes.voice.PolyVoices;
import dev.aether.nodes.voice.SubtractiveVoice;
import org.junit.jupiter.api.Test;

/**
 * Patterns on a looping clock ({@code Clock.loop}): at each wrap the pattern goes on from the loop's start, in phase
 * with the transport, its onsets on the exact samples of the wrap. One cycle a bar, 120 BPM: a beat is 24,000 samples.
 */
class LoopedPatternsTest {
    static final int BEAT = 24_000;

    @Test
    void shouldPlayAPatternFromTheLoopsStartAtEveryWrapOnTheExactSample() {
        try (OfflineRig rig = new OfflineRig()) {
            rig.engine.tempo(120, 4, dev.aether.core.time.When.NOW);
            PolyVoices synth = rig.play(new PolyVoices(4, SubtractiveVoice::new));
            Recording<Integer> notes = new Recording<>(PatternTarget.notes(synth, 0.8));
            rig.scheduler.play("m", "c4 e4 g4 c5", notes);                   // beats 0, 1, 2, 3 of each bar
            rig.renderLeft(BEAT / 2);
            // a loop of 3 beats, from beat 2 (g4) to beat 5, set while playing: wraps at beats 5, 8, 11 of the engine
            long landed = rig.engine.clock().loop(Rational.of(2), Rational.of(5));
            assertThat(landed).as("lands before the loop's end").isLessThan(5L * BEAT);
            rig.renderLeft(11 * BEAT - BEAT / 2);
            assertThat(notes.sent).extracting(Recording.Sent::onset)
                    .containsExactly(0L, 1L * BEAT, 2L * BEAT, 3L * BEAT, 4L * BEAT, 5L * BEAT, 6L * BEAT, 7L * BEAT, 8L * BEAT, 9L * BEAT, 10L * BEAT);
            assertThat(notes.sent).extracting(Recording.Sent::value)
                    .as("bar 2's c4 at beat 4, then from beat 2 again: g4 c5 c4, g4 c5 c4, ...")
                    .containsExactly(60, 64, 67, 72, 60, 67, 72, 60, 67, 72, 60);
            assertThat(rig.engine.clock().snapshot().beatAtRt(10L * BEAT)).isEqualTo(4.0);
            assertThat(rig.messages).as("no late events").isEmpty();
        }
    }

    @Test
    void shouldPlayOnFromWhereTheTransportIsAfterNoLoop() {
        try (OfflineRig rig = new OfflineRig()) {
            rig.engine.tempo(120, 4, dev.aether.core.time.When.NOW);
            PolyVoices synth = rig.play(new PolyVoices(4, SubtractiveVoice::new));
            Recording<Integer> notes = new Recording<>(PatternTarget.notes(synth, 0.8));
            rig.scheduler.play("m", "c4 e4 g4 c5", notes);
            rig.engine.clock().loop(Rational.of(0), Rational.of(2));          // c4 e4, c4 e4, ...
            rig.renderLeft(5 * BEAT + BEAT / 2);
            rig.engine.clock().noLoop();                                     // at engine beat 5.5 + look-ahead: transport beat 1.x
            rig.renderLeft(6 * BEAT);
            assertThat(notes.sent).extracting(Recording.Sent::value).startsWith(60, 64, 60, 64, 60, 64);
            assertThat(notes.sent.get(6).value()).as("after the loop, the pattern goes on to g4").isEqualTo(67);
            assertThat(notes.sent.get(6).onset()).isEqualTo(6L * BEAT);
        }
    }
}
