package dev.aether.core.command;

import dev.aether.core.time.When;
import dev.aether.core.graph.ExecutionPlan;
import dev.aether.core.graph.NodeSlot;

/**
 * A message from the control thread to the audio thread. Built (allocated) on the control thread,
 * immutable except for {@link #dueSample}, which the audio thread resolves once when it takes the command.
 */
public abstract sealed class Command permits Command.SwapPlan, Command.ClearFault {
    public final When when;
    /** Engine sample at which the command applies; set by the audio thread. */
    public long dueSample = -1;

    Command(When when) { this.when = when; }

    /** Adopt {@code plan}; the replaced plan goes back on the return ring. */
    public static final class SwapPlan extends Command {
        public final ExecutionPlan plan;
        public SwapPlan(ExecutionPlan plan, When when) { super(when); this.plan = plan; }
    }

    /** Lets a bypassed (faulted) node play again. */
    public static final class ClearFault extends Command {
        public final NodeSlot slot;
        public ClearFault(NodeSlot slot) { super(When.NOW); this.slot = slot; }
    }
}
