package dev.aether.core;

/** A {@link NodeId} whose node was removed (and whose slot may now hold another node). */
public final class StaleNodeException extends IllegalArgumentException {
    public StaleNodeException(NodeId id, int currentGeneration) {
        super("node " + id + " no longer exists (it was removed; its slot is now at generation "
                + currentGeneration + "). Use the id returned when the node was last added.");
    }
}
