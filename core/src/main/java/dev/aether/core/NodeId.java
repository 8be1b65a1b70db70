package dev.aether.core;

/**
 * A handle to a node in an engine: arena slot index plus the slot's generation. When a node is removed
 * its slot's generation advances, so an old id can never reach the node that reuses the slot.
 */
public record NodeId(int index, int generation) {
    /** Packs the id into one long (generation in the high half). */
    public long packed() { return ((long) generation << 32) | (index & 0xFFFF_FFFFL); }

    /** Unpacks an id made by {@link #packed()}. */
    public static NodeId unpack(long packed) { return new NodeId((int) packed, (int) (packed >>> 32)); }

    @Override public String toString() { return "#" + index + "." + generation; }
}
