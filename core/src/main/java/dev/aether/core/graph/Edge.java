package dev.aether.core.graph;

/** A connection from an output port to an input port, by node id (packed) and port name. */
public record Edge(long from, String fromPort, long to, String toPort) {}
