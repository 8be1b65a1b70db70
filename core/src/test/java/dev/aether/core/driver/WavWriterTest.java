package dev.aether.core.driver;

import dev.aether.core.io.WavFormat;
import dev.aether.core.io.AudioFileReader;
import dev.aether.core.io.WavWriter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WavWriterTest {
    @TempDir Path dir;

    private static float[] noise(int samples, long seed) {
        Random r = new Random(seed);
        float[] x = new float[samples];
        for (int i = 0; i < samples; i++) x[i] = r.nextFloat() * 2 - 1;
        x[0] = -1f;
        x[1] = 0.99999f;
        x[2] = 0f;
        return x;
    }

    private static ByteBuffer bytes(Path f) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String fourcc(ByteBuffer b, int at) {
        return new String(new byte[] {b.get(at), b.get(at + 1), b.get(at + 2), b.get(at + 3)}, java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void shouldRoundTripFloatBitExactlyIncludingOddValues() throws IOException {
        float[] x = noise(3 * 1000, 1);
        x[3] = -0f;
        x[4] = Float.MIN_VALUE;
        x[5] = 3.5f;              // float files are not clipped
        x[6] = -1e-30f;
        Path f = dir.resolve("float.wav");
        try (WavWriter w = WavWriter.open(f, WavFormat.FLOAT_32, 3, 44_100)) {
            w.write(x, 400);
            w.write(x, 400, 600);
        }
        AudioFileReader.Decoded r = AudioFileReader.read(f);
        assertThat(r.floatingPoint()).as("IEEE float").isTrue();
        assertThat(r.bitsPerSample()).isEqualTo(32);
        assertThat(r.channels()).isEqualTo(3);
        assertThat(r.sampleRateHz()).isEqualTo(44_100.0);
        assertThat(r.frames()).isEqualTo(1000);
        assertThat(factFrames(f)).as("fact chunk frame count").isEqualTo(1000);
        float[] y = r.interleaved();
        for (int i = 0; i < x.length; i++)
            assertThat(Float.floatToRawIntBits(y[i])).as("bits of sample %d", i).isEqualTo(Float.floatToRawIntBits(x[i]));
    }

    @ParameterizedTest
    @EnumSource(value = WavFormat.class, names = {"PCM_16", "PCM_24"})
    void shouldRoundTripPcmWithinOneLsb(WavFormat format) throws IOException {
        float[] x = noise(2 * 5000, 2);
        Path f = dir.resolve(format + ".wav");
        try (WavWriter w = WavWriter.open(f, format, 2, 48_000)) {
            for (int off = 0; off < 5000; off += 64) w.write(x, off, Math.min(64, 5000 - off));
        }
        AudioFileReader.Decoded r = AudioFileReader.read(f);
        assertThat(r.floatingPoint()).isFalse();
        assertThat(r.bitsPerSample()).isEqualTo(format.bitsPerSample());
        assertThat(r.frames()).isEqualTo(5000);
        assertThat(factFrames(f)).as("PCM has no fact chunk").isEqualTo(-1);
        double lsb = 1.0 / (1 << (format.bitsPerSample() - 1));
        float[] y = r.interleaved();
        double maxErr = 0, maxUnclipped = 0, sumErr = 0;
        for (int i = 0; i < x.length; i++) {
            double e = Math.abs((double) y[i] - x[i]) / lsb;
            maxErr = Math.max(maxErr, e);
            sumErr += e;
            if (x[i] < 1 - lsb / 2) maxUnclipped = Math.max(maxUnclipped, e);   // +1.0 clamps one LSB short
        }
        assertThat(maxErr).as("max round-trip error in LSB").isLessThanOrEqualTo(1.0);
        assertThat(maxUnclipped).as("max error in LSB below positive full scale (rounding)").isLessThanOrEqualTo(0.5 + 1e-6);
        if (format == WavFormat.PCM_16)   // 24-bit steps are as fine as a float's mantissa, so no uniform error there
            assertThat(sumErr / x.length).as("mean abs error in LSB (uniform rounding error: 0.25)").isBetween(0.2, 0.3);
        assertThat(y[0]).as("-1 is exact").isEqualTo(-1f);
    }

    @Test
    void shouldWriteCanonicalPcmHeader() throws IOException {
        Path f = dir.resolve("h16.wav");
        try (WavWriter w = WavWriter.open(f, WavFormat.PCM_16, 2, 48_000)) {
            w.write(new float[2 * 100], 100);
        }
        ByteBuffer b = bytes(f);
        assertThat(b.limit()).isEqualTo(44 + 400);
        assertThat(fourcc(b, 0)).isEqualTo("RIFF");
        assertThat(b.getInt(4)).as("RIFF size").isEqualTo(b.limit() - 8);
        assertThat(fourcc(b, 8)).isEqualTo("WAVE");
        assertThat(fourcc(b, 12)).isEqualTo("fmt ");
        assertThat(b.getInt(16)).as("fmt size").isEqualTo(16);
        assertThat(b.getShort(20)).as("format tag").isEqualTo((short) 1);
        assertThat(b.getShort(22)).as("channels").isEqualTo((short) 2);
        assertThat(b.getInt(24)).as("sample rate").isEqualTo(48_000);
        assertThat(b.getInt(28)).as("byte rate").isEqualTo(48_000 * 4);
        assertThat(b.getShort(32)).as("block align").isEqualTo((short) 4);
        assertThat(b.getShort(34)).as("bits").isEqualTo((short) 16);
        assertThat(fourcc(b, 36)).isEqualTo("data");
        assertThat(b.getInt(40)).as("data size").isEqualTo(400);
    }

    @Test
    void shouldWriteFloatHeaderWithFactChunk() throws IOException {
        Path f = dir.resolve("hf.wav");
        try (WavWriter w = WavWriter.open(f, WavFormat.FLOAT_32, 1, 96_000)) {
            w.write(new float[77], 77);
        }
        ByteBuffer b = bytes(f);
        assertThat(b.limit()).isEqualTo(58 + 77 * 4);
        assertThat(b.getInt(4)).as("RIFF size").isEqualTo(b.limit() - 8);
        assertThat(b.getInt(16)).as("fmt size with cbSize").isEqualTo(18);
        assertThat(b.getShort(20)).as("WAVE_FORMAT_IEEE_FLOAT").isEqualTo((short) 3);
        assertThat(b.getInt(28)).as("byte rate").isEqualTo(96_000 * 4);
        assertThat(b.getShort(34)).as("bits").isEqualTo((short) 32);
        assertThat(b.getShort(36)).as("cbSize").isEqualTo((short) 0);
        assertThat(fourcc(b, 38)).isEqualTo("fact");
        assertThat(b.getInt(42)).as("fact size").isEqualTo(4);
        assertThat(b.getInt(46)).as("fact sample length").isEqualTo(77);
        assertThat(fourcc(b, 50)).isEqualTo("data");
        assertThat(b.getInt(54)).as("data size").isEqualTo(77 * 4);
    }

    @Test
    void shouldPadAnOddDataChunk() throws IOException {
        Path f = dir.resolve("odd24.wav");
        try (WavWriter w = WavWriter.open(f, WavFormat.PCM_24, 1, 48_000)) {
            w.write(new float[] {0.5f, -0.5f, 0.25f}, 3);
        }
        ByteBuffer b = bytes(f);
        assertThat(b.getInt(40)).as("data size excludes the pad byte").isEqualTo(9);
        assertThat(b.limit()).as("file holds the pad byte").isEqualTo(44 + 10);
        assertThat(b.getInt(4)).as("RIFF size includes the pad byte").isEqualTo(44 + 10 - 8);
        assertThat(AudioFileReader.read(f).interleaved()).containsExactly(0.5f, -0.5f, 0.25f);
    }

    @Test
    void shouldClampPcmAndMapNanToZero() throws IOException {
        Path f = dir.resolve("clip.wav");
        try (WavWriter w = WavWriter.open(f, WavFormat.PCM_16, 1, 48_000)) {
            w.write(new float[] {1f, 2f, -1f, -7f, Float.NaN}, 5);
        }
        ByteBuffer b = bytes(f);
        assertThat(new short[] {b.getShort(44), b.getShort(46), b.getShort(48), b.getShort(50), b.getShort(52)})
                .containsExactly((short) 32767, (short) 32767, (short) -32768, (short) -32768, (short) 0);
    }

    @ParameterizedTest
    @EnumSource(value = WavFormat.class, names = {"PCM_16", "PCM_24"})
    void shouldBeReadableByJavaSound(WavFormat format) throws IOException, UnsupportedAudioFileException {
        float[] x = noise(2 * 1000, 3);
        Path f = dir.resolve("js" + format + ".wav");
        try (WavWriter w = WavWriter.open(f, format, 2, 48_000)) {
            w.write(x, 1000);
        }
        AudioFileFormat aff = AudioSystem.getAudioFileFormat(f.toFile());
        AudioFormat af = aff.getFormat();
        assertThat(aff.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
        assertThat(af.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
        assertThat(af.getSampleSizeInBits()).isEqualTo(format.bitsPerSample());
        assertThat(af.getChannels()).isEqualTo(2);
        assertThat(af.getSampleRate()).isEqualTo(48_000f);
        assertThat(aff.getFrameLength()).isEqualTo(1000);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(f.toFile())) {
            byte[] data = in.readAllBytes();
            assertThat(data).hasSize(1000 * 2 * format.bytesPerSample());
            int s0 = format == WavFormat.PCM_16 ? (short) ((data[0] & 0xFF) | (data[1] << 8))
                    : (data[0] & 0xFF) | ((data[1] & 0xFF) << 8) | (data[2] << 16);
            assertThat(s0).as("first sample is -1.0 at full scale").isEqualTo(-(1 << (format.bitsPerSample() - 1)));
        }
    }

    @Test
    void shouldDitherDeterministicallyPerSeedAndWithinOneAndAHalfLsb() throws IOException {
        float[] x = noise(4000, 4);
        Path a = dir.resolve("a.wav"), b = dir.resolve("b.wav"), c = dir.resolve("c.wav");
        for (Path p : new Path[] {a, b}) try (WavWriter w = WavWriter.open(p, WavFormat.PCM_16, 1, 48_000, 42)) { w.write(x, 4000); }
        try (WavWriter w = WavWriter.open(c, WavFormat.PCM_16, 1, 48_000, 43)) { w.write(x, 4000); }
        assertThat(Files.readAllBytes(a)).as("same seed, same bytes").isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).as("other seed, other noise").isNotEqualTo(Files.readAllBytes(c));
        float[] y = AudioFileReader.read(a).interleaved();
        double maxErr = 0, sumErr = 0;
        for (int i = 0; i < x.length; i++) {
            double e = (y[i] - x[i]) * 32768;
            maxErr = Math.max(maxErr, Math.abs(e));
            sumErr += e;
        }
        assertThat(maxErr).as("dithered error in LSB (TPDF +-1 plus rounding)").isLessThanOrEqualTo(1.5 + 1e-6);
        assertThat(Math.abs(sumErr / x.length)).as("dither has no DC").isLessThan(0.05);
    }

    @Test
    void shouldStreamLongRendersWithoutHoldingThem() throws IOException {
        Path f = dir.resolve("long.wav");
        float[] block = new float[2 * 4096];
        try (WavWriter w = WavWriter.open(f, WavFormat.PCM_24, 2, 48_000)) {
            for (int i = 0; i < 200; i++) w.write(block, 4096);     // 17 s, 4.9 MB
            assertThat(w.framesWritten()).isEqualTo(200L * 4096);
        }
        assertThat(Files.size(f)).isEqualTo(44 + 200L * 4096 * 6);
        assertThat(AudioFileReader.read(f).frames()).isEqualTo(200 * 4096);
    }

    /** The frame count of the file's {@code fact} chunk, or -1 when it has none (read from the bytes: Java Sound hides it). */
    @ParameterizedTest
    @EnumSource(WavFormat.class)
    void shouldLeaveAValidWavOfTheFramesWrittenSoFarAfterSync(WavFormat format) throws IOException {
        float[] x = noise(2 * 6000, 3);
        Path f = dir.resolve("synced-" + format + ".wav");
        Path copy = dir.resolve("copy-" + format + ".wav");
        Path copyAfterMore = dir.resolve("copy2-" + format + ".wav");
        try (WavWriter w = WavWriter.open(f, format, 2, 48_000)) {
            w.write(x, 0, 2500);
            w.sync();
            Files.copy(f, copy);
            w.write(x, 2500, 1000);                  // written after the sync: not yet in the header
            Files.copy(f, copyAfterMore);
            w.sync();
            w.write(x, 3500, 2500);
        }
        long frameBytes = 2L * format.bytesPerSample();
        for (Path c : new Path[] {copy, copyAfterMore}) {
            ByteBuffer b = bytes(c);
            int header = format.isFloat() ? 58 : 44;
            assertThat(fourcc(b, 0)).isEqualTo("RIFF");
            assertThat(b.getInt(4) & 0xFFFF_FFFFL).as("RIFF size of %s after sync", c.getFileName())
                    .isEqualTo(header + 2500 * frameBytes - 8);
            assertThat(b.getInt(header - 4) & 0xFFFF_FFFFL).as("data size after sync").isEqualTo(2500 * frameBytes);
            assertThat(factFrames(c)).as("fact frames (float only)").isEqualTo(format.isFloat() ? 2500 : -1);
            AudioFileReader.Decoded r = AudioFileReader.read(c);
            assertThat(r.frames()).as("frames Java Sound reads from %s", c.getFileName()).isEqualTo(2500);
            assertThat(r.channels()).isEqualTo(2);
            float[] y = r.interleaved();
            double lsb = format.isFloat() ? 0 : 1.0 / (1 << (format.bitsPerSample() - 1));
            for (int i = 0; i < 2 * 2500; i++)
                assertThat((double) y[i]).as("sample %d", i).isCloseTo(x[i], org.assertj.core.api.Assertions.within(lsb));
        }
        AudioFileReader.Decoded whole = AudioFileReader.read(f);
        assertThat(whole.frames()).as("the closed file has every frame").isEqualTo(6000);
        assertThat(factFrames(f)).isEqualTo(format.isFloat() ? 6000 : -1);
    }

    @Test
    void shouldRefuseToSyncAfterClose() throws IOException {
        WavWriter w = WavWriter.open(dir.resolve("closed.wav"), WavFormat.PCM_16, 1, 8_000);
        w.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(w::sync).isInstanceOf(IOException.class);
    }

    private static long factFrames(Path wav) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(java.nio.file.Files.readAllBytes(wav)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int pos = 12; pos + 8 <= b.limit(); ) {
            int id = b.getInt(pos), size = b.getInt(pos + 4);
            if (id == 0x74636166) return b.getInt(pos + 8) & 0xFFFF_FFFFL;      // "fact"
            pos += 8 + size + (size & 1);
        }
        return -1;
    }
}
