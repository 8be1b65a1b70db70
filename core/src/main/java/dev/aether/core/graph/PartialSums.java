package dev.aether.core.graph;

import dev.aether.core.ControlThread;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a plan's joins are summed in parts ({@link PlanCompiler}). The cut is the one two threads would run
 * ({@link BranchPartition} in {@code auto} on two cores), made whatever the mode, so one thread makes the same parts.
 * A join (a node in the cut's tail) that sums inputs from the head gets, for each of its input channels and each
 * task that brings two terms or more to it, a partial sum made right after that task's last source runs (in the
 * plan's order); the join adds the partials in task order, then its other terms (from the tail, or a task's lone
 * term) in edge order. The thread that ran the task adds up its voices while they are in its cache, the join adds
 * a few blocks instead of every voice, and the voices' buffers are free for reuse from the partial on.
 */
@ControlThread
final class PartialSums {
    /** One task's share of a join's input channel: the edges it sums, and the buffer it sums them into. */
    static final class Partial {
        final long join;
        final String port;
        final int channel;
        final List<Edge> edges = new ArrayList<>();
        float[] buffer;

        Partial(long join, String port, int channel) {
            this.join = join;
            this.port = port;
            this.channel = channel;
        }
    }

    private final Map<Integer, List<Partial>> byPosition = new HashMap<>();
    private final Map<String, List<Partial>> byInput = new HashMap<>();
    private final Set<String> covered = new HashSet<>();

    PartialSums(BranchPartition cut, List<NodeSlot> order, Map<Long, List<Edge>> into, Map<Long, NodeSlot> byId) {
        if (cut == null) return;
        int tail = cut.schedule.tasks();
        Map<Long, Integer> taskOf = new HashMap<>(), position = new HashMap<>();
        for (int i = 0; i < cut.order.size(); i++) taskOf.put(cut.order.get(i).id().packed(), cut.lane[i]);
        for (int i = 0; i < order.size(); i++) position.put(order.get(i).id().packed(), i);
        for (int i = cut.schedule.tailStart(); i < cut.order.size(); i++) {
            NodeSlot join = cut.order.get(i);
            long id = join.id().packed();
            List<Edge> feeding = into.getOrDefault(id, List.of());
            for (InputPort in : join.spec().inputs()) {
                for (int channel = 0; channel < in.channels(); channel++) {
                    int c = channel;
                    TreeMap<Integer, Partial> byTask = new TreeMap<>();
                    Map<Integer, Integer> termsOf = new HashMap<>();
                    for (Edge e : feeding) {
                        int task = taskOf.get(e.from());
                        OutputPort op = byId.get(e.from()).spec().output(e.fromPort());
                        if (!e.toPort().equals(in.name()) || task == tail || op == null) continue;
                        int[] terms = {0};
                        PlanCompiler.feeds(op.channels(), in.channels(), c, (k, g) -> terms[0]++);
                        if (terms[0] == 0) continue;
                        byTask.computeIfAbsent(task, t -> new Partial(id, in.name(), c)).edges.add(e);
                        termsOf.merge(task, terms[0], Integer::sum);
                    }
                    List<Partial> kept = new ArrayList<>();
                    for (Map.Entry<Integer, Partial> t : byTask.entrySet()) {
                        if (termsOf.get(t.getKey()) < 2) continue;
                        Partial p = t.getValue();
                        kept.add(p);
                        int last = 0;
                        for (Edge e : p.edges) { last = Math.max(last, position.get(e.from())); covered.add(key(e, c)); }
                        byPosition.computeIfAbsent(last, k -> new ArrayList<>()).add(p);
                    }
                    if (!kept.isEmpty()) byInput.put(key(id, in.name(), c), kept);
                }
            }
        }
    }

    /** The partial sums to make after the entry at {@code position} runs. */
    List<Partial> at(int position) { return byPosition.getOrDefault(position, List.of()); }

    /** The partials channel {@code c} of input {@code port} of node {@code join} adds, in task order. */
    List<Partial> into(long join, String port, int c) { return byInput.getOrDefault(key(join, port, c), List.of()); }

    /** True when a partial sum carries what {@code e} brings to channel {@code c} of its input. */
    boolean covers(Edge e, int c) { return covered.contains(key(e, c)); }

    private static String key(long node, String port, int c) { return node + "/" + port + "/" + c; }

    private static String key(Edge e, int c) { return e.from() + "/" + e.fromPort() + ">" + key(e.to(), e.toPort(), c); }
}
