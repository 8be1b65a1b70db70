package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.view.OutputTap;
import dev.aether.repl.eval.EvalReport;
import dev.aether.repl.help.Tutorial;
import dev.aether.testkit.ConsoleTranscript;
import dev.aether.testkit.ConsoleTranscript.Block;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every snippet of {@code docs/tutorial.md} typed into a real console, chapter by chapter, each in a fresh aether
 * playing on the paced null driver (a real audio thread at 48 kHz), as a learner follows it:
 * <ul>
 * <li>{@code ```jsh} blocks are console transcripts ({@link ConsoleTranscript}): each {@code aether>} input is run
 *     in order, Java through the console's evaluator (it must not fail: no compile error, no exception), commands
 *     typed at the prompt (they must not answer with their error, {@code ":name: ..."}, a usage line or "unknown
 *     command");</li>
 * <li>{@code ```jsh sound} blocks must also be heard: within 8 s (generous for a loaded machine; a pattern starts at
 *     the next bar) the master output must be louder than -60 dBFS; every block's output must be finite;</li>
 * <li>{@code ```java file=NAME} blocks are written to NAME, as the learner saves a file from an editor; when a
 *     {@code :watch NAME} follows it, the console must say it evaluates the file again, without errors;</li>
 * <li>{@code ```text} blocks are output and are not run; a block of any other kind fails the test, so that no
 *     snippet goes untested by mistake.</li>
 * </ul>
 * File names the snippets give to commands ({@code :watch set.jsh}, {@code :record take.wav}) are resolved in a
 * temporary folder, as if aether had been started there.
 */
class TutorialSnippetsTest {
    static final Path TUTORIAL = Path.of("..", "docs", "tutorial.md");
    private static final Pattern FILE_ARGUMENT = Pattern.compile("^[\\w.-]+\\.(jsh|json|wav)$");
    private static final long SOUND_WAIT_MILLIS = 8_000;
    private static final double AUDIBLE = 0.001;                  // -60 dBFS

    static Tutorial tutorial() throws Exception {
        return Tutorial.parse(Files.readString(TUTORIAL, StandardCharsets.UTF_8));
    }

    static Stream<Tutorial.Chapter> chapters() throws Exception { return tutorial().chapters().stream(); }

    @Test
    void shouldHaveChaptersInOrderEachWithSoundToListenFor() throws Exception {
        List<Tutorial.Chapter> chapters = tutorial().chapters();
        assertThat(chapters).as("chapters of docs/tutorial.md").hasSizeGreaterThanOrEqualTo(8);
        for (int i = 0; i < chapters.size(); i++) {
            Tutorial.Chapter c = chapters.get(i);
            assertThat(c.number()).as("chapter numbers run 1, 2, 3...").isEqualTo(i + 1);
            assertThat(c.markdown()).as("chapter %d says what to listen for", c.number()).contains("Listen for:");
            assertThat(ConsoleTranscript.fencedBlocks(c.markdown())).as("chapter %d has a block that makes sound", c.number())
                    .anyMatch(b -> b.info().strip().equals("jsh sound"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chapters")
    void shouldRunEverySnippetOfTheChapter(Tutorial.Chapter chapter, @TempDir Path dir) throws Exception {
        List<Block> blocks = ConsoleTranscript.fencedBlocks(chapter.markdown());
        try (LiveConsole live = LiveConsole.playing()) {
            OutputTap tap = live.runtime().engine().openTap(8 * 48_000);
            java.util.Set<String> watched = new java.util.HashSet<>();
            for (Block b : blocks) {
                String where = "chapter " + chapter.number() + ", block at line " + b.line() + " of the chapter";
                if (b.language().equals("text")) continue;
                if (b.language().equals("java") && b.attribute("file") != null) {
                    String name = b.attribute("file");
                    live.console().take();
                    Files.writeString(dir.resolve(name), b.body(), StandardCharsets.UTF_8);
                    if (watched.contains(name)) {                   // saved while :watch follows it: it runs again
                        live.console().awaitOutput("-- " + name + " changed, evaluating", 20_000);
                        Thread.sleep(2_000);
                        assertThat(live.console().take()).as("%s: what the watch printed for the saved %s", where, name)
                                .doesNotContain("has errors").doesNotContain("error:");
                    }
                    continue;
                }
                assertThat(b.language()).as("%s: a block is ```jsh (typed), ```jsh sound, ```java file=NAME or ```text", where)
                        .isEqualTo("jsh");
                List<String> inputs = ConsoleTranscript.inputs(b.body());
                assertThat(inputs).as("%s: inputs after aether> prompts", where).isNotEmpty();
                drain(tap);
                for (String input : inputs) {
                    type(live, input, dir, where);
                    String[] words = input.strip().split(" +");
                    if (words[0].equals(":watch") && words.length == 2) watched.add(words[1]);
                    if (words[0].equals(":watch") && words.length == 3 && words[1].equals("stop")) watched.remove(words[2]);
                }
                if (b.info().strip().equals("jsh sound")) {
                    assertHeard(tap, where);
                } else {
                    assertFinite(tap, 200, where);
                }
            }
        }
    }

    /** Runs one input as the console does: a command typed at the prompt, Java through the evaluator. */
    private static void type(LiveConsole live, String input, Path dir, String where) {
        if (input.strip().startsWith(":")) {
            String line = inFolder(input.strip(), dir);
            String name = line.substring(1).split(" ", 2)[0];
            String shown = live.console().eval(line);
            assertThat(shown).as("%s: output of %s", where, input)
                    .doesNotStartWith(":" + name + ":").doesNotContain("unknown command").doesNotContain("usage:");
            return;
        }
        EvalReport r = live.runtime().console().evaluate(input, Long.MAX_VALUE).join();
        live.console().take();
        assertThat(r.failed()).as("%s: %s%nfailed with:%n%s", where, input, r.text()).isFalse();
    }

    /** {@code :record take.wav} with {@code take.wav} in {@code dir}. */
    static String inFolder(String command, Path dir) {
        String[] words = command.split(" ");
        StringBuilder b = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            Matcher m = FILE_ARGUMENT.matcher(words[i]);
            b.append(' ').append(m.matches() ? dir.resolve(words[i]).toString() : words[i]);
        }
        return b.toString();
    }

    private static void drain(OutputTap tap) {
        float[] buf = new float[16_384];
        while (tap.read(buf) > 0) { /* what played before this block */ }
    }

    /** Waits until the master is louder than -60 dBFS; every sample read on the way is finite. */
    private static void assertHeard(OutputTap tap, String where) throws InterruptedException {
        float[] buf = new float[16_384];
        long deadline = System.nanoTime() + SOUND_WAIT_MILLIS * 1_000_000;
        double peak = 0;
        long read = 0;
        while (System.nanoTime() < deadline && peak <= AUDIBLE) {
            int n;
            while ((n = tap.read(buf)) > 0) {
                read += n;
                for (int i = 0; i < n; i++) {
                    assertThat(Float.isFinite(buf[i])).as("%s: master sample %d is finite", where, read - n + i).isTrue();
                    peak = Math.max(peak, Math.abs(buf[i]));
                }
            }
            Thread.sleep(20);
        }
        assertThat(peak).as("%s: the master's peak within %d ms (%d samples heard); it makes sound, so it must be"
                + " louder than -60 dBFS", where, SOUND_WAIT_MILLIS, read).isGreaterThan(AUDIBLE);
        assertThat(peak).as("%s: the master's peak (the limiter keeps it at or below full scale)", where).isLessThanOrEqualTo(1.0);
    }

    private static void assertFinite(OutputTap tap, long millis, String where) throws InterruptedException {
        Thread.sleep(millis);
        float[] buf = new float[16_384];
        int n;
        while ((n = tap.read(buf)) > 0) {
            for (int i = 0; i < n; i++) assertThat(Float.isFinite(buf[i])).as("%s: master output is finite", where).isTrue();
        }
    }
}
