package dev.aether.repl.help;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Port;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.param.SmoothedParam;
import dev.aether.nodes.osc.SineOscillator;
import dev.aether.nodes.sample.Sample;
import dev.aether.nodes.voice.SubtractiveVoice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Control thread (builds nodes to read them; none is ever played). Every public node class of the stdlib-nodes
 * module ({@code dev.aether.nodes.*}), found on the class path where that module's classes are (a folder or a jar),
 * so a node added there is documented without a list to keep. Each is built once with example arguments chosen by
 * type ({@link #exampleArgument}) and read with {@link NodeSpec}: its ports with their channels and its parameters
 * with unit, range and default, as {@code :help NodeName} and {@code docs/reference.md} show them.
 */
public final class StdlibNodes {
    private static final String PACKAGE = "dev.aether.nodes";

    private StdlibNodes() {}

    /** One port: name, channels, direction. */
    public record PortLine(String name, int channels, boolean input) {
        static PortLine of(Port p) { return new PortLine(p.name(), p.channels(), p instanceof InputPort); }
        public String channelsText() { return channels == 1 ? "mono" : channels == 2 ? "stereo" : channels + " channels"; }
    }

    /** One parameter: name, unit ("" when none), range and default as a person writes them. */
    public record ParamLine(String name, String unit, double min, double max, double defaultValue) {
        static ParamLine of(SmoothedParam p) { return new ParamLine(p.name(), p.unit(), p.min(), p.max(), p.defaultValue()); }
        public String unitText() { return unit.isEmpty() ? "-" : unit; }
        public String rangeText() { return num(min) + ".." + num(max); }
        public String defaultText() { return num(defaultValue); }
    }

    /**
     * A node class as built here: {@code madeAs} is the constructor call used ({@code new DelayLine(100)}); ports and
     * params are empty with {@code problem} set when no constructor could be called with example arguments.
     */
    public record Description(Class<?> type, String group, String madeAs, List<PortLine> inputs, List<PortLine> outputs,
                              List<ParamLine> params, String problem) {
        public String name() { return type.getSimpleName(); }
        /** True when the constructor's arguments may change the ports or ranges shown. */
        public boolean argumentsMatter() { return madeAs.contains("(") && !madeAs.endsWith("()"); }
    }

    /** Every stdlib node class, described, sorted by group (package) then name. */
    public static List<Description> all() {
        List<Description> out = new ArrayList<>();
        for (Class<?> c : nodeClasses()) out.add(describe(c));
        out.sort(Comparator.comparing(Description::group).thenComparing(Description::name));
        return out;
    }

    /** The node class called {@code simpleName} (case-insensitive), described. */
    public static Optional<Description> find(String simpleName) {
        for (Class<?> c : nodeClasses()) {
            if (c.getSimpleName().equalsIgnoreCase(simpleName)) return Optional.of(describe(c));
        }
        return Optional.empty();
    }

    /** The description as {@code :help NodeName} prints it (fits 80 columns). */
    public static String text(Description d) {
        StringBuilder b = new StringBuilder(d.name()).append(" (").append(d.type().getName()).append(")");
        if (d.problem() != null) return b.append("\n  ").append(d.problem()).toString();
        if (d.argumentsMatter()) b.append("\n  as made by ").append(d.madeAs()).append(" (ports and ranges may follow its arguments)");
        b.append("\n  inputs:  ").append(ports(d.inputs()));
        b.append("\n  outputs: ").append(ports(d.outputs()));
        if (d.params().isEmpty()) return b.append("\n  params:  none").toString();
        b.append(String.format("%n  %-20s %-6s %-20s %s", "param", "unit", "range", "default"));
        for (ParamLine p : d.params()) {
            b.append(String.format("%n  %-20s %-6s %-20s %s", p.name(), p.unitText(), p.rangeText(), p.defaultText()));
        }
        return HelpText.wrap(b.toString());
    }

    static String ports(List<PortLine> ports) {
        if (ports.isEmpty()) return "none";
        List<String> s = new ArrayList<>();
        for (PortLine p : ports) s.add(p.name() + (p.channels() == 1 ? "" : " (" + p.channelsText() + ")"));
        return String.join(", ", s);
    }

    static Description describe(Class<?> c) {
        String pkg = c.getPackageName();
        String group = pkg.equals(PACKAGE) ? "other" : pkg.substring(PACKAGE.length() + 1);
        List<Constructor<?>> constructors = new ArrayList<>(Arrays.asList(c.getConstructors()));
        // fewest parameters first; ties by their types, so the reference is the same on every JDK
        constructors.sort(Comparator.comparingInt((Constructor<?> k) -> k.getParameterCount())
                .thenComparing(k -> Arrays.toString(k.getParameterTypes())));
        String failure = "no public constructor";
        for (int attempt = 0; attempt < EXAMPLE_SETS; attempt++) for (Constructor<?> k : constructors) {
            if (attempt > 0 && k.getParameterCount() == 0) continue;
            Object[] args = new Object[k.getParameterCount()];
            boolean makeable = true;
            for (int i = 0; i < args.length && makeable; i++) {
                args[i] = exampleArgument(k.getParameterTypes()[i], attempt);
                makeable = args[i] != null;
            }
            if (!makeable) {
                failure = "no constructor takes only arguments the reference can make (numbers, enums, samples, voices)";
                continue;
            }
            try {
                DspNode node = (DspNode) k.newInstance(args);
                NodeSpec spec = NodeSpec.of(node);
                return new Description(c, group, "new " + c.getSimpleName() + "(" + argsText(args) + ")",
                        spec.inputs().stream().map(PortLine::of).toList(), spec.outputs().stream().map(PortLine::of).toList(),
                        spec.params().stream().map(ParamLine::of).toList(), null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                failure = "new " + c.getSimpleName() + "(" + argsText(args) + ") failed: " + cause;
            }
        }
        return new Description(c, group, "", List.of(), List.of(), List.of(),
                "ports and params not shown: " + failure);
    }

    /** How many sets of example numbers are tried before a node is given up: see {@link #exampleArgument}. */
    private static final int EXAMPLE_SETS = 3;

    /**
     * An example value of {@code type} for building a node to read its ports, in set {@code attempt} (0, 1, 2:
     * tried in turn until a constructor accepts them): numbers 2, 16, 1024 (int) and 100, 1, 0.5 (double: a delay of
     * 100 ms, a 100 s loop), the first constant of an enum, a short silent sample, ready-made subtractive voices, a
     * map of one silent sample, one-element arrays; null when the type is none of these.
     */
    static Object exampleArgument(Class<?> type, int attempt) {
        if (type == int.class) return new int[] {2, 16, 1024}[attempt];
        if (type == double.class) return new double[] {100, 1, 0.5}[attempt];
        if (type == float.class) return new float[] {100, 1, 0.5f}[attempt];
        if (type == long.class) return new long[] {100, 1, 1024}[attempt];
        if (type == boolean.class) return false;
        if (type == String.class) return "example";
        if (type.isEnum()) return type.getEnumConstants()[0];
        if (type == double[].class) return new double[] {1};
        if (type == Sample.class) return Sample.of("silence", 48_000, new float[480]);
        if (type == Supplier.class) return (Supplier<SubtractiveVoice>) SubtractiveVoice::new;
        if (type == Map.class) return Map.of("hit", Sample.of("silence", 48_000, new float[480]));
        return null;
    }

    private static String argsText(Object[] args) {
        List<String> s = new ArrayList<>();
        for (Object a : args) {
            if (a instanceof Double d) s.add(num(d));
            else if (a instanceof String t) s.add('"' + t + '"');
            else if (a instanceof Enum<?> e) s.add(e.getDeclaringClass().getSimpleName() + "." + e.name());
            else if (a instanceof double[] arr) s.add("new double[] " + Arrays.toString(arr).replace('[', '{').replace(']', '}'));
            else if (a instanceof Sample) s.add("a silent sample");
            else if (a instanceof Supplier) s.add("SubtractiveVoice::new");
            else if (a instanceof Map) s.add("Map.of(\"hit\", a silent sample)");
            else s.add(String.valueOf(a));
        }
        return String.join(", ", s);
    }

    /** Public, concrete {@link DspNode} classes of the stdlib-nodes module. */
    static List<Class<?>> nodeClasses() {
        List<Class<?>> out = new ArrayList<>();
        ClassLoader loader = SineOscillator.class.getClassLoader();
        for (String name : classNames()) {
            Class<?> c;
            try {
                c = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            int m = c.getModifiers();
            if (Modifier.isPublic(m) && !Modifier.isAbstract(m) && !c.isInterface() && DspNode.class.isAssignableFrom(c)) out.add(c);
        }
        return out;
    }

    /** Binary names of the top-level classes under {@code dev/aether/nodes} where {@link SineOscillator} was loaded from. */
    private static List<String> classNames() {
        Path where;
        try {
            where = Path.of(SineOscillator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot find where the stdlib nodes were loaded from: " + e, e);
        }
        List<String> entries = new ArrayList<>();
        try {
            if (Files.isDirectory(where)) {
                try (Stream<Path> s = Files.walk(where)) {
                    s.filter(Files::isRegularFile).forEach(p -> entries.add(where.relativize(p).toString().replace('\\', '/')));
                }
            } else {
                try (JarFile jar = new JarFile(where.toFile())) {
                    jar.stream().forEach(e -> entries.add(e.getName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the stdlib nodes in " + where, e);
        }
        String prefix = PACKAGE.replace('.', '/') + "/";
        List<String> names = new ArrayList<>();
        for (String e : entries) {
            if (e.startsWith(prefix) && e.endsWith(".class") && !e.contains("$") && !e.endsWith("module-info.class")
                    && !e.endsWith("package-info.class")) {
                names.add(e.substring(0, e.length() - ".class".length()).replace('/', '.'));
            }
        }
        names.sort(null);
        return names;
    }

    static String num(double v) {
        if (v == Double.POSITIVE_INFINITY) return "inf";
        if (v == Double.NEGATIVE_INFINITY) return "-inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        String s = String.format(java.util.Locale.ROOT, "%.6g", v);
        if (s.contains("e")) return s;
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
