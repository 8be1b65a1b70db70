package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.io.WavFormat;
import dev.aether.core.io.WavWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drums()} and {@code kit(folder)} typed at the console: they play, they say what is wrong, they are in the help. */
class DrumsAtThePromptTest {
    LiveConsole a;
    @TempDir Path dir;

    @BeforeEach void start() throws Exception { a = LiveConsole.playing(); }

    @AfterEach void stop() { a.close(); }

    String eval(String input) { return a.console().eval(input); }

    @Test void shouldPlayTheSynthesisedKitByName() {
        assertThat(eval("def(\"beat\", drums());")).doesNotContain("rror");
        assertThat(eval("var kit = (DrumKit) slot(\"beat\").node();")).doesNotContain("rror");
        assertThat(eval("kit.hit(\"bd\", 1.0)")).contains("true");
        assertThat(eval("kit.bd.decaySeconds(0.8); kit.chokes()")).contains("hh>oh");
        assertThat(eval("kit.hit(\"kick\", 1.0)"))
                .contains("drums() has no hit named 'kick'; its names are bd sn hh oh cp lt mt ht");
        Path file = dir.resolve("set.json");
        assertThat(eval(":save " + file)).isEqualTo("saved " + file);
        assertThat(eval("def(\"beat\", drums());")).doesNotContain("rror");
        assertThat(eval("((DrumKit) slot(\"beat\").node()).bd.decaySeconds()")).contains("0.5");
        assertThat(eval(":open " + file)).startsWith("opened " + file);
        assertThat(eval("((DrumKit) slot(\"beat\").node()).bd.decaySeconds()")).as("the tuning came back").contains("0.8");
    }

    @Test void shouldLoadASampleKitFromAFolderAndNameItsSamples() throws Exception {
        for (String name : new String[] {"kick", "hh", "oh"}) {
            try (var w = WavWriter.open(dir.resolve(name + ".wav"), WavFormat.PCM_16, 1, 48_000)) {
                w.write(new float[] {0.5f, 0.25f, -0.5f, 0f}, 4);
            }
        }
        String folder = dir.toString().replace("\\", "\\\\");
        assertThat(eval("def(\"kit\", kit(\"" + folder + "\"));")).doesNotContain("rror");
        assertThat(eval("((SampleKit) slot(\"kit\").node()).names()")).contains("[hh, kick, oh]");
        assertThat(eval("((SampleKit) slot(\"kit\").node()).chokes()")).contains("hh>oh");
        assertThat(eval("((SampleKit) slot(\"kit\").node()).hit(\"kick\", 0.8)")).contains("true");
    }

    @Test void shouldSayWhatIsWrongWithAFolder() throws Exception {
        Path missing = dir.resolve("nope");
        assertThat(eval("kit(\"" + missing + "\")"))
                .contains("no such folder: " + missing + " — check the path");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "no audio here");
        assertThat(eval("kit(\"" + empty + "\")"))
                .contains("kit(\"" + empty + "\"): no audio files (.wav .aif .aiff .aifc .au) in " + empty)
                .contains("put the kit's samples there");
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertThat(eval("kit(\"" + file + "\")")).contains("not a folder: " + file);
    }

    @Test void shouldListDrumsInTheHelp() {
        assertThat(eval(":help nodes")).contains("drums:", "drums()", "kit(\"folder\")", "bd sn hh oh cp lt mt ht");
    }
}
