package dev.aether.repl.userapi;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.OutputPort;
import dev.aether.core.param.SmoothedParam;
import dev.aether.repl.session.ParamRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Any thread (immutable; {@code set} writes lock-free parameter cells). A patch in the making: nodes wired in
 * series, first output into next first input. {@code saw(110).to(lowpass(800)).to(gain(-6))}. Immutable: {@link #to}
 * returns a new chain sharing the nodes. {@link #in} and {@link #out} are the first node's input and the last node's
 * output, so a chain can be used wherever a node is in {@code connect(a.out, b.in)}.
 */
public final class Chain {
    private final List<DspNode> nodes;
    private final List<String> labels;
    /** The first node's first input (null when it has none). */
    public final InputPort in;
    /** The last node's first output. */
    public final OutputPort out;

    Chain(List<DspNode> nodes, List<String> labels) {
        if (nodes.isEmpty()) throw new IllegalArgumentException("a chain needs at least one node");
        this.nodes = Collections.unmodifiableList(new ArrayList<>(nodes));
        this.labels = Collections.unmodifiableList(new ArrayList<>(labels));
        List<InputPort> ins = NodeSpec.of(nodes.get(0)).inputs();
        List<OutputPort> outs = NodeSpec.of(nodes.get(nodes.size() - 1)).outputs();
        if (outs.isEmpty()) throw new IllegalArgumentException(nodes.get(nodes.size() - 1).typeName() + " has no output");
        this.in = ins.isEmpty() ? null : ins.get(0);
        this.out = outs.get(0);
    }

    /** A chain of one node, shown as {@code label} (e.g. {@code sine(440)}). */
    public static Chain of(DspNode node, String label) { return new Chain(List.of(node), List.of(label)); }

    /** A chain of one node, shown by its type name. */
    public static Chain of(DspNode node) { return of(node, node.typeName()); }

    /** This chain followed by {@code next}. */
    public Chain to(Chain next) {
        List<DspNode> n = new ArrayList<>(nodes);
        n.addAll(next.nodes);
        List<String> l = new ArrayList<>(labels);
        l.addAll(next.labels);
        return new Chain(n, l);
    }

    /** This chain followed by {@code next}. */
    public Chain to(DspNode next) { return to(of(next)); }

    /**
     * This chain, shown the same, with each node replaced by what {@code replace} gives for it: how the session hands
     * out a slot's chain with the instances that sound now.
     */
    public Chain withNodes(java.util.function.UnaryOperator<DspNode> replace) {
        List<DspNode> n = new ArrayList<>();
        for (DspNode d : nodes) n.add(replace.apply(d));
        return n.equals(nodes) ? this : new Chain(n, labels);
    }

    /** How each node is shown (its recipe, e.g. {@code lowpass(800)}, or its type name), first to last. */
    List<String> labels() { return labels; }

    /** The nodes, first to last. */
    public List<DspNode> nodes() { return nodes; }

    /** The last node. */
    public DspNode node() { return nodes.get(nodes.size() - 1); }

    /** Moves parameter {@code name} (of the last node that has one) to {@code value} over the default ramp. */
    public Chain set(String name, double value) {
        return set(name, value, param(name).smoothingSeconds());
    }

    /** Moves parameter {@code name} to {@code value} over {@code rampSeconds}. */
    public Chain set(String name, double value, double rampSeconds) {
        SmoothedParam p = param(name);
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (NodeSpec.of(nodes.get(i)).param(name) == p) ParamRange.tell(labels.get(i), p, value);
        }
        p.set(value, rampSeconds);
        return this;
    }

    /** The parameter called {@code name} on the last node that has one. */
    public SmoothedParam param(String name) {
        List<String> known = new ArrayList<>();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            NodeSpec s = NodeSpec.of(nodes.get(i));
            SmoothedParam p = s.param(name);
            if (p != null) return p;
            for (SmoothedParam q : s.params()) known.add(q.name());
        }
        throw new IllegalArgumentException("no parameter '" + name + "' in " + this
                + (known.isEmpty() ? "" : "; parameters: " + String.join(", ", known)));
    }

    @Override public String toString() { return String.join(" -> ", labels); }
}
