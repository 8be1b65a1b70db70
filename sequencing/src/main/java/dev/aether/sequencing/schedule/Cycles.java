package dev.aether.sequencing.schedule;

import dev.aether.core.time.Rational;
import dev.aether.core.time.TempoMap;

/** Pattern cycles and the tempo map's beats: cycle {@code n} is bar {@code n}, whatever its metre. Exact; any thread. */
final class Cycles {
    private Cycles() {}

    /** The beat at which cycle {@code cycle} (0 or later) is: its bar's first beat plus the fraction of that bar. */
    static Rational beatOf(TempoMap map, Rational cycle) {
        long bar = cycle.floor();
        Rational start = map.barStartBeat(bar);
        return start.plus(cycle.minus(Rational.of(bar)).times(map.beatsPerBarAt(start)));
    }

    /** The cycle at beat {@code beat} (0 or later): its bar plus the fraction of that bar. */
    static Rational cycleOf(TempoMap map, Rational beat) {
        long bar = map.barOf(beat);
        Rational start = map.barStartBeat(bar);
        return Rational.of(bar).plus(beat.minus(start).dividedBy(map.beatsPerBarAt(start)));
    }
}
