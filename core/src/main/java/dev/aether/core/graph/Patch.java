package dev.aether.core.graph;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.GraphCycleException;
import dev.aether.core.InputPort;
import dev.aether.core.NodeId;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.OutputPort;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.aether.core.Port;
import dev.aether.core.StaleNodeException;
import dev.aether.core.time.TimedEventChannel;

/**
 * The mutable graph: nodes in a generational arena plus edges between named ports. Owned by the control
 * thread; the audio thread never sees it, only the {@link ExecutionPlan}s compiled from it.
 *
 * <p>Every connection is checked with Kahn's algorithm; one that would close a loop is refused with the
 * nodes of the loop named ({@link GraphCycleException}).
 */
@ControlThread
public final class Patch {
    private final NodeArena<NodeSlot> arena = new NodeArena<>(64);
    /** Every edge, in the order made (the plan sums an input's sources in this order). */
    private final Set<Edge> edges = new LinkedHashSet<>();
    /** The edges leaving each node (by packed id), so a new edge's cycle check walks only what lies downstream. */
    private final Map<Long, List<Edge>> outgoing = new HashMap<>();
    /** The edges into each node (by packed id), so removing a node costs its own edges. */
    private final Map<Long, List<Edge>> incoming = new HashMap<>();
    private final double sampleRate;
    private final TimedEventChannel timed;

    /** A patch whose nodes stay unbound from any timed-event channel (tests of the graph alone). */
    public Patch(double sampleRate) { this(sampleRate, null); }

    /** A patch that binds every node added to {@code timed}, the channel its engine drains. */
    public Patch(double sampleRate, TimedEventChannel timed) {
        this.sampleRate = sampleRate;
        this.timed = timed;
    }

    /** The channel nodes are bound to, or null. */
    public TimedEventChannel timed() { return timed; }

    /** Adds a node; binds its ports to the new slot and its timed targets to the patch's channel. */
    public NodeSlot add(DspNode node) {
        NodeSpec spec = NodeSpec.of(node);
        long id = arena.insert(key -> new NodeSlot(NodeId.unpack(key), node, spec));
        NodeSlot slot = arena.get(id);
        try {
            spec.bind(slot, sampleRate, timed);
        } catch (RuntimeException e) {            // a port owned elsewhere: leave no half-added node behind
            spec.release(slot);
            arena.remove(id);
            throw e;
        }
        return slot;
    }

    /** Puts {@code next} in {@code slot}'s place (hot swap); edges stay, matched by port name. */
    public void replaceNode(NodeSlot slot, DspNode next, NodeSpec nextSpec, Crossfade fade) {
        slot.replace(next, nextSpec, fade);
    }

    /** Removes a node and every edge touching it. */
    public NodeSlot remove(NodeId id) {
        long key = id.packed();
        NodeSlot slot = arena.get(key);
        List<Edge> touching = new ArrayList<>(outgoing.getOrDefault(key, List.of()));
        touching.addAll(incoming.getOrDefault(key, List.of()));
        for (Edge e : touching) forget(e);
        arena.remove(key);
        return slot;
    }

    /** The slot of a live node; a stale id throws {@link StaleNodeException}. */
    public NodeSlot slot(NodeId id) { return arena.get(id.packed()); }

    public boolean contains(NodeId id) { return arena.contains(id.packed()); }

    /** The slot that owns {@code port}, checked to be live. */
    public NodeSlot owner(Port port) {
        if (!(port.owner() instanceof NodeSlot s)) {
            throw new IllegalArgumentException("port '" + port.name() + "' belongs to a node that was never added; add the node first");
        }
        if (!arena.contains(s.id().packed()) || arena.get(s.id().packed()) != s) {
            throw new IllegalArgumentException("port '" + port.name() + "' belongs to " + s.label() + ", which was removed");
        }
        return s;
    }

    /**
     * Connects {@code from} to {@code to}; refuses cycles (naming one, as {@link #order} does) and duplicate edges.
     * Costs what lies downstream of {@code to}, not the whole patch, so wiring a patch edge by edge is linear.
     */
    public Edge connect(OutputPort from, InputPort to) {
        NodeSlot a = owner(from), b = owner(to);
        Edge e = new Edge(a.id().packed(), from.name(), b.id().packed(), to.name());
        if (edges.contains(e)) return e;
        boolean cycle = reaches(e.to(), e.from());
        add(e);
        if (cycle) {
            try {
                order();                                   // throws, naming the cycle
            } catch (GraphCycleException ex) {
                forget(e);
                throw ex;
            }
        }
        return e;
    }

    /** True when {@code from} and {@code to} are connected (both nodes live). */
    public boolean connected(OutputPort from, InputPort to) {
        NodeSlot a = owner(from), b = owner(to);
        return edges.contains(new Edge(a.id().packed(), from.name(), b.id().packed(), to.name()));
    }

    /** Removes the edge; returns false if there was none. */
    public boolean disconnect(OutputPort from, InputPort to) {
        NodeSlot a = owner(from), b = owner(to);
        return forget(new Edge(a.id().packed(), from.name(), b.id().packed(), to.name()));
    }

    /** Removes every edge into {@code to}. */
    public void disconnectAll(InputPort to) {
        NodeSlot b = owner(to);
        long key = b.id().packed();
        for (Edge e : new ArrayList<>(incoming.getOrDefault(key, List.of()))) if (e.toPort().equals(to.name())) forget(e);
    }

    private void add(Edge e) {
        edges.add(e);
        outgoing.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
        incoming.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
    }

    /** Removes {@code e}; false when there was none. Costs the edges of its two nodes. */
    private boolean forget(Edge e) {
        if (!edges.remove(e)) return false;
        unindex(outgoing, e.from(), e);
        unindex(incoming, e.to(), e);
        return true;
    }

    private static void unindex(Map<Long, List<Edge>> index, long node, Edge e) {
        List<Edge> list = index.get(node);
        if (list == null) return;
        list.remove(e);
        if (list.isEmpty()) index.remove(node);
    }

    /** True when node {@code target} is {@code start} or lies downstream of it (depth-first, each node once). */
    private boolean reaches(long start, long target) {
        if (start == target) return true;
        ArrayDeque<Long> todo = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        todo.push(start);
        seen.add(start);
        while (!todo.isEmpty()) {
            for (Edge e : outgoing.getOrDefault(todo.pop(), List.of())) {
                if (e.to() == target) return true;
                if (seen.add(e.to())) todo.push(e.to());
            }
        }
        return false;
    }

    /** Every edge, in the order made; a copy. */
    public List<Edge> edges() { return List.copyOf(edges); }

    /** Live slots in slot order. */
    public List<NodeSlot> slots() {
        List<NodeSlot> all = new ArrayList<>();
        arena.forEach(all::add);
        return all;
    }

    public int size() { return arena.size(); }

    /**
     * Kahn's topological sort. Ties are broken by slot order, so the same patch always gives the same order.
     * Throws {@link GraphCycleException} naming one cycle when there is one.
     */
    public List<NodeSlot> order() {
        List<NodeSlot> nodes = slots();
        Map<Long, Integer> pos = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) pos.put(nodes.get(i).id().packed(), i);
        int n = nodes.size();
        int[] indegree = new int[n];
        List<List<Integer>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(new ArrayList<>());
        for (Edge e : edges) {
            int a = pos.get(e.from()), b = pos.get(e.to());
            out.get(a).add(b);
            indegree[b]++;
        }
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) if (indegree[i] == 0) ready.add(i);
        List<NodeSlot> order = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int v = ready.poll();
            order.add(nodes.get(v));
            for (int w : out.get(v)) if (--indegree[w] == 0) ready.add(w);
        }
        if (order.size() < n) throw new GraphCycleException(findCycle(nodes, out, indegree));
        return order;
    }

    private static List<String> findCycle(List<NodeSlot> nodes, List<List<Integer>> out, int[] indegree) {
        // Every node Kahn left behind (indegree > 0) has a predecessor that was left behind too, so walking
        // predecessors inside that set must revisit a node; the walk from there on is a cycle (reversed).
        int n = nodes.size();
        List<List<Integer>> preds = new ArrayList<>(n);
        for (int i = 0; i < n; i++) preds.add(new ArrayList<>());
        for (int v = 0; v < n; v++) for (int w : out.get(v)) preds.get(w).add(v);
        int v = -1;
        for (int i = 0; i < n; i++) if (indegree[i] > 0) { v = i; break; }
        LinkedHashSet<Integer> path = new LinkedHashSet<>();
        while (path.add(v)) {
            int prev = -1;
            for (int u : preds.get(v)) if (indegree[u] > 0) { prev = u; break; }
            v = prev;
        }
        List<Integer> loop = new ArrayList<>();
        boolean on = false;
        for (int p : path) {
            if (p == v) on = true;
            if (on) loop.add(0, p);
        }
        // start at the node added first, so the message reads in a stable order
        int first = loop.indexOf(java.util.Collections.min(loop));
        List<String> cycle = new ArrayList<>();
        for (int k = 0; k <= loop.size(); k++) cycle.add(nodes.get(loop.get((first + k) % loop.size())).label());
        return cycle;
    }
}
