package dev.aether.arrange;

import java.util.Objects;

/**
 * A bus: mixes what other tracks send to it (see {@link Send}) through its strip. A solo-safe bus stays audible when
 * other tracks are soloed (for a shared reverb). Immutable.
 */
public record BusTrack(String name, Strip strip, boolean soloSafe) implements Track {
    public BusTrack {
        Track.checkName(name);
        Objects.requireNonNull(strip, "strip");
    }

    /** A bus with a default strip, not solo-safe. */
    public static BusTrack named(String name) { return new BusTrack(name, Strip.DEFAULT, false); }

    @Override public BusTrack withName(String n) { return new BusTrack(n, strip, soloSafe); }
    @Override public BusTrack withStrip(Strip s) { return new BusTrack(name, s, soloSafe); }
    @Override public String kind() { return "bus"; }
    public BusTrack withSoloSafe(boolean s) { return new BusTrack(name, strip, s); }

}
