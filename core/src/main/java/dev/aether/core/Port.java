package dev.aether.core;

/**
 * A named audio port of a node with a fixed channel count (1 = mono, 2 = stereo).
 *
 * <p>Ports are declared as fields of a {@link DspNode} (see {@link Ports}); the engine finds them
 * when the node is added, numbers them in declaration order and remembers which node owns them,
 * so {@code connect(osc.out, filter.in)} needs nothing else. A port instance belongs to one node.
 */
public abstract sealed class Port permits InputPort, OutputPort {
    private final String name;
    private final int channels;
    int index = -1;
    Object owner;

    Port(String name, int channels) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a port needs a name");
        if (channels < 1 || channels > 8) {
            throw new IllegalArgumentException("port '" + name + "': channels must be 1..8, was " + channels);
        }
        this.name = name;
        this.channels = channels;
    }

    /** The port's name, unique among the node's ports of the same direction. */
    public String name() { return name; }

    /** Channel count, 1..8. */
    public int channels() { return channels; }

    /** Position among the node's ports of the same direction; -1 until the node is added to an engine. */
    public int index() { return index; }

    /** The engine-side handle of the owning node (an opaque object), or null until added. */
    public Object owner() { return owner; }

    /** Engine use: binds this port to its node. Called on the control thread when the node is added. */
    public void bind(int index, Object owner) {
        if (this.owner != null && this.owner != owner) {
            throw new IllegalStateException("port '" + name + "' already belongs to another node: "
                    + "declare ports as instance fields, not static ones");
        }
        this.index = index;
        this.owner = owner;
    }

    /**
     * Engine use: frees this port from {@code owner} (no effect if another owns it), so the node can be bound
     * elsewhere: a node rendered by a {@link NodeRunner} before it is added to an engine. Control thread.
     */
    public void release(Object owner) {
        if (this.owner != owner) return;
        this.owner = null;
        this.index = -1;
    }

    @Override public String toString() {
        return name + (channels == 1 ? "" : "[" + channels + "ch]");
    }
}
