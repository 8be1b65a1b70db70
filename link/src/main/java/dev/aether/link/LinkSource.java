package dev.aether.link;

/** Where a {@link LinkClockFollower} reads the session and sends its proposals: a {@link LinkPeer}, or a test's fake. */
public interface LinkSource {
    /** The session now. Any thread. */
    LinkState state();

    /** Proposes a tempo to the session. Any thread. */
    void tempo(double bpm);

    /** Starts or stops the session's transport at host time {@code atHostMicros}. Any thread. */
    void playing(boolean playing, long atHostMicros);
}
