package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.io.AudioFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aether render} (in its own JVM, as a person runs it) of a script where a user node starts spinning after
 * one second beside a sine: the render ends in bounded time, says which node it bypassed, and its sound is
 * bit-identical to the render of the sine alone.
 */
class RenderBudgetTest {
    static final String SINE = "play(sine(440));\n";
    static final String SPIN = """
            class Spin implements DspNode {
                final OutputPort out = Ports.audioOut("out");
                public void process(ProcessContext c) {
                    java.util.Arrays.fill(c.out(out), 0, c.frames(), 0f);
                    long n = 0;
                    while (c.sampleTime() >= 48_000) n++;
                }
            }
            play(new Spin());
            """;

    @Test void aSpinningNodeBesideASineRendersInBoundedTimeAndTheSineIsUntouched(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain.jsh"), spinning = dir.resolve("spinning.jsh");
        Files.writeString(plain, SINE);
        Files.writeString(spinning, SINE + SPIN);
        Render a = render(plain, dir.resolve("plain.wav"));
        long t0 = System.nanoTime();
        Render b = render(spinning, dir.resolve("spinning.wav"));
        double seconds = (System.nanoTime() - t0) / 1e9;

        assertThat(a.log()).doesNotContain("budget");
        assertThat(b.log()).contains("ran past its budget (250.00 ms per block) in process, line 7 — bypassed");   // line 7 of the script
        assertThat(seconds).as("render time, s").isLessThan(60);
        float[] left = AudioFileReader.read(a.wav()).channel(0), spunLeft = AudioFileReader.read(b.wav()).channel(0);
        assertThat(spunLeft).hasSize(96_000).containsExactly(left);
        assertThat(AudioFileReader.read(b.wav()).channel(1)).containsExactly(AudioFileReader.read(a.wav()).channel(1));
    }

    record Render(String log, Path wav) {}

    private static Render render(Path script, Path wav) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.aether.repl.Aether", "render", script.toString(), "--seconds", "2", "--out", wav.toString()))
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("render finished").isTrue();
        assertThat(p.exitValue()).as("exit code; output:%n%s", log).isZero();
        return new Render(log, wav);
    }
}
