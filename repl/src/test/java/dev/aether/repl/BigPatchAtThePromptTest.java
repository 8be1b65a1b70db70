package dev.aether.repl;

import static dev.aether.repl.SaveOpenUndoTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.view.Connection;
import dev.aether.core.view.NodeInfo;
import dev.aether.repl.console.ScriptedConsole;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A patch built node by node at the console, as one pasted input (issue 15): 256 voices of saw → low-pass → VCA
 * (with an ADSR on its control) → gain, summed into one gain and played, the standard patch as a node per stage
 * (5N + 1 = 1,281 nodes). The input is one engine plan and one undo step, its graph is the patch typed, and building
 * it costs what it adds: four times the nodes take about four times as long, far from the sixteen times of a build
 * that compiles the whole graph (or walks every edge) per connect. The speed itself is measured by the benchmark
 * {@code BigPatchEditToAudible}, not here.
 */
class BigPatchAtThePromptTest {
    LiveConsole live;

    @AfterEach void stop() {
        if (live != null) live.close();
    }

    /** The standard patch of {@code voices} voices as one line of Java, a node per stage, summed into {@code mix}. */
    static String patch(int voices) {
        return "var mix = add(new dev.aether.nodes.mix.Gain(0)); "
                + "for (int v = 0; v < " + voices + "; v++) { "
                + "var osc = add(new dev.aether.nodes.osc.SawOscillator().frequencyHz(55 * Math.pow(2, (v % 48) / 12.0))); "
                + "var lp = add(new dev.aether.nodes.filter.BiquadFilter().cutoffHz(2000)); "
                + "var env = add(new dev.aether.nodes.env.AdsrEnvelope()); "
                + "var vca = add(new dev.aether.nodes.mix.Vca()); "
                + "var level = add(new dev.aether.nodes.mix.Gain(" + Math.round(-20 * Math.log10(voices)) + ")); "
                + "connect(osc.out, lp.in); connect(lp.out, vca.in); connect(env.out, vca.control); "
                + "connect(vca.out, level.in); connect(level.out, mix.in); env.noteOn(); } "
                + "play(mix);";
    }

    @Test void shouldBuildTheStandardPatchAsOnePlanAndOneUndoStepInLinearTime() throws Exception {
        live = LiveConsole.start();
        ScriptedConsole c = live.console();
        var engine = live.runtime().engine();
        var session = live.runtime().session();

        long smallNanos = Long.MAX_VALUE, bigNanos = Long.MAX_VALUE;
        for (int round = 0; round < 2; round++) {                  // the first round warms the JIT and the classes
            smallNanos = Math.min(smallNanos, timedBuildAndUndo(c, 64));
        }
        bigNanos = timedBuildAndUndo(c, 256);                   // the big build's time is the better of two as well:
        int depth = session.undoDepth();                          // one stall of a busy machine does not decide
        long t0 = System.nanoTime();
        String shown = c.eval(patch(256));
        bigNanos = Math.min(bigNanos, System.nanoTime() - t0);
        assertThat(shown).doesNotContain("error", "Exception");

        assertThat(session.undoDepth()).as("the whole input is one undo step").isEqualTo(depth + 1);
        List<NodeInfo> nodes = engine.nodes();
        Map<String, Long> byType = nodes.stream().collect(Collectors.groupingBy(n -> n.node().getClass().getSimpleName(),
                Collectors.counting()));
        assertThat(byType).as("1,281 nodes of the patch, its fader and the master").containsEntry("SawOscillator", 256L)
                .containsEntry("BiquadFilter", 256L).containsEntry("AdsrEnvelope", 256L).containsEntry("Vca", 256L)
                .containsEntry("Gain", 257L).containsEntry("LevelFader", 1L);
        assertThat(nodes).hasSize(1_281 + 2);
        assertWiredAsTyped(nodes, engine.edges());
        render(live.runtime(), 0.3);
        assertThat(LiveCodingTest.rms(render(live.runtime(), 0.2))).as("the patch sounds").isGreaterThan(0.01);

        assertThat(c.eval(":undo")).as("one undo takes the whole input back").isEqualTo("undone (0 patches sound)");
        awaitEmpty();
        assertThat(engine.edges()).isEmpty();
        assertThat(session.undoDepth()).isEqualTo(depth);

        double ratio = (double) bigNanos / smallNanos;
        System.out.printf("built at the prompt: 321 nodes in %.0f ms, 1,281 nodes in %.0f ms (%.1fx)%n", smallNanos / 1e6,
                bigNanos / 1e6, ratio);
        assertThat(ratio).as("1,281 nodes took %.0f ms, 321 nodes %.0f ms: linear is at most 4x, a build quadratic in"
                + " the nodes 16x", bigNanos / 1e6, smallNanos / 1e6).isLessThan(5);
    }

    @Test void shouldLandWhatAnInputDidBeforeItsErrorAsOneUndoStep() throws Exception {
        live = LiveConsole.start();
        ScriptedConsole c = live.console();
        var engine = live.runtime().engine();
        var session = live.runtime().session();
        int depth = session.undoDepth();
        String shown = c.eval("var a = add(new dev.aether.nodes.mix.Gain(0)); var b = add(new dev.aether.nodes.mix.Gain(-12)); "
                + "connect(a.out, b.in); connect(b.out, a.in); play(b);");
        assertThat(shown).as("the cycle is refused, naming it").contains("cycle");
        assertThat(session.undoDepth()).as("what ran, before and after the error, is one step").isEqualTo(depth + 1);
        assertThat(engine.edges()).as("a -> b, b -> fader, fader -> master").hasSize(3);
        assertThat(c.eval(":undo")).isEqualTo("undone (0 patches sound)");
        awaitEmpty();
        assertThat(engine.edges()).isEmpty();
    }

    /** Builds the patch of {@code voices} voices, undoes it, and returns how long the build took (ns). */
    private long timedBuildAndUndo(ScriptedConsole c, int voices) throws Exception {
        long t0 = System.nanoTime();
        String shown = c.eval(patch(voices));
        long took = System.nanoTime() - t0;
        assertThat(shown).doesNotContain("error", "Exception");
        assertThat(live.runtime().engine().nodes()).hasSize(5 * voices + 1 + 2);
        assertThat(c.eval(":undo")).isEqualTo("undone (0 patches sound)");
        awaitEmpty();
        return took;
    }

    /** Renders and waits until the fades of an undo are over and its nodes have left the engine (only the master). */
    private void awaitEmpty() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (live.runtime().engine().nodes().size() > 1 && System.nanoTime() < deadline) {
            render(live.runtime(), 0.02);
            Thread.sleep(20);
        }
        assertThat(live.runtime().engine().nodes()).as("only the master is left").hasSize(1);
    }

    /** Each voice is saw → low-pass → vca.in, adsr → vca.control, vca → gain → the one mix gain → fader → master. */
    private static void assertWiredAsTyped(List<NodeInfo> nodes, List<Connection> edges) {
        Map<Object, NodeInfo> byId = nodes.stream().collect(Collectors.toMap(NodeInfo::id, Function.identity()));
        Map<String, Long> kinds = edges.stream().collect(Collectors.groupingBy(e -> type(byId, e.from()) + "." + e.fromPort()
                + " -> " + type(byId, e.to()) + "." + e.toPort(), Collectors.counting()));
        assertThat(kinds).containsOnly(
                Map.entry("SawOscillator.out -> BiquadFilter.in", 256L),
                Map.entry("BiquadFilter.out -> Vca.in", 256L),
                Map.entry("AdsrEnvelope.out -> Vca.control", 256L),
                Map.entry("Vca.out -> Gain.in", 256L),
                Map.entry("Gain.out -> Gain.in", 256L),
                Map.entry("Gain.out -> LevelFader.in", 1L),
                Map.entry("LevelFader.out -> MasterBus.in", 1L));
        assertThat(edges.stream().filter(e -> type(byId, e.to()).equals("Gain") && type(byId, e.from()).equals("Gain"))
                .map(Connection::to).distinct().count()).as("every voice into one mix").isEqualTo(1);
        assertThat(edges.stream().map(e -> e.from() + "." + e.fromPort() + ">" + e.to() + "." + e.toPort()).distinct().count())
                .as("no edge twice").isEqualTo(edges.size());
    }

    private static String type(Map<Object, NodeInfo> byId, Object id) { return byId.get(id).node().getClass().getSimpleName(); }
}
