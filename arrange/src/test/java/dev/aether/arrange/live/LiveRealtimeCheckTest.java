package dev.aether.arrange.live;


import dev.aether.guard.ClassBytes;
import dev.aether.guard.Finding;
import dev.aether.guard.RealtimeChecker;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code @RealtimeSafe} method of the live arrangement's nodes, the shared transport, the clip player and disk
 * streaming, and every method that implements one ({@code process}), passes the guard's {@link RealtimeChecker} (no allocation, lock, I/O, boxing,
 * invokedynamic or call into unmarked code), as core's and the stdlib's do in the guard module.
 */
class LiveRealtimeCheckTest {
    @Test
    void shouldFindNothingInTheArrangementsNodes() throws Exception {
        Path root = Path.of(LiveArrangement.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, byte[]> classes = new HashMap<>();
        for (String pkg : new String[] {"dev/aether/arrange/live", "dev/aether/arrange/play", "dev/aether/arrange/stream"}) {
            try (Stream<Path> files = Files.list(root.resolve(pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String name = root.relativize(f).toString().replace('\\', '/');
                    classes.put(name.substring(0, name.length() - 6), read(f));
                }
            }
        }
        classes.put("dev/aether/arrange/Curve", read(root.resolve("dev/aether/arrange/Curve.class")));  // fades
        assertThat(classes).as("classes read from %s", root).containsKey("dev/aether/arrange/live/TrackStrip");
        RealtimeChecker checker = new RealtimeChecker(
                ClassBytes.of(classes).orElse(ClassBytes.of(LiveRealtimeCheckTest.class.getClassLoader())));
        List<Finding> findings = new ArrayList<>();
        for (byte[] b : classes.values()) findings.addAll(checker.check(b));
        assertThat(findings).withFailMessage("%d real-time finding(s):%n%s", findings.size(),
                findings.stream().map(Finding::toString).collect(Collectors.joining("\n"))).isEmpty();
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
