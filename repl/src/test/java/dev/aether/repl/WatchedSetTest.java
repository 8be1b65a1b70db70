package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.view.NodeInfo;
import dev.aether.repl.console.ScriptedConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code :watch FILE} in the real console on a playing engine: the file is the whole set. Saving it without a slot
 * fades that slot out while the others keep sounding without a gap; {@code --additive} keeps it; a save with an
 * error removes nothing.
 */
class WatchedSetTest {
    static final String A = "def(\"a\", sine(220).to(gain(-12)));\n";
    static final String B = "def(\"b\", sine(330).to(gain(-12)));\n";

    @TempDir Path dir;

    @Test
    void shouldFadeOutWhatTheSavedFileNoLongerDefinesAndKeepTheRestPlaying() throws Exception {
        Path file = dir.resolve("set.jsh");
        Files.writeString(file, A + B);
        try (LiveConsole live = LiveConsole.playing()) {
            ScriptedConsole c = live.console();
            assertThat(c.eval(":watch " + file)).contains("watching " + file, "no longer defines fades out");
            assertThat(live.runtime().session().slotNames()).containsExactly("a", "b");
            int sines = sines(live);
            try (MasterListener heard = new MasterListener(live.runtime().engine())) {
                Thread.sleep(300);
                save(file, A);
                c.awaitOutput("\"b\" is no longer in the file: fading it out", 10_000);
                Thread.sleep(400);                            // the 50 ms fade and the removal after it
                assertThat(live.runtime().session().slotNames()).containsExactly("a");
                assertThat(sines(live)).as("b's sine is out of the engine").isEqualTo(sines - 1);
                // re-evaluating the file makes a anew and crossfades (50 ms) from the old sine to the new one, whose
                // phases differ: near a zero crossing the sum may stay under -60 dBFS for a few frames; a dropout is
                // a block (64 frames) or more
                assertThat(heard.longestSilence()).as("a kept sounding: no dropout").isLessThan(64);
                double aAlone = 0.2512 / Math.sqrt(2);       // a sine at -12 dBFS
                assertThat(heard.rmsOfLast(4_800)).as("only a sounds").isBetween(aAlone * 0.95, aAlone * 1.05);
            }
        }
    }

    @Test
    void shouldKeepWhatTheFileNoLongerDefinesWhenAdditive() throws Exception {
        Path file = dir.resolve("set.jsh");
        Files.writeString(file, A + B);
        try (LiveConsole live = LiveConsole.playing()) {
            ScriptedConsole c = live.console();
            assertThat(c.eval(":watch " + file + " --additive")).contains("additive");
            save(file, A.replace("220", "221"));
            c.awaitOutput("set.jsh changed, evaluating", 10_000);
            Thread.sleep(300);
            assertThat(live.runtime().session().slotNames()).containsExactly("a", "b");
            assertThat(c.take()).doesNotContain("no longer in the file");
        }
    }

    @Test
    void shouldRemoveNothingWhenTheSavedFileHasAnError() throws Exception {
        Path file = dir.resolve("set.jsh");
        Files.writeString(file, A + B);
        try (LiveConsole live = LiveConsole.playing()) {
            ScriptedConsole c = live.console();
            c.eval(":watch " + file);
            save(file, A + "def(\"c\", sine(nope));\n");
            c.awaitOutput("has errors: nothing was removed", 10_000);
            Thread.sleep(300);
            assertThat(live.runtime().session().slotNames()).containsExactly("a", "b");
            save(file, B);                                    // fixed: now a is gone, b stays
            c.awaitOutput("\"a\" is no longer in the file", 10_000);
            assertThat(live.runtime().session().slotNames()).containsExactly("b");
        }
    }

    @Test
    void shouldEndAPatternTheSavedFileNoLongerPlays() throws Exception {
        Path file = dir.resolve("set.jsh");
        String hats = "def(\"s\", saw(110).to(lowpass(800)));\npat(\"f\", \"200 2000\", param(slot(\"s\"), \"cutoffHz\", 0));\n";
        Files.writeString(file, A + hats);
        try (LiveConsole live = LiveConsole.playing()) {
            ScriptedConsole c = live.console();
            c.eval(":watch " + file);
            assertThat(live.runtime().session().patterns().names()).containsExactly("f");
            save(file, A + hats.substring(0, hats.indexOf("pat(")));
            c.awaitOutput("\"f\" is no longer in the file", 10_000);
            long deadline = System.currentTimeMillis() + 5_000;     // a pattern ends at its next bar (2 s at 120 BPM)
            while (!live.runtime().session().patterns().names().isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(50);
            assertThat(live.runtime().session().patterns().names()).as("the pattern has ended").isEmpty();
            assertThat(live.runtime().session().slotNames()).containsExactly("a", "s");
        }
    }

    /** Writes {@code text} as an editor saves: the watch sees a new modification time. */
    private static void save(Path file, String text) throws Exception {
        Thread.sleep(20);
        Files.writeString(file, text);
    }

    private static int sines(LiveConsole live) {
        List<NodeInfo> nodes = live.runtime().engine().nodes();
        return (int) nodes.stream().filter(n -> n.label().toLowerCase().contains("sine")).count();
    }
}
