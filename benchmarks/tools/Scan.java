import java.lang.management.ManagementFactory;
public class Scan {
    static final float[][] B = new float[1000][64];
    static int sink;
    interface F { int f(float[] b, int n); }
    static int maxSimple(float[] b, int n) { int m = 0; for (int i = 0; i < n; i++) m = Math.max(m, Float.floatToRawIntBits(b[i]) & 0x7fffffff); return m; }
    static int max4(float[] b, int n) {
        int m0 = 0, m1 = 0, m2 = 0, m3 = 0; int i = 0;
        for (; i + 3 < n; i += 4) {
            m0 = Math.max(m0, Float.floatToRawIntBits(b[i]) & 0x7fffffff);
            m1 = Math.max(m1, Float.floatToRawIntBits(b[i + 1]) & 0x7fffffff);
            m2 = Math.max(m2, Float.floatToRawIntBits(b[i + 2]) & 0x7fffffff);
            m3 = Math.max(m3, Float.floatToRawIntBits(b[i + 3]) & 0x7fffffff);
        }
        for (; i < n; i++) m0 = Math.max(m0, Float.floatToRawIntBits(b[i]) & 0x7fffffff);
        return Math.max(Math.max(m0, m1), Math.max(m2, m3));
    }
    static int orSimple(float[] b, int n) { int o = 0; for (int i = 0; i < n; i++) o |= (Float.floatToRawIntBits(b[i]) & 0x7f800000) + 0x00800000; return o; }
    static int orMag(float[] b, int n) { int o = 0; for (int i = 0; i < n; i++) o |= Float.floatToRawIntBits(b[i]); return o & 0x7fffffff; }
    static int floatTimesZero(float[] b, int n) { float s = 0; for (int i = 0; i < n; i++) s += b[i] * 0f; return s == 0f ? 0 : -1; }
    static int floatSub(float[] b, int n) { float s = 0; for (int i = 0; i < n; i++) s += b[i] - b[i]; return s == 0f ? 0 : -1; }
    static int absMaxFloat(float[] b, int n) { float m = 0; for (int i = 0; i < n; i++) m = Math.max(m, Math.abs(b[i])); return Float.floatToRawIntBits(m); }
    static int xorSub(float[] b, int n) { int o = 0; for (int i = 0; i < n; i++) { int x = Float.floatToRawIntBits(b[i]); o |= (x & 0x7fffffff) + 0x00800000; } return o; }
    static double time(F f) {
        var mx = ManagementFactory.getThreadMXBean(); double best = 1e18;
        for (int r = 0; r < 40; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < 200; k++) for (float[] b : B) sink += f.f(b, 64);
            best = Math.min(best, (mx.getCurrentThreadCpuTime() - t0) / 200.0 / 1000.0);
        }
        return best;
    }
    public static void main(String[] a) {
        java.util.Random rnd = new java.util.Random(1);
        for (float[] b : B) for (int i = 0; i < 64; i++) b[i] = (float) rnd.nextGaussian() * 0.1f;
        String[] names = {"maxSimple", "max4", "orSimple", "orMag", "floatTimesZero", "floatSub", "absMaxFloat", "orPlusMag"};
        F[] fs = {Scan::maxSimple, Scan::max4, Scan::orSimple, Scan::orMag, Scan::floatTimesZero, Scan::floatSub, Scan::absMaxFloat, Scan::xorSub};
        for (int pass = 0; pass < 2; pass++) { StringBuilder sb = new StringBuilder(); for (int i = 0; i < fs.length; i++) sb.append(String.format("%s %.1f  ", names[i], time(fs[i]))); System.out.println(sb); }
    }
}
