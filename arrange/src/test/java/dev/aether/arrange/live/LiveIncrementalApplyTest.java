package dev.aether.arrange.live;

import dev.aether.arrange.AudioClip;
import dev.aether.arrange.AudioTrack;
import dev.aether.arrange.Curve;
import dev.aether.arrange.InstrumentTrack;
import dev.aether.arrange.Lane;
import dev.aether.arrange.MidiClip;
import dev.aether.arrange.Note;
import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.Schedule;
import dev.aether.arrange.Send;
import dev.aether.arrange.Strip;
import dev.aether.arrange.Track;
import dev.aether.arrange.stream.AudioPool;
import dev.aether.core.DspNode;
import dev.aether.core.engine.Engine;
import dev.aether.core.time.When;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.aether.arrange.live.LiveFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LiveArrangement#apply} is incremental: what it leaves out must not be heard. An arrangement brought to a
 * project by a run of edits renders bit-identically to one that applied that project at once, and edits applied while
 * playing render bit-identically to the same edits applied with every track's data made and sent afresh; tracks that
 * did not change keep their node instances, and a data edit sends no plan.
 */
class LiveIncrementalApplyTest {
    @TempDir Path dir;

    private static final int BLOCK = 64;

    @Test @Timeout(60)
    void shouldRenderBitIdenticallyToAFromScratchApplyOfTheSameProject() throws Exception {
        Project p0 = LiveBounceTest.piece(dir);
        for (long seed = 1; seed <= 3; seed++) {
            List<Project> edits = edits(p0, new Random(seed), 40);
            Project last = edits.get(edits.size() - 1);
            float[] incremental, scratch;
            try (AudioPool pool = new AudioPool(); Engine e = Engine.create(CFG)) {
                LiveArrangement arr = LiveArrangement.attach(e, pool, LiveFixture::recipe);
                arr.apply(p0);
                for (Project q : edits) {
                    arr.apply(q);
                    render(e, BLOCK);
                }
                incremental = playFromZero(arr, e);
                arr.close();
            }
            try (AudioPool pool = new AudioPool(); Engine e = Engine.create(CFG)) {
                LiveArrangement arr = LiveArrangement.attach(e, pool, LiveFixture::recipe);
                arr.apply(last);
                for (int i = 0; i < edits.size(); i++) render(e, BLOCK);
                scratch = playFromZero(arr, e);
                arr.close();
            }
            assertThat(peak(scratch)).as("the project sounds (seed %d)", seed).isGreaterThan(0.01f);
            assertBitIdentical(incremental, scratch, "seed " + seed);
        }
    }

    @Test @Timeout(60)
    void shouldPlayEditsMadeWhilePlayingAsAnApplyThatSendsEverythingWould() throws Exception {
        Project p0 = LiveBounceTest.piece(dir);
        List<Project> edits = edits(p0, new Random(7), 60);
        float[][] out = new float[2][];
        for (int run = 0; run < 2; run++) {
            try (AudioPool pool = new AudioPool(); Engine e = Engine.create(CFG)) {
                LiveArrangement arr = LiveArrangement.attach(e, pool, LiveFixture::recipe);
                arr.apply(p0);
                arr.seek(Position.ZERO);
                arr.play();
                float[] all = new float[0];
                for (Project q : edits) {
                    if (run == 1) arr.forgetApplied();
                    arr.apply(q);
                    all = concat(all, render(e, 5 * BLOCK));
                }
                out[run] = all;
                arr.close();
            }
        }
        assertThat(peak(out[1])).as("the edited project sounds").isGreaterThan(0.01f);
        assertBitIdentical(out[0], out[1], "incremental vs everything sent");
    }

    @Test
    void shouldKeepTheNodesOfUnchangedTracksAndSendNoPlanForADataEdit() throws Exception {
        Project p = LiveBounceTest.piece(dir);
        try (AudioPool pool = new AudioPool(); Engine e = Engine.create(CFG)) {
            LiveArrangement arr = LiveArrangement.attach(e, pool, LiveFixture::recipe);
            arr.apply(p);
            List<String> names = p.names();
            List<List<DspNode>> before = new ArrayList<>();
            for (String n : names) before.add(arr.nodesOf(n));

            // data: fader, pan, mute, a clip moved, a lane point, a send level, notes: the same nodes, no plan
            Track drums = p.track("drums");
            Project q = p.replace("drums", drums.withStrip(drums.strip().withVolumeDb(-9).withPan(0.3)
                    .withSends(List.of(new Send("echo", -20, false)))));
            AudioTrack pad = (AudioTrack) q.track("pad");
            q = q.replace("pad", pad.withClips(List.of(pad.clips().get(0).withStart(Position.beats(1)))));
            InstrumentTrack synth = (InstrumentTrack) q.track("synth");
            q = q.replace("synth", synth.withClips(List.of(new MidiClip(Position.ZERO, Position.beats(2),
                    List.of(new Note(Position.ZERO, Position.beats(1), 60, 100))))).withStrip(synth.strip().withMute(true)));
            e.hold();
            arr.apply(q);
            assertThat(e.hasUnsentEdits()).as("a data edit changes no topology").isFalse();
            e.release(() -> When.NOW);
            for (int i = 0; i < names.size(); i++)
                assertThat(arr.nodesOf(names.get(i))).as("nodes of %s after data edits", names.get(i)).containsExactlyElementsOf(before.get(i));

            // topology: an effect added to drums makes drums' head and that effect only; the others keep theirs
            Track d = q.track("drums");
            List<String> fx = new ArrayList<>(d.strip().effects());
            fx.add("gain(-3)");
            e.hold();
            arr.apply(q.replace("drums", d.withStrip(d.strip().withEffects(fx))));
            assertThat(e.hasUnsentEdits()).as("an effect added is a topology edit").isTrue();
            e.release(() -> When.NOW);
            for (int i = 0; i < names.size(); i++) {
                List<DspNode> now = arr.nodesOf(names.get(i));
                if (!names.get(i).equals("drums")) {
                    assertThat(now).as("nodes of %s after drums' effect was added", names.get(i)).containsExactlyElementsOf(before.get(i));
                } else {
                    List<DspNode> was = before.get(i);
                    assertThat(now.get(0)).as("drums' clip player kept (its sounding clips and streams)").isSameAs(was.get(0));
                    assertThat(now.get(now.size() - 2)).as("drums' strip kept").isSameAs(was.get(was.size() - 2));
                    assertThat(now.get(now.size() - 1)).as("drums' send kept").isSameAs(was.get(was.size() - 1));
                    assertThat(now).as("a new head, one effect more").hasSize(was.size() + 1).doesNotContain(was.get(1));
                    assertThat(now.subList(2, 4)).as("drums' effects before the new one kept (their state too)").containsExactlyElementsOf(was.subList(2, 4));
                }
            }
            arr.close();
        }
    }

    @Test
    void shouldFlattenIncrementallyToWhatAFullFlatteningGives() throws Exception {
        Project p = LiveBounceTest.piece(dir);
        Schedule prev = Schedule.of(p);
        for (Project q : edits(p, new Random(3), 200)) {
            Schedule s = Schedule.of(q, prev);
            assertThat(s.tracks()).as("an incremental flattening equals a full one").isEqualTo(Schedule.of(q).tracks());
            assertThat(s.soloActive()).isEqualTo(Schedule.of(q).soloActive());
            for (Schedule.TrackPlan t : s.tracks()) {
                if (!prev.tracks().stream().anyMatch(o -> o.name().equals(t.name()))) continue;
                Schedule.TrackPlan o = prev.track(t.name());
                if (o.time().equals(t.time()) && q.tempo().equals(p.tempo()) && o.audio().equals(t.audio()))
                    assertThat(t.audio()).as("%s's clips, unchanged, are the same list", t.name()).isSameAs(o.audio());
            }
            prev = s;
            p = q;
        }
    }

    /** A run of {@code n} edits of every kind the model has on {@code p}'s tracks, each on the one before, and a last one unmuting and unsoloing every track. */
    static List<Project> edits(Project p, Random r, int n) {
        List<Project> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Track> all = p.allTracks();
            Track t = all.get(r.nextInt(all.size()));
            Strip s = t.strip();
            switch (r.nextInt(10)) {
                case 0 -> p = p.replace(t.name(), t.withStrip(s.withVolumeDb(-r.nextInt(24))));
                case 1 -> p = p.replace(t.name(), t.withStrip(s.withPan(r.nextInt(21) / 10.0 - 1)));
                case 2 -> p = p.replace(t.name(), t.withStrip(s.withMute(!s.mute())));
                case 3 -> p = p.replace(t.name(), t.withStrip(s.withSolo(!s.solo())));
                case 4 -> p = p.replace(t.name(), t.withStrip(s.withLane(new Lane(Lane.Target.VOLUME, List.of(
                        new Lane.Point(Position.ZERO, -r.nextInt(20), Curve.LINEAR), new Lane.Point(Position.beats(1 + r.nextInt(4)), -3, Curve.S_CURVE))))));
                case 5 -> {
                    List<String> fx = new ArrayList<>(s.effects());
                    if (!fx.isEmpty() && fx.get(fx.size() - 1).startsWith("gain(")) fx.remove(fx.size() - 1);
                    else fx.add("gain(-" + r.nextInt(6) + ")");
                    p = p.replace(t.name(), t.withStrip(s.withEffects(fx)));
                }
                case 6 -> {
                    if (t instanceof AudioTrack a && !a.clips().isEmpty()) {
                        AudioClip c = a.clips().get(0);
                        p = p.replace(a.name(), a.withClips(List.of(c.withStart(Position.beats(r.nextInt(3) * 0.5)).withGainDb(-r.nextInt(6)))));
                    }
                }
                case 7 -> {
                    if (t instanceof InstrumentTrack it) {
                        List<Note> notes = new ArrayList<>();
                        for (int k = 0; k < 4; k++) notes.add(new Note(Position.beats(k * 0.5), Position.beats(0.5), 50 + r.nextInt(20), 60 + r.nextInt(60)));
                        p = p.replace(it.name(), it.withClips(List.of(new MidiClip(Position.beats(r.nextInt(2)), Position.beats(3), notes))));
                    }
                }
                case 8 -> {
                    if (!s.sends().isEmpty()) {
                        Send x = s.sends().get(0);
                        p = p.replace(t.name(), t.withStrip(s.withSends(List.of(new Send(x.bus(), -r.nextInt(20), x.preFader())))));
                    }
                }
                default -> {
                    if (p.has("extra")) p = p.remove("extra");
                    else p = p.add(AudioTrack.named("extra").with(AudioClip.of("drums", Position.beats(r.nextInt(2)), Position.beats(2)))
                            .withStrip(Strip.DEFAULT.withVolumeDb(-6).withEffects(List.of("lowpass(800)"))));
                }
            }
            out.add(p);
        }
        for (Track t : p.allTracks()) {                  // last, everything heard again: a data edit of many tracks
            Track now = p.track(t.name());
            p = p.replace(t.name(), now.withStrip(now.strip().withMute(false).withSolo(false)));
        }
        out.add(p);
        return out;
    }

    /** From timeline 0: 3 s of the arrangement, rendered offline. */
    private static float[] playFromZero(LiveArrangement arr, Engine e) {
        arr.seek(Position.ZERO);
        arr.play();
        return render(e, 3 * RATE);
    }

    static float peak(float[] x) {
        float m = 0;
        for (float v : x) m = Math.max(m, Math.abs(v));
        return m;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static void assertBitIdentical(float[] got, float[] want, String what) {
        assertThat(got.length).isEqualTo(want.length);
        for (int i = 0; i < got.length; i++) {
            if (Float.floatToRawIntBits(got[i]) != Float.floatToRawIntBits(want[i]))
                throw new AssertionError(what + ": frame " + i / 2 + (i % 2 == 0 ? " left" : " right") + ": " + got[i] + ", expected " + want[i]);
        }
    }
}
