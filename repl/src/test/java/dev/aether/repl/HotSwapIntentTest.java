package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.repl.console.ScriptedConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hot swap does what the person meant: the console typed at, the engine rendered offline between inputs. */
class HotSwapIntentTest {
    static final String FUZZ = """
            class Fuzz implements DspNode {
                final InputPort in = Ports.audioIn("in");
                final OutputPort out = Ports.audioOut("out");
                double drive = 6;
                long blocks;
                public void process(ProcessContext c) {
                    blocks++;
                    float[] x = c.in(in), y = c.out(out);
                    for (int i = 0; i < c.frames(); i++) y[i] = (float) Math.tanh(drive * x[i]);
                }
            }""";

    AetherRuntime rt;
    ScriptedConsole c;

    @BeforeEach void start() throws Exception {
        LiveConsole live = LiveConsole.start();
        rt = live.runtime();
        c = live.console();
    }

    @AfterEach void stop() {
        c.close();
        rt.close();
    }

    void render(double seconds) {
        int frames = (int) (seconds * 48_000);
        rt.engine().render(new float[2 * frames], frames);
        rt.faults().drain();
    }

    /** The live instance's value of a field, read off the engine. */
    Object liveField(String type, String field) throws ReflectiveOperationException {
        for (var n : rt.engine().nodes()) {
            if (n.node().getClass().getSimpleName().equals(type)) {
                java.lang.reflect.Field f = n.node().getClass().getDeclaredField(field);
                f.setAccessible(true);
                return f.get(n.node());
            }
        }
        throw new AssertionError("no live " + type + " in " + rt.engine().nodes());
    }

    @Test void shouldTakeAChangedInitialiserFromTheNewSourceAndCarryTheRest() throws Exception {
        c.eval(FUZZ);
        c.eval("def(\"fuzz\", sine(220).to(new Fuzz()))");
        render(0.2);
        long blocks = (Long) liveField("Fuzz", "blocks");
        assertThat(blocks).as("blocks the live Fuzz rendered").isPositive();
        String swap = c.eval(FUZZ.replace("double drive = 6;", "double drive = 20;"));
        assertThat(swap).contains("swapped Fuzz#", "(carried: blocks; from the new source: drive;");
        assertThat(liveField("Fuzz", "drive")).as("the edited initialiser takes effect").isEqualTo(20.0);
        assertThat(liveField("Fuzz", "blocks")).as("state whose initialiser did not change is carried").isEqualTo(blocks);
    }

    @Test void shouldCarryAFieldWhoseInitialiserDidNotChange() throws Exception {
        c.eval(FUZZ);
        c.eval("def(\"fuzz\", sine(220).to(new Fuzz()))");
        c.eval("((Fuzz) slot(\"fuzz\").node()).drive = 2;");
        String swap = c.eval(FUZZ.replace("Math.tanh(drive * x[i])", "Math.tanh(drive * x[i]) * 0.5f"));
        assertThat(swap).contains("(carried: drive, blocks;").doesNotContain("from the new source");
        assertThat(liveField("Fuzz", "drive")).as("the value set live is carried").isEqualTo(2.0);
    }

    static final String CLIP = """
            class Clip implements DspNode {
                final InputPort in = Ports.audioIn("in");
                final OutputPort out = Ports.audioOut("out");
                final SmoothedParam drive = Params.linear("drive", "", 6, 0, 50);
                double mix = 1;
                public void process(ProcessContext c) {
                    float[] x = c.in(in), y = c.out(out);
                    drive.advanceRt(c.frames());
                    for (int i = 0; i < c.frames(); i++) y[i] = (float) Math.tanh(drive.currentRt() * x[i]);
                }
            }""";

    /** The value of parameter {@code name} of the live instance of {@code type}. */
    double liveParam(String type, String name) {
        for (var n : rt.engine().nodes()) {
            if (n.node().getClass().getSimpleName().equals(type)) {
                return dev.aether.core.node.NodeSpec.of(n.node()).param(name).get();
            }
        }
        throw new AssertionError("no live " + type + " in " + rt.engine().nodes());
    }

    @Test void shouldSetAParameterOfTheLiveInstanceWithThreeArguments() {
        c.eval(CLIP);
        c.eval("def(\"clip\", sine(220).to(new Clip()))");
        assertThat(c.eval(CLIP.replace("(float) Math.tanh(drive.currentRt() * x[i])",
                "(float) (0.5 * Math.tanh(drive.currentRt() * x[i]))"))).as("a swap: the slot's chain holds the old instance")
                .contains("swapped Clip#");
        assertThat(c.eval("set(slot(\"clip\"), \"drive\", 1);")).isEmpty();
        assertThat(liveParam("Clip", "drive")).as("the sounding Clip's drive").isEqualTo(1.0);
        assertThat(c.eval("set(\"clip\", \"drive\", 2);")).isEmpty();
        assertThat(liveParam("Clip", "drive")).as("set by slot name").isEqualTo(2.0);
        assertThat(c.eval("set(slot(\"clip\").node(), \"drive\", 3);")).isEmpty();
        assertThat(liveParam("Clip", "drive")).as("set on the node").isEqualTo(3.0);
    }

    @Test void shouldListTheParametersWhenTheNameIsUnknown() {
        c.eval(CLIP);
        c.eval("def(\"clip\", sine(220).to(new Clip()))");
        assertThat(c.eval("set(slot(\"clip\"), \"drve\", 1);")).contains("Clip has no parameter 'drve'; parameters: drive");
        assertThat(c.eval("set(\"clip\", \"mix\", 0.5);")).contains("Clip has no parameter 'mix'; parameters: drive",
                "'mix' is a plain field: declare it as a parameter to set it");
    }

    static final String TONE = """
            class NAME implements DspNode {
                final OutputPort out = Ports.audioOut("out");
                public void process(ProcessContext c) { java.util.Arrays.fill(c.out(out), 0, c.frames(), LEVELf); }
            }
            """;

    static String tone(String name, String level) { return TONE.replace("NAME", name).replace("LEVEL", level); }

    /** Within one script, each nextSwap applies to the class defined after it, not the last one to every class. */
    @Test void shouldApplyEachNextSwapToTheClassDefinedAfterItInOneScript(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        c.eval(tone("A", "0.1"));
        c.eval(tone("B", "0.1"));
        c.eval("def(\"a\", new A()); def(\"b\", new B());");
        java.nio.file.Path script = dir.resolve("both.jsh");
        java.nio.file.Files.writeString(script, "nextSwap(0, \"beat\");\n" + tone("A", "0.2")
                + "nextSwap(25, \"bar\");\n" + tone("B", "0.2"));
        String out = c.eval(":load " + script);
        assertThat(out).containsPattern("swapped A#\\d+ \\([^)]*; 0.0 ms crossfade at next beat\\)")
                .containsPattern("swapped B#\\d+ \\([^)]*; 25.0 ms crossfade at next bar\\)");
    }

    /** swapAt in a script applies from the class after it; the one before keeps the earlier setting. */
    @Test void shouldApplySwapAtToTheClassesDefinedAfterIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        c.eval(tone("A", "0.1"));
        c.eval(tone("B", "0.1"));
        c.eval("def(\"a\", new A()); def(\"b\", new B());");
        java.nio.file.Path script = dir.resolve("both.jsh");
        java.nio.file.Files.writeString(script, tone("A", "0.2") + "swapAt(\"bar\");\n" + tone("B", "0.2"));
        String out = c.eval(":load " + script);
        assertThat(out).containsPattern("swapped A#\\d+ \\([^)]*; 10.0 ms crossfade\\)")
                .containsPattern("swapped B#\\d+ \\([^)]*; 10.0 ms crossfade at next bar\\)");
    }

    /** A node taken out by undef cannot be played or connected again: the error names it and what removed it. */
    @Test void shouldRefuseARemovedNodeNamingWhatRemovedItAndLeaveNothingOrphaned() throws Exception {
        c.eval("var s = sine(200);");
        c.eval("def(\"x\", s.to(lowpass(900)));");
        c.eval("undef(\"x\");");
        awaitNodes(1);                                                         // the master alone, after the fade
        assertThat(c.eval("play(s)")).containsPattern("node SineOscillator#\\d+ was removed \\(undef \"x\"\\); make a new one")
                .doesNotContain("already belongs");
        assertThat(c.eval("play(sine(300).to(lowpass(400)).to(s))")).contains("was removed (undef \"x\")");
        assertThat(rt.engine().nodes()).as("nothing orphaned: the master alone").hasSize(1);
        c.eval("var lp = lowpass(500); play(lp);");
        int playing = rt.engine().nodes().size();
        assertThat(c.eval("connect(s.out, lp.in)")).contains("was removed (undef \"x\")");
        assertThat(rt.engine().nodes()).as("nothing added by the refused connect").hasSize(playing);
        c.eval(":undo");                                                       // play(lp)
        assertThat(c.eval(":undo")).startsWith("undone");                      // the undef: x is back
        assertThat(c.eval(":graph")).contains("SineOscillator#");
        assertThat(c.eval("play(s)")).as("undone, s is live again").doesNotContain("error", "exception");
    }

    void awaitNodes(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (rt.engine().nodes().size() != count && System.currentTimeMillis() < deadline) Thread.sleep(10);
        assertThat(rt.engine().nodes()).hasSize(count);
    }

    static String clip(String name, String field, String body) {
        return "class " + name + " implements DspNode {\n    final OutputPort out = Ports.audioOut(\"out\");\n    " + field
                + "\n    public void process(ProcessContext c) { " + body + " }\n}";
    }

    /** A new class whose field initialiser names something unknown: the error, with line and caret, and no old one. */
    @Test void shouldShowAFieldInitialiserErrorOfANewClassWithoutClaimingAnOldDefinition() {
        String out = c.eval(clip("Clip", "double drive = undefinedThing;", ""));
        assertThat(out).contains("error: cannot find symbol", "variable undefinedThing", "at line 3, column 20:",
                "double drive = undefinedThing;\n" + " ".repeat(21) + "^~~~~~~~~~~~~~").doesNotContain("old definition");
        assertThat(c.eval("new Clip()")).isEqualTo("error: class Clip cannot be used: its definition did not compile"
                + " (cannot find variable undefinedThing); fix it and define it again");
    }

    /** A broken redefinition of a class that plays: the old definition is said to stay in use, and it does. */
    @Test void shouldKeepTheOldDefinitionInUseAfterABrokenRedefinition() {
        c.eval(clip("Clip", "double drive = 1;", ""));
        c.eval("def(\"c\", new Clip())");
        String out = c.eval(clip("Clip", "double drive = undefinedThing;", ""));
        assertThat(out).contains("error: cannot find symbol", "(the old definition is still in use)", "at line 3, column 20:");
        assertThat(c.eval("new Clip()")).as("new instances use the old definition too").startsWith("$").contains("==> Clip");
        assertThat(rt.engine().nodes().stream().map(n -> n.label())).anyMatch(l -> l.startsWith("Clip#"));
    }

    /** An unknown method inside process is marked where it is called, not at the class keyword. */
    @Test void shouldMarkAnUnknownMethodWhereItIsCalled() {
        assertThat(c.eval(clip("Clip", "double drive = 1;", "nope();"))).contains("symbol: method nope()",
                "at line 4, column 45:", "{ nope(); }\n" + " ".repeat(46) + "^~~~").doesNotContain("old definition");
    }

    /** In a script, a field initialiser that does not compile is shown with its line in the file; the rest runs. */
    @Test void shouldShowAFieldInitialiserErrorInAScriptWithItsLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path script = dir.resolve("clip.jsh");
        java.nio.file.Files.writeString(script, "int a = 1;\n" + clip("Clip", "double drive = Math.nope(3);", "") + "\nint b = 2;\n");
        assertThat(c.eval(":load " + script)).contains("a ==> 1", "error: cannot find symbol", "method nope(int)",
                "at line 4, column 24:", "b ==> 2");
    }

    /** After a swap, slot(name).node() is the instance that sounds, of the new class. */
    @Test void shouldHandOutTheLiveInstanceFromASlotAfterASwap() throws Exception {
        c.eval(FUZZ);
        c.eval("def(\"fuzz\", sine(220).to(new Fuzz()))");
        c.eval("var before = slot(\"fuzz\");");
        assertThat(c.eval(FUZZ.replace("double drive = 6;", "double drive = 9;"))).contains("swapped Fuzz#");
        assertThat(c.eval("((Fuzz) slot(\"fuzz\").node()).drive")).as("the cast to the new class works").endsWith("==> 9.0");
        c.eval("((Fuzz) slot(\"fuzz\").node()).drive = 3;");
        assertThat(liveField("Fuzz", "drive")).as("a write through the handle reaches what sounds").isEqualTo(3.0);
        assertThat(c.eval("def(\"fuzz\", before)")).as("the old chain is the same patch").doesNotContain("error");
        render(0.1);
        assertThat(rt.engine().nodes().stream().filter(n -> n.label().startsWith("Fuzz#"))).as("one Fuzz").hasSize(1);
    }

    /** A variable that held a node before undef and :undo still plays it: :undo puts the very instance back. */
    @Test void shouldKeepAVariableWorkingAfterUndefAndUndo() throws Exception {
        c.eval("def(\"keys\", synth(8));");
        c.eval("var poly = (PolyVoices) slot(\"keys\").node();");
        c.eval("undef(\"keys\");");
        awaitNodes(1);
        assertThat(c.eval(":undo")).startsWith("undone");
        assertThat(c.eval("slot(\"keys\").node() == poly")).endsWith("==> true");
        assertThat(c.eval("poly.noteOn(57, 0.8)")).endsWith("==> true");
        render(0.1);
        float[] out = new float[2 * 4800];
        rt.engine().render(out, 4800);
        assertThat(dev.aether.testkit.signals.Signals.rms(out)).as("the note sounds").isGreaterThan(0.01);
    }

    /** A variable that held a node :open replaced says so when it is played, instead of noteOn returning true. */
    @Test void shouldRefuseNotesToANodeThatOpenReplaced(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        c.eval("def(\"keys\", synth(8));");
        c.eval("var poly = (PolyVoices) slot(\"keys\").node();");
        java.nio.file.Path saved = dir.resolve("keys.json");
        assertThat(c.eval(":save " + saved)).startsWith("saved");
        assertThat(c.eval(":open " + saved)).startsWith("opened");
        awaitNodes(3);                                                         // master, the new synth, its fader
        assertThat(c.eval("poly.noteOn(57, 0.8)")).containsPattern("node PolyVoices#\\d+ was removed \\(:open\\): "
                + "nothing plays what it is sent; use slot\\(\"keys\"\\).node\\(\\) for the one in slot \"keys\" now")
                .doesNotContain("==> true");
        assertThat(c.eval("((PolyVoices) slot(\"keys\").node()).noteOn(57, 0.8)")).endsWith("==> true");
        render(0.1);
        float[] out = new float[2 * 4800];
        rt.engine().render(out, 4800);
        assertThat(dev.aether.testkit.signals.Signals.rms(out)).as("the note on the live synth sounds").isGreaterThan(0.01);
    }

    /** A variable of a redefined class that JShell drops or resets is named, with where the live node is. */
    @Test void shouldSayWhatBecameOfAVariableWhoseClassWasRedefined() {
        c.eval(FUZZ);
        c.eval("var f = new Fuzz();");
        c.eval("Fuzz g = new Fuzz();");
        c.eval("def(\"fuzz\", sine(110).to(g));");
        String swap = c.eval(FUZZ.replace("double drive = 6;", "double drive = 7;"));
        assertThat(swap).contains("note: variable f is gone: Fuzz was redefined",
                "note: variable g was reset to null: Fuzz was redefined; a node it held was swapped to the new class: "
                        + "slot(\"name\").node() gives the one that sounds", "swapped Fuzz#");
        assertThat(c.eval("((Fuzz) slot(\"fuzz\").node()).drive")).endsWith("==> 7.0");
        assertThat(c.eval(FUZZ.replace("double drive = 6;", "double drive = 8;"))).as("each variable is told once")
                .doesNotContain("note: variable");
    }
}
