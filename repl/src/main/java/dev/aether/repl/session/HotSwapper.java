package dev.aether.repl.session;

import dev.aether.core.DspNode;
import dev.aether.core.engine.Engine;
import dev.aether.core.budget.RunStopped;
import dev.aether.core.engine.SwapOptions;
import dev.aether.core.time.Quantum;
import dev.aether.core.time.When;
import dev.aether.core.view.NodeInfo;
import dev.aether.repl.eval.Evaluator;
import dev.aether.repl.eval.TypeDefinition;
import dev.aether.repl.eval.UserCodeGuard;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import dev.aether.arrange.live.LiveArrangement;

/**
 * Session thread (the live session hands it each redefinition); its settings any thread.
 * Replaces every live instance of a redefined user class by an instance of the new class. For each one, one
 * candidate is built and trial-run off the audio thread ({@link TrialRun}, which also warms its class); a failed
 * trial keeps the old code playing and says why; otherwise the candidate is reset and goes to
 * {@link Engine#replace}, which carries the old one's state into it ({@link StateCarrier}, once, after the trial,
 * so it continues from the live node), except the fields whose initialiser the new source changed
 * ({@link InitialiserChanges}): those take the new value and crossfades with equal power
 * (default 10 ms; {@link #crossfadeSeconds(double)} globally, {@link #nextSwap} for one swap). A swap lands on the
 * session's quantum ({@code quant}) unless {@link #quantise} or {@link #nextSwap} names another: its trial runs at
 * once, the replacement waits for the boundary (see {@link LiveSession}: the state is carried when it is sent).
 *
 * <p>Runs on the session thread: the evaluation worker reports redefinitions to the {@link LiveSession}, which
 * hands them here; never on the audio thread.
 */
public final class HotSwapper implements Evaluator.TypeListener {
    private final Engine engine;
    private final UserCodeGuard guard;
    private final Consumer<String> printer;
    private final BiConsumer<DspNode, DspNode> onSwapped;
    private volatile SwapOptions defaults = new SwapOptions(SwapOptions.DEFAULT_CROSSFADE_SECONDS, When.NOW, false);
    private volatile SwapOptions once;
    /** The quantum of later swaps, or null: the session's. */
    private volatile Quantum quantum;
    /** The quantum of the next swap, or null: {@link #quantum}. */
    private volatile Quantum onceQuantum;
    private final Timing timing;
    private volatile Supplier<LiveArrangement> arrangement = () -> null;

    /** How the session times an edit: the quantum it waits for, and running an edit on it. Session thread. */
    interface Timing {
        /** {@code q}, or the session's quantum for null (none while a journal is recovered). */
        Quantum effective(Quantum q);

        /**
         * Runs {@code edit} (its plan stamped by the session) on the first {@code q} boundary; returns null when it
         * has run, else the bars:beats:ticks position it waits for.
         */
        String at(String what, Quantum q, Runnable edit);

        /** When the plan of the edit being run lands. */
        When planWhen();
    }
    private volatile double trialSeconds = 0.5;
    private volatile double budgetFraction = 0.5;
    private final Runnable posted;

    /** @param posted told when a swap's plan, stamped with the edit's landing sample, was sent */
    HotSwapper(Engine engine, Consumer<String> printer, BiConsumer<DspNode, DspNode> onSwapped, UserCodeGuard guard,
               Timing timing, Runnable posted) {
        this.timing = timing;
        this.posted = posted;
        this.guard = guard;
        this.engine = engine;
        this.printer = printer;
        this.onSwapped = onSwapped;
    }

    /** Crossfade for every later swap (0..10 s). */
    public void crossfadeSeconds(double seconds) { defaults = defaults.crossfade(seconds); }

    /** The quantum later swaps wait for ({@code null}: the session's, {@code quant}). */
    public void quantise(Quantum q) { quantum = q; }

    /** Crossfade and quantum ({@code null}: as later swaps) for the next swap only. */
    public void nextSwap(double crossfadeSeconds, Quantum q) {
        once = new SwapOptions(crossfadeSeconds, When.NOW, false);
        onceQuantum = q;
    }

    /** Share of a block's duration a swapped-in node may cost in its trial (default 0.5). */
    public void budgetFraction(double f) { budgetFraction = f; }

    /** Length of the trial render (default 0.5 s). */
    public void trialSeconds(double s) { trialSeconds = s; }

    public SwapOptions defaults() { return defaults; }

    @Override public List<String> typesDefined(List<TypeDefinition> types) {
        List<String> out = new ArrayList<>();
        SwapOptions options = once != null ? once : defaults;
        Quantum q = timing.effective(onceQuantum != null ? onceQuantum : quantum);
        boolean swappedAny = false;
        for (TypeDefinition t : types) {
            if (!t.isRedefinition() || !DspNode.class.isAssignableFrom(t.newClass())) continue;
            for (NodeInfo slot : liveInstancesOf(t)) {
                out.add(swap(slot, t.newClass(), changedInitialisers(t), options, q));
                swappedAny = true;
            }
            LiveArrangement arr = arrangement.get();
            if (arr != null) {
                for (DspNode inst : arr.instruments()) {
                    if (!isOldInstance(inst.getClass(), t)) continue;
                    out.add(swapInstrument(arr, inst, t.newClass(), changedInitialisers(t), options, q));
                    swappedAny = true;
                }
            }
        }
        if (swappedAny) {
            once = null;
            onceQuantum = null;
        }
        return out;
    }

    private List<NodeInfo> liveInstancesOf(TypeDefinition t) {
        List<NodeInfo> live = new ArrayList<>();
        for (NodeInfo s : engine.nodes()) if (isOldInstance(s.node().getClass(), t)) live.add(s);
        return live;
    }

    /** True when {@code k} is an earlier user class of {@code t}'s name (JShell's wrapper of a top-level class). */
    private static boolean isOldInstance(Class<?> k, TypeDefinition t) {
        return k != t.newClass() && k.getSimpleName().equals(t.name())
                && k.getName().startsWith("REPL.") && k.getEnclosingClass() != null
                && k.getEnclosingClass().getEnclosingClass() == null;
    }

    /** The live arrangement whose instruments are swapped too (its effects are engine nodes, swapped as any). */
    void arrangement(Supplier<LiveArrangement> live) { this.arrangement = live; }

    /**
     * Swaps an instrument the arrangement runs inside an instrument track's source (so no engine node of its
     * class): trial-run like {@link #swap}, then {@link LiveArrangement#replaceInstrument}, the state carried as
     * for live nodes, on the same quantum and crossfade.
     */
    String swapInstrument(LiveArrangement arr, DspNode old, Class<?> newClass, Set<String> fromNewSource, SwapOptions options, Quantum q) {
        String label = "instrument " + old.typeName();
        return trialThenLand(label, newClass, options, q, (next, v) -> {
            StateCarrier.Carried[] carried = new StateCarrier.Carried[1];
            String track = arr.replaceInstrument(old, next, options.crossfadeSeconds(), timing.planWhen(),
                    (from, to) -> carried[0] = StateCarrier.carry(from, to, fromNewSource));
            posted.run();
            return String.format("swapped %s of track \"%s\" (%s; trial %.3f ms/block; %s crossfade%s)", label, track,
                    carried[0], v.medianBlockNanos() / 1e6, millis(options.crossfadeSeconds()), whenText(q));
        });
    }

    /**
     * Swaps one live node; returns the line to show. One candidate is built: trial-run (which also warms its
     * class), reset, then handed to the engine, which carries the live node's state into it after preparing it,
     * so what plays continues from where the old node is, not from where the trial left the candidate.
     */
    String swap(NodeInfo slot, Class<?> newClass, Set<String> fromNewSource, SwapOptions options, Quantum q) {
        DspNode old = slot.node();
        String label = slot.label();
        return trialThenLand(label, newClass, options, q, (next, v) -> {
            StateCarrier.Carried[] carried = new StateCarrier.Carried[1];
            engine.replace(slot.id(), next, options.at(timing.planWhen()),
                    (from, to) -> carried[0] = StateCarrier.carry(from, to, fromNewSource));
            posted.run();
            onSwapped.accept(old, next);
            return String.format("swapped %s (%s; trial %.3f ms/block; %s crossfade%s)", label, carried[0],
                    v.medianBlockNanos() / 1e6, millis(options.crossfadeSeconds()), whenText(q));
        });
    }

    /** Puts a candidate that passed its trial in place (at the swap's time) and returns the line to show. */
    private interface Landing {
        String land(DspNode next, TrialRun.Verdict verdict);
    }

    /**
     * Builds a candidate of {@code newClass}, trial-runs it, resets it (dropping what the trial left: phases,
     * memories, the test signal) and lands it on quantum {@code q}; returns the line to show: the landing's, that the
     * swap waits for a boundary, or why the old code keeps playing.
     */
    private String trialThenLand(String label, Class<?> newClass, SwapOptions options, Quantum q, Landing landing) {
        try {
            DspNode next = instantiate(newClass);
            TrialRun.Verdict v = new TrialRun(engine.config().sampleRate(), engine.config().blockSize(),
                    trialSeconds, budgetFraction, guard).run(next);
            if (!v.passed()) return "kept old " + label + ": " + v.reason() + "; the old code keeps playing";
            v.runner().release();
            next.reset();
            String[] line = new String[1];
            boolean[] waited = new boolean[1];
            String waits = timing.at("swap " + label, q, () -> {
                line[0] = landing.land(next, v);
                if (waited[0]) printer.accept(line[0]);
            });
            if (waits == null) return line[0] != null ? line[0] : "kept old " + label + ": its swap failed (see above); the old code keeps playing";
            waited[0] = true;
            return String.format("swap of %s waits for %s (trial %.3f ms/block passed; %s crossfade)", label, waits,
                    v.medianBlockNanos() / 1e6, millis(options.crossfadeSeconds()));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError | RunStopped e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            return "kept old " + label + ": " + (cause instanceof RunStopped stop ? stopped(stop)
                    : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()))
                    + "; the old code keeps playing";
        }
    }

    /** Why user code of a candidate was stopped: cancelled (Ctrl-C), or where it ran past its budget. */
    private static String stopped(RunStopped e) {
        return e.reason() == RunStopped.Reason.CANCELLED ? "cancelled" : e.getMessage().replaceFirst("^ran past", "it ran past");
    }

    /** The fields of {@code t} whose initialiser changed since the class it replaces (none when a source is unknown). */
    private static Set<String> changedInitialisers(TypeDefinition t) {
        return t.oldSource() == null || t.newSource() == null ? Set.of()
                : InitialiserChanges.between(t.oldSource(), t.newSource());
    }

    private static DspNode instantiate(Class<?> k) throws ReflectiveOperationException {
        Constructor<?> c;
        try {
            c = k.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(k.getSimpleName() + " needs a constructor without parameters to be hot-swapped");
        }
        c.setAccessible(true);
        return (DspNode) c.newInstance();
    }

    private static String millis(double s) { return Math.round(s * 1000 * 10) / 10.0 + " ms"; }

    private static String whenText(Quantum q) {
        return switch (q.kind()) {
            case NONE -> "";
            case BEAT -> " at next beat";
            case BAR -> " at next bar";
            case BEATS -> " at next " + q.beats() + "-beat boundary";
        };
    }
}
