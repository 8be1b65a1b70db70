package dev.aether.sequencing.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.sequencing.schedule.PatternTarget;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;

/**
 * A MIDI file's bar range as a looping pattern: one file bar per cycle (a 3/4 file bar fills a 4/4 clock bar), notes
 * with their velocities and lengths, cut at the range's end. 96 ticks per quarter: bars 1-2 in 4/4 (384 ticks), bar 3
 * in 3/4 (288 ticks) from tick 768, bar 4 from 1056. At 120 BPM 4/4 and 48 kHz a clock bar is 96,000 samples.
 */
class MidiFileBarsTest {
    record Sent(int key, int velocity, long on, long off) {}

    static MidiFile file() throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, 96);
        Track t = seq.createTrack();
        t.add(MidiFileTimingTest.timeSignature(0, 4, 2));
        t.add(MidiFileTimingTest.timeSignature(768, 3, 2));
        note(t, 60, 10, 0, 96);             // bar 1
        note(t, 62, 20, 384, 96);           // bar 2, beat 1, a quarter
        note(t, 64, 30, 576, 96);           // bar 2, half way
        note(t, 65, 40, 768, 96);           // bar 3 (3/4), beat 1, a third of the bar
        note(t, 67, 50, 864, 400);          // bar 3, beat 2, held past the range's end (cut at 1056)
        note(t, 69, 60, 1056, 96);          // bar 4
        return MidiFile.of("bars.mid", 0, seq);
    }

    static void note(Track t, int key, int vel, long tick, long len) throws Exception {
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, key, vel), tick));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, key, 0), tick + len));
    }

    @Test
    void barsTwoToThreeLoopOneFileBarPerClockBar() throws Exception {
        MidiFile f = file();
        assertThat(f.bars()).isEqualTo(4);
        assertThat(f.barStartTick(3)).isEqualTo(768);
        assertThat(f.barStartTick(4)).isEqualTo(1056);
        List<Sent> sent = new ArrayList<>();
        PatternTarget<MidiNote> rec = new PatternTarget<>() {
            @Override public String description() { return "recorder"; }
            @Override public MidiNote valueOf(Object token) { return (MidiNote) token; }
            @Override public boolean send(MidiNote n, long on, long off) { sent.add(new Sent(n.key(), n.velocity(), on, off)); return true; }
        };
        try (MidiRig rig = new MidiRig()) {
            rig.scheduler.play("loop", rec.read(f.bars(2, 3)), rec);
            rig.renderLeft(4 * 96_000);
        }
        List<Sent> once = List.of(new Sent(62, 20, 0, 24_000), new Sent(64, 30, 48_000, 72_000),
                new Sent(65, 40, 96_000, 128_000), new Sent(67, 50, 128_000, 192_000));
        List<Sent> want = new ArrayList<>(once);
        for (Sent s : once) want.add(new Sent(s.key(), s.velocity(), s.on() + 192_000, s.off() + 192_000));
        assertThat(sent).containsExactlyElementsOf(want);
    }

    @Test
    void aFileThatIsNotMidiOrIsMissingIsNamedWithWhatToDo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path text = dir.resolve("notes.mid");
        java.nio.file.Files.writeString(text, "not a MIDI file");
        assertThatThrownBy(() -> MidiFile.read(text)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("notes.mid is not a Standard MIDI File").hasMessageContaining("save it as a type 0 or 1 .mid");
        assertThatThrownBy(() -> MidiFile.read(dir.resolve("gone.mid"))).hasMessageContaining("no MIDI file").hasMessageContaining("gone.mid");
    }

    @Test
    void aRangeOutsideTheFileSaysWhichBarsItHas() throws Exception {
        assertThatThrownBy(() -> file().bars(3, 9)).hasMessage("bars.mid has bars 1..4; bars(3, 9) is not a range of them");
    }
}
