package dev.aether.link;

/** A datagram that is not a well-formed Link message; the message says what was wrong. The peer counts and drops it. */
public final class MalformedPacketException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedPacketException(String reason) { super(reason, null, false, false); }
}
