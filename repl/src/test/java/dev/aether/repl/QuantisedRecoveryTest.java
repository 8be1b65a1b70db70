package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quantised edit still waiting for its bar when the console is killed ({@code kill -9} of a real console in a child
 * JVM, {@link ConsoleProcess}) is in the journal, and {@code --recover} applies it at once, saying so: the beat it
 * waited for is long past.
 */
class QuantisedRecoveryTest {
    @TempDir Path dir;

    @Test void shouldApplyAWaitingQuantisedEditAtOnceWhenRecovered() throws Exception {
        Path home = dir.resolve("home");
        try (ConsoleProcess first = ConsoleProcess.start("--home", home.toString())) {
            assertThat(first.eval("quant(\"bar\")")).contains("edits land on the next bar");
            first.eval("tempo(5)");                                            // a bar lasts 48 s
            first.eval("def(\"x\", sine(220))");
            assertThat(first.eval(":graph")).contains("pending: def \"x\" at ").doesNotContain("SineOscillator");
            assertThat(first.kill9()).as("killed by SIGKILL").isEqualTo(137);
        }
        try (ConsoleProcess second = ConsoleProcess.start("--home", home.toString(), "--recover")) {
            assertThat(second.screen()).contains("quantised edits (quant, \"bar\", \"beat\") apply at once")
                    .contains("recovered: 1 patches sound; later edits wait for the quantum bar (quant)");
            assertThat(second.eval(":graph")).contains("SineOscillator#", "fader#").doesNotContain("pending");
        }
    }
}
