package dev.aether.bench.arrange;

import dev.aether.arrange.AudioClip;
import dev.aether.arrange.AudioTrack;
import dev.aether.arrange.BusTrack;
import dev.aether.arrange.Curve;
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
import dev.aether.arrange.Track;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The projects the edit benchmarks edit, and the edits. Control thread.
 *
 * <ul>
 * <li>{@link #mix34}: a realistic 34-track mix, 32 bars at 120 BPM: four metatracks (drums: 10 audio tracks; keys:
 *     two synth tracks and three audio tracks; guitars: 4; vocals: 6), a synth bass and a bass DI, an effects track,
 *     and two buses (reverb, solo-safe; delay). Every track has a chain of 2 to 5 stdlib effects (EQ biquads,
 *     compressor, pan, delay, Freeverb), clips every two bars or MIDI clips of 16 notes every four bars, sends to the
 *     buses (pre- and post-fader) and automation (volume and pan lanes, an effect's cutoff) on some.</li>
 * <li>{@link #nested20}: a clip 20 metatracks deep (speeds 0.5 and 2 in turn, a gain on each level), beside a
 *     drum track and a bus.</li>
 * </ul>
 */
public final class EditMix {
    /** The project's bars. */
    public static final int BARS = 32;

    private EditMix() {}

    /** The 34-track mix, its media written into {@code dir}. */
    public static Project mix34(Path dir) throws IOException {
        MediaPool pool = MediaPool.EMPTY
                .with("kick", Media.hits(dir, "kick", 4, 0.5, 1)).with("snare", Media.hits(dir, "snare", 4, 1, 2))
                .with("hats", Media.hits(dir, "hats", 4, 0.125, 3)).with("bass", Media.tone(dir, "bass", 4, 55, 0.4))
                .with("chords", Media.tone(dir, "chords", 4, 330, 0.2)).with("voice", Media.tone(dir, "voice", 4, 440, 0.25))
                .with("gtr", Media.tone(dir, "gtr", 4, 196, 0.2)).with("noise", Media.hits(dir, "noise", 4, 4, 9));
        Project p = new Project(Tempo.DEFAULT, pool, List.of());
        String[] drums = {"kick", "snare", "hatC", "hatO", "tom1", "tom2", "tom3", "ohL", "ohR", "room"};
        String[] drumSrc = {"kick", "snare", "hats", "hats", "snare", "snare", "kick", "hats", "hats", "noise"};
        List<Track> kit = new ArrayList<>();
        for (int i = 0; i < drums.length; i++) {
            List<String> fx = i < 2 ? List.of("hp", "peak", "comp", "pan") : List.of("hp", "highshelf", "pan");
            Strip s = Strip.DEFAULT.withEffects(fx).withVolumeDb(-6 - i % 3).withPan((i % 5 - 2) * 0.3);
            if (i == 1 || i >= 7) s = s.withSends(List.of(new Send("reverb", -12, false)));
            kit.add(audio(drums[i], drumSrc[i], s, 2, i));
        }
        Metatrack drumGroup = Metatrack.of("drums", kit).withStrip(Strip.DEFAULT.withEffects(List.of("comp", "lowshelf")).withVolumeDb(-2));
        InstrumentTrack synthBass = midi("synthBass", 36, Strip.DEFAULT.withEffects(List.of("lp", "comp")).withVolumeDb(-8)
                .withLane(new Lane(Lane.Target.effect(0, "cutoffHz"), List.of(new Lane.Point(Position.ZERO, 300, Curve.EXPONENTIAL),
                        new Lane.Point(Position.beats(4 * BARS), 4000, Curve.LINEAR)))));
        AudioTrack bassDi = audio("bassDI", "bass", Strip.DEFAULT.withEffects(List.of("hp", "comp", "lowshelf")).withVolumeDb(-9), 2, 11);
        List<Track> keys = new ArrayList<>();
        keys.add(midi("piano", 60, Strip.DEFAULT.withEffects(List.of("peak", "comp", "pan")).withVolumeDb(-10)
                .withSends(List.of(new Send("reverb", -10, false)))));
        keys.add(midi("rhodes", 55, Strip.DEFAULT.withEffects(List.of("lp", "pan")).withVolumeDb(-12)
                .withSends(List.of(new Send("delay", -14, true)))));
        keys.add(audio("organ", "chords", Strip.DEFAULT.withEffects(List.of("hp", "lp", "pan")).withVolumeDb(-14), 4, 12));
        keys.add(audio("pad1", "chords", Strip.DEFAULT.withEffects(List.of("hp", "highshelf")).withVolumeDb(-16).withLane(volumeLane(-30, -12)), 8, 13));
        keys.add(audio("pad2", "chords", Strip.DEFAULT.withEffects(List.of("hp", "pan")).withVolumeDb(-16)
                .withLane(new Lane(Lane.Target.PAN, List.of(new Lane.Point(Position.ZERO, -0.8, Curve.S_CURVE),
                        new Lane.Point(Position.beats(32), 0.8, Curve.S_CURVE), new Lane.Point(Position.beats(64), -0.8, Curve.LINEAR)))), 8, 14));
        Metatrack keyGroup = Metatrack.of("keys", keys).withStrip(Strip.DEFAULT.withEffects(List.of("lowshelf", "comp")));
        List<Track> gtrs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Strip s = Strip.DEFAULT.withEffects(List.of("hp", "peak", "comp", "highshelf", "pan")).withVolumeDb(-10).withPan(i % 2 == 0 ? -0.6 : 0.6);
            if (i >= 2) s = s.withSends(List.of(new Send("delay", -10, false)));
            gtrs.add(audio("gtr" + (i + 1), "gtr", s, 2, 20 + i));
        }
        Metatrack gtrGroup = Metatrack.of("guitars", gtrs).withStrip(Strip.DEFAULT.withEffects(List.of("comp")));
        List<Track> vox = new ArrayList<>();
        String[] voices = {"lead", "double", "bv1", "bv2", "bv3", "adlib"};
        for (int i = 0; i < voices.length; i++) {
            Strip s = Strip.DEFAULT.withEffects(i == 0 ? List.of("hp", "peak", "comp", "highshelf", "pan") : List.of("hp", "comp", "pan"))
                    .withVolumeDb(i == 0 ? -4 : -12).withSends(List.of(new Send("reverb", i == 0 ? -14 : -8, false), new Send("delay", -18, i == 0)));
            if (i == 0) s = s.withLane(volumeLane(-8, -2));
            vox.add(audio(voices[i], "voice", s, 2, 30 + i));
        }
        Metatrack voxGroup = Metatrack.of("vocals", vox).withStrip(Strip.DEFAULT.withEffects(List.of("comp", "highshelf")).withVolumeDb(-1));
        AudioTrack fx = audio("fx", "noise", Strip.DEFAULT.withEffects(List.of("hp", "delay")).withVolumeDb(-18)
                .withSends(List.of(new Send("reverb", -6, false))), 8, 40);
        BusTrack reverb = BusTrack.named("reverb").withSoloSafe(true).withStrip(Strip.DEFAULT.withEffects(List.of("reverb", "hp")).withVolumeDb(-6));
        BusTrack delay = BusTrack.named("delay").withStrip(Strip.DEFAULT.withEffects(List.of("delay", "lp")).withVolumeDb(-8));
        return p.add(reverb).add(delay).add(drumGroup).add(synthBass).add(bassDi).add(keyGroup).add(gtrGroup).add(voxGroup).add(fx);
    }

    /** A clip 20 metatracks deep, beside a drum track and a bus; its media written into {@code dir}. */
    public static Project nested20(Path dir) throws IOException {
        MediaPool pool = MediaPool.EMPTY.with("chords", Media.tone(dir, "chords", 4, 330, 0.2)).with("kick", Media.hits(dir, "kick", 4, 0.5, 1));
        Project p = new Project(Tempo.DEFAULT, pool, List.of());
        Track inner = audio("deep", "chords", Strip.DEFAULT.withEffects(List.of("hp", "pan")).withSends(List.of(new Send("reverb", -10, false))), 2, 1);
        for (int level = 20; level >= 1; level--) {
            inner = Metatrack.of("level" + level, List.of(inner)).withTime(TimeTransform.IDENTITY.withSpeed(level % 2 == 0 ? 0.5 : 2))
                    .withStrip(Strip.DEFAULT.withEffects(List.of("gain")));
        }
        BusTrack reverb = BusTrack.named("reverb").withSoloSafe(true).withStrip(Strip.DEFAULT.withEffects(List.of("reverb")).withVolumeDb(-6));
        return p.add(reverb).add(audio("kick", "kick", Strip.DEFAULT.withEffects(List.of("comp")), 2, 2)).add(inner);
    }

    private static Lane volumeLane(double from, double to) {
        return new Lane(Lane.Target.VOLUME, List.of(new Lane.Point(Position.ZERO, from, Curve.LINEAR),
                new Lane.Point(Position.beats(16), to, Curve.S_CURVE), new Lane.Point(Position.beats(4 * BARS), from, Curve.LINEAR)));
    }

    /** An audio track with a clip of {@code source} every {@code bars} bars, each {@code bars} bars long at most 2. */
    private static AudioTrack audio(String name, String source, Strip strip, int bars, long seed) {
        List<AudioClip> clips = new ArrayList<>();
        for (int b = 0; b < BARS; b += bars) clips.add(AudioClip.of(source, Position.beats(4 * b), Position.beats(Math.min(8, 4 * bars))));
        return new AudioTrack(name, strip, clips);
    }

    /** A synth track with a 16-note MIDI clip every four bars around {@code root}. */
    private static InstrumentTrack midi(String name, int root, Strip strip) {
        List<MidiClip> clips = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(root);
        for (int b = 0; b < BARS; b += 4) {
            List<Note> notes = new ArrayList<>();
            for (int k = 0; k < 16; k++) notes.add(new Note(Position.beats(k), Position.beats(0.75), root + r.nextInt(12), 80 + r.nextInt(40)));
            clips.add(new MidiClip(Position.beats(4 * b), Position.beats(16), notes));
        }
        return new InstrumentTrack(name, strip, "synth", clips);
    }

    // ------------------------------------------------------------------ edits

    /** The kinds of edit the benchmarks make. */
    public enum Kind {
        /** One track's fader. */
        VOLUME,
        /** One data edit somewhere in the mix, in turn: pan, mute, solo, a clip moved, a note moved, a lane point moved, a send level, a fader. */
        DATA,
        /** Every track's fader and pan at once (a mix snapshot recalled). */
        MIX,
        /** An effect added to, or removed from, one track (topology: a new plan). */
        EFFECT;

        public static Kind parse(String s) { return valueOf(s.toUpperCase(java.util.Locale.ROOT)); }
    }

    /** Edit {@code i} of kind {@code kind} on {@code p} (deterministic in {@code i}). */
    public static Project edit(Project p, Kind kind, int i) {
        List<Track> all = p.allTracks();
        SplittableRandom r = new SplittableRandom(i * 0x9E3779B97F4A7C15L + kind.ordinal());
        switch (kind) {
            case VOLUME: {
                Track t = all.get(r.nextInt(all.size()));
                return p.replace(t.name(), t.withStrip(t.strip().withVolumeDb(-24 + r.nextInt(240) / 10.0)));
            }
            case MIX: {
                Project q = p;
                for (Track t : all) {
                    Track now = q.track(t.name());
                    q = q.replace(t.name(), now.withStrip(now.strip().withVolumeDb(-24 + r.nextInt(240) / 10.0).withPan(r.nextInt(21) / 10.0 - 1)));
                }
                return q;
            }
            case EFFECT: {
                Track t = leaf(all, r);
                List<String> fx = new ArrayList<>(t.strip().effects());
                if (fx.size() > 1 && fx.get(fx.size() - 1).equals("gain")) fx.remove(fx.size() - 1);
                else fx.add("gain");
                return p.replace(t.name(), t.withStrip(t.strip().withEffects(fx)));
            }
            default:
                return data(p, all, r, i);
        }
    }

    private static Track leaf(List<Track> all, SplittableRandom r) {
        while (true) {
            Track t = all.get(r.nextInt(all.size()));
            if (t instanceof AudioTrack || t instanceof InstrumentTrack) return t;
        }
    }

    private static Project data(Project p, List<Track> all, SplittableRandom r, int i) {
        switch (i % 8) {
            case 0: {
                Track t = all.get(r.nextInt(all.size()));
                return p.replace(t.name(), t.withStrip(t.strip().withPan(r.nextInt(21) / 10.0 - 1)));
            }
            case 1: {
                Track t = leaf(all, r);
                return p.replace(t.name(), t.withStrip(t.strip().withMute(!t.strip().mute())));
            }
            case 2: {
                Track t = leaf(all, r);
                return p.replace(t.name(), t.withStrip(t.strip().withSolo(!t.strip().solo())));
            }
            case 3: {
                for (Track t : all) {
                    if (t instanceof AudioTrack a && !a.clips().isEmpty() && r.nextInt(4) == 0) {
                        List<AudioClip> clips = new ArrayList<>(a.clips());
                        int k = r.nextInt(clips.size());
                        AudioClip c = clips.get(k);
                        clips.set(k, c.withGainDb(-r.nextInt(12)));
                        return p.replace(a.name(), a.withClips(clips));
                    }
                }
                return p;
            }
            case 4: {
                for (Track t : all) {
                    if (t instanceof InstrumentTrack it && r.nextInt(3) == 0) {
                        List<MidiClip> clips = new ArrayList<>(it.clips());
                        int k = r.nextInt(clips.size());
                        MidiClip c = clips.get(k);
                        List<Note> notes = new ArrayList<>(c.notes());
                        int n = r.nextInt(notes.size());
                        Note x = notes.get(n);
                        notes.set(n, new Note(x.start(), x.length(), 40 + r.nextInt(40), x.velocity()));
                        clips.set(k, new MidiClip(c.start(), c.length(), notes));
                        return p.replace(it.name(), it.withClips(clips));
                    }
                }
                return p;
            }
            case 5: {
                for (Track t : all) {
                    Lane l = t.strip().lane(Lane.Target.VOLUME);
                    if (l != null && r.nextInt(2) == 0) {
                        List<Lane.Point> pts = new ArrayList<>(l.points());
                        Lane.Point pt = pts.get(1);
                        pts.set(1, new Lane.Point(pt.time(), -20 + r.nextInt(20), pt.curve()));
                        return p.replace(t.name(), t.withStrip(t.strip().withLane(new Lane(l.target(), pts))));
                    }
                }
                return p;
            }
            case 6: {
                for (Track t : all) {
                    if (!t.strip().sends().isEmpty() && r.nextInt(3) == 0) {
                        List<Send> sends = new ArrayList<>(t.strip().sends());
                        Send s = sends.get(0);
                        sends.set(0, new Send(s.bus(), -30 + r.nextInt(30), s.preFader()));
                        return p.replace(t.name(), t.withStrip(t.strip().withSends(sends)));
                    }
                }
                return p;
            }
            default: {
                Track t = all.get(r.nextInt(all.size()));
                return p.replace(t.name(), t.withStrip(t.strip().withVolumeDb(-24 + r.nextInt(240) / 10.0)));
            }
        }
    }
}
