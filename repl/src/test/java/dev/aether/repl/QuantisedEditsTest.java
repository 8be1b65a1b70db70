package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.repl.console.ScriptedConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Edits on the beat, typed at the console and rendered offline between inputs, read to the exact sample. At 120 BPM
 * and 48 kHz a beat is 24,000 samples and a 4/4 bar 96,000. The node played is a constant level (a parameter), so
 * the first sample it sounds on and where its level moves can be read off the output directly.
 */
class QuantisedEditsTest {
    static final String LEVEL = """
            class Level implements DspNode {
                final OutputPort out = Ports.audioOut("out");
                final SmoothedParam level = Params.linear("level", "", 0.25, 0, 1);
                public void process(ProcessContext c) {
                    float[] y = c.out(out);
                    for (int i = 0; i < c.frames(); i++) y[i] = (float) level.nextRt();
                }
            }""";
    static final int BEAT = 24_000, BAR = 96_000;
    /** The session's slot fade (50 ms), in samples. */
    static final int FADE = 2_400;

    AetherRuntime rt;
    ScriptedConsole c;
    /** Engine samples rendered so far. */
    long rendered;

    @BeforeEach void start() throws Exception {
        LiveConsole live = LiveConsole.start();
        rt = live.runtime();
        c = live.console();
        c.eval(LEVEL);
    }

    @AfterEach void stop() {
        c.close();
        rt.close();
    }

    /** Renders up to engine sample {@code until}; returns the left channel of what was rendered, from {@link #rendered}. */
    float[] renderTo(long until) {
        int frames = (int) (until - rendered);
        float[] stereo = new float[2 * frames];
        rt.engine().render(stereo, frames);
        rendered = until;
        float[] left = new float[frames];
        for (int i = 0; i < frames; i++) left[i] = stereo[2 * i];
        return left;
    }

    static int firstNonZero(float[] x) {
        for (int i = 0; i < x.length; i++) if (x[i] != 0f) return i;
        return -1;
    }

    static int lastNonZero(float[] x) {
        for (int i = x.length - 1; i >= 0; i--) if (x[i] != 0f) return i;
        return -1;
    }

    @Test void shouldStartADefinedSlotsFadeOnTheNextBarSample() {
        renderTo(30_000);
        assertThat(c.eval("quant(\"bar\")")).contains("edits land on the next bar");
        c.eval("def(\"x\", new Level())");
        float[] out = renderTo(2 * BAR);
        int first = firstNonZero(out) + 30_000;
        assertThat(first).as("first sounding sample: the fade starts on bar 2 (sample 96000, level 0 there)")
                .isEqualTo(BAR + 1);
        assertThat(out[BAR + FADE + 10 - 30_000]).as("faded in after 50 ms").isEqualTo(0.25f);
        assertThat(out[BAR + FADE / 2 - 30_000]).as("half way through the fade").isStrictlyBetween(0.05f, 0.2f);
    }

    @Test void shouldFadeAnUndefinedSlotOutFromTheBar() {
        c.eval("def(\"x\", new Level())");
        renderTo(30_000);
        c.eval("quant(\"bar\")");
        c.eval("undef(\"x\")");
        float[] out = renderTo(2 * BAR);
        assertThat(out[BAR - 1 - 30_000]).as("full level up to the bar").isEqualTo(0.25f);
        assertThat(out[BAR - 30_000]).as("the fade-out starts on the bar").isEqualTo(0.25f);
        assertThat(out[BAR + 1 - 30_000]).as("and moves from the sample after").isLessThan(0.25f);
        assertThat(lastNonZero(out) + 30_000).as("silent once the 50 ms fade is over")
                .isBetween(BAR + FADE - 2, BAR + FADE);
    }

    @Test void shouldMoveAParameterOnTheBeatSample() {
        c.eval("def(\"x\", new Level())");
        renderTo(30_000);
        c.eval("quant(\"beat\")");
        c.eval("set(\"x\", \"level\", 0.125, 0)");
        float[] out = renderTo(3 * BEAT);
        assertThat(out[2 * BEAT - 1 - 30_000]).as("before the beat").isEqualTo(0.25f);
        assertThat(out[2 * BEAT - 30_000]).as("on beat 2 (sample 48000), a jump").isEqualTo(0.125f);
    }

    @Test void shouldLetEachCallNameItsOwnQuantum() {
        c.eval("quant(\"bar\")");
        renderTo(30_000);
        c.eval("def(\"now\", new Level(), \"now\")");
        c.eval("def(\"beat\", new Level(), \"beat\")");
        float[] out = renderTo(BAR + FADE + 100);
        assertThat(firstNonZero(out) + 30_000).as("\"now\": the next sample the engine renders").isEqualTo(30_001);
        assertThat(out[2 * BEAT - 30_000]).as("only the first slot up to beat 2").isEqualTo(0.25f);
        assertThat(out[2 * BEAT + FADE + 10 - 30_000]).as("both after beat 2 and its fade").isEqualTo(0.5f);
        c.eval("undef(\"now\", \"beat\")");
        c.eval("set(\"beat\", \"level\", 0.125, 0, \"2\")");           // every 2 beats: beat 6 (sample 144000)
        out = renderTo(7 * BEAT);
        long from = BAR + FADE + 100;
        assertThat(out[(int) (5 * BEAT - 1 - from)]).as("both up to beat 5").isEqualTo(0.5f);
        assertThat(out[(int) (5 * BEAT + FADE + 10 - from)]).as("\"now\" faded out from beat 5").isEqualTo(0.25f);
        assertThat(out[(int) (6 * BEAT - 1 - from)]).as("\"beat\" at 0.25 before beat 6").isEqualTo(0.25f);
        assertThat(out[(int) (6 * BEAT - from)]).as("\"beat\" at 0.125 from beat 6").isEqualTo(0.125f);
    }

    /**
     * One input that makes edits on three quanta: each still lands on its own boundary (the input's other edits are
     * one plan, but a quantised edit's plan is its own), and one {@code :undo} takes all three back.
     */
    @Test void shouldLandEachQuantisedEditOfOneInputOnItsOwnBoundaryAndUndoThemAsOneStep() {
        c.eval("quant(\"bar\")");
        renderTo(30_000);
        int depth = rt.session().undoDepth();
        String shown = c.eval("def(\"now\", new Level(), \"now\"); def(\"beat\", new Level(), \"beat\"); def(\"bar\", new Level());");
        assertThat(shown).doesNotContain("error");
        float[] out = renderTo(BAR + FADE + 100);
        assertThat(firstNonZero(out) + 30_000).as("\"now\": the next sample the engine renders").isEqualTo(30_001);
        assertThat(out[2 * BEAT - 30_000]).as("only the first slot up to beat 2").isEqualTo(0.25f);
        assertThat(out[2 * BEAT + FADE + 10 - 30_000]).as("two after beat 2 and its fade").isEqualTo(0.5f);
        assertThat(out[BAR - 30_000]).as("two up to the bar").isEqualTo(0.5f);
        assertThat(out[BAR + FADE + 10 - 30_000]).as("three after the bar and its fade").isEqualTo(0.75f);
        assertThat(rt.session().undoDepth()).as("one input, one step").isEqualTo(depth + 1);
        assertThat(c.eval(":undo")).isEqualTo("undone (0 patches sound)");
        assertThat(lastNonZero(renderTo(BAR + 4 * FADE))).as("all three faded out").isLessThan(2 * FADE);
    }

    /**
     * Offline a quantised edit is sent at once (its plan waits in the engine): undone before it lands, its inverse
     * lands on the same sample after it, so neither sounds.
     */
    @Test void shouldUndoAQuantisedEditBeforeItLandsSoItNeverSounds() {
        c.eval("def(\"x\", new Level())");
        renderTo(30_000);
        c.eval("quant(\"bar\")");
        c.eval("set(\"x\", \"level\", 0.125, 0)");
        c.eval("def(\"y\", new Level())");
        assertThat(c.eval(":graph")).contains("pending: set Level.level = 0.125 at 2:1:0", "pending: def \"y\" at 2:1:0");
        assertThat(c.eval(":undo")).startsWith("undone");                    // the def
        assertThat(c.eval(":undo")).startsWith("undone");                    // the set
        assertThat(c.eval(":graph")).doesNotContain("pending");
        float[] out = renderTo(2 * BAR);
        assertThat(out[BAR + FADE + 10 - 30_000]).as("neither the def nor the set sounds after the bar").isEqualTo(0.25f);
        assertThat(lastNonZero(out)).isEqualTo(out.length - 1);
        for (float v : out) assertThat(v).isEqualTo(0.25f);
    }

    @Test void shouldSwapARedefinedClassOnTheBar() {
        c.eval("swapFade(0)");
        c.eval("def(\"x\", new Level())");
        renderTo(30_000);
        c.eval("quant(\"bar\")");
        String swap = c.eval(LEVEL.replace("(float) level.nextRt()", "(float) (level.nextRt() * 0.5)"));
        assertThat(swap).contains("swapped Level#").contains("at next bar");
        float[] out = renderTo(2 * BAR);
        assertThat(out[BAR - 1 - 30_000]).as("the old class up to the bar").isEqualTo(0.25f);
        assertThat(out[BAR - 30_000]).as("the new one from the bar (its level carried, halved)").isEqualTo(0.125f);
    }

    /**
     * Live, on the paced null driver: a def typed just after a bar starts waits about 2 s (120 BPM) for the next one;
     * meanwhile the prompt answers at once and :graph lists the edit; it then lands on its exact sample, read from a
     * tap opened before the engine started (so tap frame i is engine sample i).
     */
    @Test void shouldAnswerThePromptWhileAnEditWaitsForABarTwoSecondsAwayThenLandOnItsSample() throws Exception {
        var clock = rt.engine().clock();
        try (MasterListener heard = new MasterListener(rt.engine())) {
            rt.engine().start(new dev.aether.core.driver.PacedNullDriver(
                    dev.aether.core.driver.DriverConfig.defaults().sampleRateHz(48_000)));
            c.eval("quant(\"bar\")");
            long bar;
            do {                                                               // just after a bar starts
                Thread.sleep(5);
                bar = clock.boundaryAtOrAfter(clock.earliest(), dev.aether.core.time.Quantum.BAR);
            } while (bar - clock.position() < 90_000);
            long typed = System.nanoTime();
            c.eval("def(\"x\", new Level())");
            String graph = c.eval(":graph");
            long answeredAt = clock.position(), answeredMillis = (System.nanoTime() - typed) / 1_000_000;
            assertThat(graph).contains("pending: def \"x\" at ").contains("(engine sample " + bar + ")");
            assertThat(answeredAt).as("def and :graph answered (in %d ms) before the bar", answeredMillis).isLessThan(bar);
            assertThat(c.eval("1 + 1")).contains("2");
            while (clock.position() < bar + FADE + 4_800) Thread.sleep(10);
            assertThat(c.eval(":graph")).contains("fader#").doesNotContain("pending");
            Thread.sleep(50);
            assertThat(heard.dropped()).as("frames the tap dropped").isZero();
            float[] left = heard.left();
            assertThat(firstNonZero(left)).as("live, the fade starts on the bar sample").isEqualTo(bar + 1);
        }
    }

    @Test void shouldListWaitingEditsInGraphAndCancelThemOnUndoAndPanic() throws Exception {
        rt.engine().start(new dev.aether.core.driver.PacedNullDriver(
                dev.aether.core.driver.DriverConfig.defaults().sampleRateHz(48_000)));
        c.eval("tempo(30)");                                                   // a bar lasts 8 s
        c.eval("quant(\"bar\")");
        c.eval("def(\"x\", new Level())");
        c.eval("def(\"y\", new Level())");
        assertThat(c.eval(":graph")).containsPattern("pending: def \"x\" at 2:1:0 \\(engine sample \\d+\\)")
                .contains("pending: def \"y\" at 2:1:0");
        assertThat(c.eval(":undo")).as("live, an edit not sent yet is cancelled")
                .contains("cancelled def \"y\", which waited for 2:1:0");
        assertThat(c.eval(":graph")).contains("pending: def \"x\"").doesNotContain("\"y\"");
        assertThat(c.eval(":panic")).isEqualTo("silenced; cancelled 1 quantised edit still waiting");
        assertThat(c.eval(":graph")).doesNotContain("pending");
        assertThat(c.eval("slot(\"x\")")).contains("no slot named \"x\"; slots: none; make one with def(\"x\", node)");
    }
}
