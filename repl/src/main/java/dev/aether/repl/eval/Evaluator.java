package dev.aether.repl.eval;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Any thread; every task runs on the worker ({@value #THREAD_NAME}). The evaluation worker: one daemon thread
 * ({@value #THREAD_NAME}) that owns the {@link SnippetEvaluator} and does all compiling, class loading and running
 * of user code, so the prompt thread never waits for javac and the audio thread never sees it. The JShell starts in
 * the background on construction; every call queues behind it. User code run here that calls a prelude verb hands
 * the edit to the session thread and waits.
 */
public final class Evaluator implements AutoCloseable {
    /** Name of the worker thread; tests check that no compilation happens elsewhere. */
    public static final String THREAD_NAME = "aether-eval";

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, THREAD_NAME);
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<SnippetEvaluator> shell;
    private final RealtimeLint lint = new RealtimeLint();
    private final List<TypeListener> typeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final UserCodeGuard guard;
    private final AtomicLong cancels = new AtomicLong();        // inputs submitted before the last cancel stop
    private final AtomicInteger queued = new AtomicInteger();
    private volatile InputScope inputScope = java.util.function.Supplier::get;

    /**
     * Called on the worker after each snippet of an input that defined or redefined types, before the next snippet
     * runs.
     */
    public interface TypeListener {
        /** Returns extra lines to show (e.g. hot-swap results); may be empty. */
        List<String> typesDefined(List<TypeDefinition> types);
    }

    /**
     * A worker whose user code belongs to {@code owner} (the live session the prelude talks to; null for none) and
     * runs under {@code guard}, which {@link #cancel} also cancels (share it with the session thread).
     */
    public Evaluator(AetherExecutionControlProvider.Mode mode, PrintStream userOut, Object owner, UserCodeGuard guard) {
        this.guard = guard;
        shell = CompletableFuture.supplyAsync(() -> new SnippetEvaluator(mode, userOut, owner, guard, lint), worker);
    }

    public Evaluator(AetherExecutionControlProvider.Mode mode, PrintStream userOut, Object owner) {
        this(mode, userOut, owner, new UserCodeGuard());
    }

    public Evaluator(AetherExecutionControlProvider.Mode mode, PrintStream userOut) { this(mode, userOut, null); }

    public Evaluator(PrintStream userOut) { this(AetherExecutionControlProvider.Mode.DIRECT, userOut, null); }

    /** A worker running user code in this JVM that belongs to {@code owner}. */
    public Evaluator(PrintStream userOut, Object owner) { this(AetherExecutionControlProvider.Mode.DIRECT, userOut, owner); }

    public void addTypeListener(TypeListener l) { typeListeners.add(l); }

    /**
     * Runs around the whole evaluation of each input, on the worker: how the live session makes one input one
     * engine plan and one undo step ({@code LiveSession#input}).
     */
    public interface InputScope {
        /** Runs {@code evaluation} (the input, every snippet of it) and returns its report. */
        EvalReport run(java.util.function.Supplier<EvalReport> evaluation);
    }

    /** Sets what runs around each input's evaluation (default: nothing). Any thread; later inputs use it. */
    public void inputScope(InputScope scope) { this.inputScope = java.util.Objects.requireNonNull(scope, "scope"); }

    /**
     * Evaluates {@code input} on the worker; the future completes with what to show. A {@link #cancel} before it
     * ends stops it (its report ends with "{@value SnippetEvaluator#CANCELLED}").
     */
    public CompletableFuture<EvalReport> submit(String input) {
        long generation = cancels.get();
        queued.incrementAndGet();
        return onShell(s -> {
            try {
                return inputScope.run(() -> s.evaluate(input, () -> cancels.get() != generation, types -> {
                    List<String> out = new java.util.ArrayList<>();
                    for (TypeListener l : typeListeners) out.addAll(l.typesDefined(types));
                    return out;
                }));
            } finally {
                queued.decrementAndGet();
            }
        });
    }

    /**
     * Any thread (Ctrl-C): stops every input submitted so far, the running one at its next woven check (or by an
     * interrupt when it waits in the JDK), queued ones before they start, and any other user code running under
     * this worker's guard (a trial run on the session thread). Returns true when something was running or queued.
     */
    public boolean cancel() {
        cancels.incrementAndGet();
        boolean running = guard.cancel();
        return running || queued.get() > 0;
    }

    /** The guard of the user code this worker runs. */
    public UserCodeGuard guard() { return guard; }

    /** The value of a Java expression in the session, computed on the worker (see {@link SnippetEvaluator#valueOf}). */
    public CompletableFuture<Object> valueOf(String expression) {
        return onShell(s -> s.valueOf(expression));
    }

    /** Runs {@code task} on the worker with the shell's analysis (completion, documentation). */
    public <T> CompletableFuture<T> analyse(Function<SourceCodeAnalysis, T> task) {
        return onShell(s -> task.apply(s.analysis()));
    }

    /** Runs any task on the worker thread (e.g. a hot swap's trial run, queued behind evaluation). */
    public <T> CompletableFuture<T> onWorker(java.util.function.Supplier<T> task) {
        return onShell(s -> task.get());
    }

    /** Sources of the user's imports, types and methods in definition order (see {@link SnippetEvaluator#declarationSources}). */
    public CompletableFuture<List<String>> declarationSources() {
        return onShell(SnippetEvaluator::declarationSources);
    }

    /** The threads that compiled, analysed or ran input, or defined user classes (waits for startup). */
    public CompileThreads compileThreads() { return loader().threads(); }

    /** True once the JShell is up. */
    public boolean isReady() { return shell.isDone() && !shell.isCompletedExceptionally(); }

    /** Blocks until the JShell is up (tests, scripts). */
    public void awaitReady() { shell.join(); }

    /** The real-time lint of classes defined in this shell; its mode may be set from any thread, at once. */
    public RealtimeLint lint() { return lint; }

    /** The loader delegate of the running shell (waits for startup). */
    public AetherLoaderDelegate loader() { return shell.join().loader(); }

    /**
     * Runs {@code task} with the shell on the worker, after every task submitted before it: in submission order even
     * while the shell is starting (dependents of one incomplete future would run newest first, so input typed
     * during start-up ran out of order).
     */
    private <T> CompletableFuture<T> onShell(Function<SnippetEvaluator, T> task) {
        return CompletableFuture.supplyAsync(() -> task.apply(shell.join()), worker);
    }

    @Override public void close() {
        cancel();
        shell.thenAcceptAsync(SnippetEvaluator::close, worker);
        worker.shutdown();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        guard.close();
    }
}
