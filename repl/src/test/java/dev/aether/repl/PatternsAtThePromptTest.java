package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aether.core.engine.Engine;
import dev.aether.core.io.WavFormat;
import dev.aether.core.io.WavWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@code pat} typed at the console as a person would: the hits land on their exact samples (offline, and live on the
 * paced null driver), a redefinition mid-cycle changes at the next bar with no hit lost or doubled, a notation error
 * points at its character while the old pattern plays on. At 120 BPM in 4/4 and 48 kHz a bar is 96,000 samples.
 */
class PatternsAtThePromptTest {
    static final int BAR = 96_000, BEAT = 24_000;

    @Test void aPatternRedefinedMidCycleChangesAtTheNextBarWithNoHitLostOrDoubled() throws Exception {
        int mid = BAR + BAR / 4 + 100;                                           // into bar 1, past its second beat
        float[] performed = new float[4 * BAR], reference = new float[4 * BAR];
        try (LiveConsole a = LiveConsole.start()) {
            assertThat(a.console().eval("pat(\"d\", \"bd*4\", drums());")).doesNotContain("rror");
            renderInto(a.runtime().engine(), performed, 0, mid);
            assertThat(a.console().eval("pat(\"d\", \"sn*2\", drums());")).doesNotContain("rror");
            renderInto(a.runtime().engine(), performed, mid, 4 * BAR);
        }
        try (LiveConsole b = LiveConsole.start()) {                              // the same hits, sent by hand
            assertThat(b.console().eval("def(\"d\", drums()); var k = (DrumKit) slot(\"d\").node();")).doesNotContain("rror");
            assertThat(b.console().eval("for (int i = 0; i < 8; i++) k.hitAt(k.keyOf(\"bd\"), i * 24000L, 1.0);"
                    + " for (int i = 0; i < 4; i++) k.hitAt(k.keyOf(\"sn\"), 192000L + i * 48000L, 1.0);")).doesNotContain("rror");
            renderInto(b.runtime().engine(), reference, 0, mid);
            renderInto(b.runtime().engine(), reference, mid, 4 * BAR);
        }
        assertThat(rmsOf(performed, 2 * BAR, 2 * BAR)).as("the snares sound").isGreaterThan(0.01);
        assertThat(performed).isEqualTo(reference);
    }

    /**
     * The pattern thread starved (the test holds the scheduler's lock for 600 ms while the engine plays on the paced
     * null driver, as a loaded machine would keep it from running): the console says which pattern played late and
     * what to do, and :lookahead shows, sets (journalled) and refuses what it cannot take.
     */
    @Test void lateEventsAreReportedAndTheLookAheadIsShownAndSetAtThePrompt() throws Exception {
        try (LiveConsole a = LiveConsole.playing()) {
            var patterns = a.runtime().session().patterns();
            assertThat(a.console().eval(":lookahead")).isEqualTo("look-ahead 0.1 s (patterns are queued that far before they sound);"
                    + " no event played late");
            assertThat(a.console().eval("pat(\"d\", \"hh*16\", drums());")).doesNotContain("rror");
            long sent = patterns.eventsSent();
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (patterns.eventsSent() == sent && System.nanoTime() < deadline) Thread.sleep(5);
            synchronized (patterns) {                                          // the pattern thread cannot run a pass
                Thread.sleep(600);
            }
            String said = a.console().awaitOutput("played late", 15_000);
            assertThat(said).containsPattern("pattern \"d\": \\d+ events? w[a-z]+ queued after (their|its) time and played late;"
                    + " raise the look-ahead with :lookahead \\d\\.\\d");
            assertThat(patterns.eventsLate()).as("hh*16 is a hit every 125 ms: some fell in the 600 ms").isPositive();
            assertThat(a.console().eval(":lookahead 0.3")).startsWith("look-ahead 0.3 s (patterns are queued that far before they"
                    + " sound); ").containsPattern("; \\d+ events? played late so far");
            assertThat(patterns.lookAheadSeconds()).isEqualTo(0.3);
            assertThat(a.console().eval(":lookahead 5")).contains("look-ahead must be 0.01..2 s, was 5.0");
            assertThat(a.console().eval(":lookahead soon")).contains("usage: :lookahead [SECONDS]");
            assertThat(patterns.lookAheadSeconds()).isEqualTo(0.3);
            assertThat(a.console().eval(":help lookahead")).contains(":lookahead [SECONDS]", "played late");
        }
    }

    @Test void aNotationErrorPointsAtItsCharacterAndTheOldPatternPlaysOn() throws Exception {
        try (LiveConsole a = LiveConsole.start()) {
            a.console().eval("pat(\"d\", \"bd*2\", drums());");
            assertThat(a.console().eval("pat(\"d\", \"bd [sn hh\", drums());"))
                    .contains("expected ']' to close the group opened at column 4", "bd [sn hh", "^");
            assertThat(a.console().eval("pat(\"d\", \"bd kick\", drums());"))
                    .contains("no hit named 'kick'; its names are bd sn hh oh cp lt mt ht", "^");
            assertThat(a.console().eval("pat(\"x\", \"c4\", sine(440));")).contains("plays no notes or hits");
            assertThat(a.runtime().session().patterns().names()).containsExactly("d");
            assertThat(a.runtime().session().slotNames()).containsExactly("d");
            assertThat(a.console().eval("pat(\"n\", \"~ sn\", slot(\"d\").node());")).doesNotContain("rror");
            assertThat(a.runtime().session().patterns().names()).containsExactly("d", "n");
            assertThat(a.runtime().session().slotNames()).as("the kit plays in its own slot").containsExactly("d");
        }
    }

    @Test void undefEndsThePatternAndHushEndsThemAll() throws Exception {
        try (LiveConsole a = LiveConsole.start()) {
            a.console().eval("pat(\"d\", \"bd*2\", drums()); pat(\"m\", \"c4 e4\", synth(4));");
            assertThat(a.console().eval("def(\"s\", saw(110).to(lowpass(800))); pat(\"f\", \"200 2000\", param(slot(\"s\"), \"cutoffHz\", 0));"))
                    .doesNotContain("rror");
            assertThat(a.runtime().session().patterns().names()).containsExactly("d", "m", "f");
            a.console().eval("undef(\"d\");");
            render(a.runtime().engine(), BAR / 2);
            assertThat(a.runtime().session().patterns().names()).containsExactly("m", "f");
            a.console().eval("hush();");
            render(a.runtime().engine(), 2 * BAR);
            assertThat(a.runtime().session().patterns().names()).isEmpty();
            assertThat(a.console().eval("undef(\"nothing\");")).contains("no slot or pattern named \"nothing\"");
            assertThat(a.console().eval("param(slot(\"s\"), \"drive\")")).contains("saw(110) -> lowpass(800) has no parameter 'drive'; parameters:");
            assertThat(a.console().eval(":help patterns")).contains("pat(\"k\", \"bd*4\", drums())", "hush()");
            assertThat(a.console().eval(":help verbs")).contains("patterns:", "param(chain, \"cutoffHz\")");
            a.console().eval("pat(\"d\", \"bd*2\", drums());");
            a.console().eval("stop();");
            assertThat(a.runtime().session().patterns().names()).as("stop() ends the patterns at once").isEmpty();
            a.console().eval("pat(\"d\", \"bd*2\", drums());");
            a.console().eval(":panic");
            assertThat(a.runtime().session().patterns().names()).as(":panic ends them too").isEmpty();
        }
    }

    @Test void aSampleKitPlaysItsFilesByNameAndRefusesOthers(@TempDir Path dir) throws Exception {
        for (String name : new String[] {"kick", "hat"}) {
            try (var w = WavWriter.open(dir.resolve(name + ".wav"), WavFormat.PCM_16, 1, 48_000)) {
                w.write(new float[] {0.5f, 0.25f, -0.5f, 0f}, 4);
            }
        }
        String folder = dir.toString().replace("\\", "\\\\");
        try (LiveConsole a = LiveConsole.start()) {
            assertThat(a.console().eval("pat(\"s\", \"kick hat kick ~\", kit(\"" + folder + "\"));")).doesNotContain("rror");
            float[] out = new float[BAR];
            renderInto(a.runtime().engine(), out, 0, BAR);
            for (int beat = 1; beat < 3; beat++) {                                // beat 0 is inside the slot's fade-in
                assertThat(rmsOf(out, beat * BEAT, 4)).as("a sample at beat %d", beat).isGreaterThan(0.01);
                assertThat(rmsOf(out, beat * BEAT - 1000, 1000)).as("silence before it").isZero();
            }
            assertThat(rmsOf(out, 3 * BEAT, BEAT)).isZero();
            assertThat(a.console().eval("pat(\"s\", \"kick snare\", kit(\"" + folder + "\"));"))
                    .contains("has no hit named 'snare'; its names are hat kick", "^");
        }
    }

    @Test void liveOnThePacedNullDriverTheHitsLandOnTheSamplesTheyLandOnOffline() throws Exception {
        // A dropout (the paced driver late past its buffer: a loaded CI machine) makes the engine fade the block after
        // it on purpose, so a capture with one cannot match the render; such a capture is taken again.
        float[] heard = null;
        long dropouts = 0;
        for (int attempt = 0; attempt < 3 && heard == null; attempt++) {
            try (LiveConsole a = LiveConsole.playing(); MasterListener ears = new MasterListener(a.runtime().engine())) {
                // the scheduler's thread queues 0.1 s ahead by default; a loaded machine can starve it for longer, and
                // an event queued after its sample plays late: this test is about exact samples, not about starvation
                a.runtime().session().patterns().lookAheadSeconds(0.5);
                assertThat(a.console().eval("def(\"d\", drums());")).doesNotContain("rror");
                Thread.sleep(200);                                               // the slot's fade-in is over
                long before = a.runtime().engine().stats().xruns();
                assertThat(a.console().eval("pat(\"d\", \"bd [~ sn] ~ hh\", drums());")).doesNotContain("rror");
                while (ears.frames() < 6 * 48_000) Thread.sleep(20);
                assertThat(ears.dropped()).isZero();
                long during = a.runtime().engine().stats().xruns() - before;
                dropouts += during;
                if (during == 0) heard = ears.left();
            }
        }
        assumeTrue(heard != null, "the paced driver dropped out in each of 3 captures (" + dropouts + " dropouts): the machine is too loaded to compare");
        float[] offline;
        try (LiveConsole b = LiveConsole.start()) {
            b.console().eval("def(\"d\", drums());");
            render(b.runtime().engine(), 48_000);
            b.console().eval("pat(\"d\", \"bd [~ sn] ~ hh\", drums());");
            offline = new float[4 * BAR + 48_000];
            renderInto(b.runtime().engine(), offline, 48_000, offline.length);
        }
        int liveStart = firstSound(heard), offlineStart = firstSound(offline);
        assertThat(liveStart).as("the pattern sounds live").isGreaterThan(0);
        int n = Math.min(heard.length - liveStart, 2 * BAR);
        int differs = Arrays.mismatch(Arrays.copyOfRange(heard, liveStart, liveStart + n),
                Arrays.copyOfRange(offline, offlineStart, offlineStart + n));
        assertThat(differs).as("two bars heard live, hit for hit and sample for sample, as rendered offline; the first"
                + " differing sample after the first sound (-1: none), live %s, offline %s", differs < 0 ? "" : heard[liveStart + differs],
                differs < 0 ? "" : offline[offlineStart + differs]).isEqualTo(-1);
        assertThat(rmsOf(heard, liveStart, n)).isGreaterThan(0.01);
    }

    // ------------------------------------------------------------------ helpers

    static void render(Engine engine, int frames) { engine.render(new float[2 * frames], frames); }

    /** Renders frames {@code from..to} of an engine already rendered to {@code from}; their left channel into {@code left}. */
    static void renderInto(Engine engine, float[] left, int from, int to) {
        float[] stereo = new float[2 * (to - from)];
        engine.render(stereo, to - from);
        for (int i = 0; i < to - from; i++) left[from + i] = stereo[2 * i];
    }

    static int firstSound(float[] x) {
        for (int i = 0; i < x.length; i++) if (x[i] != 0) return i;
        return -1;
    }

    static double rmsOf(float[] x, int from, int n) {
        double s = 0;
        for (int i = from; i < from + n && i < x.length; i++) s += x[i] * x[i];
        return Math.sqrt(s / n);
    }
}
