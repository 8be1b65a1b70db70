package dev.aether.guard.planted;

import dev.aether.core.DspNode;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real-time code with planted faults, for {@code RealtimeCheckerTest}. A comment {@code // expect:} and a
 * {@code Finding.Kind} marks each line the checker must report with that kind; no other line may be reported.
 * Never run, only read.
 */
final class Planted {
    private Planted() {}

    static final class Allocates {
        float[] kept;

        @RealtimeSafe void process(int n) {
            kept = new float[n];                                    // expect: ALLOCATION
            Object o = new Object();                                // expect: ALLOCATION
            String[] names = new String[2];                         // expect: ALLOCATION
            int[][] grid = new int[2][n];                           // expect: ALLOCATION
            float[] copy = kept.clone();                            // expect: ALLOCATION
            if (n < 0) {
                throw new IllegalStateException();                  // expect: ALLOCATION
            }
        }
    }

    static final class Synchronizes {
        private final Object lock = new Object();
        private int count;

        @RealtimeSafe void process() {
            synchronized (lock) {                                   // expect: LOCK
                count++;
            }
        }

        @RealtimeSafe synchronized void bump() {
            count++;                                                // expect: LOCK
        }
    }

    static final class BuildsStrings {
        String last;

        @RealtimeSafe void process(int n) {
            last = "block " + n;                                    // expect: STRING_BUILDING
            StringBuilder sb = new StringBuilder();                 // expect: STRING_BUILDING
            sb.append(n);                                           // expect: STRING_BUILDING
            System.out.println(n);                                  // expect: IO
        }
    }

    static final class Boxes {
        Object last;

        @RealtimeSafe void process(int n, double x) {
            Integer boxed = n;                                      // expect: BOXING
            last = x;                                               // expect: BOXING
            int back = boxed;                                       // expect: BOXING
        }
    }

    static final class CallsUnmarked {
        private float[] scratch = new float[4];

        @RealtimeSafe void process(Helper h) {
            h.unmarked();                                           // expect: CALL
            h.marked();
            helper();
            Helper.pure(3);
        }

        private void helper() {
            scratch = new float[8];                                 // expect: ALLOCATION
            deeper();
        }

        private void deeper() {
            Object o = new Object();                                // expect: ALLOCATION
        }
    }

    static class Helper {
        void unmarked() { }

        @RealtimeSafe void marked() { }

        @RealtimeSafe static int pure(int x) { return Math.max(x, 0) + Integer.numberOfLeadingZeros(x); }
    }

    static final class SwitchesOnEnum {
        PlantedMode mode = PlantedMode.ONE;
        double y;

        /** javac 21+ switches on ordinal() for an enum of the same file; on one of another file it makes a map. */
        @RealtimeSafe void process(double x) {
            switch (mode) {                                         // expect: CLASS_LOADING
                case ONE: y = x; break;
                default: y = -x; break;
            }
        }
    }

    static final class CapturesLambda {
        int count;
        Runnable task;

        @RealtimeSafe void process() {
            task = () -> count++;                                   // expect: INVOKEDYNAMIC
        }
    }

    /** Implements the real-time contract without the annotation: checked all the same. */
    static final class UnmarkedNode implements DspNode {
        @Override public void process(ProcessContext ctx) {
            float[] tmp = new float[ctx.frames()];                  // expect: ALLOCATION
        }
    }

    /** A marked class: every method is checked, the constructor is not. */
    @RealtimeSafe
    static final class MarkedClass {
        private final float[] buf;

        MarkedClass() { buf = new float[64]; }

        void fill(float v) { java.util.Arrays.fill(buf, v); }

        float[] copy() {
            return java.util.Arrays.copyOf(buf, buf.length);        // expect: CALL
        }
    }

    /** Everything a real-time method may do: nothing here is reported. */
    static final class Clean implements DspNode {
        record Pair(double a, double b) {}

        private final float[] state = new float[16];
        private final AtomicInteger pending = new AtomicInteger();
        private final Pair pair = new Pair(1, 2);
        private volatile double gain = 1;
        private PlantedMode mode = PlantedMode.ONE;

        @Override @RealtimeSafe public void process(ProcessContext ctx) {
            float[] out = ctx.out(null);
            int n = ctx.frames();
            double g = gain * pair.a();
            double sign = mode == PlantedMode.ONE ? 1 : -1;
            for (int i = 0; i < n; i++) out[i] = (float) (sign * g * Math.sin(i * 0.1));
            System.arraycopy(out, 0, state, 0, Math.min(n, state.length));
            if (Float.isNaN(out[0]) || mode.ordinal() > 1) java.util.Arrays.fill(out, 0, n, 0f);
            pending.getAndIncrement();
            long t = System.nanoTime() + Double.doubleToRawLongBits(g);
            int k = clamp(n);
            Thread.onSpinWait();
        }

        private static int clamp(int n) { return Math.max(0, Math.min(n, 16)); }
    }
}
