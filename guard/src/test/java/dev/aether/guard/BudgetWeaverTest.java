package dev.aether.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.budget.CodeSite;
import dev.aether.core.budget.RunBudget;
import dev.aether.core.budget.RunStopped;
import dev.aether.core.budget.Watch;
import dev.aether.guard.woven.Loops;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

class BudgetWeaverTest {
    private final List<CodeSite> sites = new ArrayList<>();
    private final BudgetWeaver weaver = new BudgetWeaver((c, m, line) -> {
        sites.add(new CodeSite(c, m, line));
        return sites.size() - 1;
    });

    @Test void everyMethodStartsWithACheckNamingItsFirstLine() {
        ClassNode woven = parse(weaver.weave(bytesOf(Loops.class)));
        for (MethodNode m : woven.methods) {
            AbstractInsnNode first = m.instructions.getFirst();
            assertThat(first).as(m.name).isInstanceOf(LdcInsnNode.class);
            assertThat(isCheck(first.getNext())).as(m.name).isTrue();
            CodeSite site = sites.get((Integer) ((LdcInsnNode) first).cst);
            assertThat(site.methodName()).isEqualTo(m.name);
            assertThat(site.className()).isEqualTo("dev.aether.guard.woven.Loops");
            assertThat(site.line()).as(m.name).isPositive();
        }
    }

    @Test void backwardBranchesAreCheckedButCountedLoopsAreNot() {
        ClassNode woven = parse(weaver.weave(bytesOf(Loops.class)));
        assertThat(backEdgeChecks(woven, "spin")).isEqualTo(1);
        assertThat(backEdgeChecks(woven, "spinAfter")).isPositive();
        assertThat(backEdgeChecks(woven, "softClip")).isZero();
        assertThat(backEdgeChecks(woven, "sum")).isZero();
        assertThat(backEdgeChecks(woven, "tanh")).isZero();
        assertThat(backEdgeChecks(woven, "stepTwo")).isEqualTo(1);
        assertThat(backEdgeChecks(woven, "withCall")).isEqualTo(1);
        assertThat(backEdgeChecks(woven, "boundMoves")).isEqualTo(1);
        assertThat(backEdgeChecks(woven, "nested")).isEqualTo(1);   // the outer loop only
    }

    @Test void aWovenSpinIsStoppedAtTheLineOfItsLoop() throws Exception {
        Class<?> k = new Loader().define("dev.aether.guard.woven.Loops", weaveWithRunBudget(bytesOf(Loops.class)));
        RunStopped stop = runArmed(k.getMethod("spin"), 200_000_000L);
        int loopLine = (int) k.getField("line").get(null);
        assertThat(stop.reason()).isEqualTo(RunStopped.Reason.OVER_BUDGET);
        assertThat(RunBudget.site(stop.site())).isEqualTo(new CodeSite("dev.aether.guard.woven.Loops", "spin", loopLine));
        assertThat(stop.getMessage()).isEqualTo("ran past its budget (200.00 ms) in Loops.spin, line " + loopLine);

        RunStopped stop2 = runArmed(k.getMethod("spinAfter", int.class), 200_000_000L, 1000);
        assertThat(RunBudget.site(stop2.site()).line()).isEqualTo((int) k.getField("line").get(null));
    }

    @Test void wovenCodeComputesWhatTheOriginalDoes() throws Exception {
        Class<?> k = new Loader().define("dev.aether.guard.woven.Loops", weaveWithRunBudget(bytesOf(Loops.class)));
        assertThat(k.getMethod("stepTwo", int.class).invoke(null, 100)).isEqualTo(Loops.stepTwo(100));
        assertThat(k.getMethod("withCall", int.class).invoke(null, 100)).isEqualTo(Loops.withCall(100));
        assertThat(k.getMethod("boundMoves", int.class).invoke(null, 100)).isEqualTo(Loops.boundMoves(100));
        int[][] rows = {{1, 2}, {3}, {}};
        assertThat(k.getMethod("nested", int[][].class).invoke(null, (Object) rows)).isEqualTo(Loops.nested(rows));
        float[] a = {2f, -3f}, b = a.clone();
        k.getMethod("softClip", float[].class).invoke(null, (Object) a);
        Loops.softClip(b);
        assertThat(a).containsExactly(b);
    }

    /** A loop javac does not write: a tableswitch whose default jumps back. */
    @Test void aSwitchThatJumpsBackIsChecked() throws Exception {
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        w.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "dev/aether/guard/woven/SwitchLoop", null, "java/lang/Object", null);
        MethodVisitor m = w.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "(I)V", null, null);
        m.visitCode();
        Label top = new Label(), out = new Label();
        m.visitLabel(top);
        m.visitLineNumber(42, top);
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitTableSwitchInsn(0, 0, top, out);
        m.visitLabel(out);
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        w.visitEnd();
        byte[] woven = weaveWithRunBudget(w.toByteArray());
        assertThat(backEdgeChecks(parse(woven), "run")).isEqualTo(1);
        Class<?> k = new Loader().define("dev.aether.guard.woven.SwitchLoop", woven);
        RunStopped stop = runArmed(k.getMethod("run", int.class), 200_000_000L, 5);
        assertThat(RunBudget.site(stop.site())).isEqualTo(new CodeSite("dev.aether.guard.woven.SwitchLoop", "run", 42));
    }

    private static byte[] weaveWithRunBudget(byte[] b) { return new BudgetWeaver(RunBudget::site).weave(b); }

    /** Runs {@code m} on a thread whose watch is armed for {@code budgetNanos}; the stop it threw. */
    private static RunStopped runArmed(Method m, long budgetNanos, Object... args) throws Exception {
        CompletableFuture<RunStopped> f = CompletableFuture.supplyAsync(() -> {
            Watch w = RunBudget.watch(Thread.currentThread());
            w.armRt(System.nanoTime(), budgetNanos);
            try {
                m.invoke(null, args);
                return null;
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RunStopped s) return s;
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } finally {
                w.disarmRt();
                RunBudget.forget(Thread.currentThread());
            }
        });
        RunStopped s = f.get(20, TimeUnit.SECONDS);
        assertThat(s).as("stopped").isNotNull();
        return s;
    }

    /** Checks inserted before backward branches (entry checks excluded). */
    private static int backEdgeChecks(ClassNode c, String method) {
        MethodNode m = c.methods.stream().filter(x -> x.name.equals(method)).findFirst().orElseThrow();
        int n = 0;
        for (AbstractInsnNode i = m.instructions.getFirst().getNext().getNext(); i != null; i = i.getNext()) {
            if (isCheck(i)) {
                AbstractInsnNode next = i.getNext();
                assertThat(next instanceof JumpInsnNode || next.getOpcode() == Opcodes.TABLESWITCH
                        || next.getOpcode() == Opcodes.LOOKUPSWITCH).as("check before a branch").isTrue();
                n++;
            }
        }
        return n;
    }

    private static boolean isCheck(AbstractInsnNode i) {
        return i instanceof MethodInsnNode call && call.owner.equals(BudgetWeaver.CHECK_OWNER)
                && call.name.equals(BudgetWeaver.CHECK_NAME);
    }

    private static ClassNode parse(byte[] b) {
        ClassNode c = new ClassNode();
        new ClassReader(b).accept(c, 0);
        return c;
    }

    private static byte[] bytesOf(Class<?> k) {
        try (InputStream in = k.getResourceAsStream(k.getSimpleName() + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Loader extends ClassLoader {
        Loader() { super(BudgetWeaverTest.class.getClassLoader()); }

        Class<?> define(String name, byte[] b) { return defineClass(name, b, 0, b.length); }
    }
}
