package dev.aether.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Any thread; thread-safe when its {@link Sites} is. Weaves a budget check, a static call
 * {@code RunBudget.check(site)} ({@value #CHECK_OWNER}), into user classes: at the entry of every method (constructors
 * and static initialisers included) and before every backward branch (a jump, or a {@code tableswitch} /
 * {@code lookupswitch} with a target at or before it). Each check gets a site number from {@link Sites}: class, method
 * and source line (from the class's line table; 0 when it has none): a method's first line, a loop's first line
 * (see {@code loopLine}).
 *
 * <p><b>Counted loops are not checked at their back edge</b>, so that the JIT can still unroll and vectorise them
 * (a call in the body stops C2's superword pass). A loop is counted when javac compiled it as
 * {@code for (int i = ...; i < bound; i++)}: its back edge is a {@code goto} to a head {@code iload i; <bound>;
 * if_icmpge exit} whose exit is just after the {@code goto}; the bound is an int constant, an int local, an
 * {@code array.length} of a local, {@code ctx.frames()} of a {@code ProcessContext} local or an int field of
 * {@code this}, none of them stored in the loop; {@code i} changes
 * only by one {@code iinc i 1}; the body has no other backward branch and calls nothing but the static methods of
 * {@code java.lang.Math} and {@code StrictMath}. Such a loop ends after at most 2<sup>31</sup> turns of a body without
 * loops or calls to user code (in practice the bound is a block's frame count), and the check at the next method
 * entry or enclosing loop's back edge catches the time it took.
 *
 * <p>The inserted code pushes one int and calls a static method, so frames stay valid and only the maximum stack is
 * recomputed ({@link ClassWriter#COMPUTE_MAXS}).
 */
public final class BudgetWeaver {
    /** The class whose static {@code check(int)} is woven in (internal name). */
    public static final String CHECK_OWNER = "dev/aether/core/budget/RunBudget";
    /** The woven method's name. */
    public static final String CHECK_NAME = "check";
    /** The woven method's descriptor. */
    public static final String CHECK_DESCRIPTOR = "(I)V";

    private static final String PROCESS_CONTEXT = "dev/aether/core/ProcessContext";
    private static final Set<String> PURE_MATH = Set.of("java/lang/Math", "java/lang/StrictMath");

    /** Numbers the places a check is woven into. */
    @FunctionalInterface
    public interface Sites {
        /**
         * The number the check at this place passes to {@code RunBudget.check}.
         *
         * @param className  binary name with dots ({@code REPL.$JShell$12$Spin})
         * @param methodName the method ({@code process}, {@code <init>})
         * @param line       source line, or 0 when the class has no line table
         */
        int register(String className, String methodName, int line);
    }

    private final Sites sites;

    /** A weaver that numbers its checks with {@code sites}. */
    public BudgetWeaver(Sites sites) {
        this.sites = Objects.requireNonNull(sites, "sites");
    }

    /** The class in {@code classFile} with checks woven in. */
    public byte[] weave(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassNode c = new ClassNode();
        reader.accept(c, 0);
        String className = c.name.replace('/', '.');
        for (MethodNode m : c.methods) {
            if (m.instructions.size() > 0) weave(className, m);
        }
        ClassWriter w = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        c.accept(w);
        return w.toByteArray();
    }

    private void weave(String className, MethodNode m) {
        InsnList code = m.instructions;
        List<AbstractInsnNode> backEdges = new ArrayList<>();
        for (AbstractInsnNode n = code.getFirst(); n != null; n = n.getNext()) {
            if (isBackEdge(code, n) && !closesCountedLoop(code, n)) backEdges.add(n);
        }
        for (AbstractInsnNode n : backEdges) code.insertBefore(n, check(className, m.name, loopLine(code, n)));
        code.insert(check(className, m.name, firstLine(code)));
    }

    private InsnList check(String className, String methodName, int line) {
        InsnList l = new InsnList();
        l.add(new LdcInsnNode(sites.register(className, methodName, line)));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, CHECK_OWNER, CHECK_NAME, CHECK_DESCRIPTOR, false));
        return l;
    }

    private static boolean isBackEdge(InsnList code, AbstractInsnNode n) {
        int at = code.indexOf(n);
        if (n instanceof JumpInsnNode j) return code.indexOf(j.label) <= at;
        List<LabelNode> targets = new ArrayList<>();
        if (n instanceof TableSwitchInsnNode t) {
            targets.addAll(t.labels);
            targets.add(t.dflt);
        } else if (n instanceof LookupSwitchInsnNode s) {
            targets.addAll(s.labels);
            targets.add(s.dflt);
        } else {
            return false;
        }
        for (LabelNode l : targets) if (code.indexOf(l) <= at) return true;
        return false;
    }

    /** True when {@code n} is the {@code goto} closing a counted loop (see the class comment). */
    static boolean closesCountedLoop(InsnList code, AbstractInsnNode n) {
        if (n.getOpcode() != Opcodes.GOTO) return false;
        LabelNode headLabel = ((JumpInsnNode) n).label;
        AbstractInsnNode head = real(headLabel);
        if (head == null || head.getOpcode() != Opcodes.ILOAD) return false;
        int index = ((VarInsnNode) head).var;
        AbstractInsnNode b = real(head.getNext());
        if (b == null) return false;
        int boundLocal = -1, arrayLocal = -1;
        String boundField = null;
        AbstractInsnNode cmp;
        switch (b.getOpcode()) {
            case Opcodes.ICONST_M1, Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2, Opcodes.ICONST_3,
                 Opcodes.ICONST_4, Opcodes.ICONST_5, Opcodes.BIPUSH, Opcodes.SIPUSH -> cmp = real(b.getNext());
            case Opcodes.LDC -> {
                if (!(((LdcInsnNode) b).cst instanceof Integer)) return false;
                cmp = real(b.getNext());
            }
            case Opcodes.ILOAD -> {
                boundLocal = ((VarInsnNode) b).var;
                cmp = real(b.getNext());
            }
            case Opcodes.ALOAD -> {
                AbstractInsnNode next = real(b.getNext());
                if (next == null) return false;
                if (next.getOpcode() == Opcodes.ARRAYLENGTH) {
                    arrayLocal = ((VarInsnNode) b).var;
                } else if (isFramesOfContext(next)) {
                    arrayLocal = ((VarInsnNode) b).var;             // the context local: not to be replaced
                } else if (next.getOpcode() == Opcodes.GETFIELD && ((VarInsnNode) b).var == 0
                        && ((FieldInsnNode) next).desc.equals("I")) {
                    boundField = ((FieldInsnNode) next).name;
                } else {
                    return false;
                }
                cmp = real(next.getNext());
            }
            default -> {
                return false;
            }
        }
        if (cmp == null || cmp.getOpcode() != Opcodes.IF_ICMPGE) return false;
        if (real(((JumpInsnNode) cmp).label) != real(n.getNext())) return false;   // exits just after the goto
        int increments = 0;
        for (AbstractInsnNode i = cmp.getNext(); i != n; i = i.getNext()) {
            if (i == null) return false;
            if (i != n && isBackEdge(code, i)) return false;
            switch (i.getOpcode()) {
                case Opcodes.IINC -> {
                    IincInsnNode inc = (IincInsnNode) i;
                    if (inc.var == index) {
                        if (inc.incr != 1) return false;
                        increments++;
                    }
                    if (inc.var == boundLocal) return false;
                }
                case Opcodes.ISTORE -> {
                    int v = ((VarInsnNode) i).var;
                    if (v == index || v == boundLocal) return false;
                }
                case Opcodes.ASTORE -> {
                    if (((VarInsnNode) i).var == arrayLocal) return false;
                }
                case Opcodes.PUTFIELD -> {
                    if (((FieldInsnNode) i).name.equals(boundField)) return false;
                }
                case Opcodes.INVOKESTATIC -> {
                    if (!PURE_MATH.contains(((MethodInsnNode) i).owner)) return false;
                }
                case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKEINTERFACE, Opcodes.INVOKEDYNAMIC,
                     Opcodes.MONITORENTER, Opcodes.JSR -> {
                    return false;
                }
                default -> { }
            }
        }
        return increments == 1;
    }

    /** {@code ProcessContext.frames()}: a final getter, the block's frame count (at most 1024). */
    private static boolean isFramesOfContext(AbstractInsnNode n) {
        return n.getOpcode() == Opcodes.INVOKEVIRTUAL && n instanceof MethodInsnNode call
                && call.owner.equals(PROCESS_CONTEXT) && call.name.equals("frames") && call.desc.equals("()I");
    }

    /** The first real instruction at or after {@code n} (skipping labels, line numbers and frames). */
    private static AbstractInsnNode real(AbstractInsnNode n) {
        while (n != null && n.getOpcode() < 0) n = n.getNext();
        return n;
    }

    /**
     * The first line of the loop that {@code branch} closes: the smallest line from its earliest target to it, or
     * the line {@code branch} is on. That is the loop statement's line when its head has code ({@code for},
     * {@code while (cond)}), the first line of the body for {@code while (true)} with a body.
     */
    private static int loopLine(InsnList code, AbstractInsnNode branch) {
        int from = code.indexOf(branch);
        List<LabelNode> targets = new ArrayList<>();
        if (branch instanceof JumpInsnNode j) targets.add(j.label);
        if (branch instanceof TableSwitchInsnNode t) {
            targets.addAll(t.labels);
            targets.add(t.dflt);
        }
        if (branch instanceof LookupSwitchInsnNode s) {
            targets.addAll(s.labels);
            targets.add(s.dflt);
        }
        for (LabelNode l : targets) from = Math.min(from, code.indexOf(l));
        int line = Integer.MAX_VALUE;
        for (AbstractInsnNode p = code.get(from); p != branch; p = p.getNext()) {
            if (p instanceof LineNumberNode l) line = Math.min(line, l.line);
        }
        if (line != Integer.MAX_VALUE) return line;
        for (AbstractInsnNode p = branch; p != null; p = p.getPrevious()) {
            if (p instanceof LineNumberNode l) return l.line;
        }
        return 0;
    }

    private static int firstLine(InsnList code) {
        for (AbstractInsnNode p = code.getFirst(); p != null; p = p.getNext()) {
            if (p instanceof LineNumberNode l) return l.line;
        }
        return 0;
    }
}
