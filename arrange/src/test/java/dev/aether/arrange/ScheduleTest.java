package dev.aether.arrange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    static final Tempo TEMPO = new Tempo(120, 4);                 // 0.5 s per beat, 2 s per bar

    static Project withKick(Track... tracks) {
        Project p = Project.empty(TEMPO).withPool(MediaPool.EMPTY.with("kick", Path.of("/media/kick.wav")));
        for (Track t : tracks) p = p.add(t);
        return p;
    }

    static AudioTrack drums(Position start) {
        return AudioTrack.named("drums").with(AudioClip.of("kick", start, Position.beats(4))
                .withFadeIn(new Fade(Position.beats(1), Curve.S_CURVE)).withOffset(Position.seconds(0.25)));
    }

    @Test void aClipOnTheTopLevelPlaysAtItsBarInSeconds() {
        Schedule s = Schedule.of(withKick(drums(Position.bar(3, 2, 4))));
        Schedule.PlayedAudio c = s.track("drums").audio().get(0);
        assertThat(c.startSeconds()).as("bar 3 beat 2 = 9 beats = 4.5 s").isEqualTo(4.5);
        assertThat(c.lengthSeconds()).isEqualTo(2.0);
        assertThat(c.rate()).isEqualTo(1.0);
        assertThat(c.sourceOffsetSeconds()).isEqualTo(0.25);
        assertThat(c.fadeInSeconds()).isEqualTo(0.5);
        assertThat(c.file()).isEqualTo(Path.of("/media/kick.wav"));
    }

    @Test void halfSpeedInsideDoubleSpeedPlaysAtNormalSpeed() {
        Metatrack inner = Metatrack.of("inner", List.of(drums(Position.beats(4))))
                .withTime(TimeTransform.IDENTITY.withSpeed(0.5));
        Metatrack outer = Metatrack.of("outer", List.of(inner)).withTime(TimeTransform.IDENTITY.withSpeed(2.0));
        Schedule.PlayedAudio c = Schedule.of(withKick(outer)).track("drums").audio().get(0);
        assertThat(c.rate()).as("0.5 × 2.0").isEqualTo(1.0);
        assertThat(c.startSeconds()).as("beat 4 = 2 s, unchanged").isEqualTo(2.0);
        assertThat(c.lengthSeconds()).isEqualTo(2.0);
        assertThat(c.fadeInSeconds()).isEqualTo(0.5);
    }

    @Test void offsetsAndSpeedsComposeThroughTheLevels() {
        // outer: offset 1 bar (2 s), speed 2; inner: offset 4 beats (2 s of outer's inner time), speed 0.25
        Metatrack inner = Metatrack.of("inner", List.of(drums(Position.beats(2))))
                .withTime(new TimeTransform(Position.beats(4), 0.25, 3, 1.5));
        Metatrack outer = Metatrack.of("outer", List.of(inner)).withTime(new TimeTransform(Position.bars(1, 4), 2, -1, 1));
        Schedule.PlayedAudio c = Schedule.of(withKick(outer)).track("drums").audio().get(0);
        // inner local 1 s → inner parent 2 + 1/0.25 = 6 s → absolute 2 + 6/2 = 5 s
        assertThat(c.startSeconds()).isCloseTo(5.0, within(1e-12));
        assertThat(c.lengthSeconds()).as("2 s at speed 0.5").isCloseTo(4.0, within(1e-12));
        assertThat(c.rate()).as("speed 0.5 × varispeed 1.5").isCloseTo(0.75, within(1e-12));
        assertThat(Schedule.of(withKick(outer)).track("inner").time().transpose()).isEqualTo(2);
    }

    @Test void twentyLevelsOfNestingMultiplyTheirSpeeds() {
        Track t = drums(Position.beats(2));
        double expected = 1;
        for (int i = 0; i < 20; i++) {
            double speed = i % 2 == 0 ? 1.25 : 0.9;
            expected *= speed;
            t = Metatrack.of("m" + i, List.of(t)).withTime(TimeTransform.IDENTITY.withSpeed(speed).withOffset(Position.beats(1)));
        }
        Project p = withKick(t);
        Schedule.TrackPlan d = Schedule.of(p).track("drums");
        assertThat(d.path()).hasSize(21).startsWith("m19").endsWith("drums");
        assertThat(d.audio().get(0).rate()).isCloseTo(expected, within(1e-12));
        // start: walk the offsets out by hand
        double local = 1.0;                                         // beat 2 = 1 s
        double[] speeds = new double[20];
        for (int i = 0; i < 20; i++) speeds[i] = i % 2 == 0 ? 1.25 : 0.9;
        for (int i = 0; i < 20; i++) local = 0.5 + local / speeds[i];
        assertThat(d.audio().get(0).startSeconds()).isCloseTo(local, within(1e-9));
    }

    @Test void midiNotesFollowSpeedAndTransposeAndAreCutAtTheClipEnd() {
        MidiClip clip = new MidiClip(Position.beats(4), Position.beats(2), List.of(
                new Note(Position.ZERO, Position.beats(1), 60, 100),
                new Note(Position.beats(1), Position.beats(3), 64, 90),     // held past the end: cut to 1 beat
                new Note(Position.beats(2), Position.beats(1), 67, 80),     // starts at the end: left out
                new Note(Position.ZERO, Position.beats(1), 125, 80)));      // transposed past 127: left out
        Metatrack m = Metatrack.of("half", List.of(InstrumentTrack.named("keys", "synth(8)").with(clip)))
                .withTime(new TimeTransform(Position.seconds(1), 0.5, 5, 1));
        Schedule.PlayedMidi c = Schedule.of(Project.empty(TEMPO).add(m)).track("keys").midi().get(0);
        assertThat(c.startSeconds()).as("1 + 2 s / 0.5").isEqualTo(5.0);
        assertThat(c.lengthSeconds()).isEqualTo(2.0);
        assertThat(c.notes()).containsExactly(
                new Schedule.PlayedNote(5.0, 1.0, 65, 100),
                new Schedule.PlayedNote(6.0, 1.0, 69, 90));
    }

    @Test void fadesAreSilentAtTheClipEdgesAndFollowTheirCurve() {
        AudioClip clip = AudioClip.of("kick", Position.seconds(1), Position.seconds(2))
                .withFadeIn(new Fade(Position.seconds(0.5), Curve.LINEAR)).withFadeOut(new Fade(Position.seconds(1), Curve.EXPONENTIAL)).withGainDb(-6);
        Schedule.PlayedAudio c = Schedule.of(withKick(AudioTrack.named("a").with(clip))).track("a").audio().get(0);
        double g = Math.pow(10, -6 / 20.0);
        assertThat(c.gainAt(1.0)).isEqualTo(0);
        assertThat(c.gainAt(1.25)).isCloseTo(0.5 * g, within(1e-12));
        assertThat(c.gainAt(1.75)).isCloseTo(g, within(1e-12));
        assertThat(c.gainAt(2.5)).isCloseTo(Curve.EXPONENTIAL.interpolate(0, 1, 0.5) * g, within(1e-12));
        assertThat(c.gainAt(3.0)).as("past the end").isEqualTo(0);
        assertThat(c.gainAt(0.5)).isEqualTo(0);
    }

    @Test void clipsOnConsecutiveBeatsAbutSampleExactlyAtAnAwkwardTempo() {
        Tempo awkward = new Tempo(133.333333, 7);
        AudioTrack t = AudioTrack.named("a");
        for (int i = 0; i < 200; i++) t = t.with(AudioClip.of("kick", Position.beats(dev.aether.core.time.Rational.of(i, 3)), Position.beats(dev.aether.core.time.Rational.of(1, 3))));
        Metatrack m = Metatrack.of("m", List.of(t)).withTime(new TimeTransform(Position.bar(2, 7), 0.75, 0, 1));
        Project p = Project.empty(awkward).withPool(MediaPool.EMPTY.with("kick", Path.of("/media/kick.wav"))).add(m);
        List<Schedule.PlayedAudio> clips = Schedule.of(p).track("a").audio();
        double sr = 44_100;
        for (int i = 0; i < clips.size(); i++) {
            Schedule.PlayedAudio c = clips.get(i);
            // exact: (7 beats + i/3 beats / 0.75) × 60 / (133333333/1000000) × 44100
            java.math.BigDecimal exact = java.math.BigDecimal.valueOf(7L * 3 * 3 + 4L * i).multiply(java.math.BigDecimal.valueOf(60L * 44_100 * 1_000_000))
                    .divide(java.math.BigDecimal.valueOf(9L * 133_333_333L), 6, java.math.RoundingMode.HALF_UP);
            assertThat(c.startSample(sr)).as("clip %d at %s samples", i, exact).isEqualTo(exact.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
            if (i > 0) assertThat(clips.get(i - 1).startSample(sr) + clips.get(i - 1).lengthSamples(sr)).as("clip %d abuts", i).isEqualTo(c.startSample(sr));
        }
    }

    // ---- mute and solo -------------------------------------------------------------------------------------

    static Project mixer(boolean soloDrums, boolean soloVerse, boolean muteVerse, boolean reverbSafe) {
        Project p = withKick();
        p = p.add(BusTrack.named("reverb").withSoloSafe(reverbSafe));
        p = p.add(BusTrack.named("room"));
        AudioTrack drums = AudioTrack.named("drums");
        drums = drums.withStrip(drums.strip().withSolo(soloDrums).withVolumeDb(-3));
        Metatrack inner = Metatrack.of("inner", List.of(drums, AudioTrack.named("perc")));
        Metatrack verse = Metatrack.of("verse", List.of(inner, AudioTrack.named("bass")));
        verse = verse.withStrip(verse.strip().withSolo(soloVerse).withMute(muteVerse).withVolumeDb(-2));
        return p.add(verse).add(AudioTrack.named("pad"));
    }

    static boolean audible(Project p, String name) { return Schedule.of(p).track(name).audible(); }

    @Test void withoutSoloEverythingUnmutedIsAudible() {
        Project p = mixer(false, false, false, false);
        for (String n : p.names()) assertThat(audible(p, n)).as(n).isTrue();
        assertThat(Schedule.of(p).soloActive()).isFalse();
        assertThat(Schedule.of(p).track("drums").pathGainDb()).as("-3 dB + -2 dB above").isEqualTo(-5);
    }

    @Test void soloingATrackKeepsItsAncestorsAndSoloSafeBusesOnly() {
        Project p = mixer(true, false, false, true);
        assertThat(audible(p, "drums")).isTrue();
        assertThat(audible(p, "inner")).as("ancestor").isTrue();
        assertThat(audible(p, "verse")).as("ancestor").isTrue();
        assertThat(audible(p, "reverb")).as("solo-safe bus").isTrue();
        assertThat(audible(p, "perc")).as("sibling").isFalse();
        assertThat(audible(p, "bass")).isFalse();
        assertThat(audible(p, "pad")).isFalse();
        assertThat(audible(p, "room")).as("bus, not solo-safe").isFalse();
    }

    @Test void soloingAMetatrackKeepsEverythingInside() {
        Project p = mixer(false, true, false, false);
        for (String n : List.of("verse", "inner", "drums", "perc", "bass")) assertThat(audible(p, n)).as(n).isTrue();
        for (String n : List.of("pad", "reverb", "room")) assertThat(audible(p, n)).as(n).isFalse();
    }

    @Test void muteWinsOverSoloAndMutesEverythingInside() {
        Project p = mixer(true, false, true, true);
        for (String n : List.of("verse", "inner", "drums", "perc", "bass")) {
            assertThat(audible(p, n)).as(n).isFalse();
            assertThat(Schedule.of(p).track(n).muted()).as(n).isTrue();
        }
        assertThat(audible(p, "reverb")).isTrue();
        assertThat(audible(p, "pad")).as("solo is still active").isFalse();
    }
}
