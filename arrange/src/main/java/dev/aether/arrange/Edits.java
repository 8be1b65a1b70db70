package dev.aether.arrange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The tree surgery behind {@link Edit}: grouping, ungrouping with the time transform baked in, moving. */
final class Edits {
    private Edits() {}

    static List<Track> mapAll(List<Track> list, UnaryOperator<Track> f) {
        List<Track> out = new ArrayList<>(list.size());
        for (Track t : list) {
            Track x = f.apply(t);
            if (x instanceof Metatrack m) x = m.withChildren(mapAll(m.children(), f));
            out.add(x);
        }
        return out;
    }

    /** Lanes after inserting (+1) or removing (-1) the effect at {@code at}. */
    static List<Lane> shiftLanes(List<Lane> lanes, int at, int delta) {
        List<Lane> out = new ArrayList<>();
        for (Lane l : lanes) {
            int e = l.target().effect();
            if (e < 0 || e < at) out.add(l);
            else if (delta < 0 && e == at) continue;
            else out.add(new Lane(new Lane.Target(e + delta, l.target().param()), l.points()));
        }
        return out;
    }

    static AudioTrack audio(Project p, String name) {
        Track t = p.track(name);
        if (t instanceof AudioTrack a) return a;
        throw new IllegalArgumentException("\"" + name + "\" is " + t.aKind() + "; audio clips go on audio tracks");
    }

    static InstrumentTrack instrument(Project p, String name) {
        Track t = p.track(name);
        if (t instanceof InstrumentTrack i) return i;
        throw new IllegalArgumentException("\"" + name + "\" is " + t.aKind() + "; MIDI clips go on instrument tracks");
    }

    static Project group(Project p, String name, List<String> members) {
        Track.checkName(name);
        if (p.has(name)) throw new IllegalArgumentException("a track named \"" + name + "\" exists already; choose another name for the metatrack");
        if (members.isEmpty()) throw new IllegalArgumentException("group \"" + name + "\" of no tracks; name the tracks to group");
        Set<String> set = new HashSet<>();
        String parent = null;
        for (int i = 0; i < members.size(); i++) {
            Track t = p.track(members.get(i));
            if (!set.add(t.name())) throw new IllegalArgumentException("\"" + t.name() + "\" is named twice in the selection; name each track once");
            Metatrack par = p.parentOf(t.name());
            String parName = par == null ? null : par.name();
            if (i == 0) parent = parName;
            else if (!java.util.Objects.equals(parent, parName))
                throw new IllegalArgumentException("\"" + members.get(0) + "\" and \"" + t.name() + "\" are in different metatracks ("
                        + (parent == null ? "top level" : parent) + ", " + (parName == null ? "top level" : parName) + "); move them together first");
        }
        List<Track> siblings = p.children(parent), grouped = new ArrayList<>(), rest = new ArrayList<>();
        int at = -1;
        for (Track t : siblings) {
            if (set.contains(t.name())) { if (at < 0) at = rest.size(); grouped.add(t); }
            else rest.add(t);
        }
        rest.add(at, Metatrack.of(name, grouped));
        return parent == null ? p.withTracks(rest) : p.replace(parent, ((Metatrack) p.track(parent)).withChildren(rest));
    }

    static Project ungroup(Project p, String name) {
        Track t = p.track(name);
        if (!(t instanceof Metatrack m)) throw new IllegalArgumentException("\"" + name + "\" is " + t.aKind() + ", not a metatrack; only metatracks ungroup");
        Metatrack parent = p.parentOf(m.name());
        List<Track> siblings = new ArrayList<>();
        for (Track s : parent == null ? p.tracks() : parent.children()) {
            if (s == m) for (Track c : m.children()) siblings.add(bake(c, m, p.tempo()));
            else siblings.add(s);
        }
        return parent == null ? p.withTracks(siblings) : p.replace(parent.name(), parent.withChildren(siblings));
    }

    static Project flatten(Project p, String name) {
        Track t = p.track(name);
        if (!(t instanceof Metatrack m)) throw new IllegalArgumentException("\"" + name + "\" is " + t.aKind() + ", not a metatrack; only metatracks flatten");
        return p.replace(m.name(), m.withChildren(flatList(m.children(), p.tempo())));
    }

    private static List<Track> flatList(List<Track> list, Tempo tempo) {
        List<Track> out = new ArrayList<>();
        for (Track c : list) {
            if (c instanceof Metatrack cm) {
                Metatrack flat = cm.withChildren(flatList(cm.children(), tempo));
                for (Track g : flat.children()) out.add(bake(g, flat, tempo));
            } else out.add(c);
        }
        return out;
    }

    static Project move(Project p, String name, String parent, int index) {
        Track t = p.track(name);
        if (parent != null && p.path(parent).contains(t.name()))
            throw new IllegalArgumentException("cannot move \"" + t.name() + "\" into \"" + parent + "\", which is " + (p.track(parent) == t ? "itself" : "inside it") + "; choose a metatrack outside it");
        return p.remove(t.name()).add(parent, index, t);
    }

    /** Child {@code c} of {@code m}, rewritten to play the same one level up (on {@code m}'s parent's timeline). */
    static Track bake(Track c, Metatrack m, Tempo tempo) {
        TimeTransform T = m.time();
        UnaryOperator<Position> at = x -> T.offset().plus(x.dividedBy(T.speed(), tempo), tempo);
        UnaryOperator<Position> len = x -> x.dividedBy(T.speed(), tempo);
        Strip ms = m.strip(), s = c.strip();
        double vol = s.volumeDb() + ms.volumeDb();
        if (vol > 24) throw new IllegalArgumentException("ungrouping \"" + m.name() + "\" would raise \"" + c.name() + "\" to " + vol + " dB; lower one of the two faders first");
        List<Lane> lanes = new ArrayList<>();
        for (Lane l : s.lanes()) {
            List<Lane.Point> pts = new ArrayList<>();
            for (Lane.Point pt : l.points())
                pts.add(new Lane.Point(c instanceof Metatrack ? pt.time() : at.apply(pt.time()),
                        l.target().equals(Lane.Target.VOLUME) ? pt.value() + ms.volumeDb() : pt.value(), pt.curve()));
            lanes.add(new Lane(l.target(), pts));
        }
        Track out = c.withStrip(s.withVolumeDb(vol).withMute(s.mute() || ms.mute()).withSolo(s.solo() || ms.solo()).withLanes(lanes));
        if (out instanceof AudioTrack a) {
            List<AudioClip> clips = new ArrayList<>();
            for (AudioClip k : a.clips())
                clips.add(k.withStart(at.apply(k.start())).withLength(len.apply(k.length()))
                        .withFadeIn(new Fade(len.apply(k.fadeIn().length()), k.fadeIn().curve()))
                        .withFadeOut(new Fade(len.apply(k.fadeOut().length()), k.fadeOut().curve()))
                        .withRate(k.rate() * T.speed() * T.varispeed()));
            return a.withClips(clips);
        }
        if (out instanceof InstrumentTrack i) {
            List<MidiClip> clips = new ArrayList<>();
            for (MidiClip k : i.clips()) {
                List<Note> notes = new ArrayList<>();
                for (Note n : k.notes()) {
                    int key = n.key() + T.transpose();
                    if (key < 0 || key > 127)
                        throw new IllegalArgumentException("ungrouping \"" + m.name() + "\" would transpose key " + n.key() + " of \"" + c.name()
                                + "\" to " + key + ", outside 0..127; change the transpose or the note first");
                    notes.add(new Note(len.apply(n.start()), len.apply(n.length()), key, n.velocity()));
                }
                clips.add(new MidiClip(at.apply(k.start()), len.apply(k.length()), notes));
            }
            return i.withClips(clips);
        }
        if (out instanceof Metatrack cm) {
            TimeTransform ct = cm.time();
            return cm.withTime(new TimeTransform(at.apply(ct.offset()), ct.speed() * T.speed(), ct.transpose() + T.transpose(), ct.varispeed() * T.varispeed()));
        }
        return out;
    }
}
