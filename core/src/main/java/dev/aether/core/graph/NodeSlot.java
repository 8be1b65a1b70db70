package dev.aether.core.graph;

import dev.aether.core.AudioThread;
import dev.aether.core.DspNode;
import dev.aether.core.NodeId;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.param.ParamClock;

/**
 * The engine's record of one node: its id, current instance and spec (control thread), plus the figures the
 * audio thread keeps about it (fault flag, meters, cost). Ports of the node point at their slot as owner.
 */
public final class NodeSlot {
    private final NodeId id;
    private DspNode node;
    private NodeSpec spec;
    private ParamClock clock;
    private Crossfade fade;

    // written by the audio thread only; read racily by the control thread for display
    @AudioThread public boolean faulted;       // bypassed after a fault; cleared by a command or a replace
    @AudioThread public float peak;            // max |x| over the block(s) metered since the last report
    @AudioThread public double sumSquares;     // over the block in which the node is metered
    @AudioThread public long frames;
    @AudioThread public long costNanos;        // last block, when profiling
    @AudioThread public volatile float meterPeak;   // last reported
    @AudioThread public volatile float meterRms;

    NodeSlot(NodeId id, DspNode node, NodeSpec spec) {
        this.id = id;
        this.node = node;
        this.spec = spec;
        this.clock = new ParamClock(spec.params());
    }

    public NodeId id() { return id; }
    public DspNode node() { return node; }
    public NodeSpec spec() { return spec; }
    /** The block clock of the current instance's params (one per instance, the same in every plan). */
    public ParamClock clock() { return clock; }

    /** A display name such as {@code SineOscillator#3}. */
    public String label() { return node.typeName() + "#" + id.index(); }

    /** The crossfade from the previous instance still running, or null. */
    Crossfade fade() {
        Crossfade f = fade;
        if (f != null && f.isFinished()) fade = null;
        return fade;
    }

    void replace(DspNode next, NodeSpec nextSpec, Crossfade crossfade) {
        this.node = next;
        this.spec = nextSpec;
        this.clock = new ParamClock(nextSpec.params());
        this.fade = crossfade;
        this.faulted = false;
    }

    @Override public String toString() { return label(); }
}
