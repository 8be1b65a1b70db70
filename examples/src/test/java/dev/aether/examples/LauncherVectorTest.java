package dev.aether.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code AETHER_VECTOR=on bin/aether render} on the JDK running this test: from JDK 25 the guard scans with the Vector
 * API ({@code VectorOutputScan} is loaded; by default it is not; on 17 the launcher says it needs 25), the output is
 * bit-identical to the default render, and
 * the class-data archive the first vector run records is kept and used by the next (on JDK 25 the AOT cache is made
 * without the archived module graph, which the JVM reports as errors the launcher must not take for a failed cache).
 * Needs the repl module packaged; skipped when it is not.
 */
class LauncherVectorTest {
    private static final String VECTOR_SCAN = "dev.aether.core.rt.VectorOutputScan";

    @TempDir Path home;

    private record Run(String output, String classLoads, byte[] wav) {
        boolean loaded(String className) { return classLoads.contains(" " + className + " "); }
        boolean shared(String className) { return classLoads.contains(className + " source: shared objects file"); }
    }

    /**
     * Three voices: more entries than the scheduler meters in one block (four), so most blocks guard them with the
     * OR (a plan of four or fewer entries is scanned by the meter alone, which stays scalar).
     */
    private Path script() throws IOException {
        Path s = home.resolve("three-voices.jsh");
        if (!Files.exists(s)) {
            Files.writeString(s, "play(sine(220).to(gain(-12)));\nplay(sine(330).to(gain(-12)));\n"
                    + "play(sine(440).to(gain(-12)));\n");
        }
        return s;
    }

    private Run render(String vector, int n) throws IOException, InterruptedException {
        Path loads = home.resolve("classes-" + n + ".txt");
        LauncherRender.Result r = LauncherRender.render(home, script().toString(), env -> {
            env.put("AETHER_JAVA_OPTS", "-Xlog:class+load=info:file=" + loads);
            env.put("AETHER_CDS_DIR", home.resolve("cds-" + vector).toString());
            env.remove("AETHER_CDS");
            if (vector.equals("default")) env.remove("AETHER_VECTOR");
            else env.put("AETHER_VECTOR", vector);
        });
        assertThat(r.exit()).as("exit code of render %d; output:%n%s", n, r.output()).isZero();
        return new Run(r.output(), Files.readString(loads), Files.readAllBytes(home.resolve("out.wav")));
    }

    @Test
    void shouldScanWithVectorsWhenAskedAndRenderTheSameBits() throws Exception {
        assumeTrue(LauncherRender.launchable(), "repl is not packaged (mvn package); bin/aether has nothing to run");

        Run plain = render("default", 1);
        assertThat(plain.loaded(VECTOR_SCAN)).as("by default the guard scans in scalar code").isFalse();
        assertThat(plain.output()).doesNotContain("incubator");

        Run recording = render("on", 2);
        assertThat(recording.wav()).as("the vector render's WAV, bit for bit").isEqualTo(plain.wav());
        if (Runtime.version().feature() < 25) {
            assertThat(recording.output()).as("on JDK 17 the launcher says why it scans in scalar code")
                    .contains("AETHER_VECTOR=on needs JDK 25 or later").doesNotContain("incubator modules");
            assertThat(recording.loaded(VECTOR_SCAN)).isFalse();
            return;
        }
        assertThat(recording.loaded(VECTOR_SCAN)).as("AETHER_VECTOR=on: the guard's vector scan ran").isTrue();
        assertThat(recording.output()).as("the JVM's one line about the incubator module")
                .contains("WARNING: Using incubator modules: jdk.incubator.vector");

        Run reusing = render("on", 3);
        assertThat(reusing.shared("dev.aether.repl.Aether")).as("the archive recorded with the module is used; output:%n%s",
                reusing.output()).isTrue();
        assertThat(reusing.loaded(VECTOR_SCAN)).isTrue();
        assertThat(reusing.wav()).isEqualTo(plain.wav());
    }
}
