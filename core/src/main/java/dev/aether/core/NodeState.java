package dev.aether.core;

import java.io.Serializable;

/**
 * A node's state as a value, for hot swap and save/restore. Nodes implement it as records
 * ({@code record State(double y) implements NodeState {}}); restore is typed: a node ignores a state
 * of a type it does not know, never reinterprets it. See {@link dev.aether.core.state.StateCodec} for the saved form.
 */
public interface NodeState extends Serializable {}
