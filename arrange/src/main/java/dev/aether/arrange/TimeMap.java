package dev.aether.arrange;

/**
 * The composed time transform from a track's content timeline to the project's absolute timeline, in seconds:
 * {@code absolute = offsetSeconds + local / speed}. Built by {@link Schedule} from the {@link TimeTransform}s of every
 * metatrack above (and, for a metatrack's own contents, including) a track. Immutable.
 *
 * @param offsetSeconds where local zero lies on the absolute timeline
 * @param speed         the product of the speeds
 * @param transpose     the sum of the transposes (semitones, for MIDI)
 * @param varispeed     the product of the varispeeds (for audio)
 */
public record TimeMap(double offsetSeconds, double speed, int transpose, double varispeed) {
    /** The project's own timeline. */
    public static final TimeMap IDENTITY = new TimeMap(0, 1, 0, 1);

    /** Absolute seconds of local seconds {@code local}. */
    public double absolute(double local) { return offsetSeconds + local / speed; }

    /** Local seconds of absolute seconds {@code absolute} (the inverse of {@link #absolute}). */
    public double local(double absolute) { return (absolute - offsetSeconds) * speed; }

    /**
     * The map of a metatrack's inner timeline whose transform is {@code t}, placed on the timeline this map
     * describes: offsets are scaled by the outer speed, speeds and varispeeds multiply, transposes add.
     */
    public TimeMap then(TimeTransform t, Tempo tempo) {
        return new TimeMap(absolute(t.offset().seconds(tempo)), speed * t.speed(), transpose + t.transpose(), varispeed * t.varispeed());
    }
}
