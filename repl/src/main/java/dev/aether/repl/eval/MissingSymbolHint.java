package dev.aether.repl.eval;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What to do about "cannot find symbol": for a class X that is one of aether's public classes the prelude does not
 * import ({@code SawOscillator} lives in {@code dev.aether.nodes.osc}), the import that brings it in; for a function
 * or member close to one that exists ({@code lowPass}, {@code sinee}, {@code lp.cutoff(800)}), that one: prelude
 * functions for a call without a receiver, else the public methods or fields of the receiver's type. The index of
 * aether's classes by simple name is read from the class path's jars (or class directories) at the first such error.
 * Evaluation thread; never the audio thread.
 */
final class MissingSymbolHint {
    private static final Pattern MISSING_CLASS = Pattern.compile("symbol:\\s+class (\\w+)");
    private static final Pattern MISSING_MEMBER = Pattern.compile("symbol:\\s+(method|variable) (\\w+)");
    /** A call without a receiver: javac locates it in the snippet's wrapper (a class without a name, or REPL.$JShell$n). */
    private static final Pattern UNQUALIFIED =
            Pattern.compile("(?m)location: class( REPL\\.\\S*)?\\s*$|^(?![\\s\\S]*location:)");
    /** Where javac looked otherwise: a variable's type or a class (generic arguments left out). */
    private static final Pattern OWNER = Pattern.compile("location: (?:variable \\w+ of type|class) ([\\w.$]+)");
    private static final String ROOT = "dev/aether/";

    private final String classPath;
    private final Function<String, Class<?>> userTypes;
    private Map<String, TreeSet<String>> packagesBySimpleName;

    /**
     * {@code classPath}: the compile class path user code sees (entries separated by the path separator);
     * {@code userTypes}: the session's own classes by name (null for other names), whose members are hinted too.
     */
    MissingSymbolHint(String classPath, Function<String, Class<?>> userTypes) {
        this.classPath = classPath;
        this.userTypes = userTypes;
    }

    /** For a compiler message about a missing symbol, the line that says what to do ("hint: ..."), or empty. */
    Optional<String> forMessage(String message) {
        Matcher m = MISSING_CLASS.matcher(message);
        if (m.find()) return forClass(m.group(1));
        m = MISSING_MEMBER.matcher(message);
        if (!m.find()) return Optional.empty();
        boolean method = m.group(1).equals("method");
        String name = m.group(2);
        if (UNQUALIFIED.matcher(message).find()) return method ? closest(name, preludeFunctions()) : Optional.empty();
        Matcher owner = OWNER.matcher(message);
        Class<?> type = owner.find() ? load(owner.group(1)) : null;
        if (type == null) return Optional.empty();
        TreeSet<String> members = new TreeSet<>();
        if (method) {
            for (Method x : type.getMethods()) members.add(x.getName());
            for (Method x : type.getDeclaredMethods()) if (!x.isSynthetic()) members.add(x.getName());
        } else {
            for (Field x : type.getFields()) members.add(x.getName());
            for (Field x : type.getDeclaredFields()) if (!x.isSynthetic()) members.add(x.getName());
        }
        return closest(name, members);
    }

    /**
     * The names among {@code known} that {@code name} is probably a typo of, as "did you mean": the same name in other
     * case, else the closest at one or two letters added, dropped, changed or swapped (names of four letters or
     * more); empty when {@code name} is known or none is that close.
     */
    static Optional<String> closest(String name, Collection<String> known) {
        TreeSet<String> close = new TreeSet<>();
        int best = 3;
        for (String k : known) {
            if (k.equals(name)) return Optional.empty();
            int d = k.equalsIgnoreCase(name) ? 0 : name.length() >= 4 ? editDistance(k, name) : 3;
            if (d < best) {
                best = d;
                close.clear();
            }
            if (d == best) close.add(k);
        }
        return close.isEmpty() ? Optional.empty() : Optional.of("hint: did you mean " + String.join(" or ", close) + "?");
    }

    /** The prelude's functions: the static methods of {@code Prelude} and those it inherits. */
    private static TreeSet<String> preludeFunctions() {
        TreeSet<String> names = new TreeSet<>();
        for (Method m : dev.aether.repl.userapi.Prelude.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) names.add(m.getName());
        }
        return names;
    }

    /** The session's class of that name, else the class of that binary name aether's loader sees; null if neither. */
    private Class<?> load(String name) {
        Class<?> mine = userTypes.apply(name);
        if (mine != null) return mine;
        try {
            return Class.forName(name, false, MissingSymbolHint.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
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
            return Modifier.isPublic(Class.forName(className, false, MissingSymbolHint.class.getClassLoader()).getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
