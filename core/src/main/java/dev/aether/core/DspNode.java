package dev.aether.core;

/**
 * What users implement: a unit that renders one block at a time.
 *
 * <p>Ports are declared as fields ({@link Ports}) and parameters as {@link dev.aether.core.param.SmoothedParam}
 * fields; the engine discovers both when the node is added. {@link #process} runs on the audio thread and must
 * follow the real-time rules (no allocation, locks, blocking, I/O or logging); everything else runs on the
 * control thread.
 *
 * <pre>{@code
 * class Fuzz implements DspNode {
 *     final InputPort in = Ports.audioIn("in");
 *     final OutputPort out = Ports.audioOut("out");
 *     double drive = 4;
 *     public void process(ProcessContext c) {
 *         float[] x = c.in(in), y = c.out(out);
 *         for (int i = 0; i < c.frames(); i++) y[i] = (float) Math.tanh(drive * x[i]);
 *     }
 * }
 * }</pre>
 */
public interface DspNode {

    /**
     * Renders {@link ProcessContext#frames()} frames: reads inputs, writes every channel of every output.
     * An exception or a non-finite sample bypasses the node (silence) and is reported as a fault.
     */
    @AudioThread @RealtimeSafe
    void process(ProcessContext ctx);

    /**
     * Allocates what {@link #process} needs. Called on the control thread before the node first sounds
     * and again if the engine's rate changes. {@code maxFrames} is the largest block {@code process} will see.
     */
    @ControlThread
    default void prepare(double sampleRate, int maxFrames) {}

    /** Returns the node to its initial state (phases, filter memories, envelopes). Control thread, before use. */
    @ControlThread
    default void reset() {}

    /** The node's state, or null when it has none worth carrying (hot swap, save). Called off the audio thread. */
    @ControlThread
    default NodeState saveState() { return null; }

    /** Restores a state captured by {@link #saveState}; a state of an unknown type is ignored. */
    @ControlThread
    default void restoreState(NodeState state) {}

    /** A short name for graphs, meters and fault messages; defaults to the simple class name. */
    default String typeName() {
        String n = getClass().getSimpleName();
        return n.isEmpty() ? getClass().getName() : n;
    }
}
