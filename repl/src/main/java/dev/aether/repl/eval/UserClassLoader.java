package dev.aether.repl.eval;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Defines the classes compiled from what the person types. Its parent is the application class loader,
 * so user classes see (and implement) the engine's own {@code DspNode}, and the prelude's static state is
 * shared with the console. No bytecode is rewritten: user code runs exactly as javac compiled it (no stop
 * checks woven in). Thread-safe.
 */
final class UserClassLoader extends ClassLoader {
    static { ClassLoader.registerAsParallelCapable(); }

    private final Map<String, byte[]> bytecodes = new ConcurrentHashMap<>();
    private final CompileThreads threads;

    UserClassLoader(ClassLoader parent, CompileThreads threads) {
        super("aether-user", parent);
        this.threads = threads;
    }

    /** Makes {@code bytes} the definition of {@code binaryName}, to be defined on first load. */
    void declare(String binaryName, byte[] bytes) { bytecodes.put(binaryName, bytes); }

    @Override protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = bytecodes.get(name);
        if (b == null) throw new ClassNotFoundException(name);
        threads.note();
        return defineClass(name, b, 0, b.length);
    }
}
