package dev.aether.arrange.stream;

import dev.aether.core.io.WavFormat;
import dev.aether.core.io.WavWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** WAV files for tests, written with core's {@link WavWriter}. */
public final class TestWavs {
    private TestWavs() {}

    /** Writes {@code channels} (one array per channel) to {@code file}; returns the file. */
    public static Path write(Path file, WavFormat format, int rateHz, float[]... channels) throws IOException {
        int ch = channels.length, n = channels[0].length;
        float[] inter = new float[n * ch];
        for (int i = 0; i < n; i++) for (int c = 0; c < ch; c++) inter[i * ch + c] = channels[c][i];
        try (WavWriter w = WavWriter.open(file, format, ch, rateHz)) {
            w.write(inter, n);
        }
        return file;
    }

    /** Uniform noise in [-0.5, 0.5), quantised to 16 bits so it survives a 16-bit file exactly. */
    public static float[] noise16(int frames, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) x[i] = (r.nextInt(32768) - 16384) / 32768f;
        return x;
    }

    /** A sine of {@code hz} at amplitude {@code amp}. */
    public static float[] sine(int frames, double hz, double rate, double amp) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) x[i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / rate));
        return x;
    }
}
