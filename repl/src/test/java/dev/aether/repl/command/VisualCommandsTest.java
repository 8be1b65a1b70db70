package dev.aether.repl.command;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.core.driver.DriverConfig;
import dev.aether.core.driver.PacedNullDriver;
import java.util.ArrayList;
import dev.aether.repl.console.visual.Response;
import dev.aether.repl.console.visual.Scope;
import dev.aether.repl.console.visual.Spectrum;
import org.junit.jupiter.api.Test;

/** {@code :scope}, {@code :spectrum} and {@code :response}: the data behind the plots, and the plots printed. */
class VisualCommandsTest extends LiveVisualsTestBase {
    static final int COLUMNS = 80;

    @Test void shouldPutTheKneeOfLowpass1000At1kHz() throws Exception {
        Response.Curve curve = visuals.response("lowpass(1000)", Response.POINTS);
        assertThat(curve.minus3DbHz()).as("-3 dB crossings").hasSize(1);
        // Butterworth: |H|^2 = 1 / (1 + (f/fc)^4) puts -3.0103 dB (half power) at fc and -3.000 dB a little below
        double expected = 1000 * Math.pow(Math.pow(10, 0.3) - 1, 0.25);
        assertThat(curve.minus3DbHz().get(0)).as("-3 dB frequency of a Butterworth low pass at 1 kHz").isCloseTo(expected, within(0.1));
        int at100 = nearest(curve.hz(), 100), at10k = nearest(curve.hz(), 10_000);
        assertThat(curve.db()[at100]).as("pass band near 100 Hz").isCloseTo(0, within(0.1));
        assertThat(curve.db()[at10k]).as("a decade above, 40 dB per decade down").isBetween(-45.0, -35.0);
        String shown = c.eval(":response lowpass(1000)");
        assertThat(shown).contains("-3 dB at 999 Hz", "┤", "1k", "magnitude (dB)", "phase (degrees)", "frequency (Hz)")
                .as("drawn in braille dots, no block characters").containsPattern("[\u2801-\u28ff]").doesNotContain("█");
    }

    @Test void shouldShowTheResonancePeakOfAHighQ() throws Exception {
        Response.Curve curve = visuals.response("lowpass(800, 4);", Response.POINTS);
        double peak = Double.NEGATIVE_INFINITY;
        for (double d : curve.db()) peak = Math.max(peak, d);
        assertThat(peak).as("peak of Q = 4 is about 20 log10(4) = 12 dB").isCloseTo(12.0, within(0.6));
        assertThat(curve.minus3DbHz()).as("above the peak, the response falls through -3 dB once").hasSize(1);
    }

    @Test void shouldMeasureANodeWithoutAFormulaFromItsImpulseResponse() throws Exception {
        Response.Curve curve = visuals.response("lp1(1000)", Response.POINTS);
        assertThat(curve.minus3DbHz()).hasSize(1);
        assertThat(curve.minus3DbHz().get(0)).as("-3 dB of the one-pole low pass at 1 kHz").isCloseTo(1000, within(30.0));
    }

    /** The node plays and holds state (a saw went through it); :response measures copies and leaves it alone. */
    @Test void shouldMeasureAPlayingNodeOnCopiesAndLeaveItAlone() throws Exception {
        c.eval("var f = lp1(1000);");
        c.eval("play(saw(110).to(f))");
        rt.engine().render(new float[2 * 4_801], 4_801);
        String state = c.eval("f.node().saveState()").replaceFirst("^\\$\\d+ ==> ", "");
        assertThat(state).as("the playing filter holds a non-zero state").contains("State[s=").doesNotContain("s=0.0]");
        Response.Curve curve = visuals.response("f", Response.POINTS);
        assertThat(curve.minus3DbHz()).hasSize(1);
        assertThat(curve.minus3DbHz().get(0)).as("-3 dB of the playing one-pole, its ringing subtracted")
                .isCloseTo(1000, within(30.0));
        assertThat(c.eval("f.node().saveState()")).as("the playing node is untouched").endsWith(" ==> " + state);
        assertThat(c.eval(":response f")).contains("-3 dB at");
        assertThat(c.eval("f.node().saveState()")).endsWith(" ==> " + state);
    }

    @Test void shouldExplainWhatIsWrongWithTheExpression() {
        assertThat(c.eval(":response 42")).startsWith(":response: 42 is not a node or chain but Integer");
        assertThat(c.eval(":response nosuch(3)")).startsWith(":response: not an expression: nosuch(3)");
        assertThat(c.eval(":scope 20")).isEqualTo(":scope: nothing is rendering: no audio driver runs");
    }

    @Test void shouldShowElevenCyclesOf220HzIn52Milliseconds() throws Exception {
        rt.engine().start(new PacedNullDriver(DriverConfig.defaults().sampleRateHz(48_000)));
        c.eval("play(sine(220))");
        Scope.Trace t = steadyCapture(100, () -> visuals.scope(52, "", new ArrayList<>()));
        assertThat(t.millis()).isCloseTo(52, within(0.05));
        assertThat(Scope.cycles(t)).as("cycles of 220 Hz in 52 ms (11.44), triggered at an upward crossing").isEqualTo(11);
        double top = 0;
        for (float h : t.samples()) top = Math.max(top, h);
        assertThat(top).as("the trace reaches the sine's peak").isGreaterThan(0.5);
        String shown = c.eval(":scope 52");
        assertThat(shown).contains("time (ms)", "50", "the master output").containsPattern("[\u2801-\u28ff]");
        assertThat(shown.lines().count()).as("as high as the terminal (24 rows when unknown) less the prompt's 3 and the typed command")
                .isEqualTo(24 - 3 - 1);
    }

    @Test void shouldPeakTheSpectrumAtTheFrequencyThatPlays() throws Exception {
        rt.engine().start(new PacedNullDriver(DriverConfig.defaults().sampleRateHz(48_000)));
        c.eval("play(sine(1000))");
        Spectrum.Bands b = steadyCapture(100, () -> visuals.spectrum("", COLUMNS, new ArrayList<>()));
        int loudest = 0;
        for (int i = 1; i < b.db().length; i++) if (b.db()[i] > b.db()[loudest]) loudest = i;
        double ratio = Math.pow(b.hiHz() / b.loHz(), 1.0 / COLUMNS);
        assertThat(b.hz()[loudest]).as("centre of the loudest column").isBetween(1000 / ratio, 1000 * ratio);
        assertThat(b.db()[nearest(b.hz(), 100)]).as("level at 100 Hz")
                .isLessThan(b.db()[loudest] - 60);
        assertThat(c.eval(":spectrum")).contains("level (dBFS)", "1k");
    }

    static int nearest(double[] hz, double f) {
        int best = 0;
        for (int i = 1; i < hz.length; i++) if (Math.abs(Math.log(hz[i] / f)) < Math.abs(Math.log(hz[best] / f))) best = i;
        return best;
    }
}
