package dev.aether.guard;

import dev.aether.guard.Finding.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Reads the bytecode of {@code @RealtimeSafe} methods and reports what the audio thread must not do: allocate,
 * lock or block, build strings, box, run an {@code invokedynamic}, load a synthetic class on first use, or call
 * a method that is neither {@code @RealtimeSafe} nor on the JDK allow-list.
 *
 * <p>Which methods are checked: those annotated {@code @dev.aether.core.RealtimeSafe} (a CLASS-retention
 * annotation, read from the class file); every method but constructors and static initialisers of a class so
 * annotated; and a method that overrides or implements one of those, which inherits its contract (so a user's
 * {@code process} is checked without the annotation).
 *
 * <p>Which calls are fine: a callee whose declaration (found by walking the owner's superclasses, then its
 * interfaces) is checked by the rule above; a JDK or JCTools method on the allow-list ({@code JdkAllowList}, each
 * entry with its reason); a private method, whose body is then checked as if it were marked (a private helper is
 * part of its caller, not an API); and a getter that cannot be overridden and only returns a field or a constant
 * (a record's accessor).
 *
 * <p>User code ({@link #RealtimeChecker(ClassBytes, Predicate)}): a call into a method of a followed class (a console
 * session's own classes) is checked as part of its caller, like a private helper, rather than reported as a call
 * into unmarked code; the console's lint checks a user's {@code process} and what it calls this way.
 *
 * <p>Not thread-safe: one checker per thread. It keeps the class files it read, by name, so reuse it across
 * classes that call one another and make a new one when a class is redefined (a console session's next
 * evaluation). The annotation is matched by name: this module does not depend on aether-core.
 *
 * <p>Not checked: what a class's first use costs beyond synthetic classes (a string constant resolved on first
 * run, a class initialised by its first static access), and time bounds (a loop's count is not known).
 */
public final class RealtimeChecker {
    /** The annotation's JVM descriptor. */
    public static final String REALTIME_SAFE = "Ldev/aether/core/RealtimeSafe;";

    private static final ClassNode MISSING = new ClassNode();

    private final ClassBytes classes;
    private final Predicate<String> followed;
    private final Map<String, ClassNode> parsed = new HashMap<>();
    private final Map<String, Boolean> contracts = new HashMap<>();

    /** A checker that finds other classes (callees, supertypes) through {@code classes}. */
    public RealtimeChecker(ClassBytes classes) { this(classes, name -> false); }

    /**
     * A checker that also follows calls into the classes {@code followed} accepts (by internal name): their
     * methods' bodies are checked as part of the real-time method that reached them.
     */
    public RealtimeChecker(ClassBytes classes, Predicate<String> followed) {
        this.classes = Objects.requireNonNull(classes, "classes");
        this.followed = Objects.requireNonNull(followed, "followed");
    }

    /**
     * Checks the real-time methods of the class in {@code classFile}; other classes come from the
     * {@link ClassBytes} this checker was made with. Findings come in the order the methods are checked (a private
     * helper when first reached), each method's in bytecode order; a repeated (line, kind, message) is one finding.
     */
    public List<Finding> check(byte[] classFile) {
        ClassNode c = parse(classFile);
        parsed.putIfAbsent(c.name, c);
        return checkClass(c);
    }

    /** Checks the class {@code internalName} ({@code dev/aether/nodes/osc/SineOscillator}). */
    public List<Finding> check(String internalName) {
        ClassNode c = load(internalName);
        if (c == null) throw new IllegalArgumentException("no class file for " + internalName.replace('/', '.'));
        return checkClass(c);
    }

    /** True when {@code methodName descriptor}, as declared in {@code internalName} or inherited, is real-time. */
    public boolean isRealtimeMethod(String internalName, String methodName, String descriptor) {
        Declaration d = resolve(internalName, methodName, descriptor);
        return d.node != null && contract(d.owner, d.node);
    }

    // ------------------------------------------------------------------ per class

    private List<Finding> checkClass(ClassNode c) {
        Scan scan = new Scan();
        for (MethodNode m : c.methods) {
            if ((m.access & Opcodes.ACC_SYNTHETIC) != 0 || isInitialiser(m)) continue;
            if (contract(c, m)) scan.method(c, m, null);
        }
        return List.copyOf(scan.findings);
    }

    /** One check of one class: its findings and the private helpers already followed. */
    private final class Scan {
        final Set<Finding> findings = new LinkedHashSet<>();
        final Set<String> visited = new HashSet<>();

        /** Checks {@code m}'s body; {@code via} names the real-time method a private helper was reached from. */
        void method(ClassNode owner, MethodNode m, String via) {
            if (!visited.add(owner.name + '.' + m.name + m.desc)) return;
            Site site = new Site(owner, m, via, findings);
            if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                site.report(firstLine(m), Kind.LOCK, "is synchronized: the audio thread would wait for the monitor;"
                        + " hand data over through a lock-free queue or a volatile field instead");
            }
            int line = -1;
            for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn instanceof LineNumberNode ln) {
                    line = ln.line;
                    continue;
                }
                instruction(site, insn, line);
            }
        }

        private void instruction(Site site, AbstractInsnNode insn, int line) {
            switch (insn.getOpcode()) {
                case Opcodes.NEW -> {
                    String type = ((TypeInsnNode) insn).desc;
                    if (type.equals("java/lang/StringBuilder") || type.equals("java/lang/StringBuffer")) {
                        site.report(line, Kind.STRING_BUILDING, "builds a string (" + simple(type) + "), which"
                                + " allocates: report a pre-allocated code or flag and format it off the audio thread");
                    } else if (isThrown((TypeInsnNode) insn)) {
                        site.report(line, Kind.ALLOCATION, "throws a new " + simple(type) + ", which allocates:"
                                + " on the audio thread a failure sets a pre-allocated flag and outputs silence");
                    } else {
                        site.report(line, Kind.ALLOCATION, "allocates a new " + simple(type) + ": create it in the"
                                + " constructor or prepare() and reuse it");
                    }
                }
                case Opcodes.NEWARRAY, Opcodes.ANEWARRAY, Opcodes.MULTIANEWARRAY ->
                        site.report(line, Kind.ALLOCATION, "allocates " + article(arrayName(insn)) + ": allocate it in"
                                + " prepare(sampleRate, maxFrames) and reuse it");
                case Opcodes.MONITORENTER ->
                        site.report(line, Kind.LOCK, "enters a synchronized block: the audio thread would wait for"
                                + " the monitor; use a lock-free queue or a volatile field instead");
                case Opcodes.INVOKEDYNAMIC -> invokedynamic(site, (InvokeDynamicInsnNode) insn, line);
                case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC, Opcodes.INVOKEINTERFACE ->
                        call(site, (MethodInsnNode) insn, line);
                case Opcodes.GETSTATIC, Opcodes.PUTSTATIC -> staticField(site, (FieldInsnNode) insn, line);
                default -> { }
            }
        }

        private void invokedynamic(Site site, InvokeDynamicInsnNode indy, int line) {
            Handle bsm = indy.bsm;
            int captured = Type.getArgumentTypes(indy.desc).length;
            if (bsm.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
                site.report(line, Kind.STRING_BUILDING, "concatenates strings, which allocates: report a"
                        + " pre-allocated code or flag and format it on the control thread");
            } else if (bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory") && captured > 0) {
                site.report(line, Kind.INVOKEDYNAMIC, "creates a lambda capturing " + captured + " value"
                        + (captured == 1 ? "" : "s") + ", a new object on every run: build it once on the control"
                        + " thread and keep it in a field");
            } else if (bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory")) {
                site.report(line, Kind.INVOKEDYNAMIC, "creates a lambda, whose first run links it and spins a class"
                        + " on the audio thread: build it on the control thread and keep it in a field");
            } else {
                site.report(line, Kind.INVOKEDYNAMIC, "runs an invokedynamic (" + simple(bsm.getOwner()) + "."
                        + bsm.getName() + "), linked on its first run on the audio thread: write it without one");
            }
        }

        private void staticField(Site site, FieldInsnNode f, int line) {
            String cls = f.owner.substring(f.owner.lastIndexOf('/') + 1);
            if (f.name.contains("$SwitchMap$")) {
                site.report(line, Kind.CLASS_LOADING, "reads " + cls + "." + f.name + ", the map of an enum switch in"
                        + " a synthetic class that the JVM loads on first use, on the audio thread: compare the enum"
                        + " constants in an if chain instead");
            } else if (!f.owner.equals(site.owner.name) && isSynthetic(f.owner)) {
                site.report(line, Kind.CLASS_LOADING, "uses " + cls + "." + f.name + ", in a synthetic class that the"
                        + " JVM loads on first use, on the audio thread");
            }
        }

        private void call(Site site, MethodInsnNode call, int line) {
            String owner = call.owner, name = call.name;
            if (name.equals("<init>")) return;                    // its NEW is reported
            if (owner.startsWith("[")) {
                if (name.equals("clone")) {
                    site.report(line, Kind.ALLOCATION, "clones an array, which allocates: copy into an array"
                            + " allocated in prepare() (System.arraycopy)");
                    return;
                }
                owner = "java/lang/Object";
            }
            if (classifyJdkCall(site, owner, name, call.desc, line)) return;
            if (JdkAllowList.why(owner, name) != null) return;
            if (call.getOpcode() == Opcodes.INVOKESTATIC && !owner.equals(site.owner.name) && isSynthetic(owner)) {
                site.report(line, Kind.CLASS_LOADING, "calls into " + owner.substring(owner.lastIndexOf('/') + 1)
                        + ", a synthetic class that the JVM loads on first use, on the audio thread");
                return;
            }
            String shown = simple(owner) + "." + name + "()";
            if (isPlatform(owner)) {
                site.report(line, Kind.CALL, "calls " + shown + ", a JDK method not on the real-time allow-list:"
                        + " do it on the control thread, or use a primitive or array operation instead");
                return;
            }
            Declaration d = resolve(owner, name, call.desc);
            if (d.node == null) {
                if (d.missing != null) {
                    site.report(line, Kind.CALL, "calls " + shown + ", but the class file of "
                            + d.missing.replace('/', '.') + " cannot be read to check it");
                } else if (d.platformSupers.stream().noneMatch(p -> JdkAllowList.why(p, name) != null)) {
                    site.report(line, Kind.CALL, "calls " + shown + ", inherited from the JDK and not on the"
                            + " real-time allow-list: do it on the control thread");
                }
                return;
            }
            if (contract(d.owner, d.node)) return;
            MethodNode m = d.node;
            boolean hasBody = (m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
            if (hasBody && ((m.access & Opcodes.ACC_PRIVATE) != 0 || followed.test(d.owner.name))) {
                method(d.owner, m, site.via != null ? site.via : site.method.name);
                return;
            }
            if (isFinalGetter(d.owner, m)) return;
            site.report(line, Kind.CALL, "calls " + simple(d.owner.name) + "." + name + "(), which is not"
                    + " @RealtimeSafe: mark it if it keeps the rules, or make the call on the control thread",
                    d.owner.name);
        }

        /** Boxing, string building, locks and I/O in the JDK: reported with their own kind. True when reported. */
        private boolean classifyJdkCall(Site site, String owner, String name, String desc, int line) {
            if (isWrapper(owner) && name.equals("valueOf") && Type.getArgumentTypes(desc).length == 1
                    && Type.getArgumentTypes(desc)[0].getSort() <= Type.DOUBLE) {
                site.report(line, Kind.BOXING, "boxes " + article(Type.getArgumentTypes(desc)[0].getClassName())
                        + " into " + article(simple(owner)) + ", which may allocate: keep the value primitive");
                return true;
            }
            if (isWrapper(owner) && name.endsWith("Value") && desc.startsWith("()")) {
                site.report(line, Kind.BOXING, "unboxes " + article(simple(owner)) + ": the value was boxed somewhere;"
                        + " keep it primitive");
                return true;
            }
            if (name.startsWith("box") && simple(owner).contains("Box")) {
                site.report(line, Kind.BOXING, "boxes a primitive (" + simple(owner) + "." + name + "), which may"
                        + " allocate: keep the value primitive");
                return true;
            }
            if (owner.equals("java/lang/StringBuilder") || owner.equals("java/lang/StringBuffer")
                    || name.equals("toString") || owner.equals("java/lang/String") && STRING_MAKERS.contains(name)) {
                site.report(line, Kind.STRING_BUILDING, "builds a string (" + simple(owner) + "." + name + "), which"
                        + " allocates: report a pre-allocated code or flag and format it on the control thread");
                return true;
            }
            if (owner.equals("java/lang/Object") && (name.equals("wait") || name.startsWith("notify"))
                    || owner.equals("java/lang/Thread") && (name.equals("sleep") || name.equals("join"))
                    || owner.startsWith("java/util/concurrent/locks/")
                    || owner.startsWith("java/util/concurrent/") && BLOCKING_TYPES.stream().anyMatch(owner::endsWith)) {
                site.report(line, Kind.LOCK, "calls " + simple(owner) + "." + name + "(), which can lock or block"
                        + " the audio thread: use a lock-free queue or a volatile field");
                return true;
            }
            if (owner.startsWith("java/io/") || owner.startsWith("java/nio/file/")
                    || owner.startsWith("java/nio/channels/") || owner.startsWith("java/util/logging/")
                    || owner.startsWith("java/lang/System$Logger") || owner.startsWith("org/slf4j/")
                    || owner.startsWith("org/apache/logging/")) {
                site.report(line, Kind.IO, "calls " + simple(owner) + "." + name + "(): I/O or logging can block on"
                        + " the disk or the terminal; post an event and let the control thread write it");
                return true;
            }
            return false;
        }
    }

    private static final Set<String> STRING_MAKERS = Set.of("valueOf", "format", "formatted", "concat", "join",
            "repeat", "toUpperCase", "toLowerCase", "strip", "trim", "substring", "replace", "split", "copyValueOf");
    private static final List<String> BLOCKING_TYPES = List.of("BlockingQueue", "BlockingDeque", "Semaphore",
            "CountDownLatch", "CyclicBarrier", "Phaser", "Exchanger", "Future", "SynchronousQueue");

    /** Where a finding is: the method checked and, for a private helper, the real-time method it serves. */
    private static final class Site {
        final ClassNode owner;
        final MethodNode method;
        final String via;
        final Set<Finding> out;

        Site(ClassNode owner, MethodNode method, String via, Set<Finding> out) {
            this.owner = owner;
            this.method = method;
            this.via = via;
            this.out = out;
        }

        void report(int line, Kind kind, String message) { report(line, kind, message, null); }

        void report(int line, Kind kind, String message, String callee) {
            String m = via == null ? message : (method.access & Opcodes.ACC_PRIVATE) != 0
                    ? message + " (in a private helper of " + via + ")"
                    : message + " (in " + qualified(owner.name, method.name) + ", called from " + via + ")";
            out.add(new Finding(owner.name.replace('/', '.'), method.name, method.desc, line, kind, m,
                    owner.sourceFile, callee == null ? null : callee.replace('/', '.')));
        }
    }

    // ------------------------------------------------------------------ contracts and resolution

    /** A method found by resolution: its declaring class and node, or what stopped the search. */
    private record Declaration(ClassNode owner, MethodNode node, String missing, List<String> platformSupers) {}

    /**
     * Finds where {@code owner.name desc} is declared as the JVM resolves it: the owner and its superclasses, then
     * its interfaces. JDK classes are not read; the ones met are listed for the allow-list.
     */
    private Declaration resolve(String owner, String name, String desc) {
        List<String> platform = new ArrayList<>();
        List<ClassNode> chain = new ArrayList<>();
        for (String c = owner; c != null; ) {
            if (isPlatform(c)) {
                platform.add(c);
                break;
            }
            ClassNode n = load(c);
            if (n == null) return new Declaration(null, null, c, platform);
            MethodNode m = find(n, name, desc);
            if (m != null) return new Declaration(n, m, null, platform);
            chain.add(n);
            c = n.superName;
        }
        Set<String> seen = new HashSet<>();
        List<String> queue = new ArrayList<>();
        for (ClassNode n : chain) queue.addAll(n.interfaces);
        for (int i = 0; i < queue.size(); i++) {
            String itf = queue.get(i);
            if (!seen.add(itf)) continue;
            if (isPlatform(itf)) {
                platform.add(itf);
                continue;
            }
            ClassNode n = load(itf);
            if (n == null) return new Declaration(null, null, itf, platform);
            MethodNode m = find(n, name, desc);
            if (m != null && (m.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC)) == 0) {
                return new Declaration(n, m, null, platform);
            }
            queue.addAll(n.interfaces);
        }
        return new Declaration(null, null, null, platform);
    }

    /**
     * True when {@code m}, declared in {@code c}, must keep the real-time rules: it is marked, its class is marked,
     * or it overrides a method that must.
     */
    private boolean contract(ClassNode c, MethodNode m) {
        String key = c.name + '.' + m.name + m.desc;
        Boolean known = contracts.get(key);
        if (known != null) return known;
        contracts.put(key, false);                          // a cycle in broken input ends here
        boolean r = annotated(m.invisibleAnnotations) || annotated(m.visibleAnnotations)
                || !isInitialiser(m) && (annotated(c.invisibleAnnotations) || annotated(c.visibleAnnotations))
                || overridable(m) && overridesContract(c, m.name, m.desc);
        contracts.put(key, r);
        return r;
    }

    private boolean overridesContract(ClassNode c, String name, String desc) {
        List<String> supers = new ArrayList<>();
        if (c.superName != null) supers.add(c.superName);
        supers.addAll(c.interfaces);
        for (String s : supers) {
            if (isPlatform(s)) continue;                     // the JDK marks nothing
            ClassNode n = load(s);
            if (n == null) continue;
            MethodNode m = find(n, name, desc);
            if (m != null && overridable(m) && contract(n, m)) return true;
            if (m == null && overridesContract(n, name, desc)) return true;
        }
        return false;
    }

    /** True when the object {@code alloc} creates is thrown as soon as it is constructed ({@code throw new X()}). */
    private static boolean isThrown(TypeInsnNode alloc) {
        int depth = 0;
        for (AbstractInsnNode i = alloc.getNext(); i != null; i = i.getNext()) {
            if (i.getOpcode() == Opcodes.NEW && ((TypeInsnNode) i).desc.equals(alloc.desc)) {
                depth++;
            } else if (i.getOpcode() == Opcodes.INVOKESPECIAL && ((MethodInsnNode) i).name.equals("<init>")
                    && ((MethodInsnNode) i).owner.equals(alloc.desc) && depth-- == 0) {
                AbstractInsnNode next = i.getNext();
                while (next != null && next.getOpcode() < 0) next = next.getNext();
                return next != null && next.getOpcode() == Opcodes.ATHROW;
            }
        }
        return false;
    }

    /** A getter that cannot be overridden: it loads a field of this or a constant and returns it, nothing else. */
    private static boolean isFinalGetter(ClassNode c, MethodNode m) {
        boolean fixed = (m.access & (Opcodes.ACC_FINAL | Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) != 0
                || (c.access & Opcodes.ACC_FINAL) != 0;
        if (!fixed || m.instructions.size() == 0) return false;
        int real = 0;
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            int op = insn.getOpcode();
            if (op < 0) continue;                             // labels, line numbers, frames
            real++;
            boolean simple = op >= Opcodes.ACONST_NULL && op <= Opcodes.LDC || op >= Opcodes.ILOAD
                    && op <= Opcodes.ALOAD || op == Opcodes.GETFIELD || op >= Opcodes.IRETURN && op <= Opcodes.RETURN;
            if (!simple) return false;
        }
        return real <= 4;
    }

    // ------------------------------------------------------------------ class files

    private ClassNode load(String internalName) {
        ClassNode c = parsed.get(internalName);
        if (c == null) {
            byte[] b = classes.find(internalName);
            c = b == null ? MISSING : parse(b);
            parsed.put(internalName, c);
        }
        return c == MISSING ? null : c;
    }

    private static ClassNode parse(byte[] classFile) {
        ClassNode c = new ClassNode();
        new ClassReader(classFile).accept(c, ClassReader.SKIP_FRAMES);
        return c;
    }

    private boolean isSynthetic(String internalName) {
        if (isPlatform(internalName)) return false;
        ClassNode c = load(internalName);
        return c != null && (c.access & Opcodes.ACC_SYNTHETIC) != 0;
    }

    private static MethodNode find(ClassNode c, String name, String desc) {
        for (MethodNode m : c.methods) if (m.name.equals(name) && m.desc.equals(desc)) return m;
        return null;
    }

    private static boolean annotated(List<AnnotationNode> annotations) {
        if (annotations == null) return false;
        for (AnnotationNode a : annotations) if (a.desc.equals(REALTIME_SAFE)) return true;
        return false;
    }

    private static boolean isInitialiser(MethodNode m) { return m.name.equals("<init>") || m.name.equals("<clinit>"); }

    private static boolean overridable(MethodNode m) {
        return (m.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC)) == 0 && !isInitialiser(m);
    }

    /** JDK classes: never read (their class files may be newer than ASM), judged by the allow-list alone. */
    private static boolean isPlatform(String internalName) {
        return internalName.startsWith("java/") || internalName.startsWith("javax/") || internalName.startsWith("jdk/")
                || internalName.startsWith("sun/") || internalName.startsWith("com/sun/");
    }

    private static boolean isWrapper(String owner) {
        switch (owner) {
            case "java/lang/Integer", "java/lang/Long", "java/lang/Short", "java/lang/Byte", "java/lang/Character",
                 "java/lang/Boolean", "java/lang/Float", "java/lang/Double" -> { return true; }
            default -> { return false; }
        }
    }

    private static int firstLine(MethodNode m) {
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof LineNumberNode ln) return ln.line;
        }
        return -1;
    }

    /** {@code an int}, {@code a float[]}. */
    private static String article(String noun) {
        return ("AEIOUaeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /** {@code Outer.Inner.name}; a console snippet's top-level method by its name alone. */
    private static String qualified(String internalName, String name) {
        String owner = simple(internalName);
        return owner.isEmpty() ? name : owner + "." + name;
    }

    /** {@code Outer.Inner}; a console snippet's class ({@code REPL/$JShell$12$Fuzz}) by its declared name. */
    private static String simple(String internalName) {
        String s = internalName.substring(internalName.lastIndexOf('/') + 1)
                .replaceFirst("^\\$JShell\\$\\d+[A-Z]*(\\$|$)", "");
        return s.replace('$', '.');
    }

    private static String arrayName(AbstractInsnNode insn) {
        if (insn instanceof MultiANewArrayInsnNode m) return simpleType(Type.getType(m.desc));
        if (insn instanceof TypeInsnNode t) return simpleType(Type.getObjectType(t.desc)) + "[]";
        String[] names = {"boolean", "char", "float", "double", "byte", "short", "int", "long"};
        return names[((IntInsnNode) insn).operand - Opcodes.T_BOOLEAN] + "[]";
    }

    /** {@code float[][]}, {@code String}, {@code Outer.Inner}. */
    private static String simpleType(Type t) {
        if (t.getSort() == Type.ARRAY) return simpleType(t.getElementType()) + "[]".repeat(t.getDimensions());
        if (t.getSort() == Type.OBJECT) return simple(t.getInternalName());
        return t.getClassName();
    }
}
