package dev.aether.nodes.analysis;

/**
 * In-place iterative radix-2 complex FFT of a fixed power-of-two size with precomputed twiddles and
 * bit-reversal table. {@link #forward} allocates nothing. Not thread-safe: one instance per thread.
 */
public final class Fft {
    private final int size;
    private final int[] reversed;
    private final double[] cos, sin;

    /** An FFT of {@code size} points, a power of two from 2 to 2^24. */
    public Fft(int size) {
        if (size < 2 || size > (1 << 24) || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two in 2..2^24, was " + size);
        }
        this.size = size;
        int bits = Integer.numberOfTrailingZeros(size);
        reversed = new int[size];
        for (int i = 0; i < size; i++) reversed[i] = Integer.reverse(i) >>> (32 - bits);
        cos = new double[size / 2];
        sin = new double[size / 2];
        for (int i = 0; i < size / 2; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / size);
            sin[i] = -Math.sin(2 * Math.PI * i / size);
        }
    }

    public int size() { return size; }

    /** Forward transform {@code X[k] = sum x[n] e^{-2 pi i k n / N}} in place on ({@code re}, {@code im}). */
    public void forward(double[] re, double[] im) {
        int n = size;
        for (int i = 0; i < n; i++) {
            int j = reversed[i];
            if (j > i) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1, stride = n / len;
            for (int start = 0; start < n; start += len) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * stride], wi = sin[k * stride];
                    int a = start + k, b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
