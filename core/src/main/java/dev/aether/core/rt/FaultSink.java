package dev.aether.core.rt;

import dev.aether.core.RealtimeSafe;
import dev.aether.core.graph.NodeSlot;

/** Where an {@link EntryRunner} reports the nodes it bypassed. Called on the runner's thread; real-time safe. */
interface FaultSink {
    /** {@code node} threw {@code error} or wrote NaN/Inf ({@code error} null); {@code cause} is a constant. */
    @RealtimeSafe void faultRt(NodeSlot node, String cause, Throwable error);

    /** {@code node}'s user code ran past {@code budgetNanos} and was stopped at {@code site}. */
    @RealtimeSafe void overBudgetRt(NodeSlot node, int site, long budgetNanos);
}
