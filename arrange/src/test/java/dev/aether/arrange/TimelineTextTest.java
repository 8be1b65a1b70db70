package dev.aether.arrange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTextTest {
    static Project song() {
        Tempo t = new Tempo(120, 4);                                  // a bar is 2 s
        AudioTrack drums = AudioTrack.named("drums")
                .with(AudioClip.of("kick", Position.bar(1, 4), Position.bars(1, 4)))
                .with(AudioClip.of("kick", Position.bar(2, 4), Position.bars(1, 4)));
        InstrumentTrack bass = InstrumentTrack.named("bass", "synth(8)").with(new MidiClip(Position.ZERO, Position.bars(1, 4), List.of(
                new Note(Position.ZERO, Position.beats(1), 40, 100), new Note(Position.beats(2), Position.beats(1), 43, 100))));
        Metatrack verse = Metatrack.of("verse", List.of(bass)).withTime(new TimeTransform(Position.bar(3, 4), 0.5, 0, 1));
        return Project.empty(t).withPool(MediaPool.EMPTY.with("kick", Path.of("/m/kick.wav")))
                .add(drums).add(verse).add(new BusTrack("reverb", Strip.DEFAULT, true)).add(AudioTrack.named("pad").withStrip(Strip.DEFAULT.withMute(true)));
    }

    @Test void theTimelineShowsClipsWhereTheyPlay() {
        String text = TimelineText.render(song(), 58);
        // 4 bars (8 s) over 58 - 8 (names) - 9 (kinds) - 1 = 40 columns: 10 columns a bar
        assertThat(text).isEqualTo(String.join("\n",
                "bars              1         2         3         4",
                "drums   audio     [=========[=========",
                "verse   meta                          ~~~~~~~~~~~~~~~~~~~~  ×0.5 at 3:1",
                "  bass  instr                         [---------|---------",
                "reverb  bus                                                 solo-safe",
                "pad     audio                                               M") + "\n");
    }

    @Test void soloShowsWhatGoesSilent() {
        Project p = new Edit.SetSolo("bass", true).apply(song());
        String text = TimelineText.render(p, 58);
        assertThat(text.lines().filter(l -> l.contains("(silent)")).map(l -> l.split(" ")[0])).containsExactly("drums");
        assertThat(text.lines().filter(l -> l.startsWith("  bass")).findFirst().orElseThrow()).endsWith("S");
        assertThatThrownBy(() -> TimelineText.render(p, 20)).hasMessage("a timeline of 20 columns; give at least 40");
    }

    @Test void aLoopIsMarkedUnderTheRulerOnItsColumns() {
        String text = TimelineText.render(song(), 58, Position.bar(2, 4), Position.bar(4, 4));
        // 10 columns a bar after 8 (name) + 9 (kind) + 1: bars 2 and 3 are columns 10..29
        assertThat(text.lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("loop" + " ".repeat(4 + 9 + 1 + 10) + "|" + ">".repeat(18) + "|" + " ".repeat(10) + "  2:1 – 4:1");
        assertThat(TimelineText.render(song(), 58, Position.bar(5, 4), Position.bar(7, 4)).lines().findFirst().orElseThrow())
                .as("a loop past the clips draws the timeline to its end").contains("6");
        assertThat(TimelineText.render(song(), 58, null, null)).isEqualTo(TimelineText.render(song(), 58));
    }
}
