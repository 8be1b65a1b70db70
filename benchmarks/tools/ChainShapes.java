import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Ways to run 256 voices of saw -> biquad low-pass -> VCA -> gain for one 64-sample block, as models (a table-BLEP saw
 * of the stdlib's shape with a made-up step table, the stdlib's direct-form-I biquad): each stage a block of its own
 * (the engine's way, without the engine), each stage in strips of 16 samples, two voices' stages side by side, the
 * chain fused into one loop with its state in locals (hand-written), and fused as per-sample calls whose state stays
 * in fields (what a generic fuser without code generation gets). Then the biquad alone: the two-sample loop against a
 * four-sample look-ahead (outputs in closed form from the two before each group). Thread CPU, best of 20 x 200 blocks.
 *
 *   java benchmarks/tools/ChainShapes.java       (JDK 17; Temurin 25: /usr/lib/jvm/temurin-25-jdk-amd64/bin/java)
 */
public class ChainShapes {
    static final int N = 64, H = 16, MASK = 2 * H - 1, V = 256;
    static final double[] STEP = new double[2 * H * 32 + 2];
    static { for (int i = 0; i < STEP.length; i++) STEP[i] = 0.5 + 0.5 * Math.tanh((i - STEP.length / 2.0) / 40.0); }

    static final class Saw {
        double phase, inc; final double[] ring = new double[2 * H]; int pos;
        Saw(double inc, double p) { this.inc = inc; this.phase = p; }
        static void addStep(double[] r, int at, double h, double b) {
            double x = Math.min(b, Math.nextDown(1.0)) * 32; int i0 = (int) x; double fr = x - i0;
            for (int k = 0; k < 2 * H; k++) { int j = k * 32 + i0; double v = STEP[j] + (STEP[j + 1] - STEP[j]) * fr; if (k >= H) v -= 1; r[(at + k) & MASK] += h * v; }
        }
        void block(float[] out, int from, int to) {
            double p = phase, inc = this.inc; double[] r = ring; int at = pos;
            for (int i = from; i < to; i++) {
                double d = -p; if (d <= 0) d += 1;
                if (d <= inc) { double b = 1 - d / inc; if (b >= 0) addStep(r, at, -2, b); }
                double x = p + inc; p = x < 1 ? x : x - 1;
                r[(at + H) & MASK] += 2 * p - 1; out[i] = (float) r[at]; r[at] = 0; at = (at + 1) & MASK;
            }
            phase = p; pos = at;
        }
        float tick() {
            double p = phase, inc = this.inc; double[] r = ring; int at = pos;
            double d = -p; if (d <= 0) d += 1;
            if (d <= inc) { double b = 1 - d / inc; if (b >= 0) addStep(r, at, -2, b); }
            double x = p + inc; p = x < 1 ? x : x - 1;
            r[(at + H) & MASK] += 2 * p - 1; float o = (float) r[at]; r[at] = 0;
            phase = p; pos = (at + 1) & MASK;
            return o;
        }
    }

    static final class Biquad {
        double b0, b1, b2, a1, a2, x1, x2, y1, y2;
        final double[] k = new double[12]; final double[] f = new double[N];
        Biquad(double fc) {
            double w0 = 2 * Math.PI * fc / 48000, cw = Math.cos(w0), al = Math.sin(w0) / (2 * 0.707), a0 = 1 + al;
            b1 = (1 - cw) / a0; b0 = b1 / 2; b2 = b0; a1 = -2 * cw / a0; a2 = (1 - al) / a0;
            double h1 = -a1, h2 = -a1 * h1 - a2, h3 = -a1 * h2 - a2 * h1;
            double u0 = -a1, u1 = -a1 * u0 - a2, u2 = -a1 * u1 - a2 * u0, u3 = -a1 * u2 - a2 * u1;
            double v0 = -a2, v1 = -a1 * v0, v2 = -a1 * v1 - a2 * v0, v3 = -a1 * v2 - a2 * v1;
            double[] t = {h1, h2, h3, u0, u1, u2, u3, v0, v1, v2, v3};
            System.arraycopy(t, 0, k, 0, t.length);
        }
        void block(float[] x, float[] y, int from, int to) {           // the stdlib's loop: two samples per turn
            double xa = x1, xb = x2, ya = y1, yb = y2; int i = from;
            for (; i + 1 < to; i += 2) {
                double x0 = x[i], xn = x[i + 1];
                double y0 = (b0 * x0 + b1 * xa + b2 * xb - a2 * yb) - a1 * ya;
                double yn = (b0 * xn + b1 * x0 + b2 * xa - a2 * ya) - a1 * y0;
                y[i] = (float) y0; y[i + 1] = (float) yn; xb = x0; xa = xn; yb = y0; ya = yn;
            }
            x1 = xa; x2 = xb; y1 = ya; y2 = yb;
        }
        void lookAhead(float[] x, float[] y) {                         // feed-forward pass, then groups of four
            double[] ff = f; double xa = x1, xb = x2;
            ff[0] = b0 * x[0] + b1 * xa + b2 * xb; ff[1] = b0 * x[1] + b1 * x[0] + b2 * xa;
            for (int i = 2; i < N; i++) ff[i] = b0 * x[i] + b1 * x[i - 1] + b2 * x[i - 2];
            x1 = x[N - 1]; x2 = x[N - 2];
            double h1 = k[0], h2 = k[1], h3 = k[2], u0 = k[3], u1 = k[4], u2 = k[5], u3 = k[6], v0 = k[7], v1 = k[8], v2 = k[9], v3 = k[10];
            double ya = y1, yb = y2;
            for (int i = 0; i < N; i += 4) {
                double f0 = ff[i], f1 = ff[i + 1], f2 = ff[i + 2], f3 = ff[i + 3];
                double z1 = f1 + h1 * f0, z2 = f2 + h1 * f1 + h2 * f0, z3 = f3 + h1 * f2 + h2 * f1 + h3 * f0;
                double q0 = (f0 + v0 * yb) + u0 * ya, q1 = (z1 + v1 * yb) + u1 * ya;
                double q2 = (z2 + v2 * yb) + u2 * ya, q3 = (z3 + v3 * yb) + u3 * ya;
                y[i] = (float) q0; y[i + 1] = (float) q1; y[i + 2] = (float) q2; y[i + 3] = (float) q3;
                yb = q2; ya = q3;
            }
            y1 = ya; y2 = yb;
        }
        float tick(float xf) {
            double x0 = xf, y0 = (b0 * x0 + b1 * x1 + b2 * x2 - a2 * y2) - a1 * y1;
            x2 = x1; x1 = x0; y2 = y1; y1 = y0;
            return (float) y0;
        }
    }

    static final Saw[] saws = new Saw[V]; static final Biquad[] bqs = new Biquad[V];
    static final float[][] o1 = new float[V][N], o2 = new float[V][N], o3 = new float[V][N], o4 = new float[V][N], env = new float[V][N];
    static final float[] mix = new float[N]; static final float GAIN = 0.01f;

    static void vca(float[] x, float[] c, float[] y, int from, int to) { for (int i = from; i < to; i++) y[i] = x[i] * c[i]; }
    static void gain(float[] x, float[] y, int from, int to) { for (int i = from; i < to; i++) y[i] = x[i] * GAIN; }
    static void sum(float[] o) { for (int i = 0; i < N; i++) mix[i] += o[i]; }

    static void stages(int strip) {
        Arrays.fill(mix, 0);
        for (int v = 0; v < V; v++) {
            for (int s = 0; s < N; s += strip) {
                int e = s + strip;
                saws[v].block(o1[v], s, e); bqs[v].block(o1[v], o2[v], s, e); vca(o2[v], env[v], o3[v], s, e); gain(o3[v], o4[v], s, e);
            }
            sum(o4[v]);
        }
    }
    static void pairs() {
        Arrays.fill(mix, 0);
        for (int v = 0; v < V; v += 2) {
            int w = v + 1;
            saws[v].block(o1[v], 0, N); saws[w].block(o1[w], 0, N);
            bqs[v].block(o1[v], o2[v], 0, N); bqs[w].block(o1[w], o2[w], 0, N);
            vca(o2[v], env[v], o3[v], 0, N); vca(o2[w], env[w], o3[w], 0, N);
            gain(o3[v], o4[v], 0, N); gain(o3[w], o4[w], 0, N);
            sum(o4[v]); sum(o4[w]);
        }
    }
    static void handFused() {
        Arrays.fill(mix, 0);
        for (int v = 0; v < V; v++) {
            Saw s = saws[v]; Biquad b = bqs[v]; float[] c = env[v], out = o4[v];
            double p = s.phase, inc = s.inc; double[] r = s.ring; int at = s.pos;
            double b0 = b.b0, b1 = b.b1, b2 = b.b2, a1 = b.a1, a2 = b.a2, xa = b.x1, xb = b.x2, ya = b.y1, yb = b.y2;
            for (int i = 0; i < N; i++) {
                double d = -p; if (d <= 0) d += 1;
                if (d <= inc) { double bb = 1 - d / inc; if (bb >= 0) Saw.addStep(r, at, -2, bb); }
                double xx = p + inc; p = xx < 1 ? xx : xx - 1;
                r[(at + H) & MASK] += 2 * p - 1; double x0 = (float) r[at]; r[at] = 0; at = (at + 1) & MASK;
                double y0 = (b0 * x0 + b1 * xa + b2 * xb - a2 * yb) - a1 * ya;
                xb = xa; xa = x0; yb = ya; ya = y0;
                out[i] = ((float) y0 * c[i]) * GAIN;
            }
            s.phase = p; s.pos = at; b.x1 = xa; b.x2 = xb; b.y1 = ya; b.y2 = yb;
            sum(out);
        }
    }
    static void ticks() {
        Arrays.fill(mix, 0);
        for (int v = 0; v < V; v++) {
            Saw s = saws[v]; Biquad b = bqs[v]; float[] c = env[v], out = o4[v];
            for (int i = 0; i < N; i++) out[i] = (b.tick(s.tick()) * c[i]) * GAIN;
            sum(out);
        }
    }
    static void biquads() { for (int v = 0; v < V; v++) bqs[v].block(o1[v], o2[v], 0, N); }
    static void biquadsLookAhead() { for (int v = 0; v < V; v++) bqs[v].lookAhead(o1[v], o2[v]); }

    public static void main(String[] args) {
        for (int v = 0; v < V; v++) {
            saws[v] = new Saw(55 * Math.pow(2, (v % 36) / 12.0) / 48000, 0.1 * (v % 10));
            bqs[v] = new Biquad(2000);
            Arrays.fill(env[v], 0.7f);
        }
        String[] names = {"stages", "strips of 16", "voice pairs", "hand-fused", "per-sample calls", "biquads", "biquads look-ahead"};
        Runnable[] runs = {() -> stages(N), () -> stages(16), ChainShapes::pairs, ChainShapes::handFused, ChainShapes::ticks,
                ChainShapes::biquads, ChainShapes::biquadsLookAhead};
        ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 5; round++) {
            StringBuilder line = new StringBuilder(round < 4 ? "warm-up: " : "");
            for (int k = 0; k < runs.length; k++) {
                long best = Long.MAX_VALUE;
                for (int rep = 0; rep < 20; rep++) {
                    long t0 = tm.getCurrentThreadCpuTime();
                    for (int it = 0; it < 200; it++) runs[k].run();
                    best = Math.min(best, (tm.getCurrentThreadCpuTime() - t0) / 200);
                }
                line.append(String.format("%s %.1f µs; ", names[k], best / 1000.0));
            }
            System.out.println(line);
        }
        System.out.println("(256 voices or filters, one 64-sample block; mix[0] = " + mix[0] + ")");
    }
}
