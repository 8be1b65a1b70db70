package dev.aether.core.graph;

import dev.aether.core.DspNode;
import dev.aether.core.param.ParamClock;
import dev.aether.core.param.SmoothedParam;

/**
 * One step of an {@link ExecutionPlan}: sum what feeds the node's inputs, run it, then make the partial sums whose
 * last source it is. Immutable after compilation except for the crossfade's progress (audio thread).
 */
public final class PlanEntry {
    /** This entry's place in its plan's entries (the scheduler meters a few places per block). */
    public final int index;
    public final NodeSlot slot;
    public final DspNode node;
    /** Clocks the node's params (the slot's clock for this instance). */
    public final ParamClock clock;
    /** [input port][channel] → buffer (a source's output, a sum buffer, or silence). */
    public final float[][][] inputs;
    /** [output port][channel] → buffer this node writes. */
    public final float[][][] outputs;
    /** The same output buffers, flat: what the scheduler zeroes, and scans in the block the node is metered. */
    public final float[][] outputBuffers;
    /**
     * The output buffers that another node or the master reads: the scheduler guards these every block (a NaN
     * or Inf in one bypasses the node before anything reads it). Unread outputs reach nothing, so they are
     * scanned only for the node's meter.
     */
    public final float[][] readOutputs;
    /** The node's first read output, or null: the common single-output case without the array. */
    public final float[] readOutput0;
    /** False when the node has no parameters ({@link #clock} has nothing to clock). */
    public final boolean clocked;
    /** The sums of what feeds the node's inputs, filled before it runs; null when no input sums. */
    public final BlockSums sums;
    /**
     * Partial sums filled after the node runs and is guarded, or null: one task's share of a later node's input,
     * summed where the task's last source of it ends ({@link PartialSums}).
     */
    public final BlockSums partials;
    /** The running crossfade from the previous instance, or null. */
    public final Crossfade fade;
    /** The previous instance's inputs while fading ([old input port][channel]). */
    public final float[][][] fadeInputs;
    public final SmoothedParam[] fadeParams;

    PlanEntry(int index, NodeSlot slot, DspNode node, float[][][] inputs, float[][][] outputs, float[][] readOutputs,
              BlockSums sums, BlockSums partials, Crossfade fade, float[][][] fadeInputs, SmoothedParam[] fadeParams) {
        this.index = index;
        this.slot = slot;
        this.node = node;
        this.clock = slot.clock();
        this.inputs = inputs;
        this.outputs = outputs;
        int count = 0;
        for (float[][] port : outputs) count += port.length;
        this.outputBuffers = new float[count][];
        int k = 0;
        for (float[][] port : outputs) for (float[] b : port) outputBuffers[k++] = b;
        this.readOutputs = readOutputs;
        this.readOutput0 = readOutputs.length == 0 ? null : readOutputs[0];
        this.clocked = !clock.isEmpty();
        this.sums = sums;
        this.partials = partials;
        this.fade = fade;
        this.fadeInputs = fadeInputs;
        this.fadeParams = fadeParams;
    }
}
