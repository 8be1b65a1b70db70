package dev.aether.repl.session;

import dev.aether.core.DspNode;
import dev.aether.core.node.NodeRunner;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.ProcessContext;
import dev.aether.core.budget.RunStopped;
import dev.aether.repl.eval.UserCodeGuard;
import java.util.Arrays;

/**
 * Session thread (called by the hot swapper); never the audio thread.
 * Renders a candidate node off the audio thread, in a {@link NodeRunner}, before it may replace a live one, the
 * way the engine would: same rate and block size, parameters clocked; the first half of the blocks with every input unconnected (the
 * shared silence, {@link ProcessContext#connected} false), the second half with every input fed a test signal
 * with the port's channel count, so both paths a node may take are tried.
 * Rejects the candidate when {@code process} throws, writes NaN or infinity, costs more per block than the
 * budget (median of the second half of the blocks, after the JIT has had a go), or runs past the guard's budget of
 * one block ({@link BlockGuard}: a loop that does not end is stopped inside it). A cancel (Ctrl-C) ends the trial
 * with {@link RunStopped}. A passed candidate is also
 * warm, so it can be the instance that plays: the swap builds one. Control thread; the node must not be in an
 * engine yet (its ports are bound to the trial's runner until released).
 */
public final class TrialRun {
    /** The outcome: {@link #passed()} or a reason naming what failed. */
    public record Verdict(boolean passed, String reason, long medianBlockNanos, NodeRunner runner) {
        static Verdict pass(long nanos, NodeRunner runner) { return new Verdict(true, "", nanos, runner); }
        static Verdict fail(String reason, long nanos, NodeRunner runner) { return new Verdict(false, reason, nanos, runner); }
    }

    private final double sampleRate;
    private final int blockSize;
    private final double seconds;
    private final double budgetFraction;
    private final BlockGuard blockGuard;

    /**
     * @param seconds        how much audio to render (0.5 s by default)
     * @param budgetFraction share of a block's duration one node may use (e.g. 0.5)
     * @param guard          the guard each block runs under
     */
    public TrialRun(double sampleRate, int blockSize, double seconds, double budgetFraction, UserCodeGuard guard) {
        this.sampleRate = sampleRate;
        this.blockSize = blockSize;
        this.seconds = seconds;
        this.budgetFraction = budgetFraction;
        this.blockGuard = new BlockGuard(guard, sampleRate, blockSize);
    }

    /** Budget per block in nanoseconds. */
    public long budgetNanos() { return (long) (budgetFraction * blockSize / sampleRate * 1e9); }

    /**
     * Trial-runs {@code node} in a {@link NodeRunner} of its own, returned in the verdict: on a pass the node has
     * also been {@link NodeRunner#warmUp warmed up}, ready to be {@link NodeRunner#release released} into the
     * engine. Its state is what the trial left: reset it, or carry a state in, before it plays.
     */
    public Verdict run(DspNode node) {
        String name = node.typeName();
        NodeRunner runner;
        try {
            runner = new NodeRunner(node, sampleRate, blockSize);
        } catch (RuntimeException e) {
            return Verdict.fail(name + " could not be prepared: " + describe(e), 0, null);
        }
        NodeSpec spec = runner.spec();
        float[][][] out = new float[spec.outputs().size()][][];
        for (int p = 0; p < out.length; p++) out[p] = runner.output(spec.outputs().get(p));
        float[][][] in = null;
        int blocks = Math.max(2, (int) Math.ceil(seconds * sampleRate / blockSize));
        long[] cost = new long[blocks];
        for (int b = 0; b < blocks; b++) {
            boolean fed = b >= blocks / 2;
            if (b == blocks / 2) in = connectAll(runner);
            long time = runner.time();
            if (fed) fillTestSignal(in, time);
            for (float[][] port : out) for (float[] ch : port) Arrays.fill(ch, 0f);
            long t0 = System.nanoTime();
            try {
                blockGuard.run(runner, blockSize);
            } catch (RunStopped e) {
                if (e.reason() == RunStopped.Reason.CANCELLED) throw e;
                return Verdict.fail(BlockGuard.pastBudget(e, "in the trial run") + " (after " + b + " blocks)", 0, runner);
            } catch (RuntimeException | Error e) {
                return Verdict.fail(name + ".process threw " + describe(e) + " (after " + b + " blocks, inputs "
                        + (fed ? "fed a test signal" : "unconnected") + ")", 0, runner);
            }
            cost[b] = System.nanoTime() - t0;
            String bad = nonFinite(spec, out, name);
            if (bad != null) {
                return Verdict.fail(bad + " (after " + b + " blocks, inputs " + (fed ? "fed a test signal" : "unconnected")
                        + ")", 0, runner);
            }
        }
        long[] late = Arrays.copyOfRange(cost, blocks / 2, blocks);
        Arrays.sort(late);
        long median = late[late.length / 2];
        if (median > budgetNanos()) {
            return Verdict.fail(String.format("%s costs %.3f ms per %d-frame block, over the budget of %.3f ms",
                    name, median / 1e6, blockSize, budgetNanos() / 1e6), median, runner);
        }
        try {
            blockGuard.warmUp(runner);  // no extra blocks unless the trial was shorter than a warm-up
        } catch (RunStopped e) {
            if (e.reason() == RunStopped.Reason.CANCELLED) throw e;
            return Verdict.fail(BlockGuard.pastBudget(e, "while warming up"), median, runner);
        } catch (RuntimeException | Error e) {
            return Verdict.fail(name + ".process threw " + describe(e) + " while warming up", median, runner);
        }
        return Verdict.pass(median, runner);
    }

    private static float[][][] connectAll(NodeRunner runner) {
        runner.connectAll();
        NodeSpec spec = runner.spec();
        float[][][] in = new float[spec.inputs().size()][][];
        for (int p = 0; p < in.length; p++) in[p] = runner.input(spec.inputs().get(p));
        return in;
    }

    /** Two non-harmonic sines at -6 dBFS, different per channel, so filters and shapers see real material. */
    private void fillTestSignal(float[][][] in, long time) {
        for (float[][] port : in) {
            for (int ch = 0; ch < port.length; ch++) {
                double f1 = 220 * (ch + 1), f2 = 1_370.5 + 100 * ch;
                for (int i = 0; i < blockSize; i++) {
                    double t = (time + i) / sampleRate;
                    port[ch][i] = (float) (0.25 * Math.sin(2 * Math.PI * f1 * t) + 0.25 * Math.sin(2 * Math.PI * f2 * t));
                }
            }
        }
    }

    private String nonFinite(NodeSpec spec, float[][][] out, String name) {
        for (int p = 0; p < out.length; p++) {
            for (int ch = 0; ch < out[p].length; ch++) {
                for (int i = 0; i < blockSize; i++) {
                    float v = out[p][ch][i];
                    if (!Float.isFinite(v)) {
                        return name + " wrote " + (Float.isNaN(v) ? "NaN" : "Infinity") + " to output '"
                                + spec.outputs().get(p).name() + "'";
                    }
                }
            }
        }
        return null;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
