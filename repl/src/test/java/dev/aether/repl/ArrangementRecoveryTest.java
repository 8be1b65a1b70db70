package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An arrangement built at a real console ({@link ConsoleProcess}, a child JVM) that is killed ({@code kill -9}) is
 * rebuilt by {@code --recover} from the journal: its verbs, {@code :undo} and {@code :redo} replayed in order.
 */
class ArrangementRecoveryTest {
    @TempDir Path dir;

    @Test void shouldRebuildTheArrangementAfterAKill() throws Exception {
        Path home = dir.resolve("home");
        Path kick = ArrangementAtThePromptTest.kick(dir, "kick.wav", 0.25);
        try (ConsoleProcess first = ConsoleProcess.start("--home", home.toString())) {
            first.eval("track(\"drums\").clip(\"" + kick + "\", bar(1)).loop(bars(2))");
            first.eval("instrument(\"bass\", \"synth(4)\").notes(bar(1), \"c2 ~ e2 g2\").volume(-6)");
            first.eval("meta(\"verse\", \"drums\", \"bass\").stretch(0.5)");
            first.eval("track(\"bass\").mute()");
            assertThat(first.eval(":undo")).contains("undone");
            first.eval("meta(\"verse\").offset(bar(2))");
            assertThat(first.eval(":undo")).contains("undone");
            assertThat(first.eval(":redo")).contains("redone");
            assertThat(first.eval(":arr")).contains("verse", "×0.5 at 2:1").doesNotContain(" M");
            assertThat(first.kill9()).as("killed by SIGKILL").isEqualTo(137);
        }
        try (ConsoleProcess second = ConsoleProcess.start("--home", home.toString(), "--recover")) {
            String arr = second.eval(":arr");
            assertThat(arr).contains("verse", "  drums", "  bass", "×0.5 at 2:1").doesNotContain(" M");
            assertThat(second.eval(":redo")).contains("nothing to redo");
            assertThat(second.eval(":undo")).contains("undone");
            assertThat(second.eval(":arr")).contains("×0.5").doesNotContain("at 2:1");
        }
    }
}
