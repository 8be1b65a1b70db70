package dev.aether.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.EngineConfig;
import dev.aether.testkit.signals.Signals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every script in {@code examples/scripts}, rendered as a person would ({@code aether render}, its own JVM, a float
 * WAV, twice; see {@link ExampleRenders}), is safe to play and says what it is for: it has a header saying what it
 * teaches, what to listen for and what to look at; both channels sound, hold no NaN or Inf, peak below the master
 * limiter's ceiling; and the two renders are byte-identical. What each example is about is measured in
 * {@link ExamplePropertiesTest}.
 */
class ExamplesRenderTest {
    /** The master limiter's ceiling (linear) in the configuration {@code aether render} uses. */
    static final double CEILING = EngineConfig.defaults().limiterCeiling();

    static Stream<Path> scripts() { return ExampleRenders.scripts().stream(); }

    @Test
    void shouldHaveAtLeastTwelveExamples() {
        assertThat(ExampleRenders.scripts()).as("example scripts (issue 11 asks for at least 12)").hasSizeGreaterThanOrEqualTo(12);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void shouldSayWhatItTeachesWhatToListenForAndWhatToLookAt(Path script) throws Exception {
        String header = String.join("\n", Files.readString(script).lines().takeWhile(l -> l.startsWith("//")).toList());
        assertThat(header).as("the leading comment of %s", script.getFileName())
                .contains("// Teaches:").contains("// Listen for:").contains("// Look at:");
        assertThat(header).as("%s names a console view to type", script.getFileName())
                .containsPattern(":(scope|spectrum|response|compare|graph)");
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void shouldRenderFiniteAudibleDeterministicSoundBelowTheLimiterCeiling(Path script) throws Exception {
        ExampleRenders.Rendered r = ExampleRenders.of(script);
        String name = script.getFileName().toString();
        for (int c = 0; c < 2; c++) {
            float[] x = r.channel(c);
            String side = c == 0 ? "left" : "right";
            assertThat(x.length).as("%s %s: %s s at 48 kHz", name, side, ExampleRenders.SECONDS)
                    .isEqualTo(ExampleRenders.FRAMES);
            int bad = -1;
            for (int i = 0; i < x.length && bad < 0; i++) if (!Float.isFinite(x[i])) bad = i;
            assertThat(bad).as("%s %s: first NaN/Inf sample", name, side).isEqualTo(-1);
            double peak = Signals.peak(x), rmsDb = Signals.rmsDb(x, 0, x.length);
            System.out.printf("%s %s: peak %.4f (%.2f dBFS), RMS %.2f dBFS%n", name, side, peak, Signals.db(peak), rmsDb);
            assertThat(rmsDb).as("%s %s: RMS over %s s, dBFS (silence is below -96)", name, side, ExampleRenders.SECONDS)
                    .isGreaterThan(-70);   // the quietest, 11's filtered clicks, are near -56
            assertThat(peak).as("%s %s: peak vs the master limiter's ceiling %s", name, side, CEILING)
                    .isLessThan(CEILING);
        }
        assertThat(r.identical()).as("%s: two renders byte-identical", name).isTrue();
    }
}
