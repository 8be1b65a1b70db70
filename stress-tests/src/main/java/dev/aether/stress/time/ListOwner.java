package dev.aether.stress.time;

import dev.aether.core.time.PendingEvents;
import dev.aether.core.time.TimedTarget;

/**
 * A target that keeps its events in its own {@link PendingEvents}, as a gate or a parameter does: {@link #acceptRt}
 * inserts ({@code addRt}) and notes an overflow; {@link #renderRt} plays everything waiting (hands each event to the
 * {@link Events} log as target 0, then {@code removeRt}). Both run on the thread that runs the target.
 */
final class ListOwner implements TimedTarget {
    final PendingEvents list;
    private final Events log;
    private boolean overflowed;
    private int accepts;

    ListOwner(int capacity, Events log) {
        this.list = new PendingEvents(capacity);
        this.log = log;
    }

    @Override
    public void acceptRt(int kind, int key, long atSample, double a, double b) {
        accepts++;
        if (!list.addRt(kind, key, atSample, a, b)) overflowed = true;
    }

    /** Plays (records and removes) every event waiting, in the list's order; how many. */
    int renderRt() {
        int played = 0;
        while (!list.isEmptyRt()) {
            log.received(0, list.kindRt(), list.keyRt(), list.atRt(), list.aRt(), list.bRt());
            list.removeRt();
            played++;
        }
        return played;
    }

    /** True when {@code addRt} ever found the list full. */
    boolean overflowed() { return overflowed; }

    /** Calls of {@link #acceptRt} so far (by whichever thread ran them). */
    int accepts() { return accepts; }
}
