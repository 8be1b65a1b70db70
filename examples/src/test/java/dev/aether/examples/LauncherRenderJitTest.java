package dev.aether.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final Path ROOT = LauncherRender.ROOT;

    @TempDir Path home;

    private String render(String javaOpts, String renderJit) throws IOException, InterruptedException {
        LauncherRender.Result r = LauncherRender.render(home, env -> {
            env.put("AETHER_CDS", "off");
            env.remove("AETHER_RENDER_JIT");
            env.remove("AETHER_JAVA_OPTS");
            if (javaOpts != null) env.put("AETHER_JAVA_OPTS", javaOpts);
            if (renderJit != null) env.put("AETHER_RENDER_JIT", renderJit);
        });
        assertThat(r.exit()).as("exit code; output:%n%s", r.output()).isZero();
        assertThat(home.resolve("out.wav")).as("rendered").isNotEmptyFile();
        return r.output();
    }

    @Test
    void shouldReadTheRenderDirectivesWithoutSayingSoOnTheTerminal() throws Exception {
        assumeTrue(LauncherRender.launchable(),
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
