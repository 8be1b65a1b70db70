package dev.aether.core.io;

import dev.aether.core.ControlThread;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams interleaved float frames to a WAV file in a {@link WavFormat}. The header is written with
 * placeholder sizes on open and patched on {@link #close()}, so memory use does not grow with length.
 * {@link #sync()} patches the sizes (RIFF, data and, for float, the {@code fact} frame count) to what was written
 * so far and forces the data to the device, so a writer killed between syncs ({@code kill -9}) leaves a WAV that
 * other readers play up to the last sync.
 * Output is deterministic: no dither by default, or seeded TPDF dither (PCM only) via
 * {@link #open(Path, WavFormat, int, int, long)}. Float files carry a {@code fmt } chunk of 18 bytes
 * and a {@code fact} chunk; PCM files use the plain 44-byte header. Not thread-safe; not real-time safe
 * (file I/O).
 */
@ControlThread
public final class WavWriter implements AutoCloseable {
    private static final long MAX_RIFF_BYTES = 0xFFFF_FFFFL;
    private static final int BUFFER_BYTES = 1 << 16;

    private final FileChannel channel;
    private final WavFormat format;
    private final int channels;
    private final int sampleRateHz;
    private final TpdfDither dither;
    private final byte[] bytes;
    private final ByteBuffer buffer;
    private final int headerBytes;
    private final int dataSizeOffset;
    private final int factOffset;
    private final ByteBuffer sizeField = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    private long framesWritten;
    private long dataBytes;
    private boolean closed;

    private WavWriter(Path file, WavFormat format, int channels, int sampleRateHz, TpdfDither dither) throws IOException {
        if (channels < 1 || channels > 0xFFFF) throw new IllegalArgumentException("channels must be 1..65535, was " + channels);
        if (sampleRateHz < 1) throw new IllegalArgumentException("sample rate must be positive, was " + sampleRateHz);
        this.format = format;
        this.channels = channels;
        this.sampleRateHz = sampleRateHz;
        this.dither = format.isFloat() ? null : dither;
        int frameBytes = channels * format.bytesPerSample();
        this.bytes = new byte[Math.max(frameBytes, BUFFER_BYTES / frameBytes * frameBytes)];
        this.buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        boolean isFloat = format.isFloat();
        this.dataSizeOffset = isFloat ? 54 : 40;
        this.factOffset = isFloat ? 46 : -1;
        this.headerBytes = dataSizeOffset + 4;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            writeHeader();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Opens {@code file} (created or truncated) for writing without dither. */
    public static WavWriter open(Path file, WavFormat format, int channels, int sampleRateHz) throws IOException {
        return new WavWriter(file, format, channels, sampleRateHz, null);
    }

    /** Opens {@code file} with seeded TPDF dither of one LSB on PCM formats (ignored for float). */
    public static WavWriter open(Path file, WavFormat format, int channels, int sampleRateHz, long ditherSeed)
            throws IOException {
        return new WavWriter(file, format, channels, sampleRateHz, new TpdfDither(ditherSeed));
    }

    private void writeHeader() throws IOException {
        ByteBuffer h = ByteBuffer.allocate(headerBytes).order(ByteOrder.LITTLE_ENDIAN);
        int blockAlign = channels * format.bytesPerSample();
        h.put(ascii("RIFF")).putInt(0).put(ascii("WAVE"));
        h.put(ascii("fmt ")).putInt(format.isFloat() ? 18 : 16);
        h.putShort((short) format.formatTag()).putShort((short) channels).putInt(sampleRateHz)
                .putInt(sampleRateHz * blockAlign).putShort((short) blockAlign).putShort((short) format.bitsPerSample());
        if (format.isFloat()) {
            h.putShort((short) 0);                       // cbSize
            h.put(ascii("fact")).putInt(4).putInt(0);    // dwSampleLength, patched on close
        }
        h.put(ascii("data")).putInt(0);
        h.flip();
        writeFully(h, 0);
    }

    private static byte[] ascii(String s) { return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII); }

    /** Appends {@code frames} interleaved frames from {@code interleaved[0 .. frames*channels)}. */
    public void write(float[] interleaved, int frames) throws IOException {
        write(interleaved, 0, frames);
    }

    /** Appends {@code frames} interleaved frames starting at frame {@code offsetFrames} of {@code interleaved}. */
    public void write(float[] interleaved, int offsetFrames, int frames) throws IOException {
        if (closed) throw new IOException("WAV writer is closed");
        if (frames < 0 || (long) (offsetFrames + frames) * channels > interleaved.length)
            throw new IndexOutOfBoundsException("frames " + offsetFrames + "+" + frames + " exceed the array of "
                    + interleaved.length / channels + " frames");
        int frameBytes = channels * format.bytesPerSample();
        if (headerBytes + dataBytes + (long) frames * frameBytes + 1 - 8 > MAX_RIFF_BYTES)
            throw new IOException("WAV data would exceed the 4 GiB RIFF limit");
        int framesPerChunk = bytes.length / frameBytes;
        int done = 0;
        while (done < frames) {
            int n = Math.min(framesPerChunk, frames - done);
            int len = SampleCodec.encodeRt(interleaved, (offsetFrames + done) * channels, n * channels, format,
                    bytes, 0, dither);
            buffer.clear().limit(len);
            writeFully(buffer, headerBytes + dataBytes);
            dataBytes += len;
            done += n;
        }
        framesWritten += frames;
    }

    private void writeFully(ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) p += channel.write(b, p);
    }

    /** Frames written so far. */
    public long framesWritten() { return framesWritten; }

    public WavFormat format() { return format; }

    public int channels() { return channels; }

    public int sampleRateHz() { return sampleRateHz; }

    /**
     * Patches the header's sizes to the frames written so far (the RIFF size, the data chunk size and, for float
     * files, the {@code fact} frame count) and forces the file's content to the storage device (without its
     * metadata). After it returns, a copy of the file, or the file left by a process killed before the next
     * write, is a complete WAV of {@link #framesWritten()} frames (an odd data chunk lacks only its pad byte,
     * which readers tolerate). Costs three 4-byte writes and one {@code fdatasync}: call it at most about once a
     * second, never on the audio thread.
     */
    public void sync() throws IOException {
        if (closed) throw new IOException("WAV writer is closed");
        patchSizes(headerBytes + dataBytes);
        channel.force(false);
    }

    private void patchSizes(long end) throws IOException {
        writeFully(sizeField.clear().putInt(0, (int) (end - 8)), 4);
        writeFully(sizeField.clear().putInt(0, (int) dataBytes), dataSizeOffset);
        if (factOffset >= 0) writeFully(sizeField.clear().putInt(0, (int) framesWritten), factOffset);
    }

    /** Pads an odd data chunk, patches the RIFF, data and fact sizes, and closes the file. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            long end = headerBytes + dataBytes;
            if ((dataBytes & 1) != 0) {
                writeFully(ByteBuffer.wrap(new byte[1]), end);
                end++;
            }
            patchSizes(end);
            channel.truncate(end);
        } finally {
            channel.close();
        }
    }
}
