package dev.aether.arrange;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What every track has in common: its mixer strip. Immutable; {@code with…} returns changed copies.
 *
 * @param volumeDb fader in dB, at most +24 ({@code -Infinity} = silent)
 * @param pan      -1 (left) .. 1 (right)
 * @param mute     muted (a muted metatrack mutes everything inside it)
 * @param solo     soloed (see {@link Schedule} for the exact solo rule)
 * @param effects  the effect chain in signal order, as recipes the console turns into nodes, e.g.
 *                 {@code "lowpass(800)"}
 * @param sends    sends to bus tracks
 * @param lanes    automation lanes, at most one per target
 */
public record Strip(double volumeDb, double pan, boolean mute, boolean solo, List<String> effects, List<Send> sends,
                    List<Lane> lanes) {
    /** 0 dB, centre, no effects, sends or lanes. */
    public static final Strip DEFAULT = new Strip(0, 0, false, false, List.of(), List.of(), List.of());

    public Strip {
        if (!(volumeDb <= 24) || Double.isNaN(volumeDb))
            throw new IllegalArgumentException("volume " + volumeDb + " dB; give a volume ≤ +24 dB");
        if (!(pan >= -1 && pan <= 1)) throw new IllegalArgumentException("pan " + pan + "; give -1 (left) .. 1 (right)");
        effects = List.copyOf(effects);
        for (String e : effects)
            if (e.isBlank()) throw new IllegalArgumentException("an empty effect recipe; give one like \"lowpass(800)\"");
        sends = List.copyOf(sends);
        lanes = List.copyOf(lanes);
        for (int i = 0; i < lanes.size(); i++)
            for (int j = 0; j < i; j++)
                if (lanes.get(i).target().equals(lanes.get(j).target()))
                    throw new IllegalArgumentException("two automation lanes for " + lanes.get(i).target() + "; merge their points into one lane");
    }

    public Strip withVolumeDb(double v) { return new Strip(v, pan, mute, solo, effects, sends, lanes); }
    public Strip withPan(double p) { return new Strip(volumeDb, p, mute, solo, effects, sends, lanes); }
    public Strip withMute(boolean m) { return new Strip(volumeDb, pan, m, solo, effects, sends, lanes); }
    public Strip withSolo(boolean s) { return new Strip(volumeDb, pan, mute, s, effects, sends, lanes); }
    public Strip withEffects(List<String> e) { return new Strip(volumeDb, pan, mute, solo, e, sends, lanes); }
    public Strip withSends(List<Send> s) { return new Strip(volumeDb, pan, mute, solo, effects, s, lanes); }
    public Strip withLanes(List<Lane> l) { return new Strip(volumeDb, pan, mute, solo, effects, sends, l); }

    /** The lane for {@code target}, or null. */
    public Lane lane(Lane.Target target) {
        for (Lane l : lanes) if (l.target().equals(target)) return l;
        return null;
    }

    /** This strip with {@code lane} replacing any lane of the same target. */
    public Strip withLane(Lane lane) {
        List<Lane> l = new ArrayList<>();
        for (Lane x : lanes) if (!x.target().equals(lane.target())) l.add(x);
        l.add(Objects.requireNonNull(lane, "lane"));
        return withLanes(l);
    }
}
