package dev.aether.arrange;

import java.util.Objects;

/**
 * A send from a track to a bus track. Immutable.
 *
 * @param bus       the name of the bus track it feeds
 * @param levelDb   send level in dB, at most +24 ({@code -Infinity} = silent)
 * @param preFader  true: taken before the track's volume, pan and mute; false: after them
 */
public record Send(String bus, double levelDb, boolean preFader) {
    public Send {
        Objects.requireNonNull(bus, "bus");
        if (!(levelDb <= 24) || Double.isNaN(levelDb))
            throw new IllegalArgumentException("send to \"" + bus + "\" at " + levelDb + " dB; give a level ≤ +24 dB");
    }
}
