package dev.aether.core.graph;

import dev.aether.core.ControlThread;
import dev.aether.core.ParallelMode;
import dev.aether.core.InputPort;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.OutputPort;
import dev.aether.core.buffer.BufferPool;
import dev.aether.core.param.SmoothedParam;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Patch} into an {@link ExecutionPlan}: Kahn order, a buffer for every output channel,
 * inputs aliased to their single source where possible and summed otherwise, and buffers reused as soon as
 * their last reader has run (liveness). Each entry also lists which of its outputs anything reads (another
 * node or, for the master, the driver): the scheduler guards those. Runs on the control thread.
 *
 * <p>Channel rules: a mono source feeds every channel of a wider input; a wider source feeds a mono input
 * with the average of its channels; otherwise channel {@code c} feeds channel {@code c} and extra
 * channels read silence.
 */
@ControlThread
public final class PlanCompiler {
    private final BufferPool pool;
    private final ParallelMode parallel;
    private final int cores;
    private long version;

    /** A compiler in the mode {@code -Daether.parallel} names ({@link ParallelMode#fromSystemProperty}). */
    public PlanCompiler(BufferPool pool) { this(pool, ParallelMode.fromSystemProperty()); }

    /** A compiler that splits plans for two threads as {@code parallel} says ({@link BranchPartition}). */
    public PlanCompiler(BufferPool pool, ParallelMode parallel) {
        this.pool = pool;
        this.parallel = parallel;
        this.cores = Runtime.getRuntime().availableProcessors();
    }

    /** The mode plans are split in. */
    public ParallelMode parallelMode() { return parallel; }

    /** Builds a plan for {@code patch}; {@code master} is the slot whose stereo output goes to the driver. */
    public ExecutionPlan compile(Patch patch, NodeSlot master) {
        List<NodeSlot> order = patch.order();
        BranchPartition split = BranchPartition.of(order, patch.edges(), parallel, cores);
        if (split != null) order = split.order;
        Map<Long, NodeSlot> byId = new HashMap<>();
        for (NodeSlot s : order) byId.put(s.id().packed(), s);

        // readers left for every (node, output port, channel) buffer
        Map<float[], Integer> readers = new IdentityHashMap<>();
        Map<Long, float[][][]> outputsOf = new HashMap<>();
        Map<Long, List<Edge>> into = new HashMap<>();
        Map<Long, List<Edge>> outOf = new HashMap<>();
        for (Edge e : patch.edges()) {
            into.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
            outOf.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
        }

        // one free list per task: a buffer freed in one task is never reused by another (they may run at once);
        // the tail (the last list) runs after every task, so it takes over what they freed
        int lanes = split == null ? 1 : split.schedule.tasks() + 1;
        List<ArrayDeque<float[]>> frees = new ArrayList<>(lanes);
        for (int k = 0; k < lanes; k++) frees.add(new ArrayDeque<>());
        List<float[]> owned = new ArrayList<>();
        float[] silence = pool.silence();
        List<PlanEntry> entries = new ArrayList<>(order.size());
        float[][] masterOut = null;

        for (int at = 0; at < order.size(); at++) {
            NodeSlot slot = order.get(at);
            int lane = split == null ? 0 : split.lane[at];
            ArrayDeque<float[]> free = frees.get(lane);
            if (split != null && lane == lanes - 1 && at == split.schedule.tailStart()) {
                for (int k = 0; k < lanes - 1; k++) { free.addAll(frees.get(k)); frees.get(k).clear(); }
            }
            NodeSpec spec = slot.spec();
            List<Edge> feeding = into.getOrDefault(slot.id().packed(), List.of());
            int nIn = spec.inputs().size();
            float[][][] inputs = new float[nIn][][];
            List<float[]> sumTargets = new ArrayList<>();
            List<float[][]> sumSources = new ArrayList<>();
            List<float[]> sumGains = new ArrayList<>();
            List<float[]> consumed = new ArrayList<>();

            for (InputPort in : spec.inputs()) {
                float[][] chans = new float[in.channels()][];
                for (int c = 0; c < in.channels(); c++) {
                    List<float[]> src = new ArrayList<>();
                    List<Float> gains = new ArrayList<>();
                    for (Edge e : feeding) {
                        if (!e.toPort().equals(in.name())) continue;
                        NodeSlot from = byId.get(e.from());
                        OutputPort op = from.spec().output(e.fromPort());
                        if (op == null) {
                            throw new IllegalStateException(from.label() + " has no output '" + e.fromPort()
                                    + "' any more; reconnect it");
                        }
                        float[][] bufs = outputsOf.get(e.from())[op.index()];
                        if (bufs.length == 1) { src.add(bufs[0]); gains.add(1f); }
                        else if (in.channels() == 1) {
                            for (float[] b : bufs) { src.add(b); gains.add(1f / bufs.length); }
                        } else if (c < bufs.length) { src.add(bufs[c]); gains.add(1f); }
                    }
                    consumed.addAll(src);
                    if (src.isEmpty()) {
                        chans[c] = silence;
                    } else if (src.size() == 1 && gains.get(0) == 1f) {
                        chans[c] = src.get(0);
                    } else {
                        float[] sum = take(free, owned);
                        chans[c] = sum;
                        sumTargets.add(sum);
                        sumSources.add(src.toArray(new float[0][]));
                        float[] g = new float[gains.size()];
                        for (int k = 0; k < g.length; k++) g[k] = gains.get(k);
                        sumGains.add(g);
                    }
                }
                inputs[in.index()] = chans;
            }

            int nOut = spec.outputs().size();
            float[][][] outputs = new float[nOut][][];
            for (OutputPort op : spec.outputs()) {
                float[][] chans = new float[op.channels()][];
                for (int c = 0; c < chans.length; c++) {
                    float[] b = take(free, owned);
                    chans[c] = b;
                    readers.put(b, 0);
                }
                outputs[op.index()] = chans;
            }
            outputsOf.put(slot.id().packed(), outputs);
            // count readers of this node's outputs among the edges leaving it
            for (Edge e : outOf.getOrDefault(slot.id().packed(), List.of())) {
                NodeSlot to = byId.get(e.to());
                InputPort ip = to.spec().input(e.toPort());
                OutputPort op = spec.output(e.fromPort());
                if (ip == null || op == null) continue;
                float[][] bufs = outputs[op.index()];
                for (int c = 0; c < ip.channels(); c++) {
                    if (bufs.length == 1) readers.merge(bufs[0], 1, Integer::sum);
                    else if (ip.channels() == 1) { for (float[] b : bufs) readers.merge(b, 1, Integer::sum); }
                    else if (c < bufs.length) readers.merge(bufs[c], 1, Integer::sum);
                }
            }

            Crossfade fade = slot.fade();
            float[][][] fadeInputs = null;
            SmoothedParam[] fadeParams = null;
            if (fade != null) {
                List<InputPort> oldIns = fade.fromSpec.inputs();
                fadeInputs = new float[oldIns.size()][][];
                for (InputPort old : oldIns) {
                    InputPort now = spec.input(old.name());
                    float[][] chans = new float[old.channels()][];
                    for (int c = 0; c < chans.length; c++) {
                        chans[c] = now == null ? silence : inputs[now.index()][Math.min(c, now.channels() - 1)];
                    }
                    fadeInputs[old.index()] = chans;
                }
                fadeParams = fade.fromSpec.params().toArray(new SmoothedParam[0]);
            }

            List<float[]> read = new ArrayList<>();
            for (float[][] chans : outputs) for (float[] b : chans) if (slot == master || readers.get(b) > 0) read.add(b);
            entries.add(new PlanEntry(entries.size(), slot, slot.node(), inputs, outputs, read.toArray(new float[0][]),
                    sumTargets.toArray(new float[0][]), sumSources.toArray(new float[0][][]),
                    sumGains.toArray(new float[0][]), fade, fadeInputs, fadeParams));

            if (slot == master) masterOut = outputs[0];

            // liveness: sources read by this node, sum buffers, and unread outputs are free from here on
            for (float[] b : consumed) {
                Integer left = readers.get(b);
                if (left != null && left > 0 && readers.merge(b, -1, Integer::sum) == 0) free.push(b);
            }
            for (float[] s : sumTargets) free.push(s);
            if (slot != master) {
                for (float[][] chans : outputs) for (float[] b : chans) if (readers.get(b) == 0) free.push(b);
            }
        }
        if (masterOut == null) throw new IllegalStateException("the patch has no master bus");
        return new ExecutionPlan(entries.toArray(new PlanEntry[0]), masterOut, silence, owned, ++version,
                split == null ? null : split.schedule);
    }

    /** Gives a returned plan's buffers back to the pool. */
    public void recycle(ExecutionPlan plan) {
        for (float[] b : plan.ownedBuffers) pool.release(b);
    }

    private float[] take(ArrayDeque<float[]> free, List<float[]> owned) {
        if (!free.isEmpty()) return free.pop();
        float[] b = pool.acquire();
        owned.add(b);
        return b;
    }
}
