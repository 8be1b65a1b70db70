package dev.aether.core.view;

import dev.aether.core.DspNode;
import dev.aether.core.NodeId;
import dev.aether.core.node.NodeSpec;

/**
 * A read-only picture of one node in the engine, taken when asked: its id, display label ({@code SineOscillator#3}),
 * the instance that sounds now, its ports and params, and the audio thread's figures about it at that moment
 * (fault flag, meters as linear peak and RMS of its first output, cost of its last block in nanoseconds when
 * profiling). Immutable; any thread.
 */
public record NodeInfo(NodeId id, String label, DspNode node, NodeSpec spec, boolean faulted,
                       float meterPeak, float meterRms, long costNanos) {}
