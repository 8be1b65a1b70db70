package dev.aether.core.io;

import dev.aether.core.ControlThread;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads a whole audio file into floats, through Java Sound ({@link AudioSystem#getAudioInputStream}): WAV
 * (including {@code WAVE_FORMAT_EXTENSIBLE}), AIFF/AIFC and AU; integer PCM of 8, 16, 24 or 32 bits, signed or
 * unsigned, either byte order, and 32- or 64-bit float. mu-law and A-law are expanded to 16-bit PCM first. Integer PCM
 * of {@code N} bits converts exactly: signed {@code s / 2^(N-1)}, unsigned {@code (u - 2^(N-1)) / 2^(N-1)}; 32-bit
 * integers are rounded to float. Control thread only: blocking file I/O, everything is held in memory.
 */
@ControlThread
public final class AudioFileReader {
    private AudioFileReader() {}

    /** What a file held: its rate in Hz, its sample encoding, and one array per channel (all the same length). */
    public record Decoded(double sampleRateHz, int bitsPerSample, boolean floatingPoint, float[][] data) {
        public int channels() { return data.length; }
        public int frames() { return data[0].length; }
        /** A copy of one channel. */
        public float[] channel(int c) { return data[c].clone(); }
        /** The frames interleaved (L R L R … for stereo). */
        public float[] interleaved() {
            float[] out = new float[frames() * channels()];
            for (int c = 0; c < channels(); c++) for (int i = 0; i < frames(); i++) out[i * channels() + c] = data[c][i];
            return out;
        }
    }

    /**
     * Reads and decodes {@code file}.
     *
     * @throws NoSuchFileException if the file does not exist
     * @throws IOException naming the file and the remedy when the format is not supported or the file is broken
     */
    public static Decoded read(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.exists(abs)) throw new NoSuchFileException(abs.toString(), null, "no such audio file");
        if (!Files.isRegularFile(abs)) throw new IOException(abs + ": not a regular file");
        AudioInputStream in;
        try {
            in = AudioSystem.getAudioInputStream(new BufferedInputStream(Files.newInputStream(abs)));
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(abs + ": not an audio file Java Sound can read (" + e.getMessage()
                    + "); use WAV, AIFF or AU with 8/16/24/32-bit PCM or 32-bit float, e.g. convert with"
                    + " `sox in.ext -b 24 out.wav` or `ffmpeg -i in.ext -c:a pcm_s24le out.wav`", e);
        }
        try (AudioInputStream stream = in) {
            return decode(abs, stream);
        }
    }

    private static Decoded decode(Path file, AudioInputStream in) throws IOException {
        AudioFormat f = in.getFormat();
        AudioFormat.Encoding enc = f.getEncoding();
        if (enc.equals(AudioFormat.Encoding.ULAW) || enc.equals(AudioFormat.Encoding.ALAW)) {
            AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, f.getSampleRate(), 16, f.getChannels(),
                    2 * f.getChannels(), f.getSampleRate(), false);
            return decode(file, AudioSystem.getAudioInputStream(pcm, in));
        }
        boolean signed = enc.equals(AudioFormat.Encoding.PCM_SIGNED), unsigned = enc.equals(AudioFormat.Encoding.PCM_UNSIGNED);
        boolean isFloat = enc.equals(AudioFormat.Encoding.PCM_FLOAT);
        int bits = f.getSampleSizeInBits(), channels = f.getChannels(), frameBytes = f.getFrameSize();
        String what = file + ": " + enc + " " + bits + "-bit, " + channels + " channel(s), " + f.getSampleRate() + " Hz";
        boolean intOk = (signed || unsigned) && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
        boolean floatOk = isFloat && (bits == 32 || bits == 64);
        if (!intOk && !floatOk) {
            throw new IOException(what + " is not supported; convert it to 16- or 24-bit PCM or 32-bit float WAV"
                    + " (e.g. `sox in.wav -b 24 -e signed-integer out.wav`)");
        }
        if (channels < 1 || frameBytes == AudioSystem.NOT_SPECIFIED || frameBytes < channels * (bits / 8)
                || !(f.getSampleRate() > 0)) {
            throw new IOException(what + ": unusable header (frame size " + frameBytes + "); re-export the file as PCM WAV");
        }
        byte[] bytes = readAll(in, file);
        long total = bytes.length / frameBytes;
        if (total > Integer.MAX_VALUE - 16) throw new IOException(file + ": too long (" + total + " frames); split it");
        int n = (int) total, bps = bits / 8, stride = frameBytes / channels;
        boolean big = f.isBigEndian();
        float[][] data = new float[channels][n];
        for (int c = 0; c < channels; c++) {
            float[] d = data[c];
            for (int i = 0, p = c * stride; i < n; i++, p += frameBytes) {
                long raw = 0;
                for (int b = 0; b < bps; b++) {
                    int v = bytes[p + (big ? b : bps - 1 - b)] & 0xFF;
                    raw = raw << 8 | v;
                }
                if (isFloat) {
                    d[i] = bits == 32 ? Float.intBitsToFloat((int) raw) : (float) Double.longBitsToDouble(raw);
                } else if (signed) {
                    long s = raw << (64 - bits) >> (64 - bits);                   // sign-extend
                    d[i] = (float) (s / (double) (1L << (bits - 1)));
                } else {
                    d[i] = (float) ((raw - (1L << (bits - 1))) / (double) (1L << (bits - 1)));
                }
            }
        }
        return new Decoded(f.getSampleRate(), bits, isFloat, data);
    }

    private static byte[] readAll(InputStream in, Path file) throws IOException {
        try {
            return in.readAllBytes();
        } catch (OutOfMemoryError e) {
            throw new IOException(file + ": too large to hold in memory; raise -Xmx or trim the file", e);
        }
    }
}
