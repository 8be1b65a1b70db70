package dev.aether.core.view;

import dev.aether.core.NodeId;

/** One connection of the patch: output {@code fromPort} of node {@code from} into input {@code toPort} of {@code to}. Immutable. */
public record Connection(NodeId from, String fromPort, NodeId to, String toPort) {}
