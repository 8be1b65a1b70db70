package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.node.NodeSpec;
import dev.aether.core.time.Clock;
import dev.aether.core.time.ClockSnapshot;
import dev.aether.repl.console.ScriptedConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** :save writes a state, :open in a fresh console puts it back sample for sample, :undo steps back. */
class SaveOpenUndoTest {
    static final String RAMP = """
            class Ramp implements DspNode {
                final OutputPort out = Ports.audioOut("out");
                final SmoothedParam rateHz = Params.hz("rateHz", 3, 0.1, 1000);
                double phase;
                record State(double phase) implements NodeState {}
                public void process(ProcessContext c) {
                    float[] y = c.out(out);
                    for (int i = 0; i < c.frames(); i++) {
                        y[i] = (float) (0.2 * (phase - 0.5));
                        phase += rateHz.nextRt() / c.sampleRate();
                        phase -= Math.floor(phase);
                    }
                }
                public NodeState saveState() { return new State(phase); }
                public void restoreState(NodeState s) { if (s instanceof State st) phase = st.phase(); }
            }""";

    @TempDir Path dir;
    AetherRuntime a, b;
    ScriptedConsole ca, cb;


    @AfterEach void stop() {
        for (ScriptedConsole c : new ScriptedConsole[] {ca, cb}) if (c != null) c.close();
        for (AetherRuntime r : new AetherRuntime[] {a, b}) if (r != null) r.close();
    }

    static float[] render(AetherRuntime rt, double seconds) {
        int frames = (int) Math.round(seconds * 48_000);
        float[] out = new float[2 * frames];
        rt.engine().render(out, frames);
        return out;
    }

    /** The largest difference between two stereo renders after their first 100 ms (the reopened session fades in over 50 ms). */
    static double maxDiffAfterFadeIn(float[] original, float[] reopened) {
        double maxDiff = 0;
        for (int i = 2 * 4_800; i < original.length; i++) maxDiff = Math.max(maxDiff, Math.abs(original[i] - reopened[i]));
        return maxDiff;
    }

    /** Saves what {@code ca} plays to {@code name} and checks the file names {@code records}; returns the file. */
    Path save(String name, String... records) throws Exception {
        Path file = dir.resolve(name);
        assertThat(ca.eval(":save " + file)).isEqualTo("saved " + file);
        assertThat(Files.readString(file)).contains(records);
        return file;
    }

    @Test void shouldNameAMissingFileAndKeepWhatSounds() throws Exception {
        LiveConsole first = LiveConsole.start();
        ca = first.console();
        a = first.runtime();
        ca.eval("def(\"lead\", sine(330))");
        Path missing = dir.resolve("nope.json");
        assertThat(ca.eval(":open " + missing)).contains("no such file: " + missing.toAbsolutePath() + " — check the path");
        assertThat(a.session().slotNames()).containsExactly("lead");
    }

    /**
     * :open on a playing engine restores the tempo even when the look-ahead scheduler queues past the sample :open
     * asked for while it does so (once "beat ... is already played or queued" under load). The test plays the
     * scheduler's pass: it holds the clock's lock, as a pass does, until the session thread waits for it inside
     * Engine.tempo, and moves committedUntil a second ahead before letting go.
     */
    @Test void shouldRestoreTheTempoOnAPlayingEngineWhenTheSchedulerQueuesFurtherMeanwhile() throws Exception {
        LiveConsole first = LiveConsole.start();
        ca = first.console();
        a = first.runtime();
        ca.eval(":tempo 90");
        ca.eval("def(\"lead\", sine(330))");
        Path file = save("tempo.json", "90.0");

        LiveConsole second = LiveConsole.playing();
        cb = second.console();
        b = second.runtime();
        Clock clock = b.engine().clock();
        long queued;
        CompletableFuture<String> opened;
        synchronized (clock) {                                    // a scheduler pass begins
            opened = CompletableFuture.supplyAsync(() -> cb.eval(":open " + file));
            awaitBlockedIn("dev.aether.core.engine.Engine", "tempo");
            queued = clock.position() + 48_000;
            clock.advanceCommitted(queued);                       // ... and queues a second ahead before it ends
        }
        assertThat(opened.get(60, TimeUnit.SECONDS)).as("was: beat ... is already played or queued")
                .startsWith("opened " + file);
        assertThat(b.session().slotNames()).containsExactly("lead");
        ClockSnapshot s = clock.snapshot();
        assertThat(s.tempoMap().lastBpm()).as("the saved tempo").isEqualTo(90.0);
        assertThat(s.bpmAtRt(queued - 1)).as("what was queued keeps its tempo").isCloseTo(120.0, Offset.offset(1e-9));
        assertThat(s.bpmAtRt(queued + 480)).as("the saved tempo from the first tick not queued")
                .isCloseTo(90.0, Offset.offset(1e-9));
    }

    /** Waits (60 s at most) until some thread waits for a monitor inside {@code type.method}. */
    static void awaitBlockedIn(String type, String method) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
                if (t.getKey().getState() != Thread.State.BLOCKED) continue;
                for (StackTraceElement f : t.getValue()) {
                    if (f.getClassName().equals(type) && f.getMethodName().equals(method)) return;
                }
            }
            Thread.sleep(1);
        }
        throw new AssertionError("no thread waited for the clock's lock inside " + type + "." + method);
    }

    @Test void shouldOpenASavedSessionThatSoundsLikeTheOriginalContinued() throws Exception {
        LiveConsole first = LiveConsole.start();
        ca = first.console();
        a = first.runtime();
        ca.eval(RAMP);
        ca.eval("var r = new Ramp();");
        ca.eval("def(\"lead\", sine(330).to(lowpass(900)).to(gain(-12)))");
        ca.eval("play(node(r).to(gain(-6)))");
        ca.eval("set(slot(\"lead\"), \"cutoffHz\", 1234.5, 0)");
        ca.eval("set(r, \"rateHz\", 7.25, 0)");
        render(a, 0.3137);
        Path file = save("s.aether", "\"format\": \"aether-session\"", "\"nodes\": [", "\"state\": {", "\"edges\": [",
                "\"patches\": [");

        LiveConsole second = LiveConsole.start();
        cb = second.console();
        b = second.runtime();
        assertThat(cb.eval(":open " + file)).isEqualTo("opened " + file + " (2 patches)");
        var restoredLead = b.session().slot("lead");
        assertThat(restoredLead.param("cutoffHz").get()).as("cutoff restored").isEqualTo(1234.5);
        assertThat(restoredLead.toString()).isEqualTo("sine(330) -> lowpass(900) -> gain(-12)");

        float[] original = render(a, 0.5);
        double maxDiff = maxDiffAfterFadeIn(original, render(b, 0.5));
        double rms = LiveCodingTest.rms(original);
        assertThat(rms).as("something sounds").isGreaterThan(0.05);
        assertThat(maxDiff).as("after the 50 ms fade-in, the reopened session matches the original continued").isLessThan(1e-4);
    }

    /** A user node with no saveState: its plain fields (a phase, a counter, a table, an enum) come back on :open. */
    @Test void shouldKeepThePlainFieldsOfAUserNodeWithoutSaveState() throws Exception {
        LiveConsole first = LiveConsole.start();
        ca = first.console();
        a = first.runtime();
        ca.eval("""
                class Steps implements DspNode {
                    enum Shape { UP, DOWN }
                    final OutputPort out = Ports.audioOut("out");
                    final float[] levels = {0.1f, 0.2f, 0.3f, 0.4f};
                    Shape shape = Shape.UP;
                    double phase;
                    int step;
                    public void process(ProcessContext c) {
                        float[] y = c.out(out);
                        for (int i = 0; i < c.frames(); i++) {
                            y[i] = shape == Shape.UP ? levels[step] : -levels[step];
                            phase += 1.0 / 4800;
                            if (phase >= 1) { phase -= 1; step = (step + 1) % levels.length; }
                        }
                    }
                }""");
        ca.eval("var st = new Steps();");
        ca.eval("st.levels[3] = 0.9f; st.shape = Steps.Shape.DOWN;");
        ca.eval("play(node(st))");
        render(a, 0.2345);
        Path file = save("fields.aether", "\"fields\": {", "\"phase\": ", "\"step\": ", "\"levels\": [0.1, 0.2, 0.3, 0.9]",
                "\"shape\": \"DOWN\"");

        LiveConsole second = LiveConsole.start();
        cb = second.console();
        b = second.runtime();
        assertThat(cb.eval(":open " + file)).isEqualTo("opened " + file + " (1 patches)");
        float[] original = render(a, 0.5);
        double maxDiff = maxDiffAfterFadeIn(original, render(b, 0.5));
        assertThat(LiveCodingTest.rms(original)).as("something sounds").isGreaterThan(0.05);
        assertThat(maxDiff).as("the reopened node continues from the saved phase, step, table and shape").isLessThan(1e-4);
    }

    /** A node class whose output is the constant {@code level}: what sounds tells which definition plays. */
    static String level(String name, String level) {
        return "class " + name + " implements DspNode {\n"
                + "    final OutputPort out = Ports.audioOut(\"out\");\n"
                + "    public void process(ProcessContext c) {\n"
                + "        float[] y = c.out(out);\n"
                + "        for (int i = 0; i < c.frames(); i++) y[i] = " + level + ";\n"
                + "    }\n"
                + "}";
    }

    /** The mean of the left channel over the last {@code seconds} of a stereo render. */
    static double meanOfTail(float[] stereo, double seconds) {
        int frames = (int) Math.round(seconds * 48_000), from = stereo.length / 2 - frames;
        double sum = 0;
        for (int i = from; i < stereo.length / 2; i++) sum += stereo[2 * i];
        return sum / frames;
    }

    /**
     * A saved session whose second source does not compile any more: :open names that source and changes nothing,
     * neither the first source (which would hot-swap the class that sounds) nor what plays.
     */
    @Test void shouldChangeNothingAndNameTheSourceWhenASavedSourceDoesNotCompile() throws Exception {
        LiveConsole first = LiveConsole.start();
        ca = first.console();
        a = first.runtime();
        ca.eval(level("Level", "0.2f"));
        ca.eval(level("Later", "0.3f"));
        ca.eval("def(\"x\", node(new Level()))");
        Path file = save("broken.json", "0.3f");
        Files.writeString(file, Files.readString(file).replace("0.3f", "nope"));

        LiveConsole second = LiveConsole.start();
        cb = second.console();
        b = second.runtime();
        cb.eval(level("Level", "0.05f"));
        cb.eval("def(\"x\", node(new Level()))");
        double before = meanOfTail(render(b, 0.2), 0.05);
        assertThat(before).as("Level 0.05 sounds").isGreaterThan(0.001);
        String said = cb.eval(":open " + file);
        assertThat(said).as("names the entry that failed and why").contains("Later").contains("nope").contains("nothing changed");
        double after = meanOfTail(render(b, 0.3), 0.05);
        assertThat(after).as("the class that sounded before :open sounds still (was hot-swapped to the saved one)")
                .isCloseTo(before, Offset.offset(1e-6));
        assertThat(b.session().slotNames()).containsExactly("x");
        assertThat(cb.eval(":undo")).as(":open made no undo step").isEqualTo("undone (0 patches sound)");
    }

    /** A saved session with an edge to a port that is gone: :open names the edge, and what sounded keeps sounding. */
    @Test void shouldChangeNothingAndNameTheEntryWhenASavedEdgeCannotBeMade() throws Exception {
        LiveConsole first = LiveConsole.start();
        ca = first.console();
        a = first.runtime();
        ca.eval("def(\"lead\", sine(330).to(lowpass(900)))");
        Path file = save("edge.json", "\"input\": \"in\"");
        Files.writeString(file, Files.readString(file).replace("\"input\": \"in\"", "\"input\": \"gone\""));

        LiveConsole second = LiveConsole.start();
        cb = second.console();
        b = second.runtime();
        cb.eval(level("Level", "0.05f"));
        cb.eval("def(\"x\", node(new Level()))");
        double before = meanOfTail(render(b, 0.2), 0.05);
        String said = cb.eval(":open " + file);
        assertThat(said).contains("gone").contains("nothing changed");
        assertThat(b.session().slotNames()).containsExactly("x");
        assertThat(meanOfTail(render(b, 0.3), 0.05)).as("what sounded before :open still sounds")
                .isCloseTo(before, Offset.offset(1e-6));
    }

    /**
     * A node whose restoreState throws fails :open only after what sounded has begun to fade out: the step is undone
     * at once, so what sounded before fades back in, and the message names the node.
     */
    @Test void shouldPutBackWhatSoundedWhenANodeRefusesItsSavedStateMidway() throws Exception {
        String boom = """
                class Boom implements DspNode {
                    final OutputPort out = Ports.audioOut("out");
                    record State(int n) implements NodeState {}
                    public void process(ProcessContext c) { c.out(out); }
                    public NodeState saveState() { return new State(1); }
                    public void restoreState(NodeState s) { throw new IllegalStateException("Boom refuses"); }
                }""";
        LiveConsole first = LiveConsole.start();
        ca = first.console();
        a = first.runtime();
        ca.eval(boom);
        ca.eval("def(\"b\", node(new Boom()))");
        Path file = save("boom.json", "Boom");

        LiveConsole second = LiveConsole.start();
        cb = second.console();
        b = second.runtime();
        cb.eval(level("Level", "0.05f"));
        cb.eval("def(\"x\", node(new Level()))");
        cb.eval("pat(\"p\", \"~ ~ ~ ~\", drums())");                  // a pattern that plays (silent rests)
        double before = meanOfTail(render(b, 0.2), 0.05);
        String said = cb.eval(":open " + file);
        assertThat(said).contains("Boom").contains("Boom refuses").contains("nothing changed");
        assertThat(b.session().slotNames()).containsExactly("x", "p");
        assertThat(b.session().patterns().names()).as("the pattern plays again").containsExactly("p");
        assertThat(meanOfTail(render(b, 0.5), 0.05)).as("what sounded before :open sounds again")
                .isCloseTo(before, Offset.offset(1e-6));
    }

    @Test void shouldUndoTheLastGraphEdit() throws Exception {
        LiveConsole first = LiveConsole.start();
        ca = first.console();
        a = first.runtime();
        ca.eval("def(\"a\", sine(220).to(gain(-12)))");
        ca.eval("def(\"b\", saw(110).to(gain(-12)))");
        assertThat(a.session().slotNames()).containsExactly("a", "b");
        assertThat(ca.eval(":undo")).isEqualTo("undone (1 patches sound)");
        assertThat(a.session().slotNames()).containsExactly("a");
        assertThat(NodeSpec.of(a.session().slot("a").nodes().get(0)).param("frequencyHz").get()).isEqualTo(220.0);
        ca.eval("undef(\"a\")");
        assertThat(a.session().slotNames()).isEmpty();
        ca.eval(":undo");
        assertThat(a.session().slotNames()).containsExactly("a");
        render(a, 0.2);
        assertThat(LiveCodingTest.rms(render(a, 0.2))).as("the undone undef sounds again").isGreaterThan(0.05);
        ca.eval(":undo");
        ca.eval(":undo");
        assertThat(ca.eval(":undo")).isEqualTo("nothing to undo");
    }
}
