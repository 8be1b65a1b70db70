package dev.aether.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/aether render} on the JDK running this test: its JVM reads the compiler directives of
 * {@code bin/render-jit.json} (C2 for aether's, the user's and JCTools' classes only: start-up, issue 15) without the
 * JVM's "compiler directives added" line reaching the terminal; {@code AETHER_JAVA_OPTS=-XX:+DisplayVMOutput} shows
 * that the file was read, and {@code AETHER_RENDER_JIT=all} renders without it. Runs without a class-data archive
 * ({@code AETHER_CDS=off}). Needs the repl module packaged; skipped when it is not.
 */
class LauncherRenderJitTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = ROOT.resolve("bin/aether");
    private static final String SCRIPT = "scripts/01-hello-sine.jsh";

    @TempDir Path home;

    private String render(String javaOpts, String renderJit) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(LAUNCHER.toString(), "render", SCRIPT, "--seconds", "1",
                "--out", home.resolve("out.wav").toString())).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("AETHER_JAVA_HOME", System.getProperty("java.home"));
        env.put("AETHER_SKIP_BUILD", "1");                      // the reactor built it; never run Maven from a test
        env.put("AETHER_CDS", "off");
        env.remove("AETHER_RENDER_JIT");
        env.remove("AETHER_JAVA_OPTS");
        if (javaOpts != null) env.put("AETHER_JAVA_OPTS", javaOpts);
        if (renderJit != null) env.put("AETHER_RENDER_JIT", renderJit);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("render finished").isTrue();
        assertThat(p.exitValue()).as("exit code; output:%n%s", out).isZero();
        assertThat(home.resolve("out.wav")).as("rendered").isNotEmptyFile();
        return out;
    }

    @Test
    void shouldReadTheRenderDirectivesWithoutSayingSoOnTheTerminal() throws Exception {
        assumeTrue(Files.isRegularFile(ROOT.resolve("repl/target/classpath.txt")),
                "repl is not packaged (mvn package); bin/aether has nothing to run");
        assertThat(ROOT.resolve("bin/render-jit.json")).isRegularFile();

        String plain = render(null, null);
        assertThat(plain).as("what a render shows").contains("$1 ==> sine(440)", "aether render: ")
                .doesNotContain("directives", "warning", "Unrecognized");

        assertThat(render("-XX:+UnlockDiagnosticVMOptions -XX:+DisplayVMOutput", null)).as("the JVM read the directives file")
                .contains("2 compiler directives added");
        assertThat(render("-XX:+UnlockDiagnosticVMOptions -XX:+DisplayVMOutput", "all")).as("AETHER_RENDER_JIT=all: no directives")
                .doesNotContain("directives");
    }
}
