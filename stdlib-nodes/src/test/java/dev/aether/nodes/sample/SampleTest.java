package dev.aether.nodes.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleTest {
    @TempDir Path dir;

    /** Integer PCM frames (one value per frame, mono) in the given layout, written by Java Sound. */
    Path write(String name, AudioFileFormat.Type type, int bits, boolean signed, boolean bigEndian, long[] values)
            throws IOException {
        int bps = bits / 8;
        byte[] b = new byte[values.length * bps];
        for (int i = 0; i < values.length; i++) {
            for (int k = 0; k < bps; k++) {
                byte v = (byte) (values[i] >> (8 * k));
                b[i * bps + (bigEndian ? bps - 1 - k : k)] = v;
            }
        }
        AudioFormat f = new AudioFormat(44_100, bits, 1, signed, bigEndian);
        Path p = dir.resolve(name);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(b), f, values.length), type, p.toFile());
        return p;
    }

    @Test
    void shouldConvert24BitWavExactly() throws IOException {
        long[] v = {0, 1, -1, 8_388_607, -8_388_608, 123_456, -654_321};
        Sample s = Sample.load(write("s24.wav", AudioFileFormat.Type.WAVE, 24, true, false, v));
        assertThat(s.sampleRateHz()).isEqualTo(44_100);
        for (int i = 0; i < v.length; i++) assertThat(s.at(0, i)).as("frame %d", i).isEqualTo(v[i] / 8_388_608f);
    }

    @Test
    void shouldConvertBigEndian16BitAiffExactly() throws IOException {
        long[] v = {0, 1, -1, 32_767, -32_768, 1_234, -4_321};
        Sample s = Sample.load(write("s16.aiff", AudioFileFormat.Type.AIFF, 16, true, true, v));
        for (int i = 0; i < v.length; i++) assertThat(s.at(0, i)).as("frame %d", i).isEqualTo(v[i] / 32_768f);
        assertThat(s.name()).isEqualTo("s16.aiff");
    }

    @Test
    void shouldConvertUnsigned8BitWavExactly() throws IOException {
        long[] v = {128, 0, 255, 129, 127};
        Sample s = Sample.load(write("u8.wav", AudioFileFormat.Type.WAVE, 8, false, false, v));
        for (int i = 0; i < v.length; i++) assertThat(s.at(0, i)).as("frame %d", i).isEqualTo((v[i] - 128) / 128f);
    }

    @Test
    void shouldConvert32BitIntegerWav() throws IOException {
        long[] v = {0, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 20};
        Sample s = Sample.load(write("s32.wav", AudioFileFormat.Type.WAVE, 32, true, false, v));
        for (int i = 0; i < v.length; i++) {
            assertThat(s.at(0, i)).as("frame %d", i).isEqualTo((float) (v[i] / 2_147_483_648.0));
        }
    }

    @Test
    void shouldReadFloatWavBitExactly() throws IOException {
        float[] v = {0f, 0.5f, -1f, 1e-7f, 0.123456789f, 1.5f};
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        AudioFormat f = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, 48_000, 32, 1, 4, 48_000, false);
        Path p = dir.resolve("f32.wav");
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(b.array()), f, v.length),
                AudioFileFormat.Type.WAVE, p.toFile());
        Sample s = Sample.load(p);
        for (int i = 0; i < v.length; i++) assertThat(s.at(0, i)).as("frame %d", i).isEqualTo(v[i]);
    }

    @Test
    void shouldNameTheFileWhenItIsMissing() {
        Path p = dir.resolve("nope.wav");
        assertThatThrownBy(() -> Sample.load(p)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining("no such audio file");
    }

    @Test
    void shouldExplainWhatToDoWithANonAudioFile() throws IOException {
        Path p = Files.writeString(dir.resolve("notes.wav"), "this is not audio, just text that is long enough");
        assertThatThrownBy(() -> Sample.load(p)).isInstanceOf(IOException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining("WAV, AIFF or AU").hasMessageContaining("convert");
    }

    @Test
    void shouldExplainWhatToDoWithAnUnsupportedEncoding() throws IOException {
        // A WAV with format tag 2 (MS ADPCM): valid RIFF, an encoding Java Sound does not decode.
        ByteBuffer b = ByteBuffer.allocate(44 + 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 64).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 2).putShort((short) 1).putInt(44_100).putInt(22_000)
                .putShort((short) 256).putShort((short) 4);
        b.put("data".getBytes()).putInt(64);
        Path p = Files.write(dir.resolve("adpcm.wav"), b.array());
        assertThatThrownBy(() -> Sample.load(p)).isInstanceOf(IOException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining("convert");
    }

    @Test
    void shouldCopyArraysInAndOut() {
        float[] x = {1, 2, 3};
        Sample s = Sample.of("x", 48_000, x);
        x[0] = 9;
        s.channel(0)[1] = 9;
        assertThat(s.channel(0)).containsExactly(1, 2, 3);
        assertThat(s.durationSeconds()).isEqualTo(3 / 48_000.0);
    }

    @Test
    void shouldRejectMismatchedChannels() {
        assertThatThrownBy(() -> Sample.of("bad", 48_000, new float[3], new float[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad").hasMessageContaining("channel 1");
    }
}
