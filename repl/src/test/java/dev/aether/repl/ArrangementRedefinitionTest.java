package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.arrange.live.LiveArrangement;
import dev.aether.core.io.WavFormat;
import dev.aether.core.io.WavWriter;
import dev.aether.repl.console.ScriptedConsole;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user {@code DspNode} class in an arrangement, redefined at the prompt, is swapped in the arrangement as in a live
 * slot: an effect in a track's chain (an engine node: the arrangement's chain, wiring and lanes follow the new
 * instance) and a track's instrument (run inside the track's source: a new source replaces it), with state carried.
 */
class ArrangementRedefinitionTest {
    @TempDir Path dir;
    AetherRuntime rt;
    ScriptedConsole c;
    LiveConsole live;

    @BeforeEach void start() throws Exception {
        live = LiveConsole.start();
        rt = live.runtime();
        c = live.console();
    }

    @AfterEach void stop() { live.close(); }

    private float[] render(double seconds) {
        int frames = (int) Math.round(seconds * 48_000);
        float[] out = new float[2 * frames];
        rt.engine().render(out, frames);
        return out;
    }

    /** The mean of the left channel over {@code out}. */
    private static double meanLeft(float[] out) {
        double s = 0;
        for (int i = 0; i < out.length; i += 2) s += out[i];
        return s / (out.length / 2);
    }

    private LiveArrangement arr() { return rt.session().withArrangement(a -> a.live()); }

    /** A mono float file of a constant 0.5 for {@code seconds}. */
    private Path dc(double seconds) throws Exception {
        Path f = dir.resolve("dc.wav");
        float[] x = new float[(int) Math.round(seconds * 48_000)];
        Arrays.fill(x, 0.5f);
        try (WavWriter w = WavWriter.open(f, WavFormat.FLOAT_32, 1, 48_000)) { w.write(x, x.length); }
        return f;
    }

    static final String HALF_V1 = """
            class Half implements DspNode {
                final InputPort in = Ports.audioIn("in");
                final OutputPort out = Ports.audioOut("out");
                final SmoothedParam level = Params.unit("level", 1);
                long seen;
                public void process(ProcessContext c) {
                    float[] x = c.in(in), y = c.out(out);
                    float g = (float) level.currentRt();
                    level.advanceRt(c.frames());
                    for (int i = 0; i < c.frames(); i++) y[i] = 0.5f * g * x[i];
                    seen += c.frames();
                }
            }""";
    /** Quarter gain, but only once it has seen a second: from a fresh state it would pass the input unchanged. */
    static final String HALF_V2 = HALF_V1.replace("y[i] = 0.5f * g * x[i];", "y[i] = (seen >= 48_000 ? 0.25f : 1f) * g * x[i];");

    @Test
    void shouldSwapAUserEffectInATracksChainCarryingItsStateAndKeepItsLane() throws Exception {
        Path f = dc(20);
        assertThat(c.eval(HALF_V1)).contains("created class Half");
        assertThat(c.eval("track(\"a\").fx(new Half()).clip(sample(\"" + f + "\"), bar(1))")).doesNotContain("rror", "xception");
        c.eval("arr.play()");
        render(1.5);
        double before = meanLeft(render(0.2));
        assertThat(before).as("0.5 through Half (centre pan, 0 dB)").isGreaterThan(0.1);
        String swap = c.eval(HALF_V2);
        assertThat(swap).contains("swapped Half", "carried: ").contains("seen");
        render(0.1);                                                      // the crossfade
        double after = meanLeft(render(0.2));
        assertThat(after / before).as("the new code plays, continuing from the old state (seen ≥ 1 s)").isCloseTo(0.5, within(1e-3));
        // the lane on fx[0].level now drives the new instance: at bar 3 (4 s) and after, level 0.5
        c.eval("automate(track(\"a\"), \"fx[0].level\", point(bar(1), 1), point(bar(3), 0.5, \"hold\"))");
        render(3.0);
        double laned = meanLeft(render(0.2));
        assertThat(laned / after).as("the lane reaches the swapped-in effect").isCloseTo(0.5, within(1e-3));
        c.eval("track(\"a\").volume(-6)");                                    // a later edit of the track: no stale wire
        render(0.1);
        assertThat(meanLeft(render(0.2)) / laned).as("-6 dB after an edit").isCloseTo(Math.pow(10, -6 / 20.0), within(1e-3));
        assertThat(rt.engine().nodes().stream().filter(n -> n.node().getClass().getSimpleName().equals("Half")).count())
                .as("one Half in the engine").isEqualTo(1);
    }

    static final String TONE_V1 = """
            class Tone implements DspNode, dev.aether.arrange.live.NotePlayer {
                final OutputPort out = Ports.audioOut("out");
                int held = -1;
                public void noteOnRt(int key, double velocity, long atSample) { held = key; }
                public void noteOffRt(int key, long atSample) { if (key == held) held = -1; }
                public void allNotesOffRt(long atSample) { held = -1; }
                public void process(ProcessContext c) {
                    float[] y = c.out(out);
                    for (int i = 0; i < c.frames(); i++) y[i] = held < 0 ? 0f : 0.5f;
                }
            }""";
    static final String TONE_V2 = TONE_V1.replace("0.5f;", "0.25f;");

    @Test
    void shouldSwapAUserInstrumentOfATrackKeepingItsHeldNote() throws Exception {
        c.eval(TONE_V1);
        c.eval("instrument(\"keys\", new Tone()).notes(bar(1), bars(4), \"c4\")");    // one note a bar
        c.eval("arr.play()");
        render(0.5);
        double before = meanLeft(render(0.2));
        assertThat(before).as("the note held by Tone").isGreaterThan(0.1);
        Class<?> oldClass = arr().instruments().get(0).getClass();
        String swap = c.eval(TONE_V2);
        assertThat(swap).contains("swapped instrument Tone", "track \"keys\"", "carried: held");
        render(0.05);
        double after = meanLeft(render(0.2));
        assertThat(after / before).as("the held note goes on in the new code (its key carried, not chased again)").isCloseTo(0.5, within(1e-3));
        assertThat(arr().instruments().get(0).getClass()).as("the arrangement's instrument is of the new class").isNotSameAs(oldClass);
        assertThat(arr().instruments().get(0).getClass().getSimpleName()).isEqualTo("Tone");
        render(1.5);                                                          // bar 2's note, on the new instrument
        double next = meanLeft(render(0.2));
        assertThat(next).as("the next bar's note plays on the new instrument").isCloseTo(after, within(1e-3));
        c.eval("track(\"keys\").volume(-6)");
        render(0.1);
        assertThat(meanLeft(render(0.2)) / next).as("-6 dB after an edit").isCloseTo(Math.pow(10, -6 / 20.0), within(1e-3));
    }
}
