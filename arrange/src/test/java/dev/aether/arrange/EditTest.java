package dev.aether.arrange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class EditTest {
    static final Tempo TEMPO = new Tempo(100, 3);
    static final double[] SPEEDS = {0.5, 2, 0.75, 1.5, 1, 1.25};

    /** A random tree of metatracks (up to 4 deep) with audio, instrument and bus leaves. */
    static Project nested(Random r) {
        Project p = Project.empty(TEMPO).withPool(MediaPool.EMPTY.with("loop", Path.of("/m/loop.wav")));
        int[] serial = {0};
        for (int i = 0; i < 3; i++) p = p.add(tree(r, 0, serial));
        return p;
    }

    static Track tree(Random r, int depth, int[] serial) {
        int n = serial[0]++;
        if (depth < 4 && r.nextInt(3) > 0) {
            List<Track> children = new ArrayList<>();
            for (int i = 0, k = 1 + r.nextInt(3); i < k; i++) children.add(tree(r, depth + 1, serial));
            Strip s = Strip.DEFAULT.withVolumeDb(-r.nextInt(6)).withMute(r.nextInt(8) == 0).withSolo(r.nextInt(8) == 0)
                    .withLanes(List.of(new Lane(Lane.Target.PAN, List.of(new Lane.Point(Position.beats(1), -0.5, Curve.LINEAR), new Lane.Point(Position.beats(5), 0.5, Curve.S_CURVE)))));
            return new Metatrack("m" + n, s, new TimeTransform(r.nextBoolean() ? Position.beats(r.nextInt(12)) : Position.seconds(r.nextInt(20) / 4.0),
                    SPEEDS[r.nextInt(SPEEDS.length)], r.nextInt(7) - 3, r.nextBoolean() ? 1 : 0.8), children);
        }
        Strip s = Strip.DEFAULT.withVolumeDb(-r.nextInt(6)).withSolo(r.nextInt(10) == 0).withLanes(List.of(new Lane(Lane.Target.VOLUME, List.of(
                new Lane.Point(Position.beats(r.nextInt(8)), -r.nextInt(20), Curve.EXPONENTIAL), new Lane.Point(Position.seconds(4 + r.nextInt(8)), -3, Curve.HOLD)))));
        switch (r.nextInt(3)) {
            case 0: return new AudioTrack("a" + n, s, List.of(AudioClip.of("loop", Position.beats(r.nextInt(16)), Position.beats(1 + r.nextInt(8)))
                    .withFadeIn(new Fade(Position.beats(Rational1.half()), Curve.S_CURVE)).withOffset(Position.seconds(0.125)).withRate(r.nextBoolean() ? 1 : 1.5),
                    AudioClip.of("loop", Position.seconds(r.nextInt(40) / 8.0), Position.seconds(1.5))));
            case 1: return new InstrumentTrack("i" + n, s, "synth(4)", List.of(new MidiClip(Position.beats(r.nextInt(16)), Position.beats(4), List.of(
                    new Note(Position.ZERO, Position.beats(1), 60, 90), new Note(Position.beats(2), Position.beats(3), 67, 70)))));
            default: return new BusTrack("b" + n, s, r.nextBoolean());
        }
    }

    /** Rational helper kept local to the test. */
    static final class Rational1 { static dev.aether.core.time.Rational half() { return dev.aether.core.time.Rational.of(1, 2); } }

    static void assertPlaysAlike(Project before, Project after) {
        Schedule a = Schedule.of(before), b = Schedule.of(after);
        for (Schedule.TrackPlan x : b.tracks()) {
            Schedule.TrackPlan y = a.track(x.name());
            if (x.kind().equals("meta")) continue;
            String n = x.name();
            assertThat(x.audible()).as("audible %s", n).isEqualTo(y.audible());
            assertThat(x.pathGainDb()).as("gain %s", n).isCloseTo(y.pathGainDb(), within(1e-9));
            assertThat(x.audio()).as("clips of %s", n).hasSameSizeAs(y.audio());
            List<Schedule.PlayedAudio> xa = byStart(x.audio()), ya = byStart(y.audio());   // clips starting together may swap by rounding
            for (int i = 0; i < xa.size(); i++) {
                Schedule.PlayedAudio u = xa.get(i), v = ya.get(i);
                assertThat(new double[] {u.startSeconds(), u.lengthSeconds(), u.sourceOffsetSeconds(), u.rate(), u.fadeInSeconds(), u.fadeOutSeconds()})
                        .as("clip %d of %s", i, n).containsExactly(new double[] {v.startSeconds(), v.lengthSeconds(), v.sourceOffsetSeconds(), v.rate(), v.fadeInSeconds(), v.fadeOutSeconds()}, within(1e-9));
            }
            assertThat(x.midi()).hasSameSizeAs(y.midi());
            for (int i = 0; i < x.midi().size(); i++) {
                assertThat(x.midi().get(i).startSeconds()).isCloseTo(y.midi().get(i).startSeconds(), within(1e-9));
                assertThat(x.midi().get(i).notes()).hasSameSizeAs(y.midi().get(i).notes());
                for (int k = 0; k < x.midi().get(i).notes().size(); k++) {
                    Schedule.PlayedNote p = x.midi().get(i).notes().get(k), q = y.midi().get(i).notes().get(k);
                    assertThat(p.key()).as("key of %s", n).isEqualTo(q.key());
                    assertThat(p.startSeconds()).isCloseTo(q.startSeconds(), within(1e-9));
                    assertThat(p.lengthSeconds()).isCloseTo(q.lengthSeconds(), within(1e-9));
                }
            }
            List<Breakpoint> lx = x.lanes().get(Lane.Target.VOLUME), ly = y.lanes().get(Lane.Target.VOLUME);
            double fx = x.pathGainDb() - x.volumeDb(), fy = y.pathGainDb() - y.volumeDb();     // faders above
            for (double t = -1; t < 40; t += 0.37)
                assertThat(Breakpoint.valueAt(lx, t) + fx).as("volume lane of %s at %s s", n, t).isCloseTo(Breakpoint.valueAt(ly, t) + fy, within(1e-9));
        }
    }

    static List<Schedule.PlayedAudio> byStart(List<Schedule.PlayedAudio> l) {
        List<Schedule.PlayedAudio> s = new ArrayList<>(l);
        s.sort(java.util.Comparator.comparingLong((Schedule.PlayedAudio a) -> Math.round(a.startSeconds() * 1e6))
                .thenComparingLong(a -> Math.round(a.lengthSeconds() * 1e6)));
        return s;
    }

    @Property(tries = 150)
    void ungroupingAnyMetatrackKeepsHowEverythingPlays(@ForAll long seed) {
        Random r = new Random(seed);
        Project p = nested(r);
        for (Track t : p.allTracks())
            if (t instanceof Metatrack m) {
                Project q;
                try { q = new Edit.Ungroup(m.name()).apply(p); }
                catch (IllegalArgumentException outOfRange) { continue; }       // a fader past +24 dB or a key past 127: refused by design
                assertThat(q.has(m.name())).isFalse();
                assertPlaysAlike(p, q);
            }
    }

    @Property(tries = 150)
    void flatteningKeepsHowEverythingPlaysAndLeavesOnlyLeaves(@ForAll long seed) {
        Project p = nested(new Random(seed));
        for (Track t : p.tracks())
            if (t instanceof Metatrack m) {
                Project q = new Edit.Flatten(m.name()).apply(p);
                assertThat(((Metatrack) q.track(m.name())).children()).noneMatch(c -> c instanceof Metatrack);
                assertPlaysAlike(p, q);
            }
    }

    static Project band() {
        return Project.empty(TEMPO).withPool(MediaPool.EMPTY.with("loop", Path.of("/m/loop.wav")))
                .add(AudioTrack.named("drums")).add(InstrumentTrack.named("bass", "synth(8)")).add(AudioTrack.named("pad")).add(BusTrack.named("reverb"));
    }

    @Test void groupingPutsTheMetatrackWhereTheFirstMemberWasAndKeepsTheirOrder() {
        Project p = new Edit.Group("verse", List.of("pad", "drums")).apply(band());
        assertThat(p.tracks()).extracting(Track::name).containsExactly("verse", "bass", "reverb");
        assertThat(((Metatrack) p.track("verse")).children()).extracting(Track::name).containsExactly("drums", "pad");
        assertThat(p.path("pad")).containsExactly("verse", "pad");
        assertThat(p.track("verse/pad")).isSameAs(p.track("pad"));
        Project q = new Edit.Move("bass", "verse", 0).apply(p);
        assertThat(q.path("bass")).containsExactly("verse", "bass");
        assertThat(new Edit.Ungroup("verse").apply(q).tracks()).extracting(Track::name).containsExactly("bass", "drums", "pad", "reverb");
    }

    @Test void mistakesAreNamedWithWhatToDo() {
        Project p = new Edit.Group("verse", List.of("drums", "pad")).apply(band());
        assertThatThrownBy(() -> new Edit.Group("v2", List.of("drums", "bass")).apply(p))
                .hasMessage("\"drums\" and \"bass\" are in different metatracks (verse, top level); move them together first");
        assertThatThrownBy(() -> new Edit.Move("verse", "verse", 0).apply(p)).hasMessageContaining("which is itself");
        assertThatThrownBy(() -> p.track("bass/drums")).hasMessage("no track at \"bass/drums\"; \"drums\" is at \"verse/drums\"");
        assertThatThrownBy(() -> new Edit.AddTrack(null, -1, AudioTrack.named("bass")).apply(p))
                .hasMessage("a track named \"bass\" exists already; choose another name");
        assertThatThrownBy(() -> new Edit.SetSend("bass", new Send("drums", 0, false)).apply(p))
                .hasMessage("track \"bass\" sends to \"drums\", which is an audio track; send to a bus track");
        Project sending = new Edit.SetSend("bass", new Send("reverb", -6, false)).apply(p);
        assertThatThrownBy(() -> new Edit.RemoveTrack("reverb").apply(sending))
                .hasMessage("track \"bass\" sends to \"reverb\", which is not a track; send to a bus track (add it first)");
        assertThatThrownBy(() -> new Edit.AddAudioClip("bass", AudioClip.of("loop", Position.ZERO, Position.beats(1))).apply(p))
                .hasMessage("\"bass\" is an instrument track; audio clips go on audio tracks");
        assertThatThrownBy(() -> new Edit.AddAudioClip("drums", AudioClip.of("lop", Position.ZERO, Position.beats(1))).apply(p))
                .hasMessage("a clip on \"drums\" plays \"lop\", which is not in the media pool; add the file to the pool first");
        assertThatThrownBy(() -> new Edit.SetTime("bass", TimeTransform.IDENTITY).apply(p)).hasMessageContaining("group it first");
        assertThatThrownBy(() -> new TimeTransform(Position.ZERO, 0, 0, 1)).hasMessageContaining("give 0.001..1000");
    }

    @Test void removingAnEffectTakesItsLaneAndShiftsTheLaterOnes() {
        Project p = band();
        p = new Edit.AddEffect("bass", -1, "lowpass(800)").apply(p);
        p = new Edit.AddEffect("bass", -1, "delay(0.25)").apply(p);
        p = new Edit.SetLane("bass", new Lane(Lane.Target.effect(0, "cutoffHz"), List.of(new Lane.Point(Position.ZERO, 800, Curve.LINEAR)))).apply(p);
        p = new Edit.SetLane("bass", new Lane(Lane.Target.effect(1, "mix"), List.of(new Lane.Point(Position.ZERO, 0.3, Curve.LINEAR)))).apply(p);
        Project q = new Edit.RemoveEffect("bass", 0).apply(p);
        assertThat(q.track("bass").strip().effects()).containsExactly("delay(0.25)");
        assertThat(q.track("bass").strip().lanes()).extracting(Lane::target).containsExactly(Lane.Target.effect(0, "mix"));
        Project r = new Edit.AddEffect("bass", 0, "eq(3)").apply(p);
        assertThat(r.track("bass").strip().lanes()).extracting(Lane::target).containsExactly(Lane.Target.effect(1, "cutoffHz"), Lane.Target.effect(2, "mix"));
    }

    @Test void aBatchIsOneStepAndAllOrNothing() {
        History h = new History(band());
        h.apply(new Edit.Batch("meta verse at half speed", List.of(new Edit.Group("verse", List.of("drums", "bass")),
                new Edit.SetTime("verse", TimeTransform.IDENTITY.withSpeed(0.5)))));
        assertThat(((Metatrack) h.current().track("verse")).time().speed()).isEqualTo(0.5);
        assertThat(h.undoDescriptions()).containsExactly("meta verse at half speed");
        h.undo();
        assertThat(h.current()).isEqualTo(band());
        Project before = h.current();
        assertThatThrownBy(() -> h.apply(new Edit.Batch(null, List.of(new Edit.SetMute("drums", true), new Edit.SetMute("drum", true)))))
                .hasMessageStartingWith("no track named \"drum\"; tracks: ").hasMessageEndingWith("(in step 2 of 2, mute \"drum\"; nothing was changed)");
        assertThat(h.current()).isSameAs(before);
    }

    @Test void anInstrumentLaneBelongsOnAnInstrumentTrack() {
        Lane cutoff = new Lane(Lane.Target.parse("instrument.cutoffHz"), List.of(new Lane.Point(Position.ZERO, 400, Curve.EXPONENTIAL)));
        assertThat(cutoff.target()).isEqualTo(Lane.Target.instrument("cutoffHz"));
        assertThat(cutoff.target().toString()).isEqualTo("instrument.cutoffHz");
        Project p = new Edit.SetLane("bass", cutoff).apply(band());
        assertThat(Automation.valueAt(p, "bass", cutoff.target(), 3)).isEqualTo(400);
        assertThatThrownBy(() -> new Edit.SetLane("drums", cutoff).apply(band()))
                .hasMessage("track \"drums\" automates instrument.cutoffHz but it is an audio track; automate the instrument of an instrument track");
    }

    @Test void renamingABusCarriesItsSendsAlong() {
        Project p = new Edit.SetSend("drums", new Send("reverb", -6, true)).apply(band());
        Project q = new Edit.RenameTrack("reverb", "hall").apply(p);
        assertThat(q.track("drums").strip().sends()).containsExactly(new Send("hall", -6, true));
    }
}
