package dev.aether.repl.console.visual;

/**
 * Any thread (pure). {@code :compare}: two renders of the same input set sample by sample, a null test: the first
 * sample where they differ, and the peak and RMS of their difference in dBFS (a difference of amplitude 1 is
 * 0 dBFS). Bit-identical renders are a perfect null.
 */
public record NullTest(int frames, int firstDifference, float aAtFirst, float bAtFirst, double peakDifference,
                       double rmsDifference, double rmsA) {

    /** Compares {@code a} and {@code b} (the same length). */
    public static NullTest of(float[] a, float[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("renders differ in length: " + a.length + " and " + b.length);
        int first = -1;
        double peak = 0, sumSq = 0, sumA = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            if (first < 0 && Float.floatToIntBits(a[i]) != Float.floatToIntBits(b[i])) first = i;
            peak = Math.max(peak, Math.abs(d));
            sumSq += d * d;
            sumA += (double) a[i] * a[i];
        }
        return new NullTest(a.length, first, first < 0 ? 0 : a[first], first < 0 ? 0 : b[first], peak,
                Math.sqrt(sumSq / a.length), Math.sqrt(sumA / a.length));
    }

    /** True when every sample is the same, bit for bit. */
    public boolean identical() { return firstDifference < 0; }

    /** What the person reads: "identical: ..." or where they first differ and by how much. */
    public String report(String a, String b, String input, double sampleRate) {
        if (identical()) return String.format("identical: %s and %s give the same %d samples bit for bit on %s — a perfect null", a, b, frames, input);
        return String.format("they differ on %s:%n"
                        + "  first at sample %d (%.3f ms): A = %.9g, B = %.9g%n"
                        + "  difference: peak %.2f dBFS, RMS %.2f dBFS (%.2f dB below A's RMS of %.2f dBFS)",
                input, firstDifference, firstDifference * 1000.0 / sampleRate, aAtFirst, bAtFirst,
                Analysis.db(peakDifference), Analysis.db(rmsDifference), Analysis.db(rmsA) - Analysis.db(rmsDifference), Analysis.db(rmsA));
    }
}
