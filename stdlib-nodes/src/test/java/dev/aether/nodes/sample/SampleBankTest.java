package dev.aether.nodes.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleBankTest {
    @TempDir Path dir;

    Path wav(String name, short first) throws IOException {
        short[][] pcm = new short[1][100];
        pcm[0][0] = first;
        return SamplePlayerTest.writeWav16(dir.resolve(name), 48_000, pcm);
    }

    @Test
    void shouldLoadEachFileOnceAndShareTheInstance() throws IOException {
        Path p = wav("a.wav", (short) 100);
        SampleBank bank = new SampleBank();
        Sample a = bank.load(p);
        Sample b = bank.load(dir.resolve("sub/../a.wav"));
        assertThat(b).as("same file by another spelling").isSameAs(a);
        assertThat(bank.size()).isEqualTo(1);
        assertThat(a.at(0, 0)).isEqualTo(100 / 32_768f);
    }

    @Test
    void shouldLoadOnceUnderConcurrentRequests() throws Exception {
        Path p = wav("c.wav", (short) 1);
        SampleBank bank = new SampleBank();
        ExecutorService ex = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Sample>> jobs = new ArrayList<>();
            for (int i = 0; i < 32; i++) jobs.add(() -> bank.load(p));
            Sample first = null;
            for (Future<Sample> f : ex.invokeAll(jobs)) {
                if (first == null) first = f.get();
                assertThat(f.get()).as("every thread gets the one instance").isSameAs(first);
            }
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void shouldReloadAFileChangedOnDisk() throws IOException {
        Path p = wav("b.wav", (short) 100);
        SampleBank bank = new SampleBank();
        Sample old = bank.load(p);
        wav("b.wav", (short) 200);
        Files.setLastModifiedTime(p, FileTime.fromMillis(Files.getLastModifiedTime(p).toMillis() + 5_000));
        Sample now = bank.load(p);
        assertThat(now).isNotSameAs(old);
        assertThat(now.at(0, 0)).isEqualTo(200 / 32_768f);
        assertThat(bank.size()).as("the old version is replaced").isEqualTo(1);
    }

    @Test
    void shouldPreloadAndEvict() throws IOException {
        Path a = wav("a.wav", (short) 1), b = wav("b.wav", (short) 2);
        SampleBank bank = new SampleBank();
        bank.preload(a, b);
        assertThat(bank.contains(a) && bank.contains(b)).isTrue();
        Sample before = bank.load(a);
        assertThat(bank.evict(a)).isTrue();
        assertThat(bank.contains(a)).isFalse();
        assertThat(bank.load(a)).as("read again after evict").isNotSameAs(before);
        assertThat(bank.evict(dir.resolve("never.wav"))).isFalse();
    }

    @Test
    void shouldReportAMissingFileAndCacheNothing() {
        SampleBank bank = new SampleBank();
        Path p = dir.resolve("missing.wav");
        assertThatThrownBy(() -> bank.load(p)).isInstanceOf(NoSuchFileException.class).hasMessageContaining("missing.wav");
        assertThat(bank.size()).isZero();
    }

    @Test
    void shouldNotCacheAFailedLoad() throws IOException {
        Path p = Files.writeString(dir.resolve("x.wav"), "not audio at all, but long enough to be sniffed");
        SampleBank bank = new SampleBank();
        assertThatThrownBy(() -> bank.load(p)).isInstanceOf(IOException.class).hasMessageContaining("x.wav");
        assertThat(bank.size()).isZero();
    }
}
