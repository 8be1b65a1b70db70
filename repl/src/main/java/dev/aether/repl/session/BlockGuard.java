package dev.aether.repl.session;

import dev.aether.core.DspNode;
import dev.aether.core.budget.CodeSite;
import dev.aether.core.budget.RunBudget;
import dev.aether.core.budget.RunStopped;
import dev.aether.core.node.NodeRunner;
import dev.aether.repl.eval.UserCodeGuard;
import java.lang.reflect.Constructor;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Session thread. Runs a user node's {@code process} off the audio thread one block at a time, each block one
 * {@link UserCodeGuard} run with a budget of {@link #blockBudgetNanos} (max({@value #MIN_BLOCK_BUDGET_MILLIS} ms,
 * {@value #BLOCKS_PER_BUDGET} blocks)): generous for a cold, honest node, and a loop that never ends is stopped
 * within it. Used by trial runs ({@link TrialRun}) and by the warm-up of a class about to sound, which runs here,
 * before the engine's lock is taken (the engine's own warm-up then finds the class warm).
 */
final class BlockGuard {
    /** Least budget of one block off the audio thread, in milliseconds. */
    static final long MIN_BLOCK_BUDGET_MILLIS = 50;
    /** Budget of one block off the audio thread, in blocks of audio, when that is more than the least. */
    static final int BLOCKS_PER_BUDGET = 4;

    private static final Set<Class<?>> TRIED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private final UserCodeGuard guard;
    private final double sampleRate;
    private final int blockSize;

    BlockGuard(UserCodeGuard guard, double sampleRate, int blockSize) {
        this.guard = guard;
        this.sampleRate = sampleRate;
        this.blockSize = blockSize;
    }

    /** Budget of one block: max(50 ms, 4 blocks of audio), in nanoseconds. */
    long blockBudgetNanos() {
        return Math.max(MIN_BLOCK_BUDGET_MILLIS * 1_000_000, (long) (BLOCKS_PER_BUDGET * blockSize / sampleRate * 1e9));
    }

    /** Runs one block of {@code frames}; {@link RunStopped} when it runs past its budget or is cancelled. */
    void run(NodeRunner runner, int frames) {
        try (UserCodeGuard.Run run = guard.enter(blockBudgetNanos())) {
            runner.run(frames);
        }
    }

    /** {@link NodeRunner#warmUp} with every block under budget. */
    void warmUp(NodeRunner runner) { runner.warmUp(this::run); }

    /**
     * Warms the class of {@code node} here if it is not warm yet (once per class): a warm-up on a throwaway
     * instance made with its no-argument constructor, as the engine would do under its lock. Exceptions are left
     * for the real run to report, as the engine does.
     *
     * @throws IllegalArgumentException when its {@code process} runs past the block budget: it would stall audio
     * @throws RunStopped when cancelled (Ctrl-C)
     */
    void warmClass(DspNode node) {
        Class<? extends DspNode> type = node.getClass();
        if (NodeRunner.isWarm(type) || !TRIED.add(type)) return;
        try {
            Constructor<? extends DspNode> c = type.getDeclaredConstructor();
            if (!c.trySetAccessible()) return;
            warmUp(new NodeRunner(c.newInstance(), sampleRate, blockSize));
        } catch (RunStopped e) {
            if (e.reason() == RunStopped.Reason.CANCELLED) throw e;
            TRIED.remove(type);
            throw new IllegalArgumentException(node.typeName() + " was not played: " + pastBudget(e, "while warming up")
                    + "; make the loop end, then make the node again");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // no constructor to warm with, or it throws: the engine reports what the real node does
        }
    }

    /**
     * "Spin.process ran past its budget (50.00 ms per block) in the trial run, line 7": where and when the woven
     * check of {@code e} stopped user code; {@code when} is "in the trial run", "while warming up" or the like.
     */
    static String pastBudget(RunStopped e, String when) {
        CodeSite site = RunBudget.site(e.site());
        String at = site.describe();
        int line = at.indexOf(", line ");
        String where = line < 0 ? at : at.substring(0, line);
        return String.format("%s ran past its budget (%.2f ms per block) %s%s", where, e.budgetNanos() / 1e6, when,
                line < 0 ? "" : at.substring(line));
    }
}
