package dev.aether.repl;

import static dev.aether.repl.SaveOpenUndoTest.maxDiffAfterFadeIn;
import static dev.aether.repl.SaveOpenUndoTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aether.core.DspNode;
import dev.aether.core.node.NodeSpec;
import dev.aether.repl.console.ScriptedConsole;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saved file: JSON a person can read (sources as text, parameters and states as numbers), stable, and old files open. */
class SessionFileTest {
    @TempDir Path dir;
    final List<LiveConsole> consoles = new ArrayList<>();

    @AfterEach void stop() {
        for (LiveConsole c : consoles) c.close();
    }

    LiveConsole console() throws Exception {
        LiveConsole c = LiveConsole.start();
        consoles.add(c);
        return c;
    }

    static JsonNode nodeMadeBy(JsonNode root, String key, String what) {
        for (JsonNode n : root.get("nodes")) if (what.equals(n.path(key).asText(null))) return n;
        throw new AssertionError("no node with " + key + " " + what + " in " + root);
    }

    @Test void shouldWriteReadableJsonThatOpensAndSavesToTheSameFile() throws Exception {
        LiveConsole a = console();
        ScriptedConsole ca = a.console();
        ca.eval(SaveOpenUndoTest.RAMP);
        ca.eval("var r = new Ramp();");
        ca.eval("def(\"lead\", sine(330).to(lowpass(900)).to(gain(-12)))");
        ca.eval("play(node(r).to(gain(-6)))");
        ca.eval("set(slot(\"lead\"), \"cutoffHz\", 1234.5, 0)");
        render(a.runtime(), 0.2);
        Path first = dir.resolve("first.aether");
        assertThat(ca.eval(":save " + first)).isEqualTo("saved " + first);
        String text = Files.readString(first);

        JsonNode root = new ObjectMapper().readTree(text);
        assertThat(root.get("format").asText()).isEqualTo("aether-session");
        assertThat(root.get("version").asInt()).isEqualTo(2);
        JsonNode source = root.get("sources").get(0);
        assertThat(source.isArray()).as("a source is an array of lines").isTrue();
        assertThat(source.get(0).asText()).isEqualTo("class Ramp implements DspNode {");
        assertThat(text).as("each source line is on a line of its own").contains("\n      \"class Ramp implements DspNode {\",\n");
        JsonNode lowpass = nodeMadeBy(root, "recipe", "lowpass(900)");
        assertThat(lowpass.get("params").get("cutoffHz").isNumber()).as("a parameter is a number").isTrue();
        assertThat(lowpass.get("params").get("cutoffHz").asDouble()).isEqualTo(1234.5);
        assertThat(lowpass.get("state").get("@type").asText()).isEqualTo("dev.aether.nodes.filter.BiquadFilter$State");
        assertThat(lowpass.get("state").get("y1").isNumber()).as("filter memory is a number").isTrue();
        assertThat(lowpass.get("state").get("y1").asDouble()).as("the filter has run").isNotEqualTo(0.0);
        JsonNode ramp = nodeMadeBy(root, "user", "Ramp");
        assertThat(ramp.get("state").get("@type").asText()).as("a user state is named by its simple name").isEqualTo("Ramp$State");
        assertThat(ramp.get("state").get("phase").isNumber()).isTrue();
        assertThat(ramp.get("fields").get("phase").asDouble()).isEqualTo(ramp.get("state").get("phase").asDouble());
        assertThat(text).as("nothing opaque in a session of records of numbers").doesNotContain("@serialized");

        LiveConsole b = console();
        b.console().eval("def(\"mine\", saw(110))");
        assertThat(b.console().eval(":open " + first)).isEqualTo("opened " + first + " (2 patches)");
        Path second = dir.resolve("second.aether");
        b.console().eval(":save " + second);
        assertThat(Files.readString(second)).as("save -> open -> save gives the same file").isEqualTo(text);

        double maxDiff = maxDiffAfterFadeIn(render(a.runtime(), 0.5), render(b.runtime(), 0.5));
        assertThat(maxDiff).as("the opened session continues the saved one").isLessThan(1e-4);

        assertThat(b.console().eval(":undo")).as(":open undoes as one step").isEqualTo("undone (1 patches sound)");
        assertThat(b.runtime().session().slotNames()).containsExactly("mine");
    }

    /** A file in the line format of version 1, written by the code before JSON (test resource). */
    @Test void shouldOpenAFileSavedInTheLineFormat() throws Exception {
        Path old = dir.resolve("old.aether");
        try (InputStream in = getClass().getResourceAsStream("session-format-1.aether")) {
            Files.write(old, in.readAllBytes());
        }
        LiveConsole b = console();
        assertThat(b.console().eval(":open " + old)).isEqualTo("opened " + old + " (3 patches)");
        var session = b.runtime().session();
        assertThat(session.slotNames()).containsExactly("lead", "steps");
        assertThat(session.slot("lead").toString()).isEqualTo("sine(330) -> lowpass(900) -> gain(-12)");
        assertThat(session.slot("lead").param("cutoffHz").get()).isEqualTo(1234.5);
        DspNode ramp = session.live(session.sounding().get(0).chain().nodes().get(0));
        assertThat(NodeSpec.of(ramp).param("rateHz").get()).isEqualTo(7.25);
        double savedPhase = savedDouble(old, "field 0 phase ");
        assertThat(savedPhase).as("the old file holds a phase").isGreaterThan(0.01);
        assertThat(ramp.saveState().toString()).as("the Java-serialized state is read").isEqualTo("State[phase=" + savedPhase + "]");
        DspNode steps = session.live(session.slot("steps").nodes().get(0));
        assertThat(field(steps, "shape").toString()).isEqualTo("DOWN");
        assertThat(((float[]) field(steps, "levels"))[3]).isEqualTo(0.9f);
        assertThat(field(steps, "step")).isEqualTo(3);
        render(b.runtime(), 0.01);
        assertThat(b.runtime().engine().clock().snapshot().tempoMap().lastBpm()).as("tempo").isEqualTo(132.0);

        Path json = dir.resolve("new.aether");
        b.console().eval(":save " + json);
        assertThat(Files.readString(json)).startsWith("{\n  \"format\": \"aether-session\",\n  \"version\": 2,");
        LiveConsole c = console();
        assertThat(c.console().eval(":open " + json)).isEqualTo("opened " + json + " (3 patches)");
        float[] before = render(b.runtime(), 0.5);
        assertThat(LiveCodingTest.rms(before)).as("something sounds").isGreaterThan(0.05);
        assertThat(maxDiffAfterFadeIn(before, render(c.runtime(), 0.5))).as("old file -> JSON -> open sounds the same").isLessThan(1e-4);
    }

    static double savedDouble(Path file, String prefix) throws Exception {
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith(prefix)) continue;
            byte[] bytes = Base64.getDecoder().decode(line.substring(prefix.length()));
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
                return (Double) in.readObject();
            }
        }
        throw new AssertionError("no " + prefix + " in " + file);
    }

    static Object field(Object o, String name) throws ReflectiveOperationException {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }
}
