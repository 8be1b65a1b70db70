package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.io.AudioFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aether render --journal}: edits land on their recorded samples; a journal without them is refused, named. */
class JournalRenderTest {
    @TempDir Path dir;

    @Test
    void shouldStartEachEditOnItsRecordedSample() throws Exception {
        Path journal = dir.resolve("session-20261205-080000-000.jsh"), out = dir.resolve("set.wav");
        Files.writeString(journal, String.join("\n",
                "//=== aether journal: rate 48000 block 64",
                "//--- 2026-12-05T08:00:00Z at 4800",
                "def(\"a\", sine(441).to(gain(-6)))",
                "//--- 2026-12-05T08:00:01Z at 24010",
                "undef(\"a\")",
                "//=== closed", ""));
        int code = JournalRender.render(LaunchOptions.parse(new String[] {"render", "--journal", journal.toString(),
                "--out", out.toString(), "--format", "float", "--seconds", "1"}));
        assertThat(code).isZero();
        float[] left = AudioFileReader.read(out).channel(0);
        assertThat(left).hasSize(48_000);
        for (int i = 0; i < 4800; i++) assertThat(left[i]).as("silent before the def's sample, frame %d", i).isZero();
        assertThat(peak(left, 4800, 4800 + 64)).as("the def starts on its sample (fading in)").isGreaterThan(0f);
        assertThat(peak(left, 4800 + 2400, 9600)).as("after its 50 ms fade-in").isGreaterThan(0.4f);
        assertThat(peak(left, 24_010 - 200, 24_010)).as("sounding up to the undef's sample").isGreaterThan(0.4f);
        assertThat(peak(left, 24_010 + 2_400, 48_000)).as("silent after the undef's 50 ms fade from sample 24010").isZero();
    }

    private static float peak(float[] x, int from, int to) {
        float p = 0;
        for (int i = from; i < to; i++) p = Math.max(p, Math.abs(x[i]));
        return p;
    }

    @Test
    void shouldRefuseAJournalThatDoesNotSayWhereEditsLanded() throws Exception {
        Path journal = dir.resolve("old.jsh");
        Files.writeString(journal, "//--- 2026-12-01T12:00:00Z\nplay(sine(440))\n");
        int code = JournalRender.render(LaunchOptions.parse(new String[] {"render", "--journal", journal.toString(),
                "--out", dir.resolve("x.wav").toString()}));
        assertThat(code).isEqualTo(65);
        assertThat(dir.resolve("x.wav")).doesNotExist();
    }
}
