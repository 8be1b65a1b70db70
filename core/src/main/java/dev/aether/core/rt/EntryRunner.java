package dev.aether.core.rt;

import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.budget.RunStopped;
import dev.aether.core.budget.Watch;
import dev.aether.core.command.EventRing;
import dev.aether.core.graph.BlockSums;
import dev.aether.core.graph.NodeSlot;
import dev.aether.core.graph.PlanEntry;
import dev.aether.core.param.ParamClock;
import java.util.Arrays;

/**
 * Runs plan entries on one rendering thread: the one per-entry routine of the engine, used by the audio thread and
 * by the parallel worker alike (each has its own runner: its own {@link ProcessContext}, budget {@link Watch} and
 * {@link FaultSink}). Confined to its thread; nothing here allocates, locks, blocks or logs.
 *
 * <p>Per entry: sums its inputs (sources in the plan's fixed order, so any thread gets the same bits), runs the node
 * unless it is bypassed, guards what it wrote, then makes the partial sums whose last source it is. A node that throws or writes NaN/Inf is bypassed (outputs
 * zeroed) and reported; a node whose user code runs past the thread's budget is bypassed, reported with its site,
 * and the watch is armed afresh for the nodes after it.
 */
public final class EntryRunner {
    private final ProcessContext ctx;
    private final FaultSink faults;
    private final long userCodeBudgetNanos;
    private final float[] zeros;            // never handed out: what a silent output is compared with
    private Watch watch;
    private long time;

    /**
     * The audio thread's runner: reports go straight to {@code events} (the thread is its one producer).
     * {@code silence} is the engine's shared silent block; user code may run {@code userCodeBudgetNanos} per block.
     */
    public EntryRunner(double sampleRate, float[] silence, EventRing events, long userCodeBudgetNanos) {
        this(sampleRate, silence, new EventSink(events), userCodeBudgetNanos);
    }

    EntryRunner(double sampleRate, float[] silence, FaultSink faults, long userCodeBudgetNanos) {
        this.ctx = new ProcessContext(sampleRate);
        this.ctx.silence(silence);
        this.zeros = new float[silence.length];
        this.faults = faults;
        this.userCodeBudgetNanos = userCodeBudgetNanos;
    }

    /** The watch of this runner's thread (null: user code on it is never stopped). Set on the runner's thread. */
    void watch(Watch w) { this.watch = w; }

    Watch watch() { return watch; }

    /** Arms this thread's watch: user code may run for the budget from {@code startNanos}. */
    @RealtimeSafe
    void armRt(long startNanos) {
        Watch w = watch;
        if (w != null) w.armRt(startNanos, userCodeBudgetNanos);
    }

    @RealtimeSafe
    void disarmRt() {
        Watch w = watch;
        if (w != null) w.disarmRt();
    }

    /** Sets the timing of the segment about to run: engine sample, frames, tempo and beat at its first frame. */
    @RealtimeSafe
    public void segmentRt(long time, int n, double bpm, double beat) {
        this.time = time;
        ctx.time(time, n, bpm, beat);
    }

    /**
     * Runs entries {@code from} until {@code to} of {@code entries} for {@code n} frames (the segment set with
     * {@link #segmentRt}); an entry whose {@link PlanEntry#index} is in {@code [meterFrom, meterTo)} is metered.
     * With {@code profile}, each entry's {@code costNanos} is the time from the end of the entry before it (or from
     * this call) to its own end.
     */
    @RealtimeSafe
    public void runRt(PlanEntry[] entries, int from, int to, int n, int meterFrom, int meterTo, boolean profile) {
        if (profile) {
            long before = System.nanoTime();
            for (int k = from; k < to; k++) {
                PlanEntry e = entries[k];
                runEntryRt(e, n, e.index >= meterFrom && e.index < meterTo);
                if (e.partials != null) sumRt(e.partials, n);
                long after = System.nanoTime();
                e.slot.costNanos = after - before;
                before = after;
            }
        } else {
            for (int k = from; k < to; k++) {
                PlanEntry e = entries[k];
                runEntryRt(e, n, e.index >= meterFrom && e.index < meterTo);
                if (e.partials != null) sumRt(e.partials, n);
            }
        }
    }

    /** Sums the entry's inputs, runs its node unless bypassed, then guards what it wrote. */
    private void runEntryRt(PlanEntry e, int n, boolean metered) {
        if (e.sums != null) sumRt(e.sums, n);
        if (e.slot.faulted) {
            zeroRt(e.outputBuffers, n);
            return;
        }
        ParamClock clock = e.clocked ? e.clock : null;
        if (clock != null) clock.beginRt(time, n);
        ctx.bind(e.inputs, e.outputs);
        try {
            e.node.process(ctx);
        } catch (RunStopped stop) {
            overBudgetRt(e, stop, n);
            return;
        } catch (Throwable t) {
            faultRt(e, "exception", t, n);
            return;
        } finally {
            if (clock != null) clock.endRt();
        }
        if (e.fade != null) e.fade.mixRt(ctx, e.fadeInputs, e.fadeParams, e.outputs, time, n);
        if (metered) meterRt(e, n);
        else guardRt(e, n);
    }

    /** Fills {@code s}'s sums for {@code n} frames, the terms added in order (the same bits on any thread). */
    private static void sumRt(BlockSums sums, int n) {
        float[][] targets = sums.targets, gains = sums.gains;
        float[][][] sources = sums.sources;
        for (int k = 0; k < targets.length; k++) {
            float[] dst = targets[k];
            float[][] src = sources[k];
            float[] g = gains[k];
            float g0 = g[0];
            float[] s0 = src[0];
            for (int i = 0; i < n; i++) dst[i] = s0[i] * g0;
            for (int j = 1; j < src.length; j++) {
                float[] s = src[j];
                float gj = g[j];
                for (int i = 0; i < n; i++) dst[i] += s[i] * gj;
            }
        }
    }

    /**
     * The per-block guard of the outputs something reads: a NaN or Inf bypasses the node (zeroing its outputs)
     * before any reader runs, and outputs that decayed to denormal levels are zeroed. One OR over the samples'
     * magnitude bits settles both for almost every block ({@link OutputScan#orBitsRt}); the exact max runs only when
     * the OR reaches the NaN/Inf pattern. Peaks are left to {@link #meterRt}.
     */
    private void guardRt(PlanEntry e, int n) {
        float[] b0 = e.readOutput0;
        if (b0 == null) return;
        if (!guardOneRt(e, b0, n)) return;
        float[][] outs = e.readOutputs;
        for (int k = 1; k < outs.length; k++) if (!guardOneRt(e, outs[k], n)) return;
    }

    /**
     * Guards one read output; false when it was not finite (the node is then faulted and bypassed). Without the
     * Vector API a silent output (every sample +0.0) is settled first by one compare with a zero block:
     * {@code Arrays.mismatch} is a JDK intrinsic with wide loads, while the scalar OR's one-float loads of samples the
     * node has just stored cost about 20 ns per 64 on JDK 17 (README, issue 15); a sounding output usually fails at
     * its first sample, before the call. The vector OR reads silence as fast as the compare, so it does not ask.
     * Either way the decision is the OR's: zero means finite, no flush.
     */
    private boolean guardOneRt(PlanEntry e, float[] b, int n) {
        if (!OutputScan.VECTORISED && Float.floatToRawIntBits(b[0]) == 0 && Arrays.mismatch(b, 0, n, zeros, 0, n) < 0) {
            return true;
        }
        int o = OutputScan.orBitsRt(b, n);
        if (o >= OutputScan.NON_FINITE_BITS && OutputScan.peakBitsRt(b, n) >= OutputScan.NON_FINITE_BITS) {
            faultRt(e, "non-finite output (NaN or Inf)", null, n);
            return false;
        }
        if (o < OutputScan.TINY_BITS && o != 0) Arrays.fill(b, 0, n, 0f);
        return true;
    }

    /**
     * In the block the node is metered: the guard's decisions over every output, read or not, from the exact max,
     * plus the peak and the sum of squares the meter reports (both sampled from this block).
     */
    private void meterRt(PlanEntry e, int n) {
        int maxBits = 0;
        double sumSquares = 0;
        for (float[] b : e.outputBuffers) {
            int m = OutputScan.peakBitsRt(b, n);
            if (m >= OutputScan.NON_FINITE_BITS) {
                faultRt(e, "non-finite output (NaN or Inf)", null, n);
                return;
            }
            if (m < OutputScan.TINY_BITS && m != 0) Arrays.fill(b, 0, n, 0f);
            float ss = 0;
            for (int i = 0; i < n; i++) ss += b[i] * b[i];
            sumSquares += ss;
            maxBits = Math.max(maxBits, m);
        }
        NodeSlot slot = e.slot;
        float peak = Float.intBitsToFloat(maxBits);
        if (peak > slot.peak) slot.peak = peak;
        slot.sumSquares = sumSquares;
        slot.frames = n;
    }

    private void faultRt(PlanEntry e, String cause, Throwable t, int n) {
        e.slot.faulted = true;
        zeroRt(e.outputBuffers, n);
        faults.faultRt(e.slot, cause, t);
    }

    /** Bypasses a node whose user code ran past its budget, and gives the nodes after it a fresh budget. */
    private void overBudgetRt(PlanEntry e, RunStopped stop, int n) {
        e.slot.faulted = true;
        zeroRt(e.outputBuffers, n);
        faults.overBudgetRt(e.slot, stop.site(), stop.budgetNanos());
        Watch w = watch;
        if (w != null) w.armRt(System.nanoTime(), userCodeBudgetNanos);
    }

    private static void zeroRt(float[][] buffers, int n) {
        for (float[] b : buffers) Arrays.fill(b, 0, n, 0f);
    }

    /** Reports straight to the event ring. */
    private static final class EventSink implements FaultSink {
        private final EventRing events;

        EventSink(EventRing events) { this.events = events; }

        @Override public void faultRt(NodeSlot node, String cause, Throwable error) { events.faultRt(node, cause, error); }

        @Override public void overBudgetRt(NodeSlot node, int site, long budgetNanos) {
            events.overBudgetRt(node, site, budgetNanos);
        }
    }
}
