package dev.aether.arrange;

/**
 * A track of a {@link Project}: audio, instrument, bus or metatrack. Every track has a name unique in the whole
 * project (1..64 characters, no {@code '/'}, which separates the names of a path such as {@code "verse/drums"}) and a
 * mixer {@link Strip}. Immutable.
 */
public sealed interface Track permits AudioTrack, InstrumentTrack, BusTrack, Metatrack {
    String name();

    Strip strip();

    /** This track renamed. */
    Track withName(String name);

    /** This track with another strip. */
    Track withStrip(Strip strip);

    /** What kind of track this is, in one word: {@code audio}, {@code instrument}, {@code bus}, {@code meta}. */
    String kind();

    /** The kind with its article, for messages: "an audio track", "an instrument track", "a bus", "a metatrack". */
    default String aKind() {
        switch (kind()) {
            case "audio": return "an audio track";
            case "instrument": return "an instrument track";
            case "bus": return "a bus";
            default: return "a metatrack";
        }
    }

    /** Checks a track name; the message says what to do. */
    static String checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 64 || name.indexOf('/') >= 0 || !name.strip().equals(name))
            throw new IllegalArgumentException("\"" + name + "\" is not a track name; give 1..64 characters without '/' or surrounding spaces");
        return name;
    }
}
