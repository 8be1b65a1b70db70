package dev.aether.osc;

/** A message the address space does not carry out: why (a sentence) and which counter counts it. Any thread. */
final class OscRejected extends Exception {
    private static final long serialVersionUID = 1L;

    enum Kind { UNKNOWN_ADDRESS, BAD_ARGUMENTS, REFUSED }

    final Kind kind;

    OscRejected(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }
}
