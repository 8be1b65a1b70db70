package dev.aether.repl.userapi;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.OutputPort;
import dev.aether.core.param.SmoothedParam;
import dev.aether.repl.session.NamedParams;
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

    /**
     * Moves parameter {@code name} ({@link NamedParams}: of the last node that has one, else of every voice of an
     * instrument) to {@code value} over its default ramp.
     */
    public Chain set(String name, double value) { return set(name, value, Double.NaN); }

    /** Moves parameter {@code name} to {@code value} over {@code rampSeconds} (NaN: the parameter's default ramp). */
    public Chain set(String name, double value, double rampSeconds) {
        DspNode owner = NamedParams.owner(nodes, name);
        if (owner == null) param(name);                               // throws, naming what there is
        List<SmoothedParam> ps = NamedParams.of(owner, name);
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (nodes.get(i) == owner) {
                ParamRange.tell(labels.get(i), ps.get(0), value);
                break;
            }
        }
        for (SmoothedParam p : ps) p.set(value, Double.isNaN(rampSeconds) ? p.smoothingSeconds() : rampSeconds);
        return this;
    }

    /**
     * The parameter called {@code name} on the last node that has one. An instrument's voices' parameter is several
     * parameters, so it is not one: the error says to move them with {@code set} or a {@code param(...)} pattern.
     */
    public SmoothedParam param(String name) {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            SmoothedParam p = NodeSpec.of(nodes.get(i)).param(name);
            if (p != null) return p;
        }
        String known = NamedParams.known(nodes);
        String voices = NamedParams.owner(nodes, name) != null
                ? "\n  '" + name + "' is a parameter of every voice: move them all with set(chain, \"" + name + "\", value)"
                  + " or a pattern, param(chain, \"" + name + "\")" : "";
        throw new IllegalArgumentException("no parameter '" + name + "' in " + this + (known.isEmpty() ? "" : "; " + known) + voices);
    }

    @Override public String toString() { return String.join(" -> ", labels); }
}
