package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aether.repl.console.ScriptedConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code kill -9} of a real console (a child JVM typed at through its standard input, {@link ConsoleProcess}) in
 * several states, then {@code bin/aether --recover} in a second child: the recovered console shows the same
 * {@code :graph}, {@code :nodes} and {@code :tempo} as the killed one did just before the kill, and what each saved
 * ({@code :save}), opened without node state in a fresh offline console, renders the same block bit for bit.
 * The states are those the journal used to lose: after {@code :panic}, {@code :undo}, {@code :open} (its file
 * deleted before the kill) and {@code :tempo}; and after play and a class redefinition.
 */
class RecoverAfterKillTest {
    static final String BUZZ = "class Buzz implements DspNode { final OutputPort out = Ports.audioOut(\"out\"); "
            + "double level = 0.1; public void process(ProcessContext c) { float[] y = c.out(out); "
            + "for (int i = 0; i < c.frames(); i++) y[i] = (float) (%s); } }";

    @TempDir Path dir;

    /** A state to kill the console in: what is typed to get there ({@code FILE} is a file in the test's directory). */
    enum State {
        AFTER_PLAY("def(\"a\", saw(110).to(lowpass(800)))", "play(tri(330).to(gain(-6)))"),
        AFTER_PANIC("def(\"a\", saw(110).to(lowpass(800)))", "play(tri(330))", ":panic"),
        AFTER_UNDO("def(\"a\", saw(110).to(lowpass(800)))", "play(tri(330))", "def(\"a\", sine(550))",
                "set(slot(\"a\"), \"frequencyHz\", 440, 0)", ":undo", ":undo"),
        AFTER_OPEN("def(\"a\", saw(110).to(lowpass(800)))", "set(slot(\"a\"), \"cutoffHz\", 1234, 0)", ":save FILE",
                "undef(\"a\")", "play(sine(660))", ":open FILE"),
        AFTER_REDEFINITION(BUZZ.formatted("level"), "play(new Buzz())", "def(\"b\", sine(220))",
                BUZZ.formatted("-level * 2")),
        AFTER_TEMPO("def(\"a\", saw(110).to(lowpass(800)))", ":tempo 140 3", "play(sine(330))");

        final List<String> inputs;

        State(String... inputs) { this.inputs = List.of(inputs); }
    }

    /** What a console shows of what sounds. */
    record Shown(String graph, String nodes, String tempo) {
        static Shown of(ConsoleProcess c) throws Exception {
            return new Shown(c.eval(":graph"), c.eval(":nodes"), c.eval(":tempo"));
        }
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void shouldRecoverExactlyWhatSoundedWhenKilled(State state) throws Exception {
        Path home = dir.resolve("home"), file = dir.resolve("saved.json");
        Path before = dir.resolve("before.json"), after = dir.resolve("after.json");
        Shown killed;
        try (ConsoleProcess first = ConsoleProcess.start("--home", home.toString())) {
            for (String input : state.inputs) {
                String shown = first.eval(input.replace("FILE", file.toString()));
                assertThat(shown).as("output of %s", input).doesNotContain("error", "Exception");
                ConsoleProcess.sleep(150);                // a person's pace: the fades started by the input end
            }
            ConsoleProcess.sleep(200);
            killed = Shown.of(first);
            assertThat(first.eval(":save " + before)).isEqualTo("saved " + before);
            Files.deleteIfExists(file);                   // recovery must not need the file :open read
            assertThat(first.kill9()).as("killed by SIGKILL").isEqualTo(137);
        }
        assertThat(killed.graph()).as("%s: something was made", state).contains("master#0");
        if (state == State.AFTER_PANIC) assertThat(killed.graph()).isEqualTo("master#0");
        else assertThat(killed.graph()).contains("fader#");

        try (ConsoleProcess second = ConsoleProcess.start("--home", home.toString(), "--recover")) {
            long changing = state.inputs.stream().filter(i -> !i.startsWith(":save")).count();   // :save is not journalled
            assertThat(second.screen()).contains("recovering " + changing + " inputs from ");
            Shown recovered = Shown.of(second);
            assertThat(recovered).as("%s: the recovered console's :graph, :nodes and :tempo", state).isEqualTo(killed);
            assertThat(second.eval(":save " + after)).isEqualTo("saved " + after);
        }
        float[] original = renderWithoutState(before), recovered = renderWithoutState(after);
        assertThat(Arrays.equals(original, recovered)).as("%s: a block of the recovered session, bit for bit", state)
                .isTrue();
        if (state != State.AFTER_PANIC) assertThat(LiveCodingTest.rms(original)).as("something sounds").isGreaterThan(0.01);
    }

    /** Opens {@code saved} with every node's state and fields dropped in a fresh offline console; renders 0.2 s. */
    static float[] renderWithoutState(Path saved) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode root = json.readTree(saved.toFile());
        for (JsonNode n : root.path("nodes")) ((ObjectNode) n).remove(List.of("state", "fields"));
        Path stateless = saved.resolveSibling("stateless-" + saved.getFileName());
        json.writerWithDefaultPrettyPrinter().writeValue(stateless.toFile(), root);
        try (LiveConsole offline = LiveConsole.start()) {
            ScriptedConsole c = offline.console();
            assertThat(c.eval(":open " + stateless)).startsWith("opened " + stateless);
            return SaveOpenUndoTest.render(offline.runtime(), 0.2);
        }
    }
}
