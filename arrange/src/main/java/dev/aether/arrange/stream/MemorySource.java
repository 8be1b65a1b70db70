package dev.aether.arrange.stream;

import dev.aether.core.RealtimeSafe;
import dev.aether.core.io.AudioFileReader;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A pool source decoded once into memory: one float array per channel. Immutable after construction; the audio
 * thread reads it directly ({@link #atRt}).
 */
public final class MemorySource implements PoolSource {
    private final Path path;
    private final String name;
    private final double sampleRateHz;
    private final float[][] data;

    private MemorySource(Path path, String name, double sampleRateHz, float[][] data) {
        if (data.length < 1 || data.length > 2) {
            throw new IllegalArgumentException(name + ": " + data.length + " channels; the clip player plays mono or stereo");
        }
        for (float[] c : data) {
            if (c.length != data[0].length) throw new IllegalArgumentException(name + ": channels differ in length");
        }
        if (!(sampleRateHz > 0)) throw new IllegalArgumentException(name + ": sample rate must be positive, was " + sampleRateHz);
        this.path = path;
        this.name = name;
        this.sampleRateHz = sampleRateHz;
        this.data = data;
    }

    /** A source of {@code channels} (one array per channel, not copied: do not change them afterwards). */
    public static MemorySource of(String name, double sampleRateHz, float[]... channels) {
        return new MemorySource(null, name, sampleRateHz, channels);
    }

    /** Decodes {@code file} (WAV, AIFF, AU; see core's {@link AudioFileReader}). Control thread: blocking I/O. */
    public static MemorySource load(Path file) throws IOException {
        AudioFileReader.Decoded d = AudioFileReader.read(file);
        return new MemorySource(file.toAbsolutePath().normalize(), file.getFileName().toString(), d.sampleRateHz(), d.data());
    }

    @Override public Path path() { return path; }
    @Override public String name() { return name; }
    @Override public int channels() { return data.length; }
    @Override public long frames() { return data[0].length; }
    @Override public double sampleRateHz() { return sampleRateHz; }

    /** Sample {@code frame} of {@code channel}, or 0 outside {@code [0, frames)}. Any thread. */
    @RealtimeSafe
    public float atRt(int channel, long frame) {
        float[] d = data[channel];
        return frame >= 0 && frame < d.length ? d[(int) frame] : 0f;
    }

    /**
     * Adds frames {@code [frame, frame + count)} to {@code l[at ..]} and {@code r[at ..]} (a mono source into both),
     * scaled by {@code gain}: {@code l[at + j] += atRt(0, frame + j)} at unity, else {@code += (float) (v * gain)}, the
     * same sums as one frame at a time. Returns false, adding nothing, unless the frames all lie in the source.
     * Any thread (the caller's arrays).
     */
    @RealtimeSafe
    public boolean addRt(long frame, int count, double gain, float[] l, float[] r, int at) {
        float[] dl = data[0], dr = data[data.length - 1];
        if (frame < 0 || frame > dl.length - (long) count || count < 0) return false;
        int f = (int) frame;
        if (gain == 1) {
            for (int j = 0; j < count; j++) {
                l[at + j] += dl[f + j];
                r[at + j] += dr[f + j];
            }
        } else {
            for (int j = 0; j < count; j++) {
                l[at + j] += (float) (dl[f + j] * gain);
                r[at + j] += (float) (dr[f + j] * gain);
            }
        }
        return true;
    }

    @Override public String toString() { return "MemorySource[" + name + ", " + channels() + " ch, " + frames() + " frames]"; }
}
