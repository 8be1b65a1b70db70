package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.repl.console.ScriptedConsole;
import dev.aether.testkit.signals.Signals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code :lint} at the real console, typed at, the engine rendered offline between inputs: warn (the default) shows
 * each finding with its line, column and caret and defines the class; strict refuses it and the old code keeps
 * playing; off checks nothing.
 */
class LintConsoleTest {
    static final String LEVEL = """
            class Level implements DspNode {
                final InputPort in = Ports.audioIn("in");
                final OutputPort out = Ports.audioOut("out");
                double k = 0.5;
                public void process(ProcessContext c) {
                    float[] x = c.in(in), y = c.out(out);
                    for (int i = 0; i < c.frames(); i++) y[i] = (float) (k * x[i]);
                }
            }""";
    static final String LEVEL_ALLOCATING = LEVEL.replace("float[] x = c.in(in), y = c.out(out);",
            "float[] x = c.in(in), y = c.out(out), tmp = new float[c.frames()];");

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

    @Test void shouldWarnWithLineColumnAndCaretAndDefineTheClass() {
        assertThat(c.eval(":lint")).isEqualTo("lint: warn (:lint off|warn|strict)");

        String out = c.eval(LEVEL_ALLOCATING.replace("Level", "Grain"));

        assertThat(out).contains(
                "warning: on the audio thread, Grain.process allocates a float[]: allocate it in"
                        + " prepare(sampleRate, maxFrames) and reuse it",
                "at line 6, column 53:",
                "float[] x = c.in(in), y = c.out(out), tmp = new float[c.frames()];\n"
                        + " ".repeat(2 + 52) + "^~~",
                "Grain: 1 real-time finding on the audio thread (:lint strict refuses such a class, :lint off hides"
                        + " this)",
                "created class Grain");
        c.eval("play(sine(220).to(new Grain()))");
        render(0.1);
        assertThat(Signals.peak(render(0.5))).as("the warned class plays").isGreaterThan(0.3);
    }

    @Test void shouldRefuseInStrictModeWhileTheOldCodeKeepsPlaying() {
        assertThat(c.eval(LEVEL)).isEqualTo("created class Level");
        c.eval("play(sine(220).to(new Level()))");
        render(0.1);
        double before = Signals.peak(render(0.5));
        assertThat(c.eval(":lint strict"))
                .isEqualTo("lint: strict, a class with findings is refused and the old definition stays in use");

        String out = c.eval(LEVEL_ALLOCATING.replace("k = 0.5", "k = 1.0"));

        assertThat(out).contains("warning: on the audio thread, Level.process allocates a float[]",
                "error: refused class Level (:lint strict): 1 real-time finding on the audio thread; the old"
                        + " definition is still in use (fix them, or :lint warn)")
                .doesNotContain("swapped", "replaced class");
        render(0.1);
        assertThat(Signals.peak(render(0.5))).as("the old code keeps playing").isCloseTo(before, within(0.01));
        assertThat(c.eval("new Level().k")).endsWith("==> 0.5");

        assertThat(c.eval(LEVEL.replace("(k * x[i])", "(0.5 * k * x[i])"))).contains("replaced class Level", "swapped");
        render(0.1);
        assertThat(Signals.peak(render(0.5))).as("a clean redefinition still swaps").isCloseTo(before / 2,
                within(0.02));
    }

    @Test void shouldCheckNothingWhenOff() {
        assertThat(c.eval(":lint off")).isEqualTo("lint: off, classes are not checked");
        assertThat(c.eval(LEVEL_ALLOCATING)).isEqualTo("created class Level");
        assertThat(c.eval(":lint loud")).contains("unknown lint mode 'loud': use :lint off, :lint warn or :lint strict");
    }

    @Test void shouldExplainTheLintInHelp() {
        assertThat(c.eval(":help lint")).startsWith(":lint [off|warn|strict]")
                .contains("allocate (new, arrays", ":lint strict  print them and refuse the class");
    }

    private float[] render(double seconds) {
        int frames = (int) (seconds * 48_000);
        float[] out = new float[2 * frames];
        rt.engine().render(out, frames);
        rt.faults().drain();
        return out;
    }
}
