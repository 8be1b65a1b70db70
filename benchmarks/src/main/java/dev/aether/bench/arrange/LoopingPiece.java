package dev.aether.bench.arrange;

import dev.aether.arrange.AudioClip;
import dev.aether.arrange.AudioTrack;
import dev.aether.arrange.BusTrack;
import dev.aether.arrange.Curve;
import dev.aether.arrange.Fade;
import dev.aether.arrange.InstrumentTrack;
import dev.aether.arrange.Lane;
import dev.aether.arrange.MediaPool;
import dev.aether.arrange.Metatrack;
import dev.aether.arrange.MidiClip;
import dev.aether.arrange.Note;
import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.Send;
import dev.aether.arrange.Strip;
import dev.aether.arrange.Tempo;
import dev.aether.arrange.TimeTransform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A short looping arrangement for long renders: two bars at 120 BPM (4 s, 192,000 samples at 48 kHz) of drums (an
 * audio clip of noise hits through an EQ and a compressor, sending to an echo bus), a bass line on a subtractive synth
 * with a filter-cutoff lane, and a pad played at half speed inside a metatrack with a volume lane, looped over
 * {@link #LOOP_FROM}..{@link #LOOP_TO}. Control thread.
 */
public final class LoopingPiece {
    /** The loop: bar 1 to bar 3 (the first two bars). */
    public static final Position LOOP_FROM = Position.ZERO, LOOP_TO = Position.beats(8);
    /** The loop's length in samples at 48 kHz. */
    public static final long LOOP_SAMPLES = 192_000;

    private LoopingPiece() {}

    /** The piece, its media written into {@code dir}. */
    public static Project create(Path dir) throws IOException {
        Path drums = Media.hits(dir, "drums", 4, 0.25, 1);
        Path pad = Media.tone(dir, "pad", 4, 220, 0.25);
        Project p = new Project(Tempo.DEFAULT, MediaPool.EMPTY.with("drums", drums).with("pad", pad), List.of());
        p = p.add(BusTrack.named("echo").withStrip(Strip.DEFAULT.withEffects(List.of("delay")).withVolumeDb(-8)));
        AudioTrack d = AudioTrack.named("drums").with(AudioClip.of("drums", Position.ZERO, Position.beats(8)))
                .withStrip(Strip.DEFAULT.withEffects(List.of("hp", "peak", "comp")).withVolumeDb(-4)
                        .withSends(List.of(new Send("echo", -10, false))));
        List<Note> notes = new ArrayList<>();
        int[] keys = {36, 36, 43, 41, 36, 48, 43, 39};
        for (int i = 0; i < 8; i++) notes.add(new Note(Position.beats(i), Position.beats(0.75), keys[i], 100));
        InstrumentTrack bass = InstrumentTrack.named("bass", "synth").with(new MidiClip(Position.ZERO, Position.beats(8), notes))
                .withStrip(Strip.DEFAULT.withEffects(List.of("lp")).withVolumeDb(-10)
                        .withLane(new Lane(Lane.Target.effect(0, "cutoffHz"), List.of(
                                new Lane.Point(Position.ZERO, 400, Curve.EXPONENTIAL), new Lane.Point(Position.beats(7.5), 6000, Curve.LINEAR)))));
        AudioTrack padT = AudioTrack.named("pad").with(AudioClip.of("pad", Position.ZERO, Position.beats(4))
                .withFadeIn(new Fade(Position.beats(0.5), Curve.S_CURVE)).withFadeOut(new Fade(Position.beats(0.5), Curve.LINEAR)));
        Metatrack slow = Metatrack.of("slow", List.of(padT)).withTime(TimeTransform.IDENTITY.withSpeed(0.5))
                .withStrip(Strip.DEFAULT.withPan(-0.3).withLane(new Lane(Lane.Target.VOLUME, List.of(
                        new Lane.Point(Position.ZERO, -18, Curve.LINEAR), new Lane.Point(Position.beats(6), -6, Curve.S_CURVE),
                        new Lane.Point(Position.beats(8), -18, Curve.LINEAR)))));
        return p.add(d).add(bass).add(slow);
    }
}
