package dev.aether.core.budget;

import dev.aether.core.AnyThread;
import dev.aether.core.RealtimeSafe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Any thread. The budget checks woven into user classes: {@link #check(int)} is called at every method entry and
 * backward branch of user code. It costs a decrement of a shared plain counter; every {@value #STRIDE} checks (or
 * at once after a cancel) it looks at the current thread's {@link Watch}, which throws {@link RunStopped} when its
 * deadline has passed or it was cancelled. Threads without a watch are never stopped. The counter is shared and
 * racy on purpose: a lost decrement only delays a look.
 */
@AnyThread
public final class RunBudget {
    /** Checks between two looks at the clock (a few microseconds of the tightest loop). */
    public static final int STRIDE = 4096;

    private static int countdown = STRIDE;
    private static volatile Watch[] watches = new Watch[0];
    private static final List<CodeSite> SITES = new ArrayList<>();
    private static final Map<String, Integer> LINE_SHIFTS = new HashMap<>();
    private static volatile CodeSite[] sites = new CodeSite[0];
    private static final CodeSite UNKNOWN = new CodeSite("?", "?", 0);

    private RunBudget() {}

    /** Woven into user code at method entries and backward branches; {@code site} from {@link #site(String, String, int)}. */
    @RealtimeSafe
    public static void check(int site) {
        if (--countdown < 0) look(site);
    }

    @RealtimeSafe
    private static void look(int site) {
        countdown = STRIDE;
        Thread t = Thread.currentThread();
        for (Watch w : watches) {
            if (w.owner == t) {
                w.look(site);
                return;
            }
        }
    }

    @RealtimeSafe
    static void lookSoon() { countdown = 0; }

    /** The watch of {@code thread}, made on first call (control thread, once per thread; allocates). */
    public static synchronized Watch watch(Thread thread) {
        for (Watch w : watches) if (w.owner == thread) return w;
        Watch w = new Watch(thread);
        Watch[] next = Arrays.copyOf(watches, watches.length + 1);
        next[next.length - 1] = w;
        watches = next;
        return w;
    }

    /** Forgets the watch of a thread that ended (control thread). */
    public static synchronized void forget(Thread thread) {
        watches = Arrays.stream(watches).filter(w -> w.owner != thread).toArray(Watch[]::new);
    }

    /**
     * Registers a woven site and returns its number (class loading; any thread). {@code line} is the class file's;
     * the site keeps it less the shift of its outermost class ({@link #shiftLines}).
     */
    public static synchronized int site(String className, String methodName, int line) {
        SITES.add(new CodeSite(className, methodName, line > 0 ? line - shiftOf(className) : line));
        sites = SITES.toArray(new CodeSite[0]);
        return SITES.size() - 1;
    }

    /**
     * The lines of {@code outerClass} and the classes nested in it ({@code outerClass$...}), in sites registered
     * before and after this call, are their class file's lines less {@code shift}: how the console turns the line of
     * JShell's wrapped source into the line the person typed (control thread or evaluation worker).
     */
    public static synchronized void shiftLines(String outerClass, int shift) {
        Integer old = LINE_SHIFTS.put(outerClass, shift);
        int delta = shift - (old == null ? 0 : old);
        if (delta == 0) return;
        for (int i = 0; i < SITES.size(); i++) {
            CodeSite c = SITES.get(i);
            if (c.line() > 0 && (c.className().equals(outerClass) || c.className().startsWith(outerClass + "$"))) {
                SITES.set(i, new CodeSite(c.className(), c.methodName(), c.line() - delta));
            }
        }
        sites = SITES.toArray(new CodeSite[0]);
    }

    private static int shiftOf(String className) {
        Integer own = LINE_SHIFTS.get(className);
        for (int i = className.indexOf('$'); own == null && i >= 0; i = className.indexOf('$', i + 1)) {
            own = LINE_SHIFTS.get(className.substring(0, i));
        }
        return own == null ? 0 : own;
    }

    /** The site numbered {@code id}, or an unknown site. */
    public static CodeSite site(int id) {
        CodeSite[] s = sites;
        return id >= 0 && id < s.length ? s[id] : UNKNOWN;
    }
}
