package dev.aether.core.view;

import dev.aether.core.NodeId;
import dev.aether.core.budget.CodeSite;

/** What the audio thread reports, as immutable values for the control thread (built there, from {@link EventRing}). */
public sealed interface EngineEvent {
    /** A node threw or produced NaN/Inf and is now bypassed (silent). {@code error} is null for NaN/Inf. */
    record NodeFault(NodeId node, String nodeLabel, String cause, Throwable error) implements EngineEvent {}

    /**
     * User code in a node ran past its budget in one block and was stopped at {@code site}; the node is now
     * bypassed (silent). {@code budgetNanos} is the budget it ran past.
     */
    record NodeOverBudget(NodeId node, String nodeLabel, CodeSite site, long budgetNanos) implements EngineEvent {}

    /** Peak and RMS of a node's first output (or the master when {@code node} is null) over recent blocks. */
    record Meter(NodeId node, String nodeLabel, float peak, float rms) implements EngineEvent {}

    /** A late block: {@code count} late blocks so far, this stall, whether the device ran dry (an xrun: the engine resynchronised). */
    record Xrun(long count, long stallNanos, boolean resync) implements EngineEvent {}

    /** Transport position at a block start. */
    record Position(long sample, double beat, double bpm) implements EngineEvent {}

    /** {@code count} events were dropped because nobody drained the event ring. */
    record Dropped(long count) implements EngineEvent {}
}
