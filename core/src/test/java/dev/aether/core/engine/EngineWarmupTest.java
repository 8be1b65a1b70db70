package dev.aether.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.EngineConfig;
import dev.aether.testkit.signals.Allocations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * After {@link EngineWarmup}, the first timed parameter change of a JVM allocates nothing on the rendering
 * thread: the warm-up links SmoothedParam's VarHandle call site, whose first run allocates about 2.4 KB, and has the
 * guard's scans compiled, also on the Vector API (a child with {@code --add-modules jdk.incubator.vector}, as
 * {@code AETHER_VECTOR=on bin/aether} runs). Runs in a fresh JVM, since a call site links once per JVM and other tests in this one link it first.
 */
class EngineWarmupTest {

    @Test
    void shouldLinkTheTimedParameterPathBeforeTheAudioThreadRunsIt() throws IOException, InterruptedException {
        assertThat(firstTimedChangeInAChild()).as("bytes the rendering thread allocated after the JVM's first setAt")
                .endsWith("allocated 0");
    }

    @Test
    void shouldCompileTheVectorGuardBeforeTheAudioThreadRunsIt() throws IOException, InterruptedException {
        assertThat(firstTimedChangeInAChild("--add-modules=jdk.incubator.vector"))
                .as("bytes the rendering thread allocated, guard on the Vector API (interpreted, it allocates)")
                .contains("vector guard: " + (Runtime.version().feature() >= 25)).endsWith("allocated 0");
    }

    private static String firstTimedChangeInAChild(String... jvmFlags) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmFlags));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FirstTimedChange.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).as("child JVM exit; output: %s", output).isZero();
        return output;
    }

    /** Warms up, plays a tone, then changes its frequency at a sample and prints what the next blocks allocated. */
    static final class FirstTimedChange {
        public static void main(String[] args) {
            EngineConfig config = EngineConfig.defaults();
            EngineWarmup.runOnce(config);
            Engine engine = Engine.create(config);
            EngineWarmup.Tone tone = new EngineWarmup.Tone();
            engine.add(tone);
            engine.connectToMaster(tone.out);
            float[] out = new float[2 * config.blockSize()];
            System.out.println("vector guard: " + dev.aether.core.rt.OutputScan.VECTORISED);
            for (int b = 0; b < 2_000; b++) engine.render(out, config.blockSize());
            tone.frequencyHz.setAt(330, 2_001L * config.blockSize(), 0.01);
            long before = Allocations.currentThread();
            for (int b = 0; b < 50; b++) engine.render(out, config.blockSize());
            System.out.println("allocated " + (Allocations.currentThread() - before));
        }
    }
}
