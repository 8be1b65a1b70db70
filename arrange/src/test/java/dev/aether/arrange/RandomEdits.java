package dev.aether.arrange;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Random edits drawn against a project (many will be refused: that is part of what is tested). */
final class RandomEdits {
    private RandomEdits() {}

    static final Tempo TEMPO = new Tempo(120, 4);
    static final Curve[] CURVES = Curve.values();

    static Project start() {
        return Project.empty(TEMPO).withPool(MediaPool.EMPTY.with("kick", Path.of("/m/kick.wav")).with("pad", Path.of("/m/pad.wav")))
                .add(AudioTrack.named("drums")).add(InstrumentTrack.named("bass", "synth(8)")).add(BusTrack.named("reverb"));
    }

    static Position pos(Random r) {
        return r.nextBoolean() ? Position.beats(r.nextInt(64)) : Position.seconds(r.nextInt(400) / 8.0);
    }

    static Position len(Random r) {
        return r.nextBoolean() ? Position.beats(1 + r.nextInt(16)) : Position.seconds((1 + r.nextInt(100)) / 16.0);
    }

    static String pick(Random r, Project p) {
        List<String> names = p.names();
        return names.isEmpty() ? "none" : names.get(r.nextInt(names.size()));
    }

    static Edit next(Random r, Project p, int serial) {
        String t = pick(r, p);
        switch (r.nextInt(34)) {
            case 0: return new Edit.AddTrack(r.nextBoolean() ? null : pick(r, p), -1, AudioTrack.named("a" + serial));
            case 1: return new Edit.AddTrack(null, 0, InstrumentTrack.named("i" + serial, "synth(" + (1 + r.nextInt(8)) + ")"));
            case 2: return new Edit.AddTrack(r.nextBoolean() ? null : pick(r, p), -1, BusTrack.named("b" + serial));
            case 3: return new Edit.RemoveTrack(t);
            case 4: return new Edit.RenameTrack(t, t + "x");
            case 5: return new Edit.SetVolume(t, -r.nextInt(60));
            case 6: return new Edit.SetPan(t, r.nextInt(21) / 10.0 - 1);
            case 7: return new Edit.SetMute(t, r.nextBoolean());
            case 8: return new Edit.SetSolo(t, r.nextBoolean());
            case 9: return new Edit.AddEffect(t, -1, "lowpass(" + (100 + r.nextInt(4000)) + ")");
            case 10: return new Edit.RemoveEffect(t, r.nextInt(2));
            case 11: return new Edit.SetSend(t, new Send(pick(r, p), -r.nextInt(30), r.nextBoolean()));
            case 12: return new Edit.SetLane(t, new Lane(r.nextBoolean() ? Lane.Target.VOLUME : Lane.Target.effect(0, "cutoffHz"), List.of(
                    new Lane.Point(pos(r), -r.nextInt(40), CURVES[r.nextInt(CURVES.length)]),
                    new Lane.Point(pos(r), -r.nextInt(40), CURVES[r.nextInt(CURVES.length)]))));
            case 13: return new Edit.AddAudioClip(t, AudioClip.of(r.nextBoolean() ? "kick" : "pad", pos(r), len(r))
                    .withFadeIn(new Fade(Position.seconds(r.nextInt(4) / 100.0), CURVES[r.nextInt(CURVES.length)])).withReverse(r.nextBoolean()).withLoop(r.nextBoolean()));
            case 14: return new Edit.AddMidiClip(t, new MidiClip(pos(r), Position.beats(4),
                    List.of(new Note(Position.beats(r.nextInt(4)), Position.beats(1), 36 + r.nextInt(48), 1 + r.nextInt(127)))));
            case 15: return new Edit.Group("g" + serial, r.nextBoolean() ? List.of(t) : List.of(t, pick(r, p)));
            case 16: return new Edit.Ungroup(t);
            case 17: return new Edit.Flatten(t);
            case 18: return new Edit.Move(t, r.nextBoolean() ? null : pick(r, p), -1);
            case 19: return new Edit.SetTime(t, new TimeTransform(pos(r), new double[] {0.5, 1, 2, 0.75, 1.5}[r.nextInt(5)], r.nextInt(13) - 6, r.nextBoolean() ? 1 : 1.25));
            case 20: return new Edit.SetTempo(new Tempo(60 + r.nextInt(120), 2 + r.nextInt(6)));
            case 21: return new Edit.SetStrip(t, Strip.DEFAULT.withVolumeDb(-r.nextInt(20)).withPan(0.25));
            case 22: return new Edit.SetSoloSafe(t, r.nextBoolean());
            case 23: return new Edit.RemoveSend(t, pick(r, p));
            case 24: return new Edit.RemoveLane(t, r.nextBoolean() ? Lane.Target.VOLUME : Lane.Target.effect(0, "cutoffHz"));
            case 25: return new Edit.SetMidiClips(t, List.of());
            case 26: return new Edit.SetInstrument(t, "fm(" + r.nextInt(9) + ")");
            case 27: {
                List<String> takes = p.pool().files().keySet().stream().filter(id -> id.startsWith("m")).toList();   // kick and pad stay
                return r.nextBoolean() || takes.isEmpty() ? new Edit.AddMedia("m" + serial, Path.of("/m/take" + serial + ".wav"))
                        : new Edit.RemoveMedia(takes.get(r.nextInt(takes.size())));
            }
            case 28: {
                for (Track x : p.allTracks())
                    if (!x.strip().sends().isEmpty()) return new Edit.RemoveSend(x.name(), x.strip().sends().get(0).bus());
                return new Edit.SetSend(t, new Send("reverb", -6, false));
            }
            case 29: return new Edit.Batch(null, List.of(next(r, p, serial), new Edit.SetTempo(new Tempo(60 + r.nextInt(120), 4))));
            case 30: return new Edit.SetLane(t, new Lane(Lane.Target.instrument("cutoffHz"), List.of(new Lane.Point(pos(r), 200 + r.nextInt(5000), CURVES[r.nextInt(CURVES.length)]))));
            case 32: if (r.nextInt(4) != 0) return new Edit.Flatten(t);     // freeze rarely: it undoes nesting
                return p.has(t) ? Edit.Freeze.of(p, t, "frozen" + serial, Path.of("/m/frozen" + serial + ".wav"), r.nextInt(8), 1 + r.nextInt(8))
                    : new Edit.RemoveTrack(t);
            case 33: {                                  // thaw a frozen track (back to an empty audio track of its name)
                for (Track x : p.allTracks())
                    if (x instanceof AudioTrack a && a.clips().size() == 1 && a.clips().get(0).source().startsWith("frozen"))
                        return new Edit.Unfreeze(x.name(), AudioTrack.named(x.name()));
                return new Edit.Unfreeze(t, AudioTrack.named(t));
            }
            default: return new Edit.SetAudioClips(t, r.nextBoolean() ? List.of() : List.of(AudioClip.of("kick", pos(r), len(r))));
        }
    }
}
