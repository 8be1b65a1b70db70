package dev.aether.link;

/**
 * The session's transport as Link shares it: playing or stopped, from the session beat {@code beats} (micro-beats),
 * decided at ghost time {@code timestampMicros} (the newest decision wins). Immutable; any thread.
 */
public record StartStopState(boolean playing, long beats, long timestampMicros) {
    /** What a peer holds before anyone has started or stopped: stopped, beat 0, timestamp 0. */
    public static final StartStopState NONE = new StartStopState(false, 0, 0);
}
