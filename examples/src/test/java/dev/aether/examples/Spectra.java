package dev.aether.examples;

/**
 * Measurements the example tests make on rendered audio: the amplitude of one frequency under a Blackman-Harris
 * window, a frequency response from an impulse response, the level a window of a decaying tone holds. Test code.
 */
final class Spectra {
    private Spectra() {}

    /** 4-term Blackman-Harris window value at i of n (side lobes -92 dB, main lobe +-4 bins). */
    static double blackmanHarris(int i, int n) {
        double x = 2 * Math.PI * i / n;
        return 0.35875 - 0.48829 * Math.cos(x) + 0.14128 * Math.cos(2 * x) - 0.01168 * Math.cos(3 * x);
    }

    /**
     * Peak amplitude of the component at {@code hz} in {@code x[off .. off+n)}: the Blackman-Harris-windowed
     * correlation, scaled so a sine of amplitude A reads A. Neighbours more than 4 / (n / rate) Hz away leak in below
     * -92 dB.
     */
    static double amplitude(float[] x, int off, int n, double hz, double rate) {
        double re = 0, im = 0, sum = 0, w = 2 * Math.PI * hz / rate;
        for (int i = 0; i < n; i++) {
            double win = blackmanHarris(i, n);
            sum += win;
            re += win * x[off + i] * Math.cos(w * i);
            im -= win * x[off + i] * Math.sin(w * i);
        }
        return 2 * Math.hypot(re, im) / sum;
    }

    /** The DTFT of {@code x[off .. off+n)} at {@code hz}, unwindowed: {re, im}. */
    static double[] dtft(float[] x, int off, int n, double hz, double rate) {
        double re = 0, im = 0, w = 2 * Math.PI * hz / rate;
        for (int i = 0; i < n; i++) {
            re += x[off + i] * Math.cos(w * i);
            im -= x[off + i] * Math.sin(w * i);
        }
        return new double[] {re, im};
    }

    /** |DTFT| of {@code x[off .. off+n)} at {@code hz} in dB: a filter's gain when the span holds its impulse response. */
    static double gainDb(float[] x, int off, int n, double hz, double rate) {
        double[] h = dtft(x, off, n, hz, rate);
        return 20 * Math.log10(Math.hypot(h[0], h[1]));
    }

    /**
     * The frequency in {@code [lo, hi]} where the gain of the impulse response in {@code x[off .. off+n)} crosses
     * {@code levelDb} falling, by bisection (the gain must be above the level at lo and below it at hi).
     */
    static double crossingHz(float[] x, int off, int n, double levelDb, double lo, double hi, double rate) {
        if (!(gainDb(x, off, n, lo, rate) > levelDb && gainDb(x, off, n, hi, rate) < levelDb)) {
            throw new AssertionError(String.format("the gain does not fall through %.2f dB between %.0f and %.0f Hz "
                    + "(%.2f, %.2f dB)", levelDb, lo, hi, gainDb(x, off, n, lo, rate), gainDb(x, off, n, hi, rate)));
        }
        for (int k = 0; k < 50; k++) {
            double mid = 0.5 * (lo + hi);
            if (gainDb(x, off, n, mid, rate) > levelDb) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /** The frequency of the strongest Hann-windowed FFT bin between lo and hi Hz, refined by Hann interpolation. */
    static double peakHz(float[] x, int off, int n, double lo, double hi, double rate) {
        double[] re = new double[n], im = new double[n];
        for (int i = 0; i < n; i++) re[i] = x[off + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
        dev.aether.testkit.signals.Signals.fft(re, im);
        int from = (int) Math.ceil(lo * n / rate), to = (int) Math.floor(hi * n / rate), k = from;
        for (int i = from; i <= to; i++) if (Math.hypot(re[i], im[i]) > Math.hypot(re[k], im[k])) k = i;
        double am = Math.hypot(re[k - 1], im[k - 1]), a0 = Math.hypot(re[k], im[k]), ap = Math.hypot(re[k + 1], im[k + 1]);
        return (k + 2 * (ap - am) / (am + 2 * a0 + ap)) * rate / n;
    }

    /** Least-squares slope of y over x. */
    static double slope(double[] x, double[] y) {
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) { mx += x[i] / x.length; my += y[i] / x.length; }
        double sxy = 0, sxx = 0;
        for (int i = 0; i < x.length; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx); }
        return sxy / sxx;
    }

    static double db(double ratio) { return 20 * Math.log10(ratio); }
}
