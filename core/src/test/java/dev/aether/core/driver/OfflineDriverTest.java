package dev.aether.core.driver;

import dev.aether.core.io.WavFormat;
import dev.aether.core.io.AudioFileReader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineDriverTest {
    @TempDir Path dir;

    private static SineSource sine() { return new SineSource(48_000, 2, 64, 440, 0.5, Long.MAX_VALUE); }

    @Test
    void shouldWriteIdenticalBytesForTheSameSource() throws IOException {
        Path a = dir.resolve("a.wav"), b = dir.resolve("b.wav");
        OfflineDriver.renderToWav(sine(), 48_000 + 17, a, WavFormat.PCM_24);
        OfflineDriver.renderToWav(sine(), 48_000 + 17, b, WavFormat.PCM_24);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(AudioFileReader.read(a).frames()).as("exact frame count, last block short").isEqualTo(48_017);
    }

    @Test
    void shouldMatchTheArrayRenderInTheWavFile() throws IOException {
        Path f = dir.resolve("f.wav");
        float[] x = OfflineDriver.renderToArray(sine(), 10_000);
        OfflineDriver.renderToWav(sine(), 10_000, f, WavFormat.FLOAT_32);
        assertThat(AudioFileReader.read(f).interleaved()).isEqualTo(x);
        assertThat(x[2 * 1000]).as("left sample 1000 is the analytic sine")
                .isCloseTo((float) (0.5 * Math.sin(2 * Math.PI * 440 * 1000 / 48_000.0)), org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(x[2 * 1000 + 1]).as("right is minus left").isEqualTo(-x[2 * 1000]);
    }

    @Test
    void shouldRenderMuchFasterThanRealTime() throws IOException {
        OfflineDriver.renderToArray(sine(), 48_000);                 // warm-up
        long t0 = System.nanoTime();
        OfflineDriver.renderToWav(sine(), 10 * 48_000, dir.resolve("fast.wav"), WavFormat.PCM_16);
        double wallSeconds = (System.nanoTime() - t0) / 1e9;
        assertThat(wallSeconds).as("wall time for 10 s of audio").isLessThan(2.0);
    }

    @Test
    void shouldRenderOnItsOwnThreadWhenStarted() throws Exception {
        SineSource s = sine();
        OfflineDriver d = OfflineDriver.toArray(5_000);
        d.start(s);
        d.await();
        assertThat(s.audioThread.getName()).isEqualTo("aether-offline");
        assertThat(d.framesRendered()).isEqualTo(5_000);
        assertThat(d.samples()).isEqualTo(OfflineDriver.renderToArray(sine(), 5_000));
    }

    @Test
    void shouldCallAudioThreadStartedOnTheCallingThreadForSynchronousRenders() {
        SineSource s = sine();
        OfflineDriver.renderToArray(s, 64);
        assertThat(s.audioThread).isSameAs(Thread.currentThread());
    }
}
