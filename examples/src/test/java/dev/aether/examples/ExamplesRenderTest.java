package dev.aether.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.io.AudioFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every script in {@code examples/scripts} the way a person would, with {@code aether render}
 * in its own JVM, and checks the exit code and that the file holds sound (finite, not silent, within the limiter).
 */
class ExamplesRenderTest {
    static Stream<Path> scripts() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("scripts"))) {
            return s.filter(p -> p.toString().endsWith(".jsh")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void shouldRenderToAudibleSound(Path script, @TempDir Path dir) throws Exception {
        Path wav = dir.resolve("out.wav");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.aether.repl.Aether", "render", script.toString(), "--seconds", "2", "--out", wav.toString()))
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("render finished").isTrue();
        assertThat(p.exitValue()).as("exit code of aether render %s; output:%n%s", script, log).isZero();

        AudioFileReader.Decoded file = AudioFileReader.read(wav);
        float[][] audio = {file.channel(0), file.channel(1)};
        assertThat(audio[0].length).as("2 s at 48 kHz").isEqualTo(96_000);
        double sumSquares = 0, peak = 0;
        for (float[] ch : audio) {
            for (float v : ch) {
                assertThat(Float.isFinite(v)).as("finite samples").isTrue();
                sumSquares += v * v;
                peak = Math.max(peak, Math.abs(v));
            }
        }
        double rmsDb = 10 * Math.log10(sumSquares / (2 * audio[0].length));
        assertThat(rmsDb).as("%s is audible (RMS dBFS)", script).isGreaterThan(-40);
        assertThat(peak).as("%s stays under the limiter ceiling", script).isLessThanOrEqualTo(1.0);
    }
}
