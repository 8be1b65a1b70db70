package dev.aether.nodes.delay;

import dev.aether.core.RealtimeSafe;

/**
 * A power-of-two circular buffer with fractional reads. {@link #write} then read {@code d} samples back:
 * {@code d = 0} is the sample just written. Package-private audio-thread state of delay nodes.
 */
final class DelayBuffer {
    float[] data = new float[4];
    int mask = 3;
    int w;                                 // index of the last sample written

    /** Allocates room for reads up to {@code maxDelaySamples} back (plus the cubic guard). Control thread. */
    void allocate(double maxDelaySamples) {
        int need = (int) Math.ceil(maxDelaySamples) + 4;
        int size = Integer.highestOneBit(Math.max(4, need - 1)) << 1;
        if (size != data.length) {
            data = new float[size];
            mask = size - 1;
        }
        clear();
    }

    void clear() { java.util.Arrays.fill(data, 0f); w = 0; }

    /** Largest delay a cubic read supports. */
    @RealtimeSafe int maxDelay() { return data.length - 4; }

    @RealtimeSafe void write(float x) { w = (w + 1) & mask; data[w] = x; }

    /** The sample {@code k} (integer) samples back. */
    @RealtimeSafe float at(int k) { return data[(w - k) & mask]; }

    /** Linear interpolation {@code d} samples back, d in [0, maxDelay]. */
    @RealtimeSafe
    double readLinear(double d) {
        int k = (int) d;
        double f = d - k;
        float a = data[(w - k) & mask], b = data[(w - k - 1) & mask];
        return a + f * (b - a);
    }

    /** 4-point, 3rd-order Hermite (Catmull-Rom) interpolation {@code d} samples back, d in [1, maxDelay]. */
    @RealtimeSafe
    double readCubic(double d) {
        int k = (int) d;
        double f = d - k;
        int i = w - k;
        double ym1 = data[(i + 1) & mask], y0 = data[i & mask], y1 = data[(i - 1) & mask], y2 = data[(i - 2) & mask];
        double c1 = 0.5 * (y1 - ym1);
        double c2 = ym1 - 2.5 * y0 + 2 * y1 - 0.5 * y2;
        double c3 = 0.5 * (y2 - ym1) + 1.5 * (y0 - y1);
        return ((c3 * f + c2) * f + c1) * f + y0;
    }

    float[] copy() { return data.clone(); }

    void restore(float[] saved, int writeIndex) {
        if (saved.length == data.length) {
            System.arraycopy(saved, 0, data, 0, saved.length);
            w = writeIndex & mask;
        }
    }
}
