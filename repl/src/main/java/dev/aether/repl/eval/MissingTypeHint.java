package dev.aether.repl.eval;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What to do about "cannot find symbol: class X" when X is one of aether's public classes that the prelude does not
 * import ({@code SawOscillator} lives in {@code dev.aether.nodes.osc}): the import that brings it in. The index of
 * aether's classes by simple name is read from the class path's jars (or class directories) at the first such error.
 * Evaluation thread; never the audio thread.
 */
final class MissingTypeHint {
    private static final Pattern MISSING_CLASS = Pattern.compile("symbol:\\s+class (\\w+)");
    private static final String ROOT = "dev/aether/";

    private final String classPath;
    private Map<String, TreeSet<String>> packagesBySimpleName;

    /** {@code classPath}: the compile class path user code sees (entries separated by the path separator). */
    MissingTypeHint(String classPath) { this.classPath = classPath; }

    /**
     * For a compiler message naming a missing class, the line that says which import brings it in ("hint: ..."), or
     * empty when the message is about something else or the class is not one of aether's public classes.
     */
    Optional<String> forMessage(String message) {
        Matcher m = MISSING_CLASS.matcher(message);
        return m.find() ? forClass(m.group(1)) : Optional.empty();
    }

    /** The hint for the simple class name {@code name}, or empty. */
    Optional<String> forClass(String name) {
        List<String> packages = new ArrayList<>();
        for (String p : index().getOrDefault(name, new TreeSet<>())) if (isPublic(p + "." + name)) packages.add(p);
        if (packages.isEmpty()) return Optional.empty();
        StringBuilder hint = new StringBuilder("hint: ").append(name).append(" is in ");
        for (int i = 0; i < packages.size(); i++) {
            if (i > 0) hint.append(i == packages.size() - 1 ? " and " : ", ");
            hint.append(packages.get(i));
        }
        hint.append("; bring it in with `import ").append(packages.get(0)).append(".*;`")
                .append(" (or write ").append(packages.get(0)).append('.').append(name).append(')');
        return Optional.of(hint.toString());
    }

    private synchronized Map<String, TreeSet<String>> index() {
        if (packagesBySimpleName == null) {
            Map<String, TreeSet<String>> index = new TreeMap<>();
            for (String entry : classPath.split(java.io.File.pathSeparator)) {
                if (!entry.isEmpty()) addEntry(Path.of(entry), index);
            }
            packagesBySimpleName = index;
        }
        return packagesBySimpleName;
    }

    private static void addEntry(Path entry, Map<String, TreeSet<String>> index) {
        try {
            if (Files.isDirectory(entry)) {
                Path root = entry.resolve(ROOT);
                if (!Files.isDirectory(root)) return;
                try (Stream<Path> files = Files.walk(root)) {
                    files.forEach(f -> add(entry.relativize(f).toString().replace(java.io.File.separatorChar, '/'), index));
                }
            } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    jar.stream().forEach(e -> add(e.getName(), index));
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable entry gives no hints; the error itself is still shown
        }
    }

    /** Indexes {@code dev/aether/.../Name.class} (top-level classes only) under Name. */
    private static void add(String path, Map<String, TreeSet<String>> index) {
        if (!path.startsWith(ROOT) || !path.endsWith(".class") || path.contains("$")) return;
        int slash = path.lastIndexOf('/');
        String simple = path.substring(slash + 1, path.length() - ".class".length());
        if (simple.equals("module-info") || simple.equals("package-info")) return;
        index.computeIfAbsent(simple, k -> new TreeSet<>()).add(path.substring(0, slash).replace('/', '.'));
    }

    private static boolean isPublic(String className) {
        try {
            return Modifier.isPublic(Class.forName(className, false, MissingTypeHint.class.getClassLoader()).getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
