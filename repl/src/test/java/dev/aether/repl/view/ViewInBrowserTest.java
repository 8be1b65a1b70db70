package dev.aether.repl.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.core.NodeId;
import dev.aether.repl.LiveConsole;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code :view} in a real headless browser (Debian's {@code chromium}): a console plays a sine on the paced null
 * driver, the browser loads the page, runs its script on {@value #FRAMES} live frames of the event stream and dumps
 * the DOM it drew; the spectrum's peak must sit at the sine's frequency (within one FFT bin) — at 1000 Hz, then, after
 * the slot is redefined, at 2500 Hz, so no constant passes — the graph must list the playing slot's node, the edited
 * slot must be highlighted and the cpu figures shown.
 *
 * <p>Without chromium the test is skipped with a message, unless {@code AETHER_BROWSER_TESTS=required} (CI sets it),
 * which makes it fail. {@code AETHER_BROWSER} names another Chromium-like binary. Chromium starts in about 3-5 s here;
 * the whole test takes about 15-25 s.
 */
class ViewInBrowserTest {
    static final int FRAMES = 12;
    static final long BROWSER_TIMEOUT_SECONDS = 90;

    @TempDir Path profile;                   // chromium's profile, its output and log

    @Test void shouldShowTheSineAtItsFrequencyTheSlotAndTheCpuFiguresInABrowser() throws Exception {
        String browser = browser();
        try (LiveConsole live = LiveConsole.playing()) {
            URI url = ViewServerTest.urlIn(live.console().eval(":view"));
            live.console().eval("def(\"tone\", sine(1000))");
            String dom = dumpDom(browser, url.resolve("/?frames=" + FRAMES));
            checkPage(dom, live, 1000);

            live.console().eval("def(\"tone\", sine(2500))");       // the same slot, another frequency
            Thread.sleep(400);                                        // crossfade (50 ms) and a fresh capture (170 ms)
            String again = dumpDom(browser, url.resolve("/?frames=" + FRAMES));
            checkPage(again, live, 2500);
        }
    }

    /** Checks the page as the browser left it against a sine of {@code hz} in slot "tone". */
    static void checkPage(String dom, LiveConsole live, double hz) {
        assertThat(attr(dom, "body", "data-frames")).as("frames the page's script received and drew; the DOM: %s", dom)
                .isEqualTo(String.valueOf(FRAMES));
        assertThat(attr(dom, "body", "data-done")).as("the stream ended after %d frames", FRAMES).isEqualTo("true");

        double bin = Double.parseDouble(attr(dom, "svg id=\"spectrum\"", "data-bin-hz"));
        assertThat(bin).as("FFT bin width at 48 kHz").isCloseTo(48_000.0 / FrameBuilder.SPECTRUM_FRAMES, within(0.001));
        double peak = Double.parseDouble(attr(dom, "svg id=\"spectrum\"", "data-peak-hz"));
        assertThat(peak).as("the spectrum's peak sits at the sine's %s Hz, within one bin", hz).isCloseTo(hz, within(bin));
        double drawn = Double.parseDouble(attr(dom, "svg id=\"spectrum\"", "data-drawn-peak-hz"));
        double column = Math.pow(20_000.0 / 20, 1.0 / FrameBuilder.SPECTRUM_COLUMNS);      // ratio of neighbouring columns
        assertThat(drawn / hz).as("the highest point the page drew is the sine's column (±1)")
                .isBetween(1 / (column * column), column * column);
        assertThat(dom).as("the peak is labelled").containsPattern("peak " + Math.round(peak) + " Hz, -?\\d+\\.\\d dB");
        double x = Double.parseDouble(attr(dom, "svg id=\"spectrum\"", "data-drawn-peak-x"));
        double expectedX = 52 + (800 - 52 - 12) * Math.log(hz / 20) / Math.log(20_000.0 / 20);
        assertThat(x).as("the peak's x on the 800-wide log axis").isCloseTo(expectedX, within(2.0 * 736 / FrameBuilder.SPECTRUM_COLUMNS + 1));

        NodeId id = live.runtime().session().idOf(live.runtime().session().slot("tone").node());
        String label = live.runtime().engine().info(id).label();
        assertThat(attr(dom, "svg id=\"graph\"", "data-slots").split("\\|")).as("slots in the graph").containsExactly("tone");
        assertThat(attr(dom, "svg id=\"graph\"", "data-nodes").split("\\|")).as("nodes in the graph")
                .contains(label, live.runtime().engine().info(live.runtime().engine().masterId()).label());
        assertThat(dom).as("the slot's node is drawn highlighted as just edited")
                .containsPattern("<g class=\"node edited[^\"]*\" data-label=\"" + Pattern.quote(label) + "\" data-slot=\"tone\"");
        assertThat(attr(dom, "p id=\"edited\"", "data-slot")).isEqualTo("tone");

        assertThat(Double.parseDouble(attr(dom, "dl id=\"cpu\"", "data-load-percent"))).as("cpu load shown").isBetween(0.0, 1000.0);
        assertThat(attr(dom, "dl id=\"cpu\"", "data-xruns")).matches("\\d+");
        assertThat(dom).contains("<dt>load</dt>", "% of the block deadline", "<dt>worst stall</dt>");
    }

    /** The value of {@code name} on the element whose tag starts with {@code tagStart}; fails when absent. */
    static String attr(String dom, String tagStart, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(tagStart) + "[^>]*?\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(dom);
        assertThat(m.find()).as("<%s ... %s=...> in the page the browser drew:%n%s", tagStart, name, dom).isTrue();
        return m.group(1);
    }

    /** Loads {@code url} in headless chromium and returns the DOM once the page's stream ended. */
    String dumpDom(String browser, URI url) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile.resolve("profile"),
                // virtual time runs only while no request is open: the page's finite stream keeps it still until it
                // ends, then the budget passes at once and the DOM is dumped
                "--virtual-time-budget=5000", "--dump-dom", url.toString()));
        Path out = Files.createTempFile(profile, "dom", ".html");
        Path err = Files.createTempFile(profile, "chromium", ".log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(BROWSER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("chromium did not finish within " + BROWSER_TIMEOUT_SECONDS + " s; its log:\n" + tail(err));
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String dom = Files.readString(out, StandardCharsets.UTF_8);
        System.out.printf("chromium rendered %s in %.1f s%n", url, (System.nanoTime() - t0) / 1e9);
        assertThat(p.exitValue()).as("chromium's exit status; its log:%n%s", tail(err)).isZero();
        return dom;
    }

    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** The browser to drive, or the test skipped (failed when {@code AETHER_BROWSER_TESTS=required}). */
    static String browser() {
        String named = System.getenv("AETHER_BROWSER");
        if (named != null && !named.isBlank()) return named;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                File f = new File(dir, name);
                if (f.canExecute()) return f.getPath();
            }
        }
        String why = "no chromium on the PATH: the live view's browser test needs it (apt-get install -y chromium)";
        if ("required".equals(System.getenv("AETHER_BROWSER_TESTS"))) throw new AssertionError(why + "; AETHER_BROWSER_TESTS=required");
        Assumptions.abort(why + "; skipped");
        return null;
    }
}
