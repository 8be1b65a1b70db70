package dev.aether.examples;

import static dev.aether.testkit.signals.SignalAssert.assertThatSignal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.io.AudioFileReader;
import dev.aether.testkit.signals.SignalAssert;
import dev.aether.testkit.signals.Signals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every script in {@code examples/scripts} the way a person would, with {@code aether render}
 * in its own JVM, and checks the exit code and that the file holds the script's sound: finite, not silent, at the
 * level stated for it in {@link #EXPECTED}, and at its pitch where one component dominates.
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
        float[] left = file.channel(0), right = file.channel(1);
        assertThat(left.length).as("2 s at 48 kHz").isEqualTo(96_000);
        Sound expected = EXPECTED.get(script.getFileName().toString());
        assertThat(expected).as("an expectation for %s in EXPECTED", script).isNotNull();
        System.out.printf("%s: peak %.2f dBFS, RMS %.2f dBFS, strongest component %.1f Hz%n", script.getFileName(),
                Signals.peakDb(left, 0, left.length), Signals.rmsDb(left, 0, left.length),
                Signals.peakFrequency(left, left.length - 65_536, 65_536, 48_000));
        for (float[] ch : new float[][] {left, right}) {
            SignalAssert a = assertThatSignal(ch, 48_000).as("%s, %s", script.getFileName(), ch == left ? "left" : "right")
                    .isFinite().isNotSilent()
                    .hasRmsDbBetween(expected.rmsDb() - 3, expected.rmsDb() + 3)
                    .hasPeakDbBetween(expected.peakDb() - 3, Math.min(0, expected.peakDb() + 3));
            if (expected.fundamentalHz() > 0) a.hasFundamentalHz(expected.fundamentalHz(), 1.5);
        }
    }

    /**
     * What each script should sound like over its first 2 s (left and right alike): RMS and peak in dBFS (+-3 dB;
     * the peak also at most 0 dBFS) and, where one component dominates, its frequency (+-1.5 Hz, over the last
     * 65,536 samples, 1.37 s).
     */
    record Sound(double rmsDb, double peakDb, double fundamentalHz) {}

    static final Map<String, Sound> EXPECTED = Map.of(
            "01-hello-sine.jsh", new Sound(-3.2, -0.5, 440),      // a full-scale sine, the limiter's knee rounding it
            "02-subtractive-bass.jsh", new Sound(-5.1, -0.2, 55), // the saw's fundamental outweighs the 600 Hz peak
            "03-your-own-node.jsh", new Sound(-6.6, -6.0, 110),   // 0.5 tanh(6 sin): a soft square at -6 dBFS
            "04-echo-and-reverb.jsh", new Sound(-2.3, -0.2, 220),
            "05-synth-chords.jsh", new Sound(-19.1, -7.0, 330),
            "06-drum-kit.jsh", new Sound(-11.6, -0.8, 0),
            "07-drum-machine.jsh", new Sound(-12.1, -0.2, 0),     // patterns on one kit from bar 0: no one pitch
            "08-live-set.jsh", new Sound(-13.3, -0.2, 0),         // kick, snare, hats and a clap: no one pitch  // the fifth at 330 Hz, E4 (329.6 Hz) from 0.5 s
            "10-osc-remote.jsh", new Sound(-5.5, -0.2, 110));     // the pad's 110 Hz saw outweighs the beat
}
