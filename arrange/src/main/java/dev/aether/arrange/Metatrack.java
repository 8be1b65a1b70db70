package dev.aether.arrange;

import java.util.List;
import java.util.Objects;

/**
 * A group of tracks and metatracks (nesting has no limit but the stack; 20 levels are tested) that transforms time
 * for all of them ({@link TimeTransform}) and mixes them through its own strip: its effects process its children's
 * mix, its volume and pan apply to that mix, its mute mutes them all. Immutable.
 */
public record Metatrack(String name, Strip strip, TimeTransform time, List<Track> children) implements Track {
    public Metatrack {
        Track.checkName(name);
        Objects.requireNonNull(strip, "strip");
        Objects.requireNonNull(time, "time");
        children = List.copyOf(children);
    }

    /** A metatrack of {@code children} with a default strip and no time transform. */
    public static Metatrack of(String name, List<Track> children) { return new Metatrack(name, Strip.DEFAULT, TimeTransform.IDENTITY, children); }

    @Override public Metatrack withName(String n) { return new Metatrack(n, strip, time, children); }
    @Override public Metatrack withStrip(Strip s) { return new Metatrack(name, s, time, children); }
    @Override public String kind() { return "meta"; }
    public Metatrack withTime(TimeTransform t) { return new Metatrack(name, strip, t, children); }
    public Metatrack withChildren(List<Track> c) { return new Metatrack(name, strip, time, c); }
}
