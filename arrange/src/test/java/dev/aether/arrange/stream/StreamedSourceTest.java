package dev.aether.arrange.stream;

import dev.aether.core.io.AudioFileReader;
import dev.aether.core.io.WavFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamedSourceTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(WavFormat.class)
    void shouldReadAnyRangeOfAStereoFileAsCoreReadsTheWholeFile(WavFormat format) throws IOException {
        Path f = TestWavs.write(dir.resolve("s.wav"), format, 44_100, TestWavs.noise16(5000, 1), TestWavs.noise16(5000, 2));
        AudioFileReader.Decoded whole = AudioFileReader.read(f);
        try (StreamedSource s = StreamedSource.open(f)) {
            assertThat(s.channels()).isEqualTo(2);
            assertThat(s.frames()).isEqualTo(5000);
            assertThat(s.sampleRateHz()).isEqualTo(44_100);
            assertThat(s.format()).isEqualTo(format);
            float[] dst = new float[2 * 1000];
            ByteBuffer scratch = ByteBuffer.allocate(8 * 1000);
            s.read(-10, 1000, dst, scratch);                         // 10 frames before the file
            assertThat(dst[0]).isZero();
            assertThat(dst[2 * 10]).isEqualTo(whole.data()[0][0]);
            assertThat(dst[2 * 999 + 1]).isEqualTo(whole.data()[1][989]);
            s.read(4500, 1000, dst, scratch);                        // 500 past the end
            for (int i = 0; i < 500; i++) {
                assertThat(dst[2 * i]).isEqualTo(whole.data()[0][4500 + i]);
                assertThat(dst[2 * i + 1]).isEqualTo(whole.data()[1][4500 + i]);
            }
            assertThat(dst[2 * 500]).isZero();
        }
    }

    @Test
    void shouldReadAMonoFile() throws IOException {
        float[] x = TestWavs.noise16(3000, 3);
        Path f = TestWavs.write(dir.resolve("m.wav"), WavFormat.PCM_16, 48_000, x);
        try (StreamedSource s = StreamedSource.open(f)) {
            float[] dst = new float[3000];
            s.read(0, 3000, dst, ByteBuffer.allocate(6000));
            assertThat(s.channels()).isEqualTo(1);
            assertThat(dst).containsExactly(x);
        }
    }

    @Test
    void shouldNameTheFileWhenItIsNotAWavOrMissing() throws IOException {
        Path f = Files.writeString(dir.resolve("notes.wav"), "hello, not audio");
        assertThatThrownBy(() -> StreamedSource.open(f)).isInstanceOf(IOException.class).hasMessageContaining("notes.wav");
        assertThatThrownBy(() -> StreamedSource.open(dir.resolve("gone.wav"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void shouldLoadSmallFilesIntoMemoryAndStreamLargeOnesOnce() throws IOException {
        Path small = TestWavs.write(dir.resolve("small.wav"), WavFormat.PCM_16, 48_000, new float[1000]);
        Path large = TestWavs.write(dir.resolve("large.wav"), WavFormat.PCM_16, 48_000, new float[100_000]);
        try (AudioPool pool = new AudioPool(50_000)) {
            PoolSource a = pool.load(small), b = pool.load(large);
            assertThat(a).isInstanceOf(MemorySource.class);
            assertThat(b).isInstanceOf(StreamedSource.class);
            assertThat(pool.load(dir.resolve("./large.wav"))).isSameAs(b);
            assertThat(pool.sources()).containsExactly(a, b);
        }
    }
}
