package dev.aether.arrange.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.arrange.AudioClip;
import dev.aether.arrange.AudioTrack;
import dev.aether.arrange.Curve;
import dev.aether.arrange.Edit;
import dev.aether.arrange.Fade;
import dev.aether.arrange.History;
import dev.aether.arrange.Lane;
import dev.aether.arrange.MediaPool;
import dev.aether.arrange.Metatrack;
import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.Send;
import dev.aether.arrange.Strip;
import dev.aether.arrange.Tempo;
import dev.aether.arrange.TimeTransform;
import dev.aether.arrange.BusTrack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectJsonTest {
    @TempDir Path dir;

    Project song() throws IOException {
        Path media = Files.createDirectories(dir.resolve("media"));
        Files.write(media.resolve("kick.wav"), new byte[44]);
        Files.write(media.resolve("pad.wav"), new byte[44]);
        Project p = Project.empty(new Tempo(96.5, 3))
                .withPool(MediaPool.EMPTY.with("kick", media.resolve("kick.wav")).with("pad", media.resolve("pad.wav")));
        Strip fx = Strip.DEFAULT.withVolumeDb(Double.NEGATIVE_INFINITY).withPan(-0.25).withEffects(List.of("lowpass(800)", "delay(0.375)"))
                .withLane(new Lane(Lane.Target.effect(0, "cutoffHz"), List.of(new Lane.Point(Position.parse("1:1", 3), 200, Curve.EXPONENTIAL),
                        new Lane.Point(Position.seconds(3.75), 4000, Curve.HOLD))));
        p = p.add(new BusTrack("reverb", Strip.DEFAULT.withSolo(true), true));
        AudioTrack drums = AudioTrack.named("drums").withStrip(fx.withSends(List.of(new Send("reverb", -9.5, true))))
                .with(AudioClip.of("kick", Position.parse("2:2.5", 3), Position.beats(dev.aether.core.time.Rational.of(7, 3)))
                        .withFadeIn(new Fade(Position.seconds(0.01), Curve.S_CURVE)).withFadeOut(new Fade(Position.beats(1), Curve.EXPONENTIAL))
                        .withOffset(Position.seconds(0.5)).withReverse(true).withLoop(true).withRate(0.75).withGainDb(-3));
        p = p.add(drums);
        p = new Edit.AddTrack(null, -1, dev.aether.arrange.InstrumentTrack.named("keys", "synth(8)")).apply(p);
        p = new Edit.AddMidiClip("keys", new dev.aether.arrange.MidiClip(Position.beats(3), Position.beats(6), List.of(
                new dev.aether.arrange.Note(Position.ZERO, Position.beats(1), 60, 100), new dev.aether.arrange.Note(Position.beats(2.5), Position.seconds(0.2), 64, 1)))).apply(p);
        p = new Edit.Group("verse", List.of("drums", "keys")).apply(p);
        p = new Edit.SetTime("verse", new TimeTransform(Position.beats(12), 0.5, -2, 1.059463)).apply(p);
        p = new Edit.Group("song", List.of("verse")).apply(p);
        return new Edit.SetMute("song", true).apply(p);
    }

    @Test void aProjectRoundTripsThroughAFileExactly() throws IOException {
        Project p = song();
        Path file = dir.resolve("song.aether.json");
        ProjectJson.save(p, file);
        ProjectJson.Loaded l = ProjectJson.load(file);
        assertThat(l.problems()).isEmpty();
        assertThat(l.project()).isEqualTo(p);
        String text = Files.readString(file);
        assertThat(text).startsWith("{\n  \"format\" : \"aether-project\",\n  \"version\" : 1,")
                .contains("\"kick\" : \"media/kick.wav\"").contains("\"volumeDb\" : \"-inf\"").contains("\"start\" : \"2:2.5\"").contains("\"length\" : \"7/3b\"").contains("\"offset\" : \"5:1\"")
                .doesNotContain(dir.toString());
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(x -> x.getFileName().toString())).as("no temporary file is left").containsExactlyInAnyOrder("media", "song.aether.json");
        }
    }

    @Test void aFrozenTrackKeepsItsOriginalAndItsStartThroughAFileAndUnfreezesAfterLoading() throws IOException {
        Project p = song();
        Path bounce = Files.write(dir.resolve("media").resolve("keys-frozen.wav"), new byte[44]);
        // keys sits in verse (offset 12 beats, half speed) inside song: the freeze records the absolute start
        Project frozen = Edit.Freeze.of(p, "keys", "keys-frozen", bounce, 7.5, 4).apply(p);
        AudioTrack f = (AudioTrack) frozen.track("keys");
        assertThat(f.frozen()).as("the frozen track's record").isNotNull();
        assertThat(f.frozen().fromSeconds()).isEqualTo(7.5);
        assertThat(f.frozen().original()).isEqualTo(p.track("keys"));
        Path file = dir.resolve("frozen.aether.json");
        ProjectJson.save(frozen, file);
        assertThat(Files.readString(file)).contains("\"frozen\" : {").contains("\"fromSeconds\" : 7.5").contains("\"instrument\" : \"synth(8)\"");
        ProjectJson.Loaded l = ProjectJson.load(file);
        assertThat(l.problems()).isEmpty();
        assertThat(l.project()).as("the frozen project, loaded").isEqualTo(frozen);
        assertThat(new Edit.Unfreeze("keys").apply(l.project())).as("unfrozen by name after loading").isEqualTo(p);
    }

    @Test void unfreezingATrackThatIsNotFrozenSaysSo() throws IOException {
        Project p = song();
        assertThatThrownBy(() -> new Edit.Unfreeze("drums").apply(p)).hasMessageContaining("not frozen").hasMessageContaining("freeze(\"drums\") first");
        assertThatThrownBy(() -> new Edit.Unfreeze("keys").apply(p)).hasMessageContaining("instrument track").hasMessageContaining("freeze(\"keys\") first");
    }

    @Test void randomEditedProjectsRoundTrip() throws IOException {
        java.util.Random r = new java.util.Random(7);
        for (int round = 0; round < 20; round++) {
            History h = new History(startWithFiles());
            for (int i = 0; i < 150; i++) {
                try { h.apply(dev.aether.arrange.RandomEditsAccess.next(r, h.current(), i)); } catch (IllegalArgumentException refused) { /* skipped */ }
            }
            Path file = dir.resolve("p" + round + ".json");
            ProjectJson.save(h.current(), file);
            assertThat(ProjectJson.load(file).project()).as("round %d", round).isEqualTo(h.current());
        }
    }

    Project startWithFiles() {
        Project s = dev.aether.arrange.RandomEditsAccess.start();
        return s.withPool(MediaPool.EMPTY.with("kick", dir.resolve("m/kick.wav")).with("pad", dir.resolve("m/pad.wav")));
    }

    @Test void movingTheProjectWithItsMediaKeepsTheLinks() throws IOException {
        Project p = song();
        ProjectJson.save(p, dir.resolve("song.json"));
        Path moved = Files.createDirectories(dir.resolve("elsewhere"));
        Files.move(dir.resolve("song.json"), moved.resolve("song.json"));
        Files.move(dir.resolve("media"), moved.resolve("media"));
        ProjectJson.Loaded l = ProjectJson.load(moved.resolve("song.json"));
        assertThat(l.problems()).isEmpty();
        assertThat(l.project().pool().file("kick")).isEqualTo(moved.resolve("media/kick.wav"));
    }

    @Test void aMissingMediaFileIsReportedByNameAndTheRestLoads() throws IOException {
        Project p = song();
        Path file = dir.resolve("song.json");
        ProjectJson.save(p, file);
        Files.delete(dir.resolve("media/kick.wav"));
        ProjectJson.Loaded l = ProjectJson.load(file);
        assertThat(l.problems()).hasSize(1);
        assertThat(l.problems().get(0)).startsWith("missing media file media/kick.wav (pool id \"kick\", used by 1 clip)")
                .contains(dir.resolve("media/kick.wav").toString()).endsWith("its clip plays silence");
        assertThat(l.project()).isEqualTo(p);
    }

    @Test void aNewerVersionIsRefusedWithWhatToDo() throws IOException {
        Path file = dir.resolve("new.json");
        Files.writeString(file, "{\"format\": \"aether-project\", \"version\": 2, \"tracks\": []}");
        assertThatThrownBy(() -> ProjectJson.load(file)).isInstanceOf(ProjectFileException.class)
                .hasMessage(file + " was written by a newer aether (project format version 2); this aether reads up to version 1 — update aether to open it");
        Files.writeString(file, "{\"tracks\": []}");
        assertThatThrownBy(() -> ProjectJson.load(file)).hasMessage(file + " is not an aether project (it has no \"format\": \"aether-project\" header)");
    }

    @Test void aTruncatedFileNamesTheFileAndWhereItEnds() throws IOException {
        Path file = dir.resolve("song.json");
        ProjectJson.save(song(), file);
        String text = Files.readString(file);
        String cut = text.substring(0, text.length() / 2);
        Files.writeString(file, cut);
        long lines = cut.lines().count();
        assertThatThrownBy(() -> ProjectJson.load(file)).isInstanceOf(ProjectFileException.class)
                .hasMessageStartingWith("cannot read project " + file + ": the file ends early at line " + lines + ", column ")
                .hasMessageEndingWith("— it is truncated; restore it from a backup");
    }

    @Test void garbledJsonNamesTheLineAndColumn() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\n  \"format\": \"aether-project\",\n  \"version\": 1,\n  \"tracks\": [ }\n}\n");
        assertThatThrownBy(() -> ProjectJson.load(file))
                .hasMessageStartingWith("cannot read project " + file + ": not valid JSON at line 4, column 15 (");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThatThrownBy(() -> ProjectJson.load(file)).hasMessageContaining(file.toString());
    }

    @Test void aBadValueIsNamedByItsPathInTheFile() throws IOException {
        Path file = dir.resolve("song.json");
        ProjectJson.save(song(), file);
        Files.writeString(file, Files.readString(file).replace("\"gainDb\" : -3.0", "\"gainDb\" : \"loud\""));
        assertThatThrownBy(() -> ProjectJson.load(file))
                .hasMessage("project " + file + ", at tracks[1] (\"song\").children[0] (\"verse\").children[0] (\"drums\").clips[0]: \"gainDb\" must be a number, was \"loud\"");
        ProjectJson.save(song(), file);
        Files.writeString(file, Files.readString(file).replace("\"speed\" : 0.5", "\"speed\" : 0"));
        assertThatThrownBy(() -> ProjectJson.load(file))
                .hasMessageStartingWith("project " + file + ", at tracks[1] (\"song\").children[0] (\"verse\").time: speed 0.0; give 0.001..1000");
    }

    @Test void aFailedSaveLeavesNoTemporaryFileBehind() throws IOException {
        Path occupied = Files.createDirectories(dir.resolve("song.json"));
        Files.writeString(occupied.resolve("keep.txt"), "x");
        assertThatThrownBy(() -> ProjectJson.save(song(), occupied)).isInstanceOf(IOException.class);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(x -> x.getFileName().toString())).containsExactlyInAnyOrder("media", "song.json");
        }
        assertThat(Files.readString(occupied.resolve("keep.txt"))).isEqualTo("x");
    }

    @Test void savingOverAnExistingFileReplacesItWhole() throws IOException {
        Path file = dir.resolve("song.json");
        Files.writeString(file, "x".repeat(100_000), StandardCharsets.UTF_8);
        ProjectJson.save(song(), file);
        assertThat(ProjectJson.load(file).project()).isEqualTo(song());
    }
}
