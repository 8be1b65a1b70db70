package dev.aether.repl.eval;

import dev.aether.core.budget.RunBudget;
import dev.aether.guard.BudgetWeaver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Any thread (defines classes on the evaluation worker, loads on whichever thread first uses a class). Defines the
 * classes compiled from what the person types. Its parent is the application class loader, so user classes see (and
 * implement) the engine's own {@code DspNode}, and the prelude's static state is shared with the console. Each
 * loader knows its owner (the live session of its shell), which is how the prelude finds the session of the code
 * that calls it ({@link UserCode#callerOwner}). Every class is defined with budget checks woven in (unless made
 * unwoven, to measure them)
 * ({@link BudgetWeaver}, numbered by {@link RunBudget#site}): a thread whose {@code Watch} is armed stops user code
 * that runs past its deadline or is cancelled.
 */
final class UserClassLoader extends ClassLoader {
    static { ClassLoader.registerAsParallelCapable(); }

    private static final BudgetWeaver WEAVER = new BudgetWeaver(RunBudget::site);

    private final Map<String, byte[]> bytecodes = new ConcurrentHashMap<>();
    private final CompileThreads threads;
    private final Object owner;
    private final boolean woven;

    UserClassLoader(ClassLoader parent, CompileThreads threads, Object owner, boolean woven) {
        super("aether-user", parent);
        this.threads = threads;
        this.owner = owner;
        this.woven = woven;
    }

    /** What user code of this shell belongs to (the live session), or null. */
    Object owner() { return owner; }

    /** Makes {@code bytes} the definition of {@code binaryName}, to be defined on first load. */
    void declare(String binaryName, byte[] bytes) { bytecodes.put(binaryName, bytes); }

    @Override protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = bytecodes.get(name);
        if (b == null) throw new ClassNotFoundException(name);
        threads.note();
        byte[] code = woven ? WEAVER.weave(b) : b;
        return defineClass(name, code, 0, code.length);
    }
}
