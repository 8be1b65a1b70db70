package dev.aether.arrange.stream;

import dev.aether.core.ControlThread;
import dev.aether.core.io.SampleCodec;
import dev.aether.core.io.WavFormat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A pool source read from disk on demand: a WAV file (16- or 24-bit PCM or 32-bit float, {@code WAVE_FORMAT_PCM},
 * {@code WAVE_FORMAT_IEEE_FLOAT} or {@code WAVE_FORMAT_EXTENSIBLE} of those; mono or stereo) whose header is parsed
 * here, because core's {@link dev.aether.core.io.AudioFileReader} reads whole files only. Frames are read with
 * positional reads on one shared {@link FileChannel} (safe from several threads at once), decoded as core's
 * {@link SampleCodec} does. The audio thread never calls this: {@link DiskReader}'s thread does, and the control
 * thread when it caches a clip's pre-roll. Close it (or the pool) to release the file.
 */
public final class StreamedSource implements PoolSource, AutoCloseable {
    private final Path path;
    private final String name;
    private final WavFormat format;
    private final int channels;
    private final double sampleRateHz;
    private final long dataOffset;
    private final long frames;
    private final FileChannel channel;

    private StreamedSource(Path path, WavFormat format, int channels, double sampleRateHz, long dataOffset, long frames,
                           FileChannel channel) {
        this.path = path;
        this.name = path.getFileName().toString();
        this.format = format;
        this.channels = channels;
        this.sampleRateHz = sampleRateHz;
        this.dataOffset = dataOffset;
        this.frames = frames;
        this.channel = channel;
    }

    /**
     * Opens {@code file} and parses its header. A {@code data} chunk whose size is 0 or past the end of the file (a
     * recording still being written, or cut off) is taken to run to the end of the file.
     *
     * @throws NoSuchFileException if the file does not exist
     * @throws IOException naming the file and the remedy when it is not a WAV file this class reads
     */
    @ControlThread
    public static StreamedSource open(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.exists(abs)) throw new NoSuchFileException(abs.toString(), null, "no such audio file");
        FileChannel ch = FileChannel.open(abs, StandardOpenOption.READ);
        try {
            return parse(abs, ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static StreamedSource parse(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, b, 0);
        if (size < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {   // "RIFF" ... "WAVE"
            throw new IOException(file + ": not a RIFF/WAVE file; streaming reads WAV only (convert with"
                    + " `sox in.ext -b 24 out.wav`)");
        }
        long pos = 12;
        WavFormat format = null;
        int channels = 0;
        double rate = 0;
        ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        while (pos + 8 <= size) {
            head.clear();
            readFully(ch, head, pos);
            int id = head.getInt(0);
            long len = head.getInt(4) & 0xFFFF_FFFFL;
            long body = pos + 8;
            if (id == 0x20746d66) {                                                 // "fmt "
                ByteBuffer f = ByteBuffer.allocate((int) Math.min(len, 64)).order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, f, body);
                int tag = f.getShort(0) & 0xFFFF;
                channels = f.getShort(2) & 0xFFFF;
                rate = f.getInt(4) & 0xFFFF_FFFFL;
                int bits = f.getShort(14) & 0xFFFF;
                if (tag == 0xFFFE && len >= 26) tag = f.getShort(24) & 0xFFFF;          // extensible: sub-format GUID
                format = tag == 1 && bits == 16 ? WavFormat.PCM_16 : tag == 1 && bits == 24 ? WavFormat.PCM_24
                        : tag == 3 && bits == 32 ? WavFormat.FLOAT_32 : null;
                if (format == null) {
                    throw new IOException(file + ": format tag " + tag + ", " + bits + "-bit is not streamed; convert it"
                            + " to 16- or 24-bit PCM or 32-bit float WAV (`sox in.wav -b 24 out.wav`)");
                }
                if (channels < 1 || channels > 2) {
                    throw new IOException(file + ": " + channels + " channels; clips play mono or stereo files");
                }
                if (!(rate > 0)) throw new IOException(file + ": sample rate 0 in the header; re-export the file");
            } else if (id == 0x61746164) {                                          // "data"
                if (format == null) throw new IOException(file + ": data chunk before the fmt chunk; re-export the file");
                long bytes = len == 0 || body + len > size ? size - body : len;
                long frames = bytes / ((long) channels * format.bytesPerSample());
                return new StreamedSource(file, format, channels, rate, body, frames, ch);
            }
            pos = body + len + (len & 1);
        }
        throw new IOException(file + ": no data chunk; the file is cut off or not audio");
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
        while (b.hasRemaining()) {
            int n = ch.read(b, at + b.position());
            if (n < 0) break;
        }
        b.flip();
    }

    @Override public Path path() { return path; }
    @Override public String name() { return name; }
    @Override public int channels() { return channels; }
    @Override public long frames() { return frames; }
    @Override public double sampleRateHz() { return sampleRateHz; }
    /** The file's sample encoding. */
    public WavFormat format() { return format; }
    /** Bytes of one frame in the file. */
    public int frameBytes() { return channels * format.bytesPerSample(); }

    /**
     * Reads frames {@code [first, first + count)} into {@code dst} interleaved from index 0 (this source's channel
     * count per frame); frames outside the file read as 0. {@code scratch} must hold {@code count * frameBytes()}
     * bytes; it is reused, nothing is allocated. Any thread except the audio thread (blocking I/O).
     */
    public void read(long first, int count, float[] dst, ByteBuffer scratch) throws IOException {
        int ch = channels, bps = format.bytesPerSample(), fb = ch * bps;
        int lead = (int) Math.max(0, Math.min(count, -first));                      // frames before the file
        for (int i = 0; i < lead * ch; i++) dst[i] = 0f;
        long from = first + lead;
        int inFile = (int) Math.max(0, Math.min(count - lead, frames - from));
        int got = 0;
        if (inFile > 0) {
            scratch.clear().limit(inFile * fb);
            long at = dataOffset + from * fb;
            while (scratch.hasRemaining()) {
                int n = channel.read(scratch, at + scratch.position());
                if (n < 0) break;
            }
            got = scratch.position() / fb;
            byte[] bytes = scratch.array();
            int off = scratch.arrayOffset();
            for (int i = 0, d = lead * ch; i < got * ch; i++, d++) dst[d] = SampleCodec.decode(bytes, off + i * bps, format);
        }
        for (int i = (lead + got) * ch; i < count * ch; i++) dst[i] = 0f;           // past the end (or a short read)
    }

    /** Releases the file. Streams still reading it read silence afterwards (their reads fail and are counted). */
    @Override public void close() throws IOException { channel.close(); }

    @Override public String toString() {
        return "StreamedSource[" + name + ", " + format + ", " + channels + " ch, " + frames + " frames]";
    }
}
