package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aether.osc.OscCounters;
import dev.aether.repl.console.ScriptedConsole;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * examples/scripts/15-osc-remote.jsh driven as its header says: the script is loaded into a playing console, OSC is
 * started, and every {@code oscsend} line of the header is run by a shell (liblo's {@code oscsend}, with the port the
 * server got); each line does what its comment says. Skipped without liblo-tools unless {@code AETHER_OSC_TESTS=required}.
 */
class OscExampleScriptTest {
    static final Path SCRIPT = Path.of("..", "examples", "scripts", "15-osc-remote.jsh");

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) return true;
        }
        return false;
    }

    /** The header's shell lines that start with {@code oscsend}, as written. */
    static List<String> oscsendLines() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(SCRIPT)) {
            if (!l.startsWith("//")) break;
            String cmd = l.substring(2).strip();
            if (cmd.startsWith("oscsend ")) lines.add(cmd);
        }
        return lines;
    }

    @Test void shouldDoWhatEachOscsendLineOfItsHeaderSays() throws Exception {
        List<String> lines = oscsendLines();
        assertThat(lines).as("the header's oscsend lines").hasSize(6);
        if (!onPath("oscsend") && "required".equals(System.getenv("AETHER_OSC_TESTS"))) {
            throw new AssertionError("AETHER_OSC_TESTS=required but oscsend is not on the PATH: apt-get install liblo-tools");
        }
        assumeTrue(onPath("oscsend"), "liblo-tools (oscsend) not installed: apt-get install liblo-tools to run this test");
        try (LiveConsole live = LiveConsole.playing()) {
            ScriptedConsole c = live.console();
            c.eval(":load " + SCRIPT);
            var session = live.runtime().session();
            assertThat(session.slotNames()).containsExactly("pad", "keys", "kit");
            Matcher m = java.util.regex.Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(c.eval(":osc 0"));
            assertThat(m.find()).isTrue();
            String port = m.group(1);
            for (String line : lines) {
                String cmd = line.replace(" 9120 ", " " + port + " ");
                Process p = new ProcessBuilder("bash", "-c", cmd).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as("%s: %s", cmd, out).isZero();
            }
            OscCounters counters = live.runtime().osc().server().counters();
            assertThat(OscAtThePromptTest.await(() -> counters.applied() + counters.badArguments() + counters.unknownAddresses()
                    == lines.size())).as(counters.summary()).isTrue();
            assertThat(counters.applied()).as(counters.summary()).isEqualTo(lines.size());
            assertThat(session.slot("pad").param("cutoffHz").get()).as("the pad's filter, opening").isEqualTo(2400.0);
            assertThat(live.runtime().engine().clock().snapshot().tempoMap().lastBpm()).as("tempo").isEqualTo(96.0);
            assertThat(session.patterns().isPlaying("beat")).as("the beat, stopped at the next bar").isFalse();
        }
    }
}
