package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.repl.console.ScriptedConsole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files the person names that are missing, unreadable, directories or unwritable, typed at the real console while
 * a slot plays: each gets one message naming the file, what is wrong and what to do; no stack frame is shown and
 * what sounds is unchanged. {@code bin/aether run/render} of a missing script exit with 66.
 */
class BadFilesTest {
    @TempDir static Path dir;
    static LiveConsole live;
    static ScriptedConsole c;

    @BeforeAll static void startPlaying() throws Exception {
        live = LiveConsole.playing();
        c = live.console();
        c.eval("def(\"lead\", sine(330))");
    }

    @AfterAll static void close() { live.close(); }

    @Test void shouldNameAMissingSampleFileAndShowNoStackFrame() {
        String shown = c.eval("sample(\"/no/such.wav\")");
        assertThat(shown).contains("no such file: /no/such.wav — check the path").doesNotContain("\tat ", "  at ",
                "REPL.", "jdk.jshell");
        assertThat(shown.lines().count()).as("one line: %s", shown).isEqualTo(1);
        assertStillSounding();
    }

    @Test void shouldSayFromWhereARelativePathWasLookedFor() {
        assertThat(c.eval("sample(\"no-such-kick.wav\")")).contains("no such file: "
                + Path.of("no-such-kick.wav").toAbsolutePath(), "(relative paths are from " + Path.of("").toAbsolutePath() + ")");
    }

    @Test void shouldNameAMissingFileForOpenLoadAndWatch() {
        Path missing = dir.resolve("nope.jsh");
        for (String command : List.of(":open ", ":load ", ":watch ")) {
            assertThat(c.eval(command + missing)).as(command).isEqualTo(command.strip() + ": no such file: " + missing
                    + " — check the path");
        }
        assertStillSounding();
    }

    @Test void shouldSayADirectoryIsNotAFile() {
        assertThat(c.eval(":load " + dir)).isEqualTo(":load: is a directory: " + dir + " — name a file in it");
        assertThat(c.eval("sample(\"" + dir + "\")")).contains("is a directory: " + dir);
    }

    @Test void shouldSayAnUnreadableFileIsNotReadable() throws Exception {
        Path locked = Files.writeString(dir.resolve("locked.jsh"), "play(sine(220));", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(locked, java.util.Set.of());
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked), "running as root: every file is readable");
        assertThat(c.eval(":load " + locked)).startsWith(":load: not readable: " + locked + " — check its permissions");
    }

    @Test void shouldNameADirectoryThatDoesNotExistForRecordAndSave() {
        Path nowhere = dir.resolve("no-dir").resolve("take.wav");
        assertThat(c.eval(":record " + nowhere)).isEqualTo(":record: no such directory: " + nowhere.getParent()
                + " — create it first or write somewhere else");
        assertThat(c.eval(":record")).isEqualTo("not recording");
        assertThat(c.eval(":save " + dir)).isEqualTo(":save: is a directory: " + dir + " — name a file in it");
        assertStillSounding();
    }

    @Test void shouldExitWith66WhenRunOrRenderNamesAMissingScript() throws Exception {
        Path missing = dir.resolve("missing.jsh");
        for (List<String> args : List.of(List.of("render", missing.toString(), "--seconds", "1", "--out",
                dir.resolve("out.wav").toString()), List.of("run", missing.toString()))) {
            List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), Aether.class.getName()));
            command.addAll(args);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("exit status of aether %s; output: %s", args.get(0), out).isEqualTo(66);
            assertThat(out.strip()).isEqualTo("aether " + args.get(0) + ": no such file: " + missing + " — check the path");
        }
    }

    private static void assertStillSounding() {
        assertThat(live.runtime().session().slotNames()).containsExactly("lead");
        assertThat(c.eval(":graph")).contains("SineOscillator");
    }
}
