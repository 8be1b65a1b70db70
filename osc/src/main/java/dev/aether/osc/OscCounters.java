package dev.aether.osc;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the OSC server received and what it did with it. Written by the OSC thread, read by any thread (each counter
 * on its own; a summary is not one instant).
 */
public final class OscCounters {
    final AtomicLong packets = new AtomicLong();
    final AtomicLong applied = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong unknown = new AtomicLong();
    final AtomicLong badArguments = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong late = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong full = new AtomicLong();
    final AtomicLong replies = new AtomicLong();
    private volatile String lastError;

    /** UDP packets received (a bundle counts once). */
    public long packets() { return packets.get(); }
    /** Messages carried out. */
    public long applied() { return applied.get(); }
    /** Packets that were not OSC (could not be parsed); dropped. */
    public long malformed() { return malformed.get(); }
    /** Messages to an address aether does not have; dropped. */
    public long unknownAddresses() { return unknown.get(); }
    /** Messages with missing or wrongly typed arguments, or naming a slot or parameter that does not exist; dropped. */
    public long badArguments() { return badArguments.get(); }
    /** {@code /aether/eval} messages refused: no token set at start-up, or a wrong token. Never evaluated. */
    public long refused() { return refused.get(); }
    /** Bundles whose timetag named a sample already played or too close to reach; played at once. */
    public long lateBundles() { return late.get(); }
    /** Timed events a full queue refused at first and that were offered again (newest value per parameter). */
    public long retried() { return retried.get(); }
    /** Notes and hits dropped because the instrument's event queue (or the engine's channel) was full. */
    public long full() { return full.get(); }
    /** Replies sent. */
    public long replies() { return replies.get(); }
    /** The last problem, as a sentence, or null. */
    public String lastError() { return lastError; }

    /** Counts a dropped message in {@code counter} and keeps {@code why} as the last error. */
    void drop(AtomicLong counter, String why) {
        lastError = why;                                    // first: whoever sees the count sees its reason
        counter.incrementAndGet();
    }

    /** Every counter on one line, then the last error. */
    public String summary() {
        return "packets " + packets() + ", applied " + applied() + ", malformed " + malformed() + ", unknown address "
                + unknownAddresses() + ", bad arguments " + badArguments() + ", refused eval " + refused()
                + ", late bundles " + lateBundles() + ", retried " + retried() + ", queue full " + full() + ", replies " + replies()
                + "\nlast error: " + (lastError == null ? "none" : lastError);
    }
}
