package dev.aether.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One {@code bin/aether render} of {@code examples/scripts/01-hello-sine.jsh} (or another script) for a second, as the
 * launcher tests run it: a home directory of the test's, the JDK running the test, the reactor's build (never Maven from a test).
 */
final class LauncherRender {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = ROOT.resolve("bin/aether");
    private static final String SCRIPT = "scripts/01-hello-sine.jsh";

    private LauncherRender() {}

    /** True when the repl module is packaged, so that {@code bin/aether} has something to run. */
    static boolean launchable() { return Files.isRegularFile(ROOT.resolve("repl/target/classpath.txt")); }

    /** What the render printed (standard output and error) and its exit code. */
    record Result(int exit, String output) {}

    /** Renders into {@code home}/out.wav with HOME = {@code home}; {@code env} then adjusts the environment. */
    static Result render(Path home, Consumer<Map<String, String>> env) throws IOException, InterruptedException {
        return render(home, SCRIPT, env);
    }

    /** As {@link #render(Path, Consumer)}, of {@code script} (a path, absolute or from {@code examples/}). */
    static Result render(Path home, String script, Consumer<Map<String, String>> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(LAUNCHER.toString(), "render", script, "--seconds", "1",
                "--out", home.resolve("out.wav").toString())).redirectErrorStream(true);
        Map<String, String> e = pb.environment();
        e.put("HOME", home.toString());
        e.put("AETHER_JAVA_HOME", System.getProperty("java.home"));
        e.put("AETHER_SKIP_BUILD", "1");
        env.accept(e);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("render finished; output:%n%s", out).isTrue();
        return new Result(p.exitValue(), out);
    }
}
