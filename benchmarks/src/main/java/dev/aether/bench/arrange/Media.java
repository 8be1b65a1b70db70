package dev.aether.bench.arrange;

import dev.aether.core.io.WavFormat;
import dev.aether.core.io.WavWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Generated media for the arrangement benchmarks: short mono WAV files written to a temporary directory. */
final class Media {
    static final int RATE = 48_000;

    private Media() {}

    /** A temporary directory for one run's files. */
    static Path dir(String prefix) throws IOException {
        Path d = Files.createTempDirectory(prefix);
        d.toFile().deleteOnExit();
        return d;
    }

    /** {@code seconds} of noise bursts every {@code everySeconds}, each decaying over 80 ms. */
    static Path hits(Path dir, String name, double seconds, double everySeconds, long seed) throws IOException {
        int n = (int) Math.round(seconds * RATE), period = (int) Math.round(everySeconds * RATE);
        float[] x = new float[n];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int k = i % period;
            x[i] = (float) ((r.nextDouble() * 2 - 1) * 0.5 * Math.exp(-k / (0.08 * RATE)));
        }
        return write(dir.resolve(name + ".wav"), x);
    }

    /** {@code seconds} of a sine at {@code hz} and {@code amp} with a slow tremolo. */
    static Path tone(Path dir, String name, double seconds, double hz, double amp) throws IOException {
        int n = (int) Math.round(seconds * RATE);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) RATE;
            x[i] = (float) (amp * Math.sin(2 * Math.PI * hz * t) * (0.75 + 0.25 * Math.sin(2 * Math.PI * 0.5 * t)));
        }
        return write(dir.resolve(name + ".wav"), x);
    }

    private static Path write(Path f, float[] x) throws IOException {
        try (WavWriter w = WavWriter.open(f, WavFormat.PCM_16, 1, RATE)) {
            w.write(x, x.length);
        }
        f.toFile().deleteOnExit();
        return f;
    }
}
