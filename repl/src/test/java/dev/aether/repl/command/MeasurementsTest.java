package dev.aether.repl.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.repl.console.visual.ChainRender;
import dev.aether.repl.console.visual.EnvelopeShape;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code :compare} (the null test), {@code :analyze} and {@code :envelope} at the prompt. */
class MeasurementsTest extends LiveVisualsTestBase {
    static final String THRU = """
            class Thru implements DspNode {
                final InputPort in = Ports.audioIn("in");
                final OutputPort out = Ports.audioOut("out");
                public void process(ProcessContext c) {
                    System.arraycopy(c.in(in), 0, c.out(out), 0, c.frames());
                }
            }""";
    /** Passes its input, plus 0.001 at sample 1000 only. */
    static final String BLIP = """
            class Blip implements DspNode {
                final InputPort in = Ports.audioIn("in");
                final OutputPort out = Ports.audioOut("out");
                long t;
                public void process(ProcessContext c) {
                    float[] x = c.in(in), y = c.out(out);
                    for (int i = 0; i < c.frames(); i++) y[i] = x[i] + (t + i == 1000 ? 0.001f : 0f);
                    t += c.frames();
                }
            }""";


    @Test void shouldFindAnExactNullBetweenIdenticalChains() {
        assertThat(c.eval(":compare lowpass(800) lowpass(800)")).startsWith("identical: A (lowpass(800)) and B (lowpass(800)) give the same 48000 samples");
        assertThat(c.eval(":compare saw(110).to(lowpass(800, 2)) saw(110).to(lowpass(800, 2))")).startsWith("identical");
    }

    @Test void shouldFindASmallButNonZeroDifferenceBetween800And801Hz() throws Exception {
        String out = c.eval(":compare lowpass(800) lowpass(801)");
        assertThat(out).startsWith("they differ on 1 s of white noise");
        double peak = number(out, "peak (-?[0-9.]+) dBFS"), rms = number(out, "RMS (-?[0-9.]+) dBFS \\(");
        // 1 Hz of 800 moves the response by at most ~0.02 dB (1 - 0.998 of the signal near the knee): about -60 dB of it
        assertThat(peak).as("peak of the difference (dBFS)").isBetween(-90.0, -40.0);
        assertThat(rms).as("RMS of the difference (dBFS)").isBetween(-100.0, -50.0).isLessThan(peak);
        int first = (int) number(out, "first at sample (\\d+)");
        float[] noise = ChainRender.whiteNoise(48_000, 0.5);
        float[] a = ChainRender.render(visuals.nodesOf("lowpass(800)"), noise, 48_000, 48_000, true);
        float[] b = ChainRender.render(visuals.nodesOf("lowpass(801)"), noise, 48_000, 48_000, true);
        int expected = 0;
        while (a[expected] == b[expected]) expected++;
        assertThat(first).as("first differing sample, found by rendering the two here").isEqualTo(expected);
    }

    @Test void shouldNameTheFirstDifferingSampleAndTheDifferenceOfAUserNode() throws Exception {
        c.eval(THRU);
        c.eval(BLIP);
        assertThat(c.eval(":compare new Thru() new Thru()")).startsWith("identical");
        String out = c.eval(":compare new Thru() new Blip()");
        assertThat(out).contains("first at sample 1000 (20.833 ms)");
        assertThat(number(out, "peak (-?[0-9.]+) dBFS")).as("peak: 0.001 is -60 dBFS").isBetween(-60.01, -59.99);
        assertThat(number(out, "RMS (-?[0-9.]+) dBFS \\(")).as("RMS: one sample of 0.001 in 48000").isBetween(-106.83, -106.79);
    }

    /** A playing filter rings; the null test starts both copies from rest, so its ringing is no difference. */
    @Test void shouldNullAPlayingFilterAgainstAFreshOne() throws Exception {
        c.eval("var f = lowpass(900, 2);");
        c.eval("play(saw(110).to(f))");
        rt.engine().render(new float[2 * 4_801], 4_801);
        assertThat(c.eval(":compare f lowpass(900, 2)")).startsWith("identical");
    }

    @Test void shouldExplainAMalformedCompare() {
        assertThat(c.eval(":compare lowpass(800)")).contains("usage: :compare A B");
        assertThat(c.eval(":compare 1 lowpass(800)")).contains("1 is not a node or chain but Integer");
    }

    @Test void shouldAnalyseASineAsPureAndAShapedOneAsRich() {
        String pure = c.eval(":analyze sine(1000)");
        assertThat(pure).contains("fundamental 1000.00 Hz", "THD+N");
        assertThat(number(pure, "THD +[0-9.e-]+ % \\((-?[0-9.]+) dB")).as("THD of the stdlib sine (dB; -136 measured)").isLessThan(-100);
        String shaped = c.eval(":analyze shaper(24)");
        assertThat(shaped).as("a shaper fed a 1 kHz sine").contains("fundamental 1000.00 Hz");
        assertThat(number(shaped, "THD +[0-9.e-]+ % \\((-?[0-9.]+) dB")).as("a 24 dB drive distorts").isGreaterThan(-30);
    }

    @Test void shouldAnalyseTheMasterAsItPlays() throws Exception {
        rt.engine().start(new dev.aether.core.driver.PacedNullDriver(dev.aether.core.driver.DriverConfig.defaults().sampleRateHz(48_000)));
        c.eval("play(sine(440).to(gain(-6)))");
        String out = steadyCapture(100, () -> c.eval(":analyze"));
        assertThat(out).contains("fundamental 440.00 Hz");
        assertThat(number(out, "fundamental 440.00 Hz at (-?[0-9.]+) dBFS")).as("-6 dB of a full-scale sine, after the master")
                .isBetween(-6.5, -5.5);
    }

    /** A slot named by its name: rendered on copies whether or not it plays. */
    @Test void shouldShowASlotByItsName() throws Exception {
        c.eval("def(\"bass\", saw(55).to(lowpass(400)))");
        java.util.List<String> notes = new java.util.ArrayList<>();
        dev.aether.repl.console.visual.Spectrum.Bands b = visuals.spectrum("\"bass\"", 400, notes);
        int loudest = 0;
        for (int i = 1; i < b.db().length; i++) if (b.db()[i] > b.db()[loudest]) loudest = i;
        assertThat(b.hz()[loudest]).as("the saw's fundamental is its loudest partial").isBetween(53.0, 57.0);
        assertThat(notes).containsExactly("rendered from copies of \"bass\" (what plays is untouched)");
        assertThat(c.eval(":scope 40 slot(\"bass\")")).contains("time (ms)");
        assertThat(c.eval(":spectrum \"nosuch\"")).contains("nosuch");
    }

    @Test void shouldDrawTheAdsrThroughItsStages() throws Exception {
        float[] y = EnvelopeShape.render(visuals.nodesOf("adsr(0.01, 0.1, 0.5, 0.2)"), 0.3, 48_000);
        assertThat(y[479]).as("attack reaches 1 at sample A - 1").isEqualTo(1f, org.assertj.core.data.Offset.offset(1e-3f));
        assertThat(y[(int) (0.2 * 48_000)]).as("sustain").isEqualTo(0.5f, org.assertj.core.data.Offset.offset(1e-3f));
        assertThat(y[(int) (0.5 * 48_000) + 10]).as("released after 0.2 s").isLessThan(1e-3f);
        assertThat(y.length).as("shown until silent, plus a tenth").isBetween((int) (0.5 * 48_000), (int) (0.6 * 48_000));
    }

    static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in\n" + text).isTrue();
        return Double.parseDouble(m.group(1));
    }

}
