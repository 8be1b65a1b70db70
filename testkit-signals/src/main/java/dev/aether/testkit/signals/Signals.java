package dev.aether.testkit.signals;

/**
 * Measurement helpers for DSP tests: FFT, windowed spectra, interpolated peak frequency, THD+N, RMS and peak
 * (linear and dB), zero crossings and the frequency they imply, single-frequency amplitude, Welch PSD and spectral
 * slope; one channel out of interleaved frames. Any thread; test code, allocates freely.
 */
public final class Signals {
    private Signals() {}

    /** In-place radix-2 complex FFT; length must be a power of two. */
    public static void fft(double[] re, double[] im) {
        int n = re.length;
        if (Integer.bitCount(n) != 1 || im.length != n) throw new IllegalArgumentException("length must be 2^k");
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double ang = -2 * Math.PI / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < len / 2; k++) {
                    double wr = Math.cos(ang * k), wi = Math.sin(ang * k);
                    int a = i + k, b = a + len / 2;
                    double xr = re[b] * wr - im[b] * wi, xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr; im[b] = im[a] - xi;
                    re[a] += xr; im[a] += xi;
                }
            }
        }
    }

    /** Analysis windows. */
    public enum Window {
        RECTANGULAR, HANN,
        /** 4-term Blackman-Harris: -92 dB side lobes, main lobe +-4 bins. */
        BLACKMAN_HARRIS;

        double at(int i, int n) {
            double x = 2 * Math.PI * i / n;
            switch (this) {
                case RECTANGULAR: return 1;
                case HANN: return 0.5 - 0.5 * Math.cos(x);
                default: return 0.35875 - 0.48829 * Math.cos(x) + 0.14128 * Math.cos(2 * x) - 0.01168 * Math.cos(3 * x);
            }
        }
    }

    /**
     * Aliasing of a periodic tone at {@code f0}: the power outside +-6 bins of DC and of its harmonics below Nyquist,
     * over the total power, in {@code x[off .. off+n)} (n a power of two; Blackman-Harris window).
     */
    public static double aliasRatio(float[] x, int off, int n, double f0, double sampleRate) {
        double[] p = powerSpectrum(x, off, n, Window.BLACKMAN_HARRIS);
        double binHz = sampleRate / n, total = 0, aliased = 0;
        for (int k = 0; k < p.length; k++) {
            double f = k * binHz;
            total += p[k];
            double nearest = Math.round(f / f0) * f0;
            boolean onHarmonic = Math.abs(f - nearest) <= 6 * binHz && nearest < sampleRate / 2;
            if (!onHarmonic) aliased += p[k];
        }
        return aliased / total;
    }

    /** Power |X[k]|^2 for k = 0..n/2 of {@code x[off .. off+n)} under {@code w}; n a power of two. */
    public static double[] powerSpectrum(float[] x, int off, int n, Window w) {
        double[] re = new double[n], im = new double[n];
        for (int i = 0; i < n; i++) re[i] = x[off + i] * w.at(i, n);
        fft(re, im);
        double[] p = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) p[k] = re[k] * re[k] + im[k] * im[k];
        return p;
    }

    /**
     * Frequency of the strongest component (DC excluded) of {@code x[off .. off+n)}: Hann window, then the
     * Hann-specific three-bin amplitude-ratio interpolation {@code d = 2(|X+1| - |X-1|) / (|X-1| + 2|X0| + |X+1|)}
     * (bias well below 0.01 bin for a lone tone).
     */
    public static double peakFrequency(float[] x, int off, int n, double sampleRate) {
        double[] p = powerSpectrum(x, off, n, Window.HANN);
        int k = 2;
        for (int i = 2; i < p.length - 1; i++) if (p[i] > p[k]) k = i;
        double am = Math.sqrt(p[k - 1]), a0 = Math.sqrt(p[k]), ap = Math.sqrt(p[k + 1]);
        double d = 2 * (ap - am) / (am + 2 * a0 + ap);
        return (k + d) * sampleRate / n;
    }

    /**
     * THD+N as an amplitude ratio (0.0001 = 0.01 % = -80 dB): power outside the fundamental's main lobe
     * (+-{@code guardBins}) and outside DC (bins below {@code guardBins}), over the fundamental's power,
     * square-rooted. Blackman-Harris window; the strongest bin is taken as the fundamental.
     */
    public static double thdPlusN(float[] x, int off, int n, int guardBins) {
        double[] p = powerSpectrum(x, off, n, Window.BLACKMAN_HARRIS);
        int k = guardBins;
        for (int i = guardBins; i < p.length; i++) if (p[i] > p[k]) k = i;
        double fund = 0, rest = 0;
        for (int i = 0; i < p.length; i++) {
            if (i < guardBins) continue;
            if (Math.abs(i - k) <= guardBins) fund += p[i]; else rest += p[i];
        }
        return Math.sqrt(rest / fund);
    }

    /** Root mean square of {@code x[off .. off+n)}. */
    public static double rms(float[] x, int off, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += (double) x[off + i] * x[off + i];
        return Math.sqrt(s / n);
    }

    /** Root mean square of all of {@code x}. */
    public static double rms(float[] x) { return rms(x, 0, x.length); }

    /** RMS of {@code x[off .. off+n)} in dB relative to 1.0 (full scale); -infinity for silence. */
    public static double rmsDb(float[] x, int off, int n) { return db(rms(x, off, n)); }

    /** Largest magnitude in {@code x[off .. off+n)}. */
    public static double peak(float[] x, int off, int n) {
        double m = 0;
        for (int i = 0; i < n; i++) m = Math.max(m, Math.abs(x[off + i]));
        return m;
    }

    /** Largest magnitude in all of {@code x}. */
    public static double peak(float[] x) { return peak(x, 0, x.length); }

    /** Peak of {@code x[off .. off+n)} in dB relative to 1.0 (full scale); -infinity for silence. */
    public static double peakDb(float[] x, int off, int n) { return db(peak(x, off, n)); }

    /** Upward zero crossings ({@code x[i-1] < 0 <= x[i]}) in {@code x[off .. off+n)}. */
    public static int upwardZeroCrossings(float[] x, int off, int n) {
        int count = 0;
        for (int i = off + 1; i < off + n; i++) if (x[i - 1] < 0 && x[i] >= 0) count++;
        return count;
    }

    /** Upward zero crossings in all of {@code x}. */
    public static int upwardZeroCrossings(float[] x) { return upwardZeroCrossings(x, 0, x.length); }

    /**
     * Frequency from the first and last upward zero crossings (linearly interpolated) of {@code x[off .. off+n)}:
     * crossings between them over the time between them. 0 with fewer than two crossings.
     */
    public static double zeroCrossingHz(float[] x, int off, int n, double sampleRate) {
        double first = -1, last = -1;
        int count = 0;
        for (int i = off + 1; i < off + n; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                double t = (i - 1 + x[i - 1] / (x[i - 1] - x[i])) / sampleRate;
                if (first < 0) first = t;
                last = t;
                count++;
            }
        }
        return count < 2 ? 0 : (count - 1) / (last - first);
    }

    /** Channel {@code channel} of {@code interleaved} frames of {@code channels} samples each. */
    public static float[] channel(float[] interleaved, int channels, int channel) {
        float[] y = new float[interleaved.length / channels];
        for (int i = 0; i < y.length; i++) y[i] = interleaved[i * channels + channel];
        return y;
    }

    /** The left channel of interleaved stereo. */
    public static float[] left(float[] stereo) { return channel(stereo, 2, 0); }

    /** Mean of {@code x[off .. off+n)}. */
    public static double mean(float[] x, int off, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += x[off + i];
        return s / n;
    }

    /**
     * Peak amplitude of the component at {@code freqHz} in {@code x[off .. off+n)} by correlation with a sine and
     * a cosine (exact when the span holds a whole number of cycles, otherwise error about 1 / cycles).
     */
    public static double amplitudeAt(float[] x, int off, int n, double freqHz, double sampleRate) {
        double c = 0, s = 0, w = 2 * Math.PI * freqHz / sampleRate;
        for (int i = 0; i < n; i++) {
            c += x[off + i] * Math.cos(w * i);
            s += x[off + i] * Math.sin(w * i);
        }
        return 2 * Math.hypot(c, s) / n;
    }

    /** Averaged periodogram (Welch): Hann segments of {@code seg} samples, 50 % overlap; bins 0..seg/2. */
    public static double[] welch(float[] x, int seg) {
        double[] acc = new double[seg / 2 + 1];
        int count = 0;
        for (int off = 0; off + seg <= x.length; off += seg / 2, count++) {
            double[] p = powerSpectrum(x, off, seg, Window.HANN);
            for (int k = 0; k < acc.length; k++) acc[k] += p[k];
        }
        for (int k = 0; k < acc.length; k++) acc[k] /= count;
        return acc;
    }

    /** Least-squares slope of 10 log10(psd) against log2(frequency) for bins in [loHz, hiHz]: dB per octave. */
    public static double slopeDbPerOctave(double[] psd, int seg, double sampleRate, double loHz, double hiHz) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int m = 0;
        for (int k = 1; k < psd.length; k++) {
            double f = k * sampleRate / seg;
            if (f < loHz || f > hiHz) continue;
            double xx = Math.log(f) / Math.log(2), yy = 10 * Math.log10(psd[k]);
            sx += xx; sy += yy; sxx += xx * xx; sxy += xx * yy; m++;
        }
        return (m * sxy - sx * sy) / (m * sxx - sx * sx);
    }

    /** 20 log10(amplitude ratio). */
    public static double db(double ratio) { return 20 * Math.log10(ratio); }

    /** 10 log10(power ratio). */
    public static double powerDb(double ratio) { return 10 * Math.log10(ratio); }

    /** Returns a sine of {@code n} samples, amplitude {@code amp}, as floats. */
    public static float[] sine(int n, double freqHz, double amp, double sampleRate) {
        float[] y = new float[n];
        for (int i = 0; i < n; i++) y[i] = (float) (amp * Math.sin(2 * Math.PI * freqHz * i / sampleRate));
        return y;
    }
}
