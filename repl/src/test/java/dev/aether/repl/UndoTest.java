package dev.aether.repl;

import static dev.aether.repl.SaveOpenUndoTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.DspNode;
import dev.aether.core.node.NodeSpec;
import dev.aether.repl.console.ScriptedConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** :undo inverts each recorded edit, and recording an edit costs nothing per node that sounds. */
class UndoTest {
    LiveConsole live;

    @AfterEach void stop() {
        if (live != null) live.close();
    }

    static double frequency(DspNode node) { return NodeSpec.of(node).param("frequencyHz").get(); }

    @Test void shouldUndoUndefRedefineSetAndDefInTurn() throws Exception {
        live = LiveConsole.start();
        ScriptedConsole c = live.console();
        var session = live.runtime().session();
        c.eval("def(\"a\", sine(220).to(gain(-12)))");
        DspNode sine = session.slot("a").nodes().get(0);
        c.eval("set(slot(\"a\"), \"frequencyHz\", 440, 0)");
        c.eval("set(slot(\"a\"), \"frequencyHz\", 550, 0)");
        c.eval("def(\"a\", saw(110).to(gain(-12)))");
        c.eval("undef(\"a\")");
        assertThat(session.slotNames()).isEmpty();

        assertThat(c.eval(":undo")).as("undo undef").isEqualTo("undone (1 patches sound)");
        assertThat(session.slot("a").toString()).isEqualTo("saw(110) -> gain(-12)");
        render(live.runtime(), 0.2);
        assertThat(LiveCodingTest.rms(render(live.runtime(), 0.2))).as("the undone undef sounds again").isGreaterThan(0.05);

        assertThat(c.eval(":undo")).as("undo the redefinition").isEqualTo("undone (1 patches sound)");
        assertThat(session.slot("a").nodes().get(0)).as("the very node that sounded before").isSameAs(sine);
        assertThat(frequency(session.live(sine))).isEqualTo(550.0);
        render(live.runtime(), 0.2);
        assertThat(LiveCodingTest.rms(render(live.runtime(), 0.2))).as("the first definition sounds again").isGreaterThan(0.05);

        assertThat(c.eval(":undo")).as("undo both sets of one parameter at once").isEqualTo("undone (1 patches sound)");
        assertThat(frequency(session.live(sine))).isEqualTo(220.0);

        assertThat(c.eval(":undo")).as("undo def").isEqualTo("undone (0 patches sound)");
        assertThat(session.slotNames()).isEmpty();
        assertThat(c.eval(":undo")).isEqualTo("nothing to undo");
    }

    @Test void shouldUndoStopAndConnect() throws Exception {
        live = LiveConsole.start();
        ScriptedConsole c = live.console();
        var session = live.runtime().session();
        c.eval("var tone = sine(330).to(gain(-12));");
        c.eval("play(tone)");
        c.eval("var wobble = add(new dev.aether.nodes.osc.Lfo());");
        c.eval("connect(wobble.out, ((dev.aether.nodes.mix.Gain) tone.node()).in)");
        int edges = live.runtime().engine().edges().size();
        DspNode gain = session.sounding().get(0).chain().node();
        c.eval("stop(tone)");
        render(live.runtime(), 0.1);
        Thread.sleep(300);                                 // the fade timer takes the nodes out of the engine
        assertThat(session.sounding()).isEmpty();
        assertThat(session.idOf(gain)).as("the stopped patch has left the engine").isNull();
        assertThat(c.eval(":undo")).as("undo stop").isEqualTo("undone (1 patches sound)");
        assertThat(live.runtime().engine().edges()).as("the patch and its wire from the LFO are back").hasSize(edges);
        render(live.runtime(), 0.2);
        assertThat(LiveCodingTest.rms(render(live.runtime(), 0.2))).isGreaterThan(0.05);
        assertThat(c.eval(":undo")).as("undo connect").isEqualTo("undone (1 patches sound)");
        assertThat(live.runtime().engine().edges()).hasSize(edges - 1);
    }

    /**
     * 200 user nodes sound; edits then read none of their states (the old undo serialized every node before each
     * edit), while :save still reads all of them.
     */
    @Test void shouldRecordAnEditWithoutReadingTheStateOfEveryNode() throws Exception {
        live = LiveConsole.start();
        ScriptedConsole c = live.console();
        c.eval("""
                class Counted implements DspNode {
                    static int saves;
                    final OutputPort out = Ports.audioOut("out");
                    double phase;
                    record State(double phase) implements NodeState {}
                    public void process(ProcessContext c) { c.out(out); }
                    public NodeState saveState() { saves++; return new State(phase); }
                    public void restoreState(NodeState s) { if (s instanceof State st) phase = st.phase(); }
                }""");
        c.eval("for (int i = 0; i < 200; i++) def(\"n\" + i, node(new Counted()));");
        assertThat(live.runtime().session().slotNames()).hasSize(200);
        c.eval("Counted.saves = 0;");
        c.eval("def(\"x\", sine(220))");
        c.eval("set(slot(\"x\"), \"frequencyHz\", 330, 0)");
        c.eval("def(\"x\", saw(110))");
        c.eval("play(sine(440))");
        c.eval("undef(\"x\")");
        c.eval(":undo");
        c.eval(":undo");
        assertThat(c.eval("Counted.saves")).as("states read by 5 edits and 2 undos with 200 nodes sounding").endsWith("==> 0");
        c.eval(":save " + java.nio.file.Files.createTempFile("undo", ".aether"));
        assertThat(c.eval("Counted.saves")).as("while :save reads every one").endsWith("==> 200");
    }
}
