package dev.aether.arrange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One change to a {@link Project}: a command the {@link History} applies and can undo. An edit is a value (a record
 * of its arguments); {@link #apply} is a pure function from the project before to the project after, and throws an
 * {@link IllegalArgumentException} that names what was wrong and what to do when it cannot apply (the project is
 * then unchanged). Undo restores the project before, so every edit is undoable by construction.
 */
public sealed interface Edit {
    /** The project after this edit. */
    Project apply(Project p);

    /** One line for {@code :undo}/{@code :redo} and logs, e.g. {@code "remove track \"bass\""}. */
    String describe();

    // ---- tracks ---------------------------------------------------------------------------------------------

    /** Inserts {@code track} into metatrack {@code parent} (null: the top level) at {@code index} (-1 appends). */
    record AddTrack(String parent, int index, Track track) implements Edit {
        public Project apply(Project p) {
            if (p.has(track.name())) throw new IllegalArgumentException("a track named \"" + track.name() + "\" exists already; choose another name");
            return p.add(parent, index, track);
        }
        public String describe() { return "add " + track.kind() + " track \"" + track.name() + "\""; }
    }

    /** Removes a track (a metatrack with everything inside). Refused while a removed bus still receives sends. */
    record RemoveTrack(String name) implements Edit {
        public Project apply(Project p) { return p.remove(p.track(name).name()); }
        public String describe() { return "remove track \"" + name + "\""; }
    }

    /** Renames a track; sends to a renamed bus follow it. */
    record RenameTrack(String name, String newName) implements Edit {
        public Project apply(Project p) {
            Track t = p.track(name);
            Track.checkName(newName);
            if (!newName.equals(t.name()) && p.has(newName))
                throw new IllegalArgumentException("a track named \"" + newName + "\" exists already; choose another name");
            boolean bus = t instanceof BusTrack;
            return p.withTracks(Edits.mapAll(p.tracks(), x -> {
                Track y = x == t ? x.withName(newName) : x;
                if (!bus) return y;
                return y.withStrip(y.strip().withSends(y.strip().sends().stream()
                        .map(s -> s.bus().equals(t.name()) ? new Send(newName, s.levelDb(), s.preFader()) : s).toList()));
            }));
        }
        public String describe() { return "rename \"" + name + "\" to \"" + newName + "\""; }
    }

    /** Replaces a track's whole mixer strip (volume, pan, mute, solo, effects, sends, lanes). */
    record SetStrip(String name, Strip strip) implements Edit {
        public Project apply(Project p) { Track t = p.track(name); return p.replace(t.name(), t.withStrip(strip)); }
        public String describe() { return "change the strip of \"" + name + "\""; }
    }

    /** Sets a track's volume in dB. */
    record SetVolume(String name, double volumeDb) implements Edit {
        public Project apply(Project p) { Track t = p.track(name); return p.replace(t.name(), t.withStrip(t.strip().withVolumeDb(volumeDb))); }
        public String describe() { return "volume of \"" + name + "\" to " + volumeDb + " dB"; }
    }

    /** Sets a track's pan, -1..1. */
    record SetPan(String name, double pan) implements Edit {
        public Project apply(Project p) { Track t = p.track(name); return p.replace(t.name(), t.withStrip(t.strip().withPan(pan))); }
        public String describe() { return "pan of \"" + name + "\" to " + pan; }
    }

    /** Mutes or unmutes a track. */
    record SetMute(String name, boolean mute) implements Edit {
        public Project apply(Project p) { Track t = p.track(name); return p.replace(t.name(), t.withStrip(t.strip().withMute(mute))); }
        public String describe() { return (mute ? "mute" : "unmute") + " \"" + name + "\""; }
    }

    /** Solos or unsolos a track. */
    record SetSolo(String name, boolean solo) implements Edit {
        public Project apply(Project p) { Track t = p.track(name); return p.replace(t.name(), t.withStrip(t.strip().withSolo(solo))); }
        public String describe() { return (solo ? "solo" : "unsolo") + " \"" + name + "\""; }
    }

    /** Marks a bus solo-safe or not. */
    record SetSoloSafe(String bus, boolean soloSafe) implements Edit {
        public Project apply(Project p) {
            if (!(p.track(bus) instanceof BusTrack b)) throw new IllegalArgumentException("\"" + bus + "\" is " + p.track(bus).aKind() + "; only buses are solo-safe");
            return p.replace(b.name(), b.withSoloSafe(soloSafe));
        }
        public String describe() { return "solo-safe \"" + bus + "\" " + (soloSafe ? "on" : "off"); }
    }

    /** Inserts an effect recipe into a track's chain at {@code index} (-1 appends); lanes of later effects follow it. */
    record AddEffect(String name, int index, String recipe) implements Edit {
        public Project apply(Project p) {
            Track t = p.track(name);
            List<String> fx = new ArrayList<>(t.strip().effects());
            if (index < -1 || index > fx.size())
                throw new IllegalArgumentException("effect index " + index + " on \"" + t.name() + "\"; give 0.." + fx.size() + " (or -1 to append)");
            int at = index == -1 ? fx.size() : index;
            fx.add(at, recipe);
            Strip s = t.strip().withLanes(Edits.shiftLanes(t.strip().lanes(), at, +1)).withEffects(fx);
            return p.replace(t.name(), t.withStrip(s));
        }
        public String describe() { return "add effect " + recipe + " to \"" + name + "\""; }
    }

    /** Removes the effect at {@code index} from a track's chain, with its automation lanes. */
    record RemoveEffect(String name, int index) implements Edit {
        public Project apply(Project p) {
            Track t = p.track(name);
            List<String> fx = new ArrayList<>(t.strip().effects());
            if (index < 0 || index >= fx.size())
                throw new IllegalArgumentException("\"" + t.name() + "\" has no effect at index " + index + "; its chain: " + (fx.isEmpty() ? "(empty)" : fx));
            fx.remove(index);
            Strip s = t.strip().withLanes(Edits.shiftLanes(t.strip().lanes(), index, -1)).withEffects(fx);
            return p.replace(t.name(), t.withStrip(s));
        }
        public String describe() { return "remove effect " + index + " of \"" + name + "\""; }
    }

    /** Adds or replaces the send from {@code name} to {@code send.bus()}. */
    record SetSend(String name, Send send) implements Edit {
        public Project apply(Project p) {
            Track t = p.track(name);
            List<Send> s = new ArrayList<>();
            for (Send x : t.strip().sends()) if (!x.bus().equals(send.bus())) s.add(x);
            s.add(send);
            return p.replace(t.name(), t.withStrip(t.strip().withSends(s)));
        }
        public String describe() { return "send \"" + name + "\" to \"" + send.bus() + "\""; }
    }

    /** Removes the send from {@code name} to {@code bus}. */
    record RemoveSend(String name, String bus) implements Edit {
        public Project apply(Project p) {
            Track t = p.track(name);
            List<Send> s = new ArrayList<>(t.strip().sends());
            if (!s.removeIf(x -> x.bus().equals(bus)))
                throw new IllegalArgumentException("\"" + t.name() + "\" does not send to \"" + bus + "\"; its sends: "
                        + (s.isEmpty() ? "none" : String.join(", ", s.stream().map(Send::bus).toList())));
            return p.replace(t.name(), t.withStrip(t.strip().withSends(s)));
        }
        public String describe() { return "remove the send from \"" + name + "\" to \"" + bus + "\""; }
    }

    /** Sets (adds or replaces) the automation lane of {@code lane.target()} on a track. */
    record SetLane(String name, Lane lane) implements Edit {
        public Project apply(Project p) { Track t = p.track(name); return p.replace(t.name(), t.withStrip(t.strip().withLane(lane))); }
        public String describe() { return "automate " + lane.target() + " of \"" + name + "\""; }
    }

    /** Removes the automation lane of {@code target} from a track. */
    record RemoveLane(String name, Lane.Target target) implements Edit {
        public Project apply(Project p) {
            Track t = p.track(name);
            if (t.strip().lane(target) == null)
                throw new IllegalArgumentException("\"" + t.name() + "\" has no lane for " + target + "; lanes: "
                        + (t.strip().lanes().isEmpty() ? "none" : t.strip().lanes().stream().map(l -> l.target().toString()).toList()));
            return p.replace(t.name(), t.withStrip(t.strip().withLanes(t.strip().lanes().stream().filter(l -> !l.target().equals(target)).toList())));
        }
        public String describe() { return "remove the " + target + " lane of \"" + name + "\""; }
    }

    // ---- clips ----------------------------------------------------------------------------------------------

    /** Sets the clips of an audio track (add, remove, move, trim: replace the list). */
    record SetAudioClips(String name, List<AudioClip> clips) implements Edit {
        public SetAudioClips { clips = List.copyOf(clips); }
        public Project apply(Project p) { return p.replace(Edits.audio(p, name).name(), Edits.audio(p, name).withClips(clips)); }
        public String describe() { return "change the clips of \"" + name + "\""; }
    }

    /** Appends an audio clip to an audio track. */
    record AddAudioClip(String name, AudioClip clip) implements Edit {
        public Project apply(Project p) { AudioTrack a = Edits.audio(p, name); return p.replace(a.name(), a.with(clip)); }
        public String describe() { return "add a clip of \"" + clip.source() + "\" to \"" + name + "\""; }
    }

    /** Sets the clips of an instrument track. */
    record SetMidiClips(String name, List<MidiClip> clips) implements Edit {
        public SetMidiClips { clips = List.copyOf(clips); }
        public Project apply(Project p) { return p.replace(Edits.instrument(p, name).name(), Edits.instrument(p, name).withClips(clips)); }
        public String describe() { return "change the MIDI clips of \"" + name + "\""; }
    }

    /** Appends a MIDI clip to an instrument track. */
    record AddMidiClip(String name, MidiClip clip) implements Edit {
        public Project apply(Project p) { InstrumentTrack i = Edits.instrument(p, name); return p.replace(i.name(), i.with(clip)); }
        public String describe() { return "add a MIDI clip to \"" + name + "\""; }
    }

    /** Sets an instrument track's instrument recipe. */
    record SetInstrument(String name, String instrument) implements Edit {
        public Project apply(Project p) { InstrumentTrack i = Edits.instrument(p, name); return p.replace(i.name(), i.withInstrument(instrument)); }
        public String describe() { return "instrument of \"" + name + "\" to " + instrument; }
    }

    // ---- metatracks -----------------------------------------------------------------------------------------

    /**
     * Groups {@code members} (tracks with the same parent) into a new metatrack {@code name} with no time
     * transform, placed where the first of them was; they keep their order.
     */
    record Group(String name, List<String> members) implements Edit {
        public Group { members = List.copyOf(members); }
        public Project apply(Project p) { return Edits.group(p, name, members); }
        public String describe() { return "group " + String.join(", ", members) + " into \"" + name + "\""; }
    }

    /**
     * Dissolves metatrack {@code name}: its children take its place in its parent, with its time transform baked
     * into them (clip and note positions, lengths and fades, audio rates, MIDI keys, lane times, nested metatracks'
     * transforms), its volume added to theirs and its mute and solo passed on, so they play as before. Its pan,
     * effects, sends and lanes go (undo brings them back).
     */
    record Ungroup(String name) implements Edit {
        public Project apply(Project p) { return Edits.ungroup(p, name); }
        public String describe() { return "ungroup \"" + name + "\""; }
    }

    /** Ungroups every metatrack inside metatrack {@code name}, so it holds only leaf tracks that play as before. */
    record Flatten(String name) implements Edit {
        public Project apply(Project p) { return Edits.flatten(p, name); }
        public String describe() { return "flatten \"" + name + "\""; }
    }

    /**
     * Moves a track into metatrack {@code parent} (null: the top level) at {@code index} (-1 appends). Its contents
     * keep their positions on the content timeline, so they follow the new parent's time transform.
     */
    record Move(String name, String parent, int index) implements Edit {
        public Project apply(Project p) { return Edits.move(p, name, parent, index); }
        public String describe() { return "move \"" + name + "\" into " + (parent == null ? "the top level" : "\"" + parent + "\""); }
    }

    /** Sets a metatrack's time transform (offset, speed, transpose, varispeed). */
    record SetTime(String name, TimeTransform time) implements Edit {
        public Project apply(Project p) {
            Track t = p.track(name);
            if (!(t instanceof Metatrack m)) throw new IllegalArgumentException("\"" + name + "\" is " + t.aKind() + "; only metatracks transform time — group it first");
            return p.replace(m.name(), m.withTime(time));
        }
        public String describe() { return "time of \"" + name + "\" to offset " + time.offset() + ", speed " + time.speed(); }
    }

    // ---- freeze ---------------------------------------------------------------------------------------------

    /**
     * Freezes track {@code name}: adds {@code wav} (its bounce: the track's output after its effects and fader, on
     * the absolute timeline from {@code startSeconds} for {@code lengthSeconds}) to the pool as {@code mediaId} and
     * replaces the track, in place, by an audio track of the same name playing that file, at 0 dB, centre, without
     * effects or lanes, keeping the original's mute, solo and sends. The clip is placed on the content timeline of
     * the track's metatrack and read at the rate that undoes that metatrack's speed and varispeed, so it sounds on
     * the same absolute samples at the recorded pitch. The frozen track records the track it replaced and where its
     * bounce starts ({@link AudioTrack#frozen()}), so {@link Unfreeze} needs only the name, after an undo, a redo or
     * a save and load too.
     *
     * @param original the track as it was; {@code Freeze.of} fills it in (when it is not the track in the project
     *                 the edit applies to, that track is what is recorded: it is what the bounce played)
     */
    record Freeze(String name, String mediaId, Path wav, double startSeconds, double lengthSeconds, Track original) implements Edit {
        public Freeze {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(wav, "wav");
            Objects.requireNonNull(original, "original");
            if (!(startSeconds >= 0)) throw new IllegalArgumentException("a freeze from " + startSeconds + " s; give a start at or after 0");
            if (!(lengthSeconds > 0)) throw new IllegalArgumentException("a freeze of " + lengthSeconds + " s; bounce a range longer than 0");
        }

        /** The freeze of {@code name} in {@code p}, remembering the track as it is now. */
        public static Freeze of(Project p, String name, String mediaId, Path wav, double startSeconds, double lengthSeconds) {
            return new Freeze(p.track(name).name(), mediaId, wav, startSeconds, lengthSeconds, p.track(name));
        }

        public Project apply(Project p) {
            Track t = p.track(name);
            if (t instanceof AudioTrack a && a.frozen() != null)
                throw new IllegalArgumentException("\"" + t.name() + "\" is frozen already; unfreeze(\"" + t.name() + "\") first");
            Metatrack parent = p.parentOf(t.name());
            TimeMap map = parent == null ? TimeMap.IDENTITY : Schedule.of(p).track(parent.name()).time();
            double local = map.local(startSeconds), len = lengthSeconds * map.speed();
            double rate = 1 / (map.speed() * map.varispeed());
            Project q = p.withPool(p.pool().with(mediaId, wav));
            AudioClip clip = new AudioClip(mediaId, Position.seconds(local), Position.seconds(len), 0, Fade.NONE, Fade.NONE,
                    Position.ZERO, false, false, rate);
            Strip s = t.strip();
            Strip frozen = new Strip(0, 0, s.mute(), s.solo(), List.of(), s.sends(), List.of());
            return q.replace(t.name(), new AudioTrack(t.name(), frozen, List.of(clip), new AudioTrack.Frozen(startSeconds, t)));
        }

        public String describe() { return "freeze \"" + name + "\""; }
    }

    /**
     * Unfreezes track {@code name}: puts the track it was frozen from back in its place (the one its
     * {@link AudioTrack#frozen()} records, renamed to its name now; or {@code original} when given), and drops the
     * frozen clips' file from the pool when no other clip plays it. Its mute, solo and sends are the original's.
     *
     * @param original null: the one the frozen track records
     */
    record Unfreeze(String name, Track original) implements Edit {
        /** Unfreezes {@code name} to the track it records. */
        public Unfreeze(String name) { this(name, null); }

        public Unfreeze { Objects.requireNonNull(name, "name"); }

        public Project apply(Project p) {
            Track t = p.track(name);
            if (!(t instanceof AudioTrack a) || (a.frozen() == null && original == null))
                throw new IllegalArgumentException("\"" + name + "\" is " + t.aKind() + " that is not frozen; freeze(\"" + t.name() + "\") first");
            Track back = original != null ? original : a.frozen().original();
            if (original != null && !original.name().equals(t.name())) throw new IllegalArgumentException("the original of \"" + name + "\" is named \"" + original.name() + "\"; unfreeze with the track it was frozen from");
            if (!back.name().equals(t.name())) back = back.withName(t.name());       // renamed while frozen
            Project q = p.replace(t.name(), back);
            for (AudioClip c : a.clips()) {
                boolean used = false;
                for (Track x : q.allTracks()) if (x instanceof AudioTrack o) for (AudioClip d : o.clips()) used |= d.source().equals(c.source());
                if (!used && q.pool().files().containsKey(c.source())) q = q.withPool(q.pool().without(c.source()));
            }
            return q;
        }

        public String describe() { return "unfreeze \"" + name + "\""; }
    }

    // ---- project --------------------------------------------------------------------------------------------

    /**
     * Several edits as one step (one undo), applied in order: e.g. {@code meta("verse", "drums", "bass").stretch(0.5)}
     * is a {@link Group} and a {@link SetTime}. All or nothing: if one is refused, the batch is refused with that
     * edit's message and its place in the batch.
     *
     * @param description what the step is called in {@code :undo}; null: the edits' descriptions joined
     */
    record Batch(String description, List<Edit> edits) implements Edit {
        public Batch {
            edits = List.copyOf(edits);
            if (edits.isEmpty()) throw new IllegalArgumentException("an empty batch of edits; give at least one edit");
        }
        public Project apply(Project p) {
            Project q = p;
            for (int i = 0; i < edits.size(); i++) {
                try {
                    q = edits.get(i).apply(q);
                } catch (IllegalArgumentException e) {
                    if (edits.size() == 1) throw e;
                    throw new IllegalArgumentException(e.getMessage() + " (in step " + (i + 1) + " of " + edits.size() + ", "
                            + edits.get(i).describe() + "; nothing was changed)", e);
                }
            }
            return q;
        }
        public String describe() {
            if (description != null) return description;
            List<String> d = new ArrayList<>();
            for (Edit e : edits) d.add(e.describe());
            return String.join(", ", d);
        }
    }

    /** Adds a file to the media pool under {@code id}. */
    record AddMedia(String id, Path file) implements Edit {
        public Project apply(Project p) {
            if (p.pool().files().containsKey(id)) throw new IllegalArgumentException("media id \"" + id + "\" is taken by " + p.pool().files().get(id) + "; choose another id");
            return p.withPool(p.pool().with(id, file));
        }
        public String describe() { return "add media \"" + id + "\""; }
    }

    /** Removes a file from the media pool; refused while a clip plays it. */
    record RemoveMedia(String id) implements Edit {
        public Project apply(Project p) {
            p.pool().file(id);
            for (Track t : p.allTracks())
                if (t instanceof AudioTrack a && a.clips().stream().anyMatch(c -> c.source().equals(id)))
                    throw new IllegalArgumentException("media \"" + id + "\" is still played by a clip on \"" + a.name() + "\"; remove those clips first");
            return p.withPool(p.pool().without(id));
        }
        public String describe() { return "remove media \"" + id + "\""; }
    }

    /** Sets the project's tempo and metre. */
    record SetTempo(Tempo tempo) implements Edit {
        public SetTempo { Objects.requireNonNull(tempo, "tempo"); }
        public Project apply(Project p) { return p.withTempo(tempo); }
        public String describe() { return "tempo " + tempo.bpm() + " BPM, " + tempo.beatsPerBar() + " beats per bar"; }
    }
}
