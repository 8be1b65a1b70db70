package dev.aether.arrange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An arrangement: a tempo, a media pool and a tree of tracks (the top level is the project's own timeline; a
 * {@link Metatrack} holds more). Immutable; every change returns a new project sharing the unchanged tracks, which is
 * what makes {@link History} cheap. Any thread.
 *
 * <p>Invariants, checked on construction (each violation is an {@link IllegalArgumentException} saying what to do):
 * track names are unique in the whole project; every send goes to a bus track, never to itself, and sends between
 * buses form no cycle; every clip's source is in the pool; every automation lane of an effect names an effect that
 * exists in its chain, and a lane of an instrument is on an instrument track.
 *
 * <p>Tracks are addressed by name ({@code "bass"}) or by path from the top ({@code "verse/bass"}).
 */
public record Project(Tempo tempo, MediaPool pool, List<Track> tracks) {
    public Project {
        Objects.requireNonNull(tempo, "tempo");
        Objects.requireNonNull(pool, "pool");
        tracks = List.copyOf(tracks);
        validate(pool, tracks);
    }

    /** An empty project at {@code tempo}. */
    public static Project empty(Tempo tempo) { return new Project(tempo, MediaPool.EMPTY, List.of()); }

    /** Bar {@code bar} (from 1), beat 1, in this project's metre. */
    public Position bar(int bar) { return Position.bar(bar, tempo.beatsPerBar()); }

    /** Bar {@code bar}, beat {@code beat} (both from 1; the beat may be fractional), in this project's metre. */
    public Position bar(int bar, double beat) { return Position.bar(bar, beat, tempo.beatsPerBar()); }

    /** {@code n} bars as a length, in this project's metre. */
    public Position bars(long n) { return Position.bars(n, tempo.beatsPerBar()); }

    public Project withTempo(Tempo t) { return new Project(t, pool, tracks); }
    public Project withPool(MediaPool p) { return new Project(tempo, p, tracks); }
    public Project withTracks(List<Track> t) { return new Project(tempo, pool, t); }

    /** Every track's name, depth first in the order they are drawn. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        walk(tracks, t -> out.add(t.name()));
        return out;
    }

    /** Every track, depth first. */
    public List<Track> allTracks() {
        List<Track> out = new ArrayList<>();
        walk(tracks, out::add);
        return out;
    }

    /** True when a track of that name exists anywhere. */
    public boolean has(String name) { return find(tracks, name, new ArrayList<>()) != null; }

    /**
     * The track named {@code nameOrPath} ({@code "bass"} or {@code "verse/bass"}).
     *
     * @throws IllegalArgumentException naming the missing track and listing the tracks there are
     */
    public Track track(String nameOrPath) {
        List<String> path = path(nameOrPath);
        return find(tracks, path.get(path.size() - 1), new ArrayList<>());
    }

    /** The names from the top down to the track {@code nameOrPath}, itself included. */
    public List<String> path(String nameOrPath) {
        String[] parts = nameOrPath.split("/", -1);
        String name = parts[parts.length - 1];
        List<String> path = new ArrayList<>();
        if (find(tracks, name, path) == null) throw new IllegalArgumentException(noSuch(name));
        if (parts.length > 1 && !path.equals(List.of(parts)))
            throw new IllegalArgumentException("no track at \"" + nameOrPath + "\"; \"" + name + "\" is at \"" + String.join("/", path) + "\"");
        return path;
    }

    /** The metatrack holding {@code name}, or null when it is on the top level. */
    public Metatrack parentOf(String name) {
        List<String> p = path(name);
        return p.size() == 1 ? null : (Metatrack) track(p.get(p.size() - 2));
    }

    /** The message for a name that is not a track. */
    String noSuch(String name) {
        List<String> names = names();
        String list = names.isEmpty() ? "the project has no tracks yet"
                : "tracks: " + String.join(", ", names.size() > 30 ? names.subList(0, 30) : names) + (names.size() > 30 ? ", …" : "");
        return "no track named \"" + name + "\"; " + list;
    }

    /** This project with the track called {@code name} replaced by {@code t} (which may have a new name). */
    public Project replace(String name, Track t) {
        path(name);
        return withTracks(replaceIn(tracks, name, t));
    }

    /** This project without the track {@code name} (and, for a metatrack, everything inside it). */
    public Project remove(String name) {
        path(name);
        return withTracks(removeIn(tracks, name));
    }

    /**
     * This project with {@code t} inserted into metatrack {@code parent} (null: the top level) at {@code index}
     * (0..size; -1 appends).
     */
    public Project add(String parent, int index, Track t) {
        if (parent == null) return withTracks(insert(tracks, index, t, "the top level"));
        Track p = track(parent);
        if (!(p instanceof Metatrack m))
            throw new IllegalArgumentException("\"" + parent + "\" is " + p.aKind() + ", not a metatrack; add tracks to a metatrack or the top level");
        return replace(m.name(), m.withChildren(insert(m.children(), index, t, "metatrack \"" + m.name() + "\"")));
    }

    /** This project with {@code t} appended to the top level. */
    public Project add(Track t) { return add(null, -1, t); }

    /** The children of {@code parent} (null: the top level). */
    public List<Track> children(String parent) {
        if (parent == null) return tracks;
        Track p = track(parent);
        if (p instanceof Metatrack m) return m.children();
        throw new IllegalArgumentException("\"" + parent + "\" is " + p.aKind() + ", not a metatrack");
    }

    private static List<Track> insert(List<Track> list, int index, Track t, String where) {
        if (index < -1 || index > list.size())
            throw new IllegalArgumentException("index " + index + " in " + where + "; give 0.." + list.size() + " (or -1 to append)");
        List<Track> l = new ArrayList<>(list);
        l.add(index == -1 ? l.size() : index, t);
        return l;
    }

    private static List<Track> replaceIn(List<Track> list, String name, Track t) {
        List<Track> out = new ArrayList<>(list.size());
        boolean changed = false;
        for (Track x : list) {
            if (x.name().equals(name)) { out.add(t); changed = true; }
            else if (x instanceof Metatrack m) {
                List<Track> c = replaceIn(m.children(), name, t);
                if (c != m.children()) { out.add(m.withChildren(c)); changed = true; } else out.add(x);
            } else out.add(x);
        }
        return changed ? out : list;
    }

    private static List<Track> removeIn(List<Track> list, String name) {
        List<Track> out = new ArrayList<>(list.size());
        boolean changed = false;
        for (Track x : list) {
            if (x.name().equals(name)) { changed = true; continue; }
            if (x instanceof Metatrack m) {
                List<Track> c = removeIn(m.children(), name);
                if (c != m.children()) { out.add(m.withChildren(c)); changed = true; continue; }
            }
            out.add(x);
        }
        return changed ? out : list;
    }

    private static Track find(List<Track> list, String name, List<String> path) {
        for (Track t : list) {
            path.add(t.name());
            if (t.name().equals(name)) return t;
            if (t instanceof Metatrack m) {
                Track f = find(m.children(), name, path);
                if (f != null) return f;
            }
            path.remove(path.size() - 1);
        }
        return null;
    }

    static void walk(List<Track> list, java.util.function.Consumer<Track> f) {
        for (Track t : list) {
            f.accept(t);
            if (t instanceof Metatrack m) walk(m.children(), f);
        }
    }

    private static void validate(MediaPool pool, List<Track> tracks) {
        Map<String, Track> byName = new HashMap<>();
        walk(tracks, t -> {
            if (byName.put(t.name(), t) != null)
                throw new IllegalArgumentException("two tracks are named \"" + t.name() + "\"; track names must be unique — rename one");
        });
        Map<String, List<String>> busSends = new HashMap<>();
        for (Track t : byName.values()) {
            for (Send s : t.strip().sends()) {
                Track to = byName.get(s.bus());
                if (!(to instanceof BusTrack))
                    throw new IllegalArgumentException("track \"" + t.name() + "\" sends to \"" + s.bus() + "\", which is "
                            + (to == null ? "not a track" : to.aKind()) + "; send to a bus track"
                            + (to == null ? " (add it first)" : ""));
                if (s.bus().equals(t.name())) throw new IllegalArgumentException("bus \"" + t.name() + "\" sends to itself; remove that send");
                if (t instanceof BusTrack) busSends.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(s.bus());
            }
            int effects = t.strip().effects().size();
            for (Lane l : t.strip().lanes()) {
                if (l.target().effect() == Lane.Target.INSTRUMENT && !(t instanceof InstrumentTrack))
                    throw new IllegalArgumentException("track \"" + t.name() + "\" automates " + l.target() + " but it is " + t.aKind()
                            + "; automate the instrument of an instrument track");
                if (l.target().effect() >= effects)
                    throw new IllegalArgumentException("track \"" + t.name() + "\" automates " + l.target() + " but its chain has "
                            + effects + " effect" + (effects == 1 ? "" : "s") + "; automate an effect that exists");
            }
            if (t instanceof AudioTrack a)
                for (AudioClip c : a.clips())
                    if (!pool.files().containsKey(c.source()))
                        throw new IllegalArgumentException("a clip on \"" + t.name() + "\" plays \"" + c.source() + "\", which is not in the media pool; add the file to the pool first");
        }
        for (String bus : busSends.keySet()) checkNoCycle(bus, busSends, new HashSet<>(), new ArrayList<>());
    }

    private static void checkNoCycle(String bus, Map<String, List<String>> sends, Set<String> done, List<String> stack) {
        if (stack.contains(bus)) {
            List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(bus), stack.size()));
            cycle.add(bus);
            throw new IllegalArgumentException("buses send in a circle: " + String.join(" → ", cycle) + "; remove one of those sends");
        }
        if (!done.add(bus)) return;
        stack.add(bus);
        for (String to : sends.getOrDefault(bus, List.of())) checkNoCycle(to, sends, done, stack);
        stack.remove(stack.size() - 1);
    }
}
