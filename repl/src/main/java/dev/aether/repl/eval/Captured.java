package dev.aether.repl.eval;

/**
 * Evaluation worker (a thread-local slot). Hands the value of an expression typed in a console command ({@code
 * :response lowpass(800)}) from the JShell snippet back to the command. Internal: only {@link
 * SnippetEvaluator#valueOf} writes it, on the evaluation worker. Public because snippet classes, in another loader,
 * call {@link #put}.
 */
public final class Captured {
    private static final ThreadLocal<Object> VALUE = new ThreadLocal<>();

    private Captured() {}

    /** Called by the generated snippet. */
    public static void put(Object value) { VALUE.set(value); }

    static Object take() {
        Object v = VALUE.get();
        VALUE.remove();
        return v;
    }
}
