package dev.aether.nodes.sample;

import dev.aether.core.ControlThread;
import dev.aether.core.io.AudioFileReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Immutable audio data: one float array per channel, a sample rate and a name. Any thread may read it; the
 * arrays never change after construction and are never handed out (accessors copy), so one instance can be
 * shared by any number of {@link SamplePlayer}s and a {@link SampleBank}.
 *
 * <p>{@link #load} reads WAV, AIFF/AIFC and AU with {@link AudioFileReader} (Java Sound), exactly for integer PCM.
 */
public final class Sample {
    private final String name;
    private final double sampleRateHz;
    private final float[][] data;
    private final int frames;

    private Sample(String name, double sampleRateHz, float[][] data) {
        this.name = name;
        this.sampleRateHz = sampleRateHz;
        this.data = data;
        this.frames = data[0].length;
    }

    /**
     * A sample from arrays (one per channel, equal lengths, copied). {@code sampleRateHz} must be positive and
     * finite; at least one channel and one frame.
     */
    public static Sample of(String name, double sampleRateHz, float[]... channels) {
        if (!(sampleRateHz > 0 && sampleRateHz < 10_000_000)) {
            throw new IllegalArgumentException("sample '" + name + "': sample rate must be positive, was " + sampleRateHz);
        }
        if (channels.length == 0) throw new IllegalArgumentException("sample '" + name + "': no channels");
        int n = channels[0].length;
        if (n == 0) throw new IllegalArgumentException("sample '" + name + "': no frames");
        float[][] copy = new float[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            if (channels[c].length != n) {
                throw new IllegalArgumentException("sample '" + name + "': channel " + c + " has " + channels[c].length
                        + " frames, channel 0 has " + n);
            }
            copy[c] = channels[c].clone();
        }
        return new Sample(name, sampleRateHz, copy);
    }

    /**
     * Reads an audio file (formats: {@link AudioFileReader}). Control thread only: blocking file I/O.
     *
     * @throws NoSuchFileException if the file does not exist
     * @throws IOException naming the file and the remedy when the format is not supported or the file is broken
     */
    @ControlThread
    public static Sample load(Path file) throws IOException {
        AudioFileReader.Decoded d = AudioFileReader.read(file);
        Path abs = file.toAbsolutePath().normalize();
        if (d.frames() == 0) throw new IOException(abs + ": contains no audio frames");
        return new Sample(abs.getFileName().toString(), d.sampleRateHz(), d.data());
    }

    /** File name (for loaded samples) or the given name. */
    public String name() { return name; }
    /** Rate the data was recorded at, in Hz. */
    public double sampleRateHz() { return sampleRateHz; }
    public int channels() { return data.length; }
    public int frames() { return frames; }
    public double durationSeconds() { return frames / sampleRateHz; }

    /** One value. */
    public float at(int channel, int frame) { return data[channel][frame]; }

    /** A copy of one channel. */
    public float[] channel(int channel) { return data[channel].clone(); }

    /** The channel's array itself, for players in this package (never written). */
    float[] channelArray(int channel) { return data[channel]; }

    @Override public String toString() {
        return "Sample[" + name + ", " + data.length + " ch, " + frames + " frames, " + sampleRateHz + " Hz]";
    }
}
