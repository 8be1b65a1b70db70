package dev.aether.repl.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.repl.console.visual.BrailleCanvas;
import dev.aether.repl.console.visual.PngRenderer;
import dev.aether.repl.console.visual.Response;
import dev.aether.repl.console.visual.Scope;
import dev.aether.repl.console.visual.Spectrogram;
import dev.aether.repl.console.visual.Spectrum;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pictures read back and measured: PNGs written by {@code --png} (ImageIO, pixel by pixel) and the braille text
 * printed at the prompt (dot by dot). Where a value should be is computed here from the axis's definition
 * (a log axis from lo to hi across the plot area), not from the renderer's own mapping.
 */
class PicturesTest extends LiveVisualsTestBase {
    @TempDir Path dir;

    // --- PNG

    @Test void shouldPutTheResponsePlotsMinus3DbCrossingAtTheCutoffsPixelColumn() throws Exception {
        Path file = dir.resolve("lp.png");
        String out = c.eval(":response lowpass(1000) --png " + file);
        assertThat(out).contains("saved " + file, "1600 x 900");
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img.getWidth()).isEqualTo(1600);
        assertThat(img.getHeight()).isEqualTo(900);
        double sr = visuals.sampleRate(), hi = Math.min(20_000, 0.49 * sr);
        Rectangle area = PngRenderer.plotArea(Response.figure(visuals.response("lowpass(1000)", Response.POINTS), "t"), 0, 1600, 900);
        double top = 18, bottom = -60;                                        // a low pass never rises above +18 dB
        double minus3Row = area.y + (top - (-3)) / (top - bottom) * area.height;
        double[] centre = traceCentres(img, area, PngRenderer.SERIES_COLOURS[0]);
        double crossing = Double.NaN;
        for (int x = 1; x < centre.length; x++) {
            if (centre[x - 1] < minus3Row && centre[x] >= minus3Row) {
                crossing = area.x + x - 0.5 + (minus3Row - centre[x - 1]) / (centre[x] - centre[x - 1]);
                break;
            }
        }
        // a cookbook Butterworth low pass at 1 kHz: |H|^2 = 1 / (1 + (f/fc)^4) is -3.000 dB here (bilinear warping at 48 kHz is < 0.1 Hz)
        double fc3 = 1000 * Math.pow(Math.pow(10, 0.3) - 1, 0.25);
        double expected = area.x + Math.log(fc3 / Response.LO_HZ) / Math.log(hi / Response.LO_HZ) * area.width;
        assertThat(crossing).as("pixel column where the magnitude trace crosses -3 dB").isCloseTo(expected, within(1.0));
        double marker = meanColumn(img, area, PngRenderer.MARKER_COLOUR);
        assertThat(marker).as("the dashed -3 dB marker's column").isCloseTo(expected, within(1.0));
    }

    @Test void shouldPutTheSpectrumsPeakAtTheSinesPixelColumn() throws Exception {
        Path file = dir.resolve("spectrum.png");
        assertThat(c.eval(":spectrum sine(1000).to(gain(-6)) --png " + file)).contains("saved " + file);
        BufferedImage img = ImageIO.read(file.toFile());
        double hi = Math.min(20_000, visuals.sampleRate() / 2);
        Rectangle area = PngRenderer.plotArea(Spectrum.figure(visuals.spectrum("sine(1000)", 100, new ArrayList<>()), "t", List.of()), 0, 1600, 900);
        int best = Integer.MAX_VALUE;
        double sum = 0;
        int n = 0;
        for (int x = area.x + 2; x < area.x + area.width - 1; x++) {
            for (int y = area.y + 1; y < area.y + area.height; y++) {
                if (!near(img.getRGB(x, y), PngRenderer.SERIES_COLOURS[0])) continue;
                if (y < best) { best = y; sum = 0; n = 0; }
                if (y == best) { sum += x; n++; }
                break;
            }
        }
        double expected = area.x + Math.log(1000 / Spectrum.LO_HZ) / Math.log(hi / Spectrum.LO_HZ) * area.width;
        assertThat(sum / n + 0.5).as("pixel column (centre) of the spectrum's highest point").isCloseTo(expected, within(1.0));
        double peakDb = (best - area.y) / (double) area.height * Spectrum.PLOT_FLOOR_DB;
        assertThat(peakDb).as("the peak's level read off the picture: a sine of amplitude 0.5 is -6 dBFS").isCloseTo(-6.02, within(0.6));
    }

    @Test void shouldShowElevenPeriodsOf220HzInA52MillisecondScope() throws Exception {
        Path file = dir.resolve("scope.png");
        String out = c.eval(":scope 52 sine(220) --png " + file);
        assertThat(out).contains("rendered from copies of sine(220)", "saved " + file);
        BufferedImage img = ImageIO.read(file.toFile());
        Rectangle area = PngRenderer.plotArea(Scope.figure(visuals.scope(52, "sine(220)", new ArrayList<>()), "t", List.of()), 0, 1600, 900);
        double zero = area.y + area.height / 2.0;                              // the amplitude axis is -1..1
        double[] centre = traceCentres(img, area, PngRenderer.SERIES_COLOURS[0]);
        int up = 0, down = 0, side = 0;                                        // side: +1 above zero, -1 below
        for (double y : centre) {
            if (Double.isNaN(y) || Math.abs(y - zero) < 4) continue;           // a dead band around the zero line
            int s = y < zero ? 1 : -1;
            if (side == -1 && s == 1) up++;
            if (side == 1 && s == -1) down++;
            side = s;
        }
        // 52 ms of 220 Hz is 11.44 periods from an upward zero crossing: 11 more rising and 11 falling crossings
        assertThat(up).as("upward zero crossings of the trace in pixels").isEqualTo(11);
        assertThat(down).as("downward zero crossings of the trace in pixels").isEqualTo(11);
    }

    @Test void shouldShowASinesLineInTheSpectrogramAtItsFrequency() throws Exception {
        Path file = dir.resolve("gram.png");
        assertThat(c.eval(":spectrogram 1 sine(1000) --png " + file)).contains("saved " + file);
        BufferedImage img = ImageIO.read(file.toFile());
        double hi = Math.min(20_000, visuals.sampleRate() / 2);
        Rectangle area = PngRenderer.plotArea(Spectrogram.figure(new float[4096], visuals.sampleRate(), 2, "t", List.of()), 0, 1600, 900);
        int x = area.x + area.width / 2, brightest = -1;
        double best = -1;
        for (int y = area.y + 1; y < area.y + area.height; y++) {
            Color p = new Color(img.getRGB(x, y));
            double b = p.getRed() + p.getGreen() + p.getBlue();
            if (b > best) { best = b; brightest = y; }
        }
        double expected = area.y + (1 - Math.log(1000 / Spectrum.LO_HZ) / Math.log(hi / Spectrum.LO_HZ)) * area.height;
        assertThat((double) brightest).as("row of the brightest pixel half way through").isCloseTo(expected, within(4.0));
    }

    @Test void shouldRefuseAPngPathItCannotWriteWithTheConsolesFileMessage() {
        Path missing = dir.resolve("no/such/dir/lp.png");
        assertThat(c.eval(":response lowpass(1000) --png " + missing)).as("refused before anything is drawn")
                .startsWith(":response: no such directory: " + missing.getParent()).contains("create it first")
                .doesNotContain("magnitude (dB)");
        assertThat(c.eval(":scope 20 sine(220) --png " + dir)).contains("is a directory: " + dir);
        assertThat(c.eval(":spectrum sine(100) --png")).contains("--png needs a file name");
    }

    // --- braille

    @Test void shouldPutTheSpectrumsHighestDotInTheSinesDotColumn() {
        String shown = c.eval(":spectrum sine(1000).to(gain(-6))");
        List<String> rows = new ArrayList<>();
        for (String line : shown.lines().toList()) {
            if (line.length() > 9 && (line.charAt(8) == '┤' || line.charAt(8) == '│')) rows.add(line.substring(9));
        }
        assertThat(rows).as("plot rows of the braille picture").hasSizeGreaterThan(8);
        int cells = rows.get(0).length(), highest = Integer.MAX_VALUE;
        double sum = 0;
        int n = 0;
        for (int r = 0; r < rows.size() && n == 0; r++) {
            for (int dy = 0; dy < 4 && n == 0; dy++) {
                for (int cell = 0; cell < cells; cell++) {
                    for (int dx = 0; dx < 2; dx++) {
                        if (BrailleCanvas.dotOf(rows.get(r).charAt(cell), dx, dy)) { sum += 2 * cell + dx; n++; highest = 4 * r + dy; }
                    }
                }
            }
        }
        double hi = Math.min(20_000, visuals.sampleRate() / 2);
        double expected = Math.floor(Math.log(1000 / Spectrum.LO_HZ) / Math.log(hi / Spectrum.LO_HZ) * 2 * cells);
        assertThat(sum / n).as("dot column of the highest dot (row " + highest + ")").isCloseTo(expected, within(1.0));
    }

    @Test void shouldLabelTheAxesOfTheBraillePictureWithUnits() {
        String shown = c.eval(":envelope adsr(0.01, 0.1, 0.5, 0.2) 0.3");
        assertThat(shown).contains("time (ms)", "level", "gate on for 300 ms");
        assertThat(c.eval(":spectrogram 0.5 saw(220)")).contains("frequency (Hz)", "time (s)");
    }

    @Test void shouldExplainThePicturesInHelp() {
        assertThat(c.eval(":help pictures")).contains(":scope [MS] [EXPR]", ":compare A B", "--png FILE", "docs/pictures.md");
        assertThat(c.eval(":help analyze")).contains(":analyze [EXPR]", "THD+N", "Blackman-Harris");
        assertThat(c.eval(":help response")).contains("-3 dB points", "--png FILE also saves a 1600 x 900 picture");
        assertThat(c.eval(":help")).contains(":spectrogram [SECONDS] [EXPR] [--png FILE]", ":envelope EXPR [HOLD_S] [--png FILE]", ":help pictures");
    }

    // --- helpers

    static boolean near(int rgb, Color c) {
        Color p = new Color(rgb);
        return Math.abs(p.getRed() - c.getRed()) + Math.abs(p.getGreen() - c.getGreen()) + Math.abs(p.getBlue() - c.getBlue()) < 60;
    }

    /** For each pixel column of the area, the mean row of the pixels in colour {@code c} (NaN when none). */
    static double[] traceCentres(BufferedImage img, Rectangle a, Color c) {
        double[] out = new double[a.width];
        for (int x = 0; x < a.width; x++) {
            double sum = 0;
            int n = 0;
            for (int y = a.y + 1; y < a.y + a.height; y++) {
                if (near(img.getRGB(a.x + x, y), c)) { sum += y; n++; }
            }
            out[x] = n == 0 ? Double.NaN : sum / n + 0.5;                    // Java2D pixel (x, y) spans [y, y + 1)
        }
        return out;
    }

    /** The mean of the columns holding most pixels in colour {@code c} inside the area (a vertical line, not its label). */
    static double meanColumn(BufferedImage img, Rectangle a, Color c) {
        int[] count = new int[a.width];
        int max = 0;
        for (int x = 0; x < a.width; x++) {
            for (int y = a.y + 1; y < a.y + a.height; y++) if (near(img.getRGB(a.x + x, y), c)) count[x]++;
            max = Math.max(max, count[x]);
        }
        double sum = 0;
        int n = 0;
        for (int x = 0; x < a.width; x++) if (count[x] > max / 2) { sum += a.x + x + 0.5; n++; }
        return sum / n;
    }
}
