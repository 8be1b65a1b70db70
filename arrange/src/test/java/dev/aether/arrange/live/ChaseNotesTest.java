package dev.aether.arrange.live;

import dev.aether.arrange.InstrumentTrack;
import dev.aether.arrange.Metatrack;
import dev.aether.arrange.MidiClip;
import dev.aether.arrange.Note;
import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.Tempo;
import dev.aether.arrange.TimeTransform;
import dev.aether.arrange.stream.AudioPool;
import dev.aether.core.engine.Engine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.aether.arrange.live.LiveFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chase: starting play, seeking or wrapping a loop into the middle of a MIDI note starts that note on the sample the
 * timeline lands on, for the rest of its length (its key-off on its own end); a note starting exactly there is
 * started once, by its own key-on. At 120 BPM a beat is 24,000 samples.
 */
class ChaseNotesTest {
    private static final int BEAT = 24_000;

    /** Track "keys": one clip over beats 0..8 holding C4 (60) from beat 1 for 2 beats. */
    private static InstrumentTrack keys() {
        MidiClip clip = new MidiClip(Position.ZERO, Position.beats(8), List.of(new Note(Position.beats(1), Position.beats(2), 60, 100)));
        return InstrumentTrack.named("keys", "counting").with(clip);
    }

    private record Played(float[] out, int start, int keyOns) {}

    /** Seeks to {@code at}, plays, renders {@code frames}; {@code start}: the frame the play took effect on. */
    private static Played playFrom(Project p, Position at, int frames) throws Exception {
        KeyLevelInstrument inst = new KeyLevelInstrument();
        try (AudioPool pool = new AudioPool(); Engine e = Engine.create(CFG)) {
            LiveArrangement arr = LiveArrangement.attach(e, pool, r -> r.equals("counting") ? inst : LiveFixture.recipe(r));
            arr.apply(p);
            arr.seek(at);
            arr.play();
            float[] out = render(e, frames);
            int start = (int) arr.startedAtSample();
            arr.close();
            return new Played(out, start, inst.keyOns);
        }
    }

    @Test
    void shouldSoundANoteSeekedIntoAndEndItOnItsOriginalEnd() throws Exception {
        Project p = Project.empty(Tempo.DEFAULT).add(keys());
        Played r = playFrom(p, Position.beats(2), 2 * BEAT);            // half way through the note
        assertThat(firstSound(r.out())).as("the held note sounds from the play's first sample").isEqualTo(r.start());
        assertThat(left(r.out(), r.start())).isEqualTo(60 / 256f);
        assertThat(left(r.out(), r.start() + BEAT - 1)).as("still held a sample before its end").isEqualTo(60 / 256f);
        assertThat(left(r.out(), r.start() + BEAT)).as("released on its own end, beat 3").isEqualTo(0f);
        assertThat(r.keyOns()).isEqualTo(1);
    }

    @Test
    void shouldNotTriggerTwiceANoteThatStartsWhereThePlayStarts() throws Exception {
        Project p = Project.empty(Tempo.DEFAULT).add(keys());
        Played r = playFrom(p, Position.beats(1), 3 * BEAT);            // exactly at the note's start
        assertThat(firstSound(r.out())).isEqualTo(r.start());
        assertThat(left(r.out(), r.start() + 2 * BEAT - 1)).isEqualTo(60 / 256f);
        assertThat(left(r.out(), r.start() + 2 * BEAT)).isEqualTo(0f);
        assertThat(r.keyOns()).as("key-ons of a note starting where the play starts").isEqualTo(1);
    }

    @Test
    void shouldNotChaseANoteThatEndedBeforeThePosition() throws Exception {
        Project p = Project.empty(Tempo.DEFAULT).add(keys());
        Played r = playFrom(p, Position.beats(3), BEAT);                // the note's end: nothing held
        assertThat(firstSound(r.out())).isEqualTo(-1);
        assertThat(r.keyOns()).isZero();
    }

    @Test
    void shouldChaseUnderAMetatracksStretch() throws Exception {
        // at half speed the note (inner beats 1..3) plays on beats 2..6
        Metatrack slow = Metatrack.of("slow", List.of(keys())).withTime(TimeTransform.IDENTITY.withSpeed(0.5));
        Project p = Project.empty(Tempo.DEFAULT).add(slow);
        Played r = playFrom(p, Position.beats(3), 4 * BEAT);
        assertThat(firstSound(r.out())).isEqualTo(r.start());
        assertThat(left(r.out(), r.start() + 3 * BEAT - 1)).isEqualTo(60 / 256f);
        assertThat(left(r.out(), r.start() + 3 * BEAT)).as("released at beat 6, the stretched end").isEqualTo(0f);
        assertThat(r.keyOns()).isEqualTo(1);
    }

    @Test
    void shouldChaseTheNoteAgainWhereALoopWrapsIntoIt() throws Exception {
        Project p = Project.empty(Tempo.DEFAULT).add(keys());
        KeyLevelInstrument inst = new KeyLevelInstrument();
        try (AudioPool pool = new AudioPool(); Engine e = Engine.create(CFG)) {
            LiveArrangement arr = LiveArrangement.attach(e, pool, r -> r.equals("counting") ? inst : LiveFixture.recipe(r));
            arr.apply(p);
            arr.loop(Position.beats(2), Position.beats(4));           // wraps from beat 4 into the note at beat 2
            arr.seek(Position.beats(2));
            arr.play();
            float[] out = render(e, 5 * BEAT);
            int s = (int) arr.startedAtSample();
            arr.close();
            assertThat(left(out, s + BEAT - 1)).isEqualTo(60 / 256f);
            assertThat(left(out, s + BEAT)).as("the note's end").isEqualTo(0f);
            assertThat(left(out, s + 2 * BEAT)).as("the wrap, back in the note").isEqualTo(60 / 256f);
            assertThat(left(out, s + 3 * BEAT)).isEqualTo(0f);
            assertThat(left(out, s + 4 * BEAT)).isEqualTo(60 / 256f);
            assertThat(inst.keyOns).isEqualTo(3);
        }
    }
}
