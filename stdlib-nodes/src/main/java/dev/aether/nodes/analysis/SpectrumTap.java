package dev.aether.nodes.analysis;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;

/**
 * Spectrum analyser tap: passes {@code in} to {@code out} and copies the audio into a ring of 4 x fftSize
 * samples; the audio thread does nothing else. {@link #spectrumDb()} (control thread) takes the newest fftSize
 * samples, checks with the write counter that the writer did not overwrite them meanwhile (retrying a few
 * times; blocks must not exceed fftSize), applies a Hann window and an FFT ({@link Fft}), and returns magnitudes in dBFS: bin k at
 * {@code k * rate / fftSize} Hz, normalised so a full-scale sine on a bin reads 0 dB.
 *
 * <ul>
 * <li>Ports: {@code in}, {@code out} (mono).</li>
 * <li>Params: none; fftSize at construction (power of two, 64..65 536, default 4096).</li>
 * <li>State: none worth carrying.</li>
 * </ul>
 */
public final class SpectrumTap implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out");

    private final int fftSize;
    private final float[] ring;
    private final int mask;
    private volatile long written;         // samples written so far (the writer publishes with this)
    private double sampleRate = 48_000;

    // reader side
    private final Fft fft;
    private final double[] re, im, window;
    private final float[] snapshot;

    public SpectrumTap() { this(4096); }

    public SpectrumTap(int fftSize) {
        if (fftSize < 64 || fftSize > 65_536 || Integer.bitCount(fftSize) != 1) {
            throw new IllegalArgumentException("fftSize must be a power of two in 64..65536, was " + fftSize);
        }
        this.fftSize = fftSize;
        ring = new float[fftSize * 4];
        mask = ring.length - 1;
        fft = new Fft(fftSize);
        re = new double[fftSize];
        im = new double[fftSize];
        window = new double[fftSize];
        double sum = 0;
        for (int i = 0; i < fftSize; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / fftSize);
            sum += window[i];
        }
        for (int i = 0; i < fftSize; i++) window[i] *= 2 / sum;   // full-scale sine on a bin -> magnitude 1
        snapshot = new float[fftSize];
    }

    public int fftSize() { return fftSize; }
    /** Centre frequency of bin {@code k} in Hz at the prepared rate. */
    public double binHz(int k) { return k * sampleRate / fftSize; }

    @Override public void prepare(double sr, int maxFrames) { sampleRate = sr; }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), y = ctx.out(out);
        int n = ctx.frames();
        long w = written;
        for (int i = 0; i < n; i++) {
            y[i] = x[i];
            ring[(int) (w + i) & mask] = x[i];
        }
        written = w + n;
    }

    /**
     * Magnitude spectrum of the newest fftSize samples in dB, bins 0..fftSize/2 (fftSize/2 + 1 values), or
     * null if not enough audio has passed yet or the writer kept overtaking the copy. Control thread; not
     * concurrent with itself.
     */
    @ControlThread
    public synchronized double[] spectrumDb() {
        for (int attempt = 0; attempt < 4; attempt++) {
            long end = written;
            if (end < fftSize) return null;
            long start = end - fftSize;
            for (int i = 0; i < fftSize; i++) snapshot[i] = ring[(int) (start + i) & mask];
            long after = written;
            if (after - start <= ring.length - fftSize) return transform();   // a block in flight stays clear
        }
        return null;
    }

    private double[] transform() {
        for (int i = 0; i < fftSize; i++) { re[i] = snapshot[i] * window[i]; im[i] = 0; }
        fft.forward(re, im);
        double[] db = new double[fftSize / 2 + 1];
        for (int k = 0; k < db.length; k++) {
            double mag = Math.hypot(re[k], im[k]);
            db[k] = 20 * Math.log10(Math.max(mag, 1e-12));
        }
        return db;
    }
}
