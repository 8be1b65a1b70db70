package dev.aether.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a whole WAV file written in one of the {@link WavFormat}s (PCM 16/24-bit, IEEE float 32-bit,
 * also inside {@code WAVE_FORMAT_EXTENSIBLE}) into interleaved floats. Unknown chunks are skipped. Meant
 * for tests and small files: everything is loaded into memory. Immutable after {@link #read(Path)}.
 */
public final class WavReader {
    private final WavFormat format;
    private final int channels;
    private final int sampleRateHz;
    private final int frames;
    private final long factFrames;
    private final float[] samples;

    private WavReader(WavFormat format, int channels, int sampleRateHz, float[] samples, long factFrames) {
        this.format = format;
        this.channels = channels;
        this.sampleRateHz = sampleRateHz;
        this.samples = samples;
        this.frames = samples.length / channels;
        this.factFrames = factFrames;
    }

    /** Reads and decodes {@code file}; throws {@link IOException} for a malformed or unsupported file. */
    public static WavReader read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 12 || b.getInt(0) != 0x46464952 /* RIFF */ || b.getInt(8) != 0x45564157 /* WAVE */)
            throw new IOException(file + ": not a RIFF/WAVE file");
        long riffEnd = Math.min(b.limit(), 8 + (b.getInt(4) & 0xFFFF_FFFFL));
        int pos = 12;
        int tag = -1, channels = 0, rate = 0, bits = 0;
        long fact = -1;
        byte[] data = null;
        int dataOffset = 0, dataLength = 0;
        while (pos + 8 <= riffEnd) {
            int id = b.getInt(pos);
            long size = b.getInt(pos + 4) & 0xFFFF_FFFFL;
            int body = pos + 8;
            if (body + size > b.limit()) throw new IOException(file + ": chunk at " + pos + " runs past the end");
            switch (id) {
                case 0x20746d66 -> { // "fmt "
                    tag = b.getShort(body) & 0xFFFF;
                    channels = b.getShort(body + 2) & 0xFFFF;
                    rate = b.getInt(body + 4);
                    bits = b.getShort(body + 14) & 0xFFFF;
                    if (tag == 0xFFFE && size >= 40) tag = b.getShort(body + 24) & 0xFFFF; // SubFormat GUID starts with the tag
                }
                case 0x74636166 -> fact = b.getInt(body) & 0xFFFF_FFFFL; // "fact"
                case 0x61746164 -> { // "data"
                    data = b.array();
                    dataOffset = body;
                    dataLength = (int) size;
                }
                default -> { }
            }
            pos = (int) (body + size + (size & 1));
        }
        if (tag < 0) throw new IOException(file + ": no fmt chunk");
        if (data == null) throw new IOException(file + ": no data chunk");
        WavFormat format;
        if (tag == 1 && bits == 16) format = WavFormat.PCM_16;
        else if (tag == 1 && bits == 24) format = WavFormat.PCM_24;
        else if (tag == 3 && bits == 32) format = WavFormat.FLOAT_32;
        else throw new IOException(file + ": unsupported format tag " + tag + " with " + bits + " bits");
        if (channels < 1) throw new IOException(file + ": no channels");
        int frameBytes = channels * format.bytesPerSample();
        int frames = dataLength / frameBytes;
        float[] samples = new float[frames * channels];
        int bps = format.bytesPerSample();
        for (int i = 0, p = dataOffset; i < samples.length; i++, p += bps) samples[i] = SampleCodec.decode(data, p, format);
        return new WavReader(format, channels, rate, samples, fact);
    }

    public WavFormat format() { return format; }

    public int channels() { return channels; }

    public int sampleRateHz() { return sampleRateHz; }

    /** Whole frames in the data chunk. */
    public int frames() { return frames; }

    /** The {@code fact} chunk's sample length in frames, or -1 when the file has none. */
    public long factFrames() { return factFrames; }

    /** The interleaved samples (a copy). */
    public float[] samples() { return samples.clone(); }

    /** One channel, de-interleaved. */
    public float[] channel(int ch) {
        float[] out = new float[frames];
        for (int i = 0; i < frames; i++) out[i] = samples[i * channels + ch];
        return out;
    }
}
