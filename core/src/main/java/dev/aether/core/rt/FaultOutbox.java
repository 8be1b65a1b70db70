package dev.aether.core.rt;

import dev.aether.core.RealtimeSafe;
import dev.aether.core.command.EventRing;
import dev.aether.core.graph.NodeSlot;

/**
 * The worker's fault reports, held until the audio thread (the event ring's one producer) passes them on. Filled by
 * the worker during a segment, drained by the audio thread after the worker's tasks are done (the hand-off orders
 * the two). Pre-allocated; reports beyond {@link #CAPACITY} in one segment are counted as dropped events.
 */
final class FaultOutbox implements FaultSink {
    static final int CAPACITY = 256;

    private final NodeSlot[] nodes = new NodeSlot[CAPACITY];
    private final String[] causes = new String[CAPACITY];
    private final Throwable[] errors = new Throwable[CAPACITY];
    private final int[] sites = new int[CAPACITY];
    private final long[] budgets = new long[CAPACITY];
    private final boolean[] overBudget = new boolean[CAPACITY];
    private int count;
    private int dropped;

    @Override @RealtimeSafe
    public void faultRt(NodeSlot node, String cause, Throwable error) {
        if (count == CAPACITY) { dropped++; return; }
        nodes[count] = node; causes[count] = cause; errors[count] = error; overBudget[count] = false;
        count++;
    }

    @Override @RealtimeSafe
    public void overBudgetRt(NodeSlot node, int site, long budgetNanos) {
        if (count == CAPACITY) { dropped++; return; }
        nodes[count] = node; sites[count] = site; budgets[count] = budgetNanos; overBudget[count] = true;
        count++;
    }

    /** Audio thread, after the worker's tasks are done: passes the reports on in the order made and empties the box. */
    @RealtimeSafe
    void drainRt(EventRing events) {
        for (int i = 0; i < count; i++) {
            if (overBudget[i]) events.overBudgetRt(nodes[i], sites[i], budgets[i]);
            else events.faultRt(nodes[i], causes[i], errors[i]);
            nodes[i] = null; causes[i] = null; errors[i] = null;
        }
        count = 0;
        if (dropped > 0) {
            events.droppedRt(dropped);
            dropped = 0;
        }
    }
}
