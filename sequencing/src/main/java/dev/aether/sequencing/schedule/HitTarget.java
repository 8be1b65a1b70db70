package dev.aether.sequencing.schedule;

import dev.aether.nodes.drum.Hits;

/** A drum or sample kit ({@link Hits}) played by a pattern of hit names ({@code bd sn hh}); a hit ignores its length. */
final class HitTarget implements PatternTarget<Integer> {
    private final Hits kit;
    private final double velocity;

    HitTarget(Hits kit, double velocity) {
        this.kit = kit;
        this.velocity = PatternTarget.checkVelocity(velocity);
    }

    @Override public String description() { return "kit (" + String.join(" ", kit.names()) + ")"; }

    @Override public Integer valueOf(Object token) { return kit.keyOf(String.valueOf(token).strip()); }

    @Override public boolean send(Integer key, long onsetSample, long offsetSample) {
        return kit.hitAt(key, onsetSample, velocity);
    }
}
