package dev.aether.core.node;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Port;

import dev.aether.core.param.SmoothedParam;
import dev.aether.core.time.TimedEventChannel;
import dev.aether.core.time.TimedNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The ports and parameters a node declares as instance fields (also arrays of them), found by reflection
 * in declaration order, superclass fields first. Immutable; built on the control thread.
 */
public final class NodeSpec {
    private final DspNode node;
    private final List<InputPort> inputs;
    private final List<OutputPort> outputs;
    private final List<SmoothedParam> params;

    private NodeSpec(DspNode node, List<InputPort> inputs, List<OutputPort> outputs, List<SmoothedParam> params) {
        this.node = node;
        this.inputs = Collections.unmodifiableList(inputs);
        this.outputs = Collections.unmodifiableList(outputs);
        this.params = Collections.unmodifiableList(params);
    }

    /** Reads the node's port and parameter fields. Ports are not bound; see {@link #bind}. */
    @ControlThread
    public static NodeSpec of(DspNode node) {
        List<InputPort> in = new ArrayList<>();
        List<OutputPort> out = new ArrayList<>();
        List<SmoothedParam> ps = new ArrayList<>();
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = node.getClass(); c != null && c != Object.class; c = c.getSuperclass()) chain.add(0, c);
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) continue;
                Class<?> t = f.getType();
                boolean relevant = Port.class.isAssignableFrom(t) || t == SmoothedParam.class
                        || (t.isArray() && (Port.class.isAssignableFrom(t.getComponentType())
                                            || t.getComponentType() == SmoothedParam.class));
                if (!relevant) continue;
                Object v = read(f, node);
                if (v instanceof Object[] arr) {
                    for (Object o : arr) add(o, in, out, ps);
                } else {
                    add(v, in, out, ps);
                }
            }
        }
        checkUnique(node, in);
        checkUnique(node, out);
        return new NodeSpec(node, in, out, ps);
    }

    /** Binds every port to {@code owner} and numbers it; prepares every parameter for the rate. */
    @ControlThread
    public NodeSpec bind(Object owner, double sampleRate) {
        for (int i = 0; i < inputs.size(); i++) inputs.get(i).bind(i, owner);
        for (int i = 0; i < outputs.size(); i++) outputs.get(i).bind(i, owner);
        for (SmoothedParam p : params) p.prepare(sampleRate);
        return this;
    }

    /** Frees every port bound to {@code owner} by {@link #bind}, so another owner may bind them. */
    @ControlThread
    public NodeSpec release(Object owner) {
        for (InputPort p : inputs) p.release(owner);
        for (OutputPort p : outputs) p.release(owner);
        return this;
    }

    /**
     * As {@link #bind(Object, double)}, and binds every timed target of the node (its params, and its own targets
     * when it is a {@link TimedNode}) to {@code channel} ({@code null}: unbound).
     */
    @ControlThread
    public NodeSpec bind(Object owner, double sampleRate, TimedEventChannel channel) {
        bind(owner, sampleRate);
        return bindTimed(channel);
    }

    /** Binds the node's params and, for a {@link TimedNode}, its own timed targets to {@code channel} (null: unbound). */
    @ControlThread
    public NodeSpec bindTimed(TimedEventChannel channel) {
        for (SmoothedParam p : params) p.bind(channel);
        if (node instanceof TimedNode t) t.bindTimed(channel);
        return this;
    }

    public List<InputPort> inputs() { return inputs; }
    public List<OutputPort> outputs() { return outputs; }
    public List<SmoothedParam> params() { return params; }

    /** Fresh input buffers, [input port][channel] of {@code frames} samples, for running the node outside a plan. */
    public float[][][] newInputBuffers(int frames) { return buffers(inputs, frames); }

    /** Fresh output buffers, [output port][channel] of {@code frames} samples. */
    public float[][][] newOutputBuffers(int frames) { return buffers(outputs, frames); }

    /**
     * [input port][channel] all pointing at {@code silence}: every input unconnected, as the engine binds them
     * (with the same array given to {@link ProcessContext#silence}, {@link ProcessContext#connected} is false).
     */
    public float[][][] unconnectedInputs(float[] silence) {
        float[][][] in = new float[inputs.size()][][];
        for (int i = 0; i < in.length; i++) {
            in[i] = new float[inputs.get(i).channels()][];
            java.util.Arrays.fill(in[i], silence);
        }
        return in;
    }

    private static float[][][] buffers(List<? extends Port> ports, int frames) {
        float[][][] b = new float[ports.size()][][];
        for (int i = 0; i < b.length; i++) b[i] = new float[ports.get(i).channels()][frames];
        return b;
    }

    /** The input called {@code name}, or null. */
    public InputPort input(String name) {
        for (InputPort p : inputs) if (p.name().equals(name)) return p;
        return null;
    }

    /** The output called {@code name}, or null. */
    public OutputPort output(String name) {
        for (OutputPort p : outputs) if (p.name().equals(name)) return p;
        return null;
    }

    /** The parameter called {@code name}, or null. */
    public SmoothedParam param(String name) {
        for (SmoothedParam p : params) if (p.name().equals(name)) return p;
        return null;
    }

    private static void add(Object v, List<InputPort> in, List<OutputPort> out, List<SmoothedParam> ps) {
        if (v instanceof InputPort p) { if (!in.contains(p)) in.add(p); }
        else if (v instanceof OutputPort p) { if (!out.contains(p)) out.add(p); }
        else if (v instanceof SmoothedParam p) { if (!ps.contains(p)) ps.add(p); }
    }

    private static Object read(Field f, DspNode node) {
        if (!f.trySetAccessible()) {
            throw new IllegalArgumentException(node.typeName() + ": cannot read field '" + f.getName()
                    + "'; make it public or open the package");
        }
        try {
            return f.get(node);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(node.typeName() + ": cannot read field '" + f.getName() + "'", e);
        }
    }

    private static void checkUnique(DspNode node, List<? extends Port> ports) {
        for (int i = 0; i < ports.size(); i++) {
            for (int j = i + 1; j < ports.size(); j++) {
                if (ports.get(i).name().equals(ports.get(j).name())) {
                    throw new IllegalArgumentException(node.typeName() + ": two ports are named '"
                            + ports.get(i).name() + "'; give each port its own name");
                }
            }
        }
    }
}
