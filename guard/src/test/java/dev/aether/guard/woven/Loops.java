package dev.aether.guard.woven;

/** Loops for BudgetWeaverTest: each records the line of its loop statement in {@link #line}. */
public final class Loops {
    public static int line;
    public int frames = 64;

    private static int here() { return StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).get().getLineNumber(); }

    public static void spin() {
        line = here() + 1;
        while (true) { }
    }

    public static int spinAfter(int turns) {
        int n = 0;
        line = here() + 1;
        while (n < turns || turns > 0) n = n == Integer.MAX_VALUE ? 0 : n + 1;   // forever when turns > 0
        return n;
    }

    /** Counted: no check at its back edge. */
    public static void softClip(float[] buf) {
        for (int i = 0; i < buf.length; i++) buf[i] = buf[i] / (1 + Math.abs(buf[i]));
    }

    /** Counted, bound a field of this. */
    public double sum(double[] x) {
        double s = 0;
        for (int i = 0; i < frames; i++) s += x[i];
        return s;
    }

    /** Counted: the bound is the context's frame count, Math in the body (javac's user node, as typed). */
    public static void tanh(dev.aether.core.ProcessContext c, float[] x, float[] y) {
        for (int i = 0; i < c.frames(); i++) y[i] = (float) Math.tanh(6 * x[i]);
    }

    /** Not counted: steps by 2 (could wrap past the bound). */
    public static long stepTwo(int n) {
        long s = 0;
        for (int i = 0; i < n; i += 2) s += i;
        return s;
    }

    /** Not counted: calls a method that is not Math's. */
    public static long withCall(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) s += Integer.bitCount(i);
        return s;
    }

    /** Not counted: the bound changes in the body. */
    public static long boundMoves(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += i;
            if (s > 10) n++;
        }
        return s;
    }

    /** The outer loop is not counted (it contains a loop); the inner one is. */
    public static long nested(int[][] rows) {
        long s = 0;
        for (int r = 0; r < rows.length; r++) {
            int[] row = rows[r];
            for (int i = 0; i < row.length; i++) s += row[i];
        }
        return s;
    }
}
