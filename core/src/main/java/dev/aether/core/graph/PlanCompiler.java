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
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns a {@link Patch} into an {@link ExecutionPlan}: Kahn order (task after task when the plan is split for two
 * threads, {@link BranchPartition}), a buffer for every output channel, inputs aliased to their single source where
 * possible and summed otherwise (a join's inputs partly in partial sums per task, {@link PartialSums}, the same on one
 * thread and two), and buffers reused as soon as their last reader has run (liveness). Each entry also lists which of
 * its outputs anything reads (another node or, for the master, the driver): the scheduler guards those. Runs on the
 * control thread.
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
        List<NodeSlot> kahn = patch.order();
        List<Edge> edges = patch.edges();
        // the cut two threads would run, made in every mode: partial sums follow its tasks, so one thread adds in the
        // same order as two and renders the same bits
        BranchPartition canonical = BranchPartition.of(kahn, edges, ParallelMode.AUTO, 2);
        boolean twoThreads = parallel == ParallelMode.ON || (parallel == ParallelMode.AUTO && cores >= 2);
        BranchPartition split = !twoThreads ? null
                : canonical != null ? canonical : BranchPartition.of(kahn, edges, parallel, cores);
        // one thread keeps Kahn order: task after task cost it about 7% (README, "Partial sums per task")
        List<NodeSlot> order = split == null ? kahn : split.order;
        Map<Long, NodeSlot> byId = new HashMap<>();
        for (NodeSlot s : order) byId.put(s.id().packed(), s);

        // readers left for every (node, output port, channel) buffer
        Map<float[], Integer> readers = new IdentityHashMap<>();
        Map<Long, float[][][]> outputsOf = new HashMap<>();
        Map<Long, List<Edge>> into = new HashMap<>();
        Map<Long, List<Edge>> outOf = new HashMap<>();
        for (Edge e : edges) {
            into.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
            outOf.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
        }
        PartialSums partials = new PartialSums(canonical, order, into, byId);

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
            long id = slot.id().packed();
            int lane = split == null ? 0 : split.lane[at];
            ArrayDeque<float[]> free = frees.get(lane);
            if (split != null && lane == lanes - 1 && at == split.schedule.tailStart()) {
                for (int k = 0; k < lanes - 1; k++) { free.addAll(frees.get(k)); frees.get(k).clear(); }
            }
            NodeSpec spec = slot.spec();
            List<Edge> feeding = into.getOrDefault(id, List.of());
            float[][][] inputs = new float[spec.inputs().size()][][];
            Sums sums = new Sums();
            List<float[]> consumed = new ArrayList<>();
            Set<float[]> partialsRead = Collections.newSetFromMap(new IdentityHashMap<>());

            for (InputPort in : spec.inputs()) {
                float[][] chans = new float[in.channels()][];
                for (int c = 0; c < in.channels(); c++) {
                    Sum sum = new Sum(id);
                    for (PartialSums.Partial p : partials.into(id, in.name(), c)) { sum.add(p.buffer, 1f); partialsRead.add(p.buffer); }
                    for (Edge e : feeding) {
                        if (!e.toPort().equals(in.name()) || partials.covers(e, c)) continue;
                        terms(e, in, c, byId, outputsOf, sum);
                    }
                    consumed.addAll(sum.sources);
                    if (sum.sources.isEmpty()) chans[c] = silence;
                    else if (sum.sources.size() == 1 && sum.gains.get(0) == 1f) chans[c] = sum.sources.get(0);
                    else chans[c] = sums.targetFor(sum, () -> take(free, owned));
                }
                inputs[in.index()] = chans;
            }

            float[][][] outputs = new float[spec.outputs().size()][][];
            for (OutputPort op : spec.outputs()) {
                float[][] chans = new float[op.channels()][];
                for (int c = 0; c < chans.length; c++) {
                    float[] b = take(free, owned);
                    chans[c] = b;
                    readers.put(b, 0);
                }
                outputs[op.index()] = chans;
            }
            outputsOf.put(id, outputs);
            // count readers of this node's outputs among the edges leaving it
            for (Edge e : outOf.getOrDefault(id, List.of())) {
                InputPort ip = byId.get(e.to()).spec().input(e.toPort());
                OutputPort op = spec.output(e.fromPort());
                if (ip == null || op == null) continue;
                float[][] bufs = outputs[op.index()];
                for (int c = 0; c < ip.channels(); c++) feeds(bufs.length, ip.channels(), c, (k, g) -> readers.merge(bufs[k], 1, Integer::sum));
            }
            List<float[]> read = new ArrayList<>();
            List<float[]> unread = new ArrayList<>();
            for (float[][] chans : outputs) {
                for (float[] b : chans) (slot == master || readers.get(b) > 0 ? read : unread).add(b);
            }

            // the partial sums whose last source this is: a task's share of a join's input, added up where it ends
            Sums partialSums = new Sums();
            for (PartialSums.Partial p : partials.at(at)) {
                Sum sum = new Sum(p.join);           // shared only within one join: the join frees what it reads
                for (Edge e : p.edges) terms(e, byId.get(p.join).spec().input(p.port), p.channel, byId, outputsOf, sum);
                consumed.addAll(sum.sources);
                p.buffer = partialSums.targetFor(sum, () -> take(free, owned));
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

            entries.add(new PlanEntry(entries.size(), slot, slot.node(), inputs, outputs, read.toArray(new float[0][]),
                    sums.build(), partialSums.build(), fade, fadeInputs, fadeParams));

            if (slot == master) masterOut = outputs[0];

            // liveness: unread outputs, sum buffers, partial sums read here, and sources read for the last time (by
            // the node or by a partial sum) are free from here on
            for (float[] b : unread) free.push(b);
            for (float[] s : sums.targets) free.push(s);
            for (float[] p : partialsRead) free.push(p);
            for (float[] b : consumed) {
                Integer left = readers.get(b);
                if (left != null && left > 0 && readers.merge(b, -1, Integer::sum) == 0) free.push(b);
            }
        }
        if (masterOut == null) throw new IllegalStateException("the patch has no master bus");
        return new ExecutionPlan(entries.toArray(new PlanEntry[0]), masterOut, silence, owned, ++version,
                split == null ? null : split.schedule);
    }

    /** Adds what edge {@code e} brings to channel {@code c} of {@code in} (the channel rules above) to {@code sum}. */
    private static void terms(Edge e, InputPort in, int c, Map<Long, NodeSlot> byId, Map<Long, float[][][]> outputsOf,
                              Sum sum) {
        NodeSlot from = byId.get(e.from());
        OutputPort op = from.spec().output(e.fromPort());
        if (op == null) {
            throw new IllegalStateException(from.label() + " has no output '" + e.fromPort() + "' any more; reconnect it");
        }
        float[][] bufs = outputsOf.get(e.from())[op.index()];
        feeds(bufs.length, in.channels(), c, (k, gain) -> sum.add(bufs[k], gain));
    }

    /** Receives one source channel that feeds an input channel, with its gain. */
    interface Feed { void feed(int sourceChannel, float gain); }

    /**
     * The channel rules (above): gives {@code feed} each channel of an {@code outChannels}-channel source that feeds
     * channel {@code c} of an {@code inChannels}-channel input, with its gain.
     */
    static void feeds(int outChannels, int inChannels, int c, Feed feed) {
        if (outChannels == 1) feed.feed(0, 1f);
        else if (inChannels == 1) { for (int k = 0; k < outChannels; k++) feed.feed(k, 1f / outChannels); }
        else if (c < outChannels) feed.feed(c, 1f);
    }

    /**
     * Terms of one sum, {@code Σ sources[j] * gains[j]}, in the order they are added, for the node whose input it
     * feeds ({@code reader}, packed id).
     */
    private static final class Sum {
        final long reader;
        final List<float[]> sources = new ArrayList<>();
        final List<Float> gains = new ArrayList<>();

        Sum(long reader) { this.reader = reader; }

        void add(float[] source, float gain) { sources.add(source); gains.add(gain); }

        /** Same reader, same terms in the same order: one buffer can serve both. */
        boolean sameAs(Sum o) {
            if (o.reader != reader || o.sources.size() != sources.size() || !o.gains.equals(gains)) return false;
            for (int k = 0; k < sources.size(); k++) if (o.sources.get(k) != sources.get(k)) return false;
            return true;
        }
    }

    /** The sums one entry fills, while they are collected. */
    private static final class Sums {
        final List<float[]> targets = new ArrayList<>();
        final List<Sum> terms = new ArrayList<>();

        /**
         * The buffer to hold {@code sum}: the one this entry already fills with the same sum (another channel of the
         * input, say: a mono voice into the stereo master), else a new one from {@code fresh}.
         */
        float[] targetFor(Sum sum, Supplier<float[]> fresh) {
            for (int k = 0; k < terms.size(); k++) if (terms.get(k).sameAs(sum)) return targets.get(k);
            float[] target = fresh.get();
            targets.add(target);
            terms.add(sum);
            return target;
        }

        /** The sums as a plan entry holds them; null when there are none. */
        BlockSums build() {
            if (targets.isEmpty()) return null;
            float[][][] s = new float[terms.size()][][];
            float[][] g = new float[terms.size()][];
            for (int k = 0; k < s.length; k++) {
                Sum sum = terms.get(k);
                s[k] = sum.sources.toArray(new float[0][]);
                g[k] = new float[sum.gains.size()];
                for (int j = 0; j < g[k].length; j++) g[k][j] = sum.gains.get(j);
            }
            return new BlockSums(targets.toArray(new float[0][]), s, g);
        }
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
