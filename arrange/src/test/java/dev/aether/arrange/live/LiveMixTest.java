package dev.aether.arrange.live;

import dev.aether.arrange.AudioClip;
import dev.aether.arrange.AudioTrack;
import dev.aether.arrange.BusTrack;
import dev.aether.arrange.Curve;
import dev.aether.arrange.Fade;
import dev.aether.arrange.InstrumentTrack;
import dev.aether.arrange.Lane;
import dev.aether.arrange.Metatrack;
import dev.aether.arrange.MidiClip;
import dev.aether.arrange.Note;
import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.Send;
import dev.aether.arrange.Strip;
import dev.aether.arrange.TimeTransform;
import dev.aether.arrange.stream.AudioPool;
import dev.aether.arrange.stream.TestWavs;
import dev.aether.core.engine.Engine;
import dev.aether.core.io.WavFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.aether.arrange.live.LiveFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What the arrangement plays, against values worked out by hand: mixes, solo and mute, time, automation, notes. */
class LiveMixTest {
    @TempDir Path dir;

    private float[] play(Project p, int frames) {
        return play(p, frames, LiveFixture::recipe);
    }

    private float[] play(Project p, int frames, RecipeResolver r) {
        try (AudioPool pool = new AudioPool(); Engine e = Engine.create(CFG)) {
            LiveArrangement arr = LiveArrangement.attach(e, pool, r);
            arr.apply(p);
            arr.seek(Position.ZERO);
            arr.play();
            float[] out = render(e, frames);
            arr.close();
            return out;
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** a = 0.125, b = 0.25 for one second; "fx" a solo-safe bus; b sends to it at 0 dB. */
    private Project mix(boolean preFader) throws Exception {
        Project p = project("a", dc(dir, "a", RATE, 0.125f)).withPool(
                project("a", dc(dir, "a", RATE, 0.125f)).pool().with("b", dc(dir, "b", RATE, 0.25f)));
        p = p.add(BusTrack.named("fx").withSoloSafe(true));
        p = p.add(track("a", "a", Position.ZERO, Position.seconds(1)));
        AudioTrack b = track("b", "b", Position.ZERO, Position.seconds(1));
        return p.add(b.withStrip(b.strip().withSends(List.of(new Send("fx", 0, preFader)))));
    }

    private static float at(Project p, float[] out) { return left(out, 1000); }

    @Test
    void shouldSumTracksAndSendsAndFollowSoloAndMute() throws Exception {
        Project post = mix(false), pre = mix(true);
        assertThat(at(post, play(post, 2048))).as("a + b + b's send").isEqualTo(0.625f);
        Project soloA = post.replace("a", post.track("a").withStrip(post.track("a").strip().withSolo(true)));
        assertThat(at(soloA, play(soloA, 2048))).as("a soloed: b silent, its post-fader send too").isEqualTo(0.125f);
        Project soloApre = pre.replace("a", pre.track("a").withStrip(pre.track("a").strip().withSolo(true)));
        assertThat(at(soloApre, play(soloApre, 2048))).as("a soloed, b's pre-fader send into the solo-safe bus").isEqualTo(0.375f);
        Project muteB = post.replace("b", post.track("b").withStrip(post.track("b").strip().withMute(true)));
        assertThat(at(muteB, play(muteB, 2048))).as("b muted").isEqualTo(0.125f);
        Project unsafe = soloApre.replace("fx", BusTrack.named("fx"));
        assertThat(at(unsafe, play(unsafe, 2048))).as("a soloed, the bus not solo-safe").isEqualTo(0.125f);
    }

    @Test
    void shouldPlayHalfSpeedInsideDoubleSpeedAtNormalSpeedSampleForSample() throws Exception {
        float[] src = TestWavs.noise16(RATE, 7);
        Path f = TestWavs.write(dir.resolve("n.wav"), WavFormat.PCM_16, RATE, src);
        AudioTrack t = track("n", "n", Position.beats(4), Position.beats(1));    // inner timeline: 2 s, 0.5 s long
        Metatrack inner = Metatrack.of("inner", List.of(t)).withTime(TimeTransform.IDENTITY.withSpeed(0.5));
        Metatrack outer = Metatrack.of("outer", List.of(inner)).withTime(TimeTransform.IDENTITY.withSpeed(2.0));
        Project p = project("n", f).add(outer);
        float[] out = play(p, 3 * RATE);
        assertThat(firstSound(out)).as("first sounding frame").isEqualTo(2 * RATE);
        for (int k = 0; k < RATE / 2; k++) {
            if (left(out, 2 * RATE + k) != src[k]) throw new AssertionError("frame " + k + " of the clip: " + left(out, 2 * RATE + k) + " != " + src[k]);
        }
        assertThat(left(out, 2 * RATE + RATE / 2)).as("after the clip").isEqualTo(0f);
    }

    @Test
    void shouldFollowAVolumeLaneOnItsExactSamples() throws Exception {
        Lane vol = new Lane(Lane.Target.VOLUME, List.of(new Lane.Point(Position.seconds(0.25), -20, Curve.LINEAR),
                new Lane.Point(Position.seconds(0.75), 0, Curve.EXPONENTIAL), new Lane.Point(Position.seconds(0.875), -6, Curve.HOLD)));
        AudioTrack a = track("a", "a", Position.ZERO, Position.seconds(1));
        Project p = project("a", dc(dir, "a", RATE, 0.25f)).add(a.withStrip(a.strip().withLane(vol)));
        float[] out = play(p, RATE);
        for (int k : new int[] {0, 100, 12_000, 12_001, 20_000, 30_000, 35_999, 36_000, 40_000, 41_999, 42_000, 47_999}) {
            double db = dev.aether.arrange.Automation.valueAt(p, "a", Lane.Target.VOLUME, k / (double) RATE);
            assertThat((double) left(out, k)).as("frame %d (lane at %.4f dB)", k, db).isCloseTo(0.25 * Math.pow(10, db / 20), within(2e-7));
        }
    }

    @Test
    void shouldFadeWithoutAClick() throws Exception {
        AudioClip c = AudioClip.of("a", Position.seconds(0.1), Position.seconds(0.5))
                .withFadeIn(new Fade(Position.seconds(0.01), Curve.S_CURVE)).withFadeOut(new Fade(Position.seconds(0.02), Curve.LINEAR));
        Project p = project("a", dc(dir, "a", RATE, 0.5f)).add(AudioTrack.named("a").with(c));
        float[] out = play(p, RATE);
        double maxStep = 0;
        for (int i = 1; i < RATE; i++) maxStep = Math.max(maxStep, Math.abs(left(out, i) - left(out, i - 1)));
        assertThat(firstSound(out)).isBetween(4800, 4801);
        assertThat(maxStep).as("largest step between samples (S-curve over 480 samples peaks at 0.5·π/2/480 = 0.00164)").isLessThan(0.0017);
        assertThat(left(out, 20_000)).as("between the fades").isEqualTo(0.5f);
    }

    @Test
    void shouldPlayNotesOnTheirSamplesTransposedByTheirMetatrack() {
        MidiClip clip = new MidiClip(Position.beats(2), Position.beats(4),
                List.of(new Note(Position.ZERO, Position.beats(1), 60, 100), new Note(Position.beats(1), Position.beats(0.5), 64, 100)));
        InstrumentTrack keys = InstrumentTrack.named("keys", "keys").with(clip);
        Metatrack up = Metatrack.of("up", List.of(keys)).withTime(TimeTransform.IDENTITY.withTranspose(12).withSpeed(2));
        Project p = Project.empty(dev.aether.arrange.Tempo.DEFAULT).add(up);
        float[] out = play(p, 3 * RATE);
        // speed 2: the clip (beat 2 = 1 s inside) starts at 0.5 s; note 1 plays 0.5 s .. 0.75 s, note 2 from 0.75 s for 0.125 s
        int s0 = RATE / 2;
        assertThat(firstSound(out)).isEqualTo(s0);
        assertThat(left(out, s0)).isEqualTo(72 / 256f);
        assertThat(left(out, s0 + 11_999)).isEqualTo(72 / 256f);
        assertThat(left(out, s0 + 12_000)).isEqualTo(76 / 256f);
        assertThat(left(out, s0 + 17_999)).isEqualTo(76 / 256f);
        assertThat(left(out, s0 + 18_000)).isEqualTo(0f);
    }

    @Test
    void shouldRunAMetatracksEffectsOnItsChildrensMix() throws Exception {
        Project p = mix(false);
        Metatrack g = Metatrack.of("g", List.of(p.track("a"), p.track("b"))).withStrip(Strip.DEFAULT.withEffects(List.of("gain(-20)")));
        Project grouped = p.remove("a").remove("b").add(g);
        float[] out = play(grouped, 2048);
        assertThat((double) left(out, 1000)).as("(a + b) at -20 dB, plus b's send").isCloseTo(0.375 * 0.1 + 0.25, within(1e-6));
    }

    @Test
    void shouldKeepTheNodesOfTracksThatDidNotChange() throws Exception {
        AtomicInteger made = new AtomicInteger();
        RecipeResolver r = s -> { made.incrementAndGet(); return LiveFixture.recipe(s); };
        Project p = mix(false);
        AudioTrack a = (AudioTrack) p.track("a");
        p = p.replace("a", a.withStrip(a.strip().withEffects(List.of("delay", "comp"))));
        try (AudioPool pool = new AudioPool(); Engine e = Engine.create(CFG)) {
            LiveArrangement arr = LiveArrangement.attach(e, pool, r);
            arr.apply(p);
            int nodes = e.nodes().size();
            assertThat(made.get()).isEqualTo(2);
            arr.apply(p.replace("a", p.track("a").withStrip(p.track("a").strip().withVolumeDb(-3).withPan(0.5))));
            assertThat(made.get()).as("recipes made after a fader move").isEqualTo(2);
            assertThat(e.nodes()).hasSize(nodes);
            Project q = p.replace("a", p.track("a").withStrip(p.track("a").strip().withEffects(List.of("delay"))));
            arr.apply(q);
            assertThat(made.get()).as("recipes made after an effect was removed: none, the delay before it is kept").isEqualTo(2);
            assertThat(e.nodes()).hasSize(nodes - 1);
            arr.apply(q.remove("b"));
            assertThat(e.nodes()).as("b's source, head, strip and send gone").hasSize(nodes - 1 - 4);
            arr.close();
            assertThat(e.nodes()).as("only the master").hasSize(1);
        }
    }

    @Test
    void shouldLoopOnTheExactSample() throws Exception {
        float[] src = TestWavs.noise16(RATE, 3);
        Project p = project("n", TestWavs.write(dir.resolve("n.wav"), WavFormat.PCM_16, RATE, src))
                .add(track("n", "n", Position.ZERO, Position.seconds(1)));
        try (AudioPool pool = new AudioPool(); Engine e = Engine.create(CFG)) {
            LiveArrangement arr = LiveArrangement.attach(e, pool, LiveFixture::recipe);
            arr.apply(p);
            arr.seek(Position.ZERO);
            arr.loop(Position.seconds(0.1), Position.seconds(0.2));
            arr.play();
            float[] out = render(e, RATE / 2);
            for (int k = 0; k < 9600; k++) {
                int i = 4800 + (k % 4800);
                if (left(out, 4800 + k) != src[i]) throw new AssertionError("frame " + (4800 + k) + " should be source frame " + i);
            }
            assertThat(arr.position().seconds(p.tempo())).isBetween(0.1, 0.2);
            arr.close();
        }
    }

    @Test
    void shouldPlayAClipTwentyMetatracksDeepWhereTheirTransformsPutIt() throws Exception {
        float[] src = TestWavs.noise16(RATE, 11);
        Path f = TestWavs.write(dir.resolve("deep.wav"), WavFormat.PCM_16, RATE, src);
        dev.aether.arrange.Track t = track("n", "n", Position.beats(1), Position.beats(1));
        for (int level = 0; level < 20; level++) {                     // speeds 2, 0.5, 2, ...: product 1; offsets add
            double speed = level % 2 == 0 ? 2 : 0.5;
            t = Metatrack.of("m" + level, List.of(t)).withTime(TimeTransform.IDENTITY.withSpeed(speed)
                    .withOffset(level == 19 ? Position.beats(2) : Position.ZERO));
        }
        Project p = project("n", f).add(t);
        float[] out = play(p, 2 * RATE);
        // inner beat 1 at speed product 1 is 0.5 s, plus the outermost offset of 2 beats (1 s)
        assertThat(firstSound(out)).isEqualTo(RATE + RATE / 2);
        for (int k = 0; k < RATE / 2 - 1; k++)
            if (left(out, RATE + RATE / 2 + k) != src[k]) throw new AssertionError("frame " + k + " of the clip");
    }

    @Test
    void shouldAutomateAnEffectParameterThroughItsTimedRamps() throws Exception {
        // gain(0) automated from 0 dB to -40 dB over a second: the param ramps block-exactly through timed changes
        Lane g = new Lane(Lane.Target.effect(0, "gainDb"), List.of(new Lane.Point(Position.ZERO, 0, Curve.LINEAR),
                new Lane.Point(Position.seconds(1), -40, Curve.LINEAR)));
        AudioTrack a = track("a", "a", Position.ZERO, Position.seconds(1));
        Project p = project("a", dc(dir, "a", RATE, 0.25f)).add(a.withStrip(a.strip().withEffects(List.of("gain(0)")).withLane(g)));
        float[] out = play(p, RATE);
        for (int k : new int[] {64, 12_000, 24_000, 36_000, 47_000}) {
            double db = -40.0 * k / RATE;
            assertThat(20 * Math.log10(left(out, k) / 0.25)).as("gain at frame %d, dB", k).isCloseTo(db, within(0.05));
        }
    }
}
