package dev.aether.repl.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;

/**
 * Evaluation worker (JShell calls it there); the lookups are any thread.
 * How aether loads the classes JShell compiles: into one {@link UserClassLoader} whose parent is the
 * application loader. Remembers every class in load order so the evaluator can find the class behind a
 * snippet (JShell names a top-level {@code class Fuzz} {@code REPL.$JShell$12$Fuzz}, and
 * {@code REPL.$JShell$12B$Fuzz} and so on each time it is redefined).
 */
public final class AetherLoaderDelegate implements LoaderDelegate {
    private final UserClassLoader loader;
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();
    private final List<Class<?>> loadOrder = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> compiled = new ConcurrentHashMap<>();

    private final CompileThreads threads;

    public AetherLoaderDelegate(ClassLoader parent) { this(parent, new CompileThreads(), null, true); }

    /**
     * Loads user classes under {@code parent}; {@code owner} (the live session, or null) is what they belong to;
     * {@code woven}: with budget checks (false only to measure their cost).
     */
    public AetherLoaderDelegate(ClassLoader parent, CompileThreads threads, Object owner, boolean woven) {
        this.threads = threads;
        this.loader = new UserClassLoader(parent, threads, owner, woven);
    }

    /** The threads that defined user classes (and, through the evaluator, compiled them). */
    public CompileThreads threads() { return threads; }

    @Override public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        threads.note();
        boolean[] installed = new boolean[cbcs.length];
        for (ClassBytecodes c : cbcs) compiled.put(c.name(), c.bytecodes());
        for (ClassBytecodes c : cbcs) loader.declare(c.name(), c.bytecodes());
        int i = 0;
        try {
            for (ClassBytecodes c : cbcs) {
                Class<?> k = Class.forName(c.name(), false, loader);
                if (classes.put(c.name(), k) == null) loadOrder.add(k);
                installed[i++] = true;
            }
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ClassInstallException("cannot load class: " + e, installed);
        }
    }

    @Override public void classesRedefined(ClassBytecodes[] cbcs) {
        for (ClassBytecodes c : cbcs) compiled.put(c.name(), c.bytecodes());
        for (ClassBytecodes c : cbcs) loader.declare(c.name(), c.bytecodes());
    }

    @Override public void addToClasspath(String path) {
        // the compile class path is given to JShell directly; user classes see the application class path
        throw new UnsupportedOperationException("adding " + Path.of(path) + " to the class path is not supported");
    }

    @Override public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> k = classes.get(name);
        if (k == null) throw new ClassNotFoundException(name);
        return k;
    }

    /**
     * The class file of the user class {@code binaryName} ({@code REPL.$JShell$12$Fuzz}) as JShell compiled it,
     * before anything is woven into it; null when no such class was compiled. What the real-time lint reads.
     */
    public byte[] compiledBytes(String binaryName) { return compiled.get(binaryName); }

    /** {@code topLevel} and its nested, local and anonymous classes, by binary name, as far as compiled. */
    public List<String> compiledClassesOf(String topLevel) {
        List<String> out = new ArrayList<>();
        for (String name : compiled.keySet()) if (name.equals(topLevel) || name.startsWith(topLevel + "$")) out.add(name);
        java.util.Collections.sort(out);
        return out;
    }

    /** The class loader that defines user classes. */
    public ClassLoader classLoader() { return loader; }

    /**
     * The newest loaded top-level snippet class with this simple name ({@code Fuzz} finds
     * {@code REPL.$JShell$12$Fuzz} rather than {@code REPL.$JShell$9$Fuzz}), or null.
     */
    public Class<?> newestTopLevel(String simpleName) {
        List<Class<?>> snapshot = new ArrayList<>(loadOrder);
        for (int i = snapshot.size() - 1; i >= 0; i--) {
            Class<?> k = snapshot.get(i);
            if (isSnippetClassNamed(k.getName(), simpleName)) return k;
        }
        return null;
    }

    /** True when {@code binaryName} is a top-level snippet class {@code REPL.$JShell$<n>$simpleName}. */
    static boolean isSnippetClassNamed(String binaryName, String simpleName) {
        String prefix = "REPL.$JShell$";
        if (!binaryName.startsWith(prefix) || !binaryName.endsWith("$" + simpleName)) return false;
        String number = binaryName.substring(prefix.length(), binaryName.length() - simpleName.length() - 1);
        return number.matches("\\d+[A-Z]*");   // JShell appends letters when it reloads under a new name
    }

    /** True when {@code k} was defined from user input (by this delegate's loader). */
    public boolean isUserClass(Class<?> k) { return k.getClassLoader() == loader; }
}
