package dev.aether.core.graph;

import dev.aether.core.ControlThread;
import dev.aether.core.ParallelMode;
import dev.aether.core.OutputPort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a plan's order into tasks that can run on two threads at once, at compile time (control thread).
 *
 * <p>The plan is cut into a head and a tail: the tail is closed downstream (whatever a tail node feeds is in the
 * tail) and runs after the head. The head's weakly connected components share no edge, so they share no data and
 * may run in any order on any thread. It starts with the whole graph as head and, while the largest component
 * holds more than half of the head's cost, moves that component's sinks (the master, then a track's effects, a
 * mixer...) into the tail; of the cuts tried it keeps the one with the lowest estimated two-thread time,
 * {@code max(head / 2, largest component) + tail}. Components are then packed, in plan order, into about
 * {@value #TARGET_TASKS} tasks of similar cost, so the two threads can share them out as they go.
 *
 * <p>Cost model (units of one plain node call): {@code 1 + 0.25 per output channel + 0.25 per incoming edge}. In
 * {@link ParallelMode#AUTO} a plan goes parallel when its head costs at least {@value #AUTO_MIN_HEAD_COST}, the
 * estimate (plus {@value #HANDOFF_COST} for the hand-off) is at most {@value #AUTO_MAX_RATIO} of one thread's
 * time, and the JVM sees two cores or more.
 */
@ControlThread
final class BranchPartition {
    /**
     * Tasks the head is packed into, about: enough to balance two threads, few enough that claims stay cheap and a
     * task's state stays on one core. Tuning: {@code -Daether.parallel.tasks=N} (default 32).
     */
    static final int TARGET_TASKS = Math.max(2, Math.min(4096, Integer.getInteger("aether.parallel.tasks", 32)));
    /** Cuts tried at most (each moves one component's sinks into the tail). */
    static final int MAX_CUTS = 24;
    /**
     * The least head cost {@link ParallelMode#AUTO} splits: offline, the stdlib patch of 64 voices (head 464, a 30 µs
     * block) rendered no faster on two threads, 128 voices (928) 1.2–1.3× faster, 256 voices 1.55×.
     */
    static final double AUTO_MIN_HEAD_COST = 640;
    static final double HANDOFF_COST = 8;
    static final double AUTO_MAX_RATIO = 0.8;

    /** The new order: the tasks' entries, task after task, then the tail. */
    final List<NodeSlot> order;
    /** For each slot of {@link #order}: its task, or {@code tasks} for the tail. */
    final int[] lane;
    final ParallelSchedule schedule;

    private BranchPartition(List<NodeSlot> order, int[] lane, ParallelSchedule schedule) {
        this.order = order;
        this.lane = lane;
        this.schedule = schedule;
    }

    /** The split of {@code order} (a topological order of the nodes joined by {@code edges}), or null to stay serial. */
    static BranchPartition of(List<NodeSlot> order, Collection<Edge> edges, ParallelMode mode, int cores) {
        if (mode == ParallelMode.OFF || (mode == ParallelMode.AUTO && cores < 2) || order.size() < 3) return null;
        int n = order.size();
        Map<Long, Integer> pos = new HashMap<>();
        for (int i = 0; i < n; i++) pos.put(order.get(i).id().packed(), i);
        int[][] succ = adjacency(n, edges, pos, true), pred = adjacency(n, edges, pos, false);
        double[] cost = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            int channels = 0;
            for (OutputPort p : order.get(i).spec().outputs()) channels += p.channels();
            cost[i] = 1 + 0.25 * channels + 0.25 * pred[i].length;
            total += cost[i];
        }

        boolean[] tail = new boolean[n];
        int[] comp = new int[n];
        boolean[] bestTail = null;
        double bestEstimate = Double.MAX_VALUE, bestHead = 0;
        for (int cut = 0; cut <= MAX_CUTS; cut++) {
            int comps = components(succ, pred, tail, comp);
            double[] compCost = new double[comps];
            double head = 0;
            for (int i = 0; i < n; i++) if (!tail[i]) { compCost[comp[i]] += cost[i]; head += cost[i]; }
            int largest = 0;
            for (int c = 1; c < comps; c++) if (compCost[c] > compCost[largest]) largest = c;
            if (comps >= 2) {
                double estimate = Math.max(head / 2, compCost[largest]) + (total - head);
                if (estimate < bestEstimate) { bestEstimate = estimate; bestTail = tail.clone(); bestHead = head; }
            }
            if (comps == 0 || (comps >= 2 && compCost[largest] <= head / 2)) break;
            boolean moved = false;
            boolean[] sink = new boolean[n];
            for (int i = 0; i < n; i++) {
                if (tail[i] || comp[i] != largest) continue;
                boolean feedsHead = false;
                for (int s : succ[i]) if (!tail[s]) { feedsHead = true; break; }
                sink[i] = !feedsHead;
            }
            for (int i = 0; i < n; i++) if (sink[i]) { tail[i] = true; moved = true; }
            if (!moved) break;
        }
        if (bestTail == null) return null;
        if (mode == ParallelMode.AUTO && (bestHead < AUTO_MIN_HEAD_COST
                || bestEstimate + HANDOFF_COST > AUTO_MAX_RATIO * total)) return null;
        return pack(order, bestTail, succ, pred, cost, bestHead, total / (bestEstimate + HANDOFF_COST));
    }

    /** Packs the head's components, in plan order, into tasks; the tail follows. */
    private static BranchPartition pack(List<NodeSlot> order, boolean[] tail, int[][] succ, int[][] pred,
                                        double[] cost, double head, double speedup) {
        int n = order.size();
        int[] comp = new int[n];
        int comps = components(succ, pred, tail, comp);
        // components numbered by first appearance in plan order (components() walks i upward)
        double[] compCost = new double[comps];
        for (int i = 0; i < n; i++) if (!tail[i]) compCost[comp[i]] += cost[i];
        double target = comps <= TARGET_TASKS ? 0 : head / TARGET_TASKS;   // few components: one task each
        int[] taskOfComp = new int[comps];
        int tasks = 0;
        double filled = 0;
        for (int c = 0; c < comps; c++) {
            taskOfComp[c] = tasks;
            filled += compCost[c];
            if (filled >= target && c < comps - 1) { tasks++; filled = 0; }
        }
        tasks++;
        List<List<Integer>> members = new ArrayList<>();
        for (int t = 0; t <= tasks; t++) members.add(new ArrayList<>());
        for (int i = 0; i < n; i++) members.get(tail[i] ? tasks : taskOfComp[comp[i]]).add(i);
        List<NodeSlot> newOrder = new ArrayList<>(n);
        int[] lane = new int[n];
        int[] taskEnds = new int[tasks];
        for (int t = 0; t <= tasks; t++) {
            for (int i : members.get(t)) { lane[newOrder.size()] = t; newOrder.add(order.get(i)); }
            if (t < tasks) taskEnds[t] = newOrder.size();
        }
        return new BranchPartition(newOrder, lane, new ParallelSchedule(taskEnds, speedup));
    }

    /** Weakly connected components of the nodes not in {@code tail}, numbered in order of their first node. */
    private static int components(int[][] succ, int[][] pred, boolean[] tail, int[] comp) {
        int n = comp.length;
        Arrays.fill(comp, -1);
        int[] stack = new int[n];
        int comps = 0;
        for (int i = 0; i < n; i++) {
            if (tail[i] || comp[i] >= 0) continue;
            int top = 0;
            stack[top++] = i;
            comp[i] = comps;
            while (top > 0) {
                int v = stack[--top];
                for (int[] adj : new int[][] {succ[v], pred[v]}) {
                    for (int w : adj) {
                        if (!tail[w] && comp[w] < 0) { comp[w] = comps; stack[top++] = w; }
                    }
                }
            }
            comps++;
        }
        return comps;
    }

    private static int[][] adjacency(int n, Collection<Edge> edges, Map<Long, Integer> pos, boolean forward) {
        int[] count = new int[n];
        for (Edge e : edges) count[pos.get(forward ? e.from() : e.to())]++;
        int[][] adj = new int[n][];
        for (int i = 0; i < n; i++) adj[i] = new int[count[i]];
        Arrays.fill(count, 0);
        for (Edge e : edges) {
            int a = pos.get(forward ? e.from() : e.to()), b = pos.get(forward ? e.to() : e.from());
            adj[a][count[a]++] = b;
        }
        return adj;
    }
}
