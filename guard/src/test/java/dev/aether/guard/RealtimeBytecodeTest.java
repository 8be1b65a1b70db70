package dev.aether.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.DspNode;
import dev.aether.nodes.Dsp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every {@code @RealtimeSafe} method of aether-core and aether-stdlib-nodes, and every method that implements one
 * (each node's {@code process}), passes {@link RealtimeChecker}: no allocation, lock, I/O, string building, boxing,
 * invokedynamic, first-use class load or call into unmarked code. Reads the main classes directories or jars on
 * the test classpath. The only findings let through are the drivers' own waits and device writes, the exception
 * docs/realtime.md allows.
 */
class RealtimeBytecodeTest {

    /** A finding the rules allow: matched by class, method and the callee its message names. */
    private record Accepted(String className, String methodName, String callee, String why) {
        boolean matches(Finding f) {
            return f.className().equals(className) && f.methodName().equals(methodName)
                    && f.message().startsWith("calls " + callee + "(");
        }
    }

    private static final String JAVA_SOUND_LOOP = "dev.aether.core.driver.JavaSoundDriver$RenderLoop";
    private static final String PACED_NULL_LOOP = "dev.aether.core.driver.PacedNullDriver$RenderLoop";
    private static final String PACING = "the driver's wait for the device is the pacing itself (docs/realtime.md)";

    private static final List<Accepted> ACCEPTED = List.of(
            new Accepted(JAVA_SOUND_LOOP, "runRt", "SourceDataLine.available", PACING),
            new Accepted(JAVA_SOUND_LOOP, "runRt", "LockSupport.parkNanos", PACING),
            new Accepted(JAVA_SOUND_LOOP, "runRt", "SourceDataLine.write", "the device write: where the block goes"),
            new Accepted(JAVA_SOUND_LOOP, "runRt", "SourceDataLine.getFormat",
                    "once per start, before the loop: a getter of the open line"),
            new Accepted(JAVA_SOUND_LOOP, "runRt", "AudioFormat.getFrameSize",
                    "once per start, before the loop: a getter of the line's format"),
            new Accepted(PACED_NULL_LOOP, "runRt", "LockSupport.parkNanos", PACING));

    @Test
    void shouldFindNothingInCore() { assertClean(DspNode.class, 40); }

    @Test
    void shouldFindNothingInStdlibNodes() { assertClean(Dsp.class, 60); }

    /** Checks every class where {@code anchor} came from; at least {@code minClasses}, so a wrong path fails. */
    private static void assertClean(Class<?> anchor, int minClasses) {
        Path where = ClassFiles.locationOf(anchor);
        Map<String, byte[]> classes = ClassFiles.read(where);
        assertThat(classes).as("classes in %s", where).hasSizeGreaterThanOrEqualTo(minClasses);
        RealtimeChecker checker = new RealtimeChecker(
                ClassBytes.of(classes).orElse(ClassBytes.of(RealtimeBytecodeTest.class.getClassLoader())));
        List<Finding> findings = new ArrayList<>();
        Set<Accepted> used = new HashSet<>();
        for (byte[] b : classes.values()) {
            for (Finding f : checker.check(b)) {
                Accepted a = ACCEPTED.stream().filter(x -> x.matches(f)).findFirst().orElse(null);
                if (a != null) used.add(a); else findings.add(f);
            }
        }
        assertThat(findings)
                .withFailMessage("%d real-time finding(s) in %s:%n%s", findings.size(), where,
                        findings.stream().map(Finding::toString).collect(Collectors.joining("\n")))
                .isEmpty();
        List<Accepted> stale = ACCEPTED.stream()
                .filter(a -> a.className().startsWith(anchor.getPackageName()) && !used.contains(a)).toList();
        assertThat(stale).as("accepted findings that no longer occur: remove them").isEmpty();
    }
}
