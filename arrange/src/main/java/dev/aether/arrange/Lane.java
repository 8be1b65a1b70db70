package dev.aether.arrange;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An automation lane: the value of one parameter of a track over time, as points joined by {@link Curve} segments.
 * Point times are on the timeline of the track's contents (for a track inside a metatrack, that metatrack's inner
 * timeline; for a metatrack, its own inner timeline), so a lane follows every time transform its clips follow.
 * Before the first point the lane holds the first value, after the last point the last value. Immutable.
 *
 * @param target what the lane drives
 * @param points its points, kept in the order given; a player sees them sorted by time (a stable sort, so two
 *               points at the same time, a jump, keep their order: the later one's value holds from there)
 */
public record Lane(Target target, List<Point> points) {
    /**
     * A point of a lane.
     *
     * @param time  on the track's content timeline
     * @param value the parameter's value there (in the parameter's unit: dB for volume, -1..1 for pan)
     * @param curve the shape of the segment from this point to the next
     */
    public record Point(Position time, double value, Curve curve) {
        public Point {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(curve, "curve");
            if (!Double.isFinite(value)) throw new IllegalArgumentException("automation value " + value + " at " + time + "; give a finite number");
        }
    }

    /**
     * A parameter a lane can drive: the track's {@code volume} (dB) or {@code pan} (-1..1), parameter {@code param}
     * of the effect at index {@code effect} (from 0) of the track's effect chain, or parameter {@code param} of an
     * instrument track's instrument. Text form: {@code "volume"}, {@code "pan"}, {@code "fx[2].cutoffHz"},
     * {@code "instrument.cutoffHz"}.
     *
     * @param effect index in the effect chain, {@link #STRIP} for the track's own volume/pan, {@link #INSTRUMENT}
     *               for the instrument
     * @param param  parameter name
     */
    public record Target(int effect, String param) {
        /** The {@code effect} of the track's own volume and pan. */
        public static final int STRIP = -1;
        /** The {@code effect} of an instrument track's instrument. */
        public static final int INSTRUMENT = -2;
        public static final Target VOLUME = new Target(STRIP, "volume");
        public static final Target PAN = new Target(STRIP, "pan");

        public Target {
            Objects.requireNonNull(param, "param");
            if (effect < INSTRUMENT) throw new IllegalArgumentException("effect index " + effect + "; give 0 or more (or -1 for the track's volume/pan, -2 for its instrument)");
            if (effect == -1 && !param.equals("volume") && !param.equals("pan"))
                throw new IllegalArgumentException("a track has no parameter \"" + param + "\"; automate \"volume\", \"pan\" or \"fx[i].param\" of an effect");
            if (param.isBlank()) throw new IllegalArgumentException("an automation target without a parameter name; write \"fx[i].param\"");
        }

        /** Parameter {@code param} of the effect at {@code index}. */
        public static Target effect(int index, String param) { return new Target(index, param); }

        /** Parameter {@code param} of the track's instrument. */
        public static Target instrument(String param) { return new Target(INSTRUMENT, param); }

        /** Reads {@code "volume"}, {@code "pan"}, {@code "fx[i].param"} or {@code "instrument.param"}. */
        public static Target parse(String text) {
            String t = text.strip();
            if (t.equals("volume")) return VOLUME;
            if (t.equals("pan")) return PAN;
            if (t.startsWith("instrument.") && t.length() > 11) return instrument(t.substring(11));
            if (t.startsWith("fx[")) {
                int close = t.indexOf("].");
                if (close > 3) {
                    try { return effect(Integer.parseInt(t.substring(3, close)), t.substring(close + 2)); }
                    catch (NumberFormatException e) { /* below */ }
                }
            }
            throw new IllegalArgumentException("\"" + text + "\" is not an automation target; write \"volume\", \"pan\", \"fx[i].param\" (e.g. \"fx[0].cutoffHz\") or \"instrument.param\"");
        }

        @Override public String toString() {
            return effect == STRIP ? param : effect == INSTRUMENT ? "instrument." + param : "fx[" + effect + "]." + param;
        }
    }

    public Lane {
        Objects.requireNonNull(target, "target");
        points = List.copyOf(points);
    }

    /** This lane with {@code p} appended (after any point at the same time). */
    public Lane with(Point p) {
        List<Point> l = new ArrayList<>(points);
        l.add(p);
        return new Lane(target, l);
    }
}
