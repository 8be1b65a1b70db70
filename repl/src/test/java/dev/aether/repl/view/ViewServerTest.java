package dev.aether.repl.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aether.repl.LiveConsole;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code :view} over plain HTTP: the server-sent event stream carries the playing slot, its spectrum peak and the cpu
 * figures; only GET is answered; only loopback is served unless asked; viewers are bounded and leave no threads
 * behind; leaving aether stops it. The engine plays on the paced null driver (real time, no device).
 */
class ViewServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern URL = Pattern.compile("view at (http://\\S+/)");
    static LiveConsole live;                 // one console for the class (a console starts in seconds); see stop()
    static HttpClient http;

    @BeforeAll static void start() throws Exception {
        live = LiveConsole.playing();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach void stopTheView() { live.console().eval(":view stop"); }

    @AfterAll static void stop() { live.close(); }

    static URI urlIn(String printed) {
        Matcher m = URL.matcher(printed);
        assertThat(m.find()).as("the console prints the view's URL; it printed: %s", printed).isTrue();
        return URI.create(m.group(1));
    }

    /** The data lines of an SSE body, parsed. */
    static List<JsonNode> frames(List<String> lines) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : lines) if (l.startsWith("data: ")) out.add(JSON.readTree(l.substring(6)));
        return out;
    }

    @Test void shouldStreamThePlayingSlotItsSpectrumPeakAndTheCpuFigures() throws Exception {
        URI url = urlIn(live.console().eval(":view"));
        live.console().eval("def(\"tone\", sine(1000))");
        assertThat(url.getHost()).as("served on loopback").isEqualTo("127.0.0.1");
        HttpResponse<java.util.stream.Stream<String>> r = http.send(HttpRequest.newBuilder(url.resolve("events?frames=26"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        List<String> lines = new ArrayList<>();
        long[] cpuAt = new long[2];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long samplerId = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("aether-view-sampler")).findFirst().orElseThrow().getId();
        r.body().forEach(l -> {                                       // ends after 26 frames
            lines.add(l);
            long data = lines.stream().filter(x -> x.startsWith("data: ")).count();
            if (l.startsWith("data: ") && (data == 6 || data == 26)) cpuAt[data == 6 ? 0 : 1] = mx.getThreadCpuTime(samplerId);
        });
        List<JsonNode> frames = frames(lines);
        long bytes = lines.stream().filter(l -> l.startsWith("data: ")).mapToLong(String::length).sum() / frames.size();
        double msPerFrame = (cpuAt[1] - cpuAt[0]) / 1e6 / 20;
        System.out.printf("view: %d bytes per frame; the sampler thread used %.2f ms of CPU per frame (frames 6..26)%n",
                bytes, msPerFrame);
        assertThat(msPerFrame).as("sampler CPU per frame, a loose bound (half a core at 10 frames/s); CPU time, so load does"
                + " not inflate it much").isLessThan(50);
        frames = frames.subList(0, 6);
        assertThat(frames(lines)).as("frames=26 sends 26 frames and ends the stream").hasSize(26);
        JsonNode last = frames.get(5);
        assertThat(last.get("seq").asLong()).as("frames are numbered in order").isGreaterThan(frames.get(0).get("seq").asLong());

        JsonNode s = last.get("spectrum");
        assertThat(s).as("a spectrum once the tap holds %d frames: %s", FrameBuilder.SPECTRUM_FRAMES, last).isNotNull();
        double bin = s.get("binHz").asDouble();
        assertThat(bin).as("bin width of an 8192-point FFT at 48 kHz").isCloseTo(48_000.0 / 8192, within(1e-9));
        assertThat(s.get("peakHz").asDouble()).as("the spectrum peaks at the sine's 1000 Hz, within a bin").isCloseTo(1000, within(bin));
        assertThat(s.get("db").size()).isEqualTo(FrameBuilder.SPECTRUM_COLUMNS);
        JsonNode scope = last.get("scope");
        assertThat(scope.get("millis").asDouble()).isCloseTo(FrameBuilder.SCOPE_MILLIS, within(0.05));
        double min = 1, max = -1;
        for (JsonNode p : scope.get("points")) { min = Math.min(min, p.asDouble()); max = Math.max(max, p.asDouble()); }
        assertThat(max - min).as("the scope shows the sine swinging").isGreaterThan(0.5);

        JsonNode slots = last.get("graph").get("slots");
        assertThat(slots).hasSize(1);
        assertThat(slots.get(0).get("name").asText()).isEqualTo("tone");
        String sineLabel = slots.get(0).get("nodes").get(0).asText();
        List<String> labels = new ArrayList<>();
        last.get("graph").get("nodes").forEach(n -> labels.add(n.get("label").asText()));
        assertThat(labels).as("the graph lists the slot's node and the master").contains(sineLabel, last.get("graph").get("master").asText());
        assertThat(last.get("edited").get("slot").asText()).as("the slot defined last").isEqualTo("tone");
        JsonNode cpu = last.get("cpu");
        assertThat(cpu.get("loadPercent").isNumber()).isTrue();
        assertThat(cpu.get("xruns").isNumber()).isTrue();
        assertThat(cpu.get("blockMs").asDouble()).isGreaterThan(0);
        assertThat(cpu.get("driver").asText()).isNotBlank();
    }

    @Test void shouldAnswerOnlyGet() throws Exception {
        URI url = urlIn(live.console().eval(":view"));
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "HEAD")) {
            for (String path : List.of("", "events", "frame.json")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(url.resolve(path))
                        .method(method, HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as("%s /%s", method, path).isEqualTo(405);
                assertThat(r.headers().firstValue("Allow")).as("%s /%s", method, path).hasValue("GET");
            }
        }
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"spectrum\"", "view.js");
        assertThat(http.send(HttpRequest.newBuilder(url.resolve("view.js")).build(), HttpResponse.BodyHandlers.ofString())
                .body()).contains("EventSource");
        assertThat(http.send(HttpRequest.newBuilder(url.resolve("nothing-here")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(404);
    }

    @Test void shouldServeOnlyLoopbackUnlessBoundElsewhere() throws Exception {
        URI url = urlIn(live.console().eval(":view"));
        int port = url.getPort();
        assertThat(rawGet(port, "evil.example:" + port)).as("a browser sent here by DNS rebinding names another host")
                .startsWith("HTTP/1.1 403");
        assertThat(rawGet(port, "localhost:" + port)).startsWith("HTTP/1.1 200");
        for (InetAddress a : nonLoopbackAddresses()) {
            assertThatThrownBy(() -> new Socket(a, port).close()).as("not reachable on %s", a).isInstanceOf(ConnectException.class);
        }
        live.console().eval(":view stop");
        String out = live.console().eval(":view 0 --bind 0.0.0.0");
        assertThat(out).contains("WARNING: the view is open to the network");
        URI open = urlIn(out);
        for (InetAddress a : nonLoopbackAddresses()) {
            try (Socket s = new Socket(a, open.getPort())) {
                assertThat(s.isConnected()).as("--bind 0.0.0.0 serves %s", a).isTrue();
            }
        }
        assertThat(live.console().eval(":view stop")).contains("view stopped");
    }

    /** A GET of / naming {@code host}; returns the status line and what followed. */
    static String rawGet(int port, String host) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream o = s.getOutputStream();
            o.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            o.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<InetAddress> nonLoopbackAddresses() throws Exception {
        List<InetAddress> out = new ArrayList<>();
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!n.isUp() || n.isLoopback()) continue;
            for (InetAddress a : Collections.list(n.getInetAddresses())) {
                if (a instanceof java.net.Inet4Address && !a.isLoopbackAddress()) out.add(a);
            }
        }
        return out;
    }

    /**
     * {@value ViewServer#MAX_VIEWERS} pages watch; one more is refused with 503 and a line at the console; pages that go
     * away free their places and threads; close() ends every thread. Margins are generous (seconds) for a loaded CI.
     */
    @Test void shouldBoundViewersAndLeaveNoThreadsBehind() throws Exception {
        List<String> notices = Collections.synchronizedList(new ArrayList<>());
        ViewServer server = ViewServer.start(live.runtime().session(), InetAddress.getLoopbackAddress(), 0, notices::add);
        try {
            List<InputStream> streams = new ArrayList<>();
            for (int i = 0; i < ViewServer.MAX_VIEWERS; i++) {
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(server.uri().resolve("events")).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertThat(r.statusCode()).isEqualTo(200);
                streams.add(r.body());
            }
            awaitViewers(server, ViewServer.MAX_VIEWERS);
            assertThat(streams.get(0).readNBytes(200)).as("a watching page receives frames").isNotEmpty();
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(server.uri().resolve("events")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains(ViewServer.MAX_VIEWERS + " pages already watch");
            assertThat(server.refusedViewers()).isEqualTo(1);
            assertThat(notices).anySatisfy(n -> assertThat(n).contains("refused a page"));
            assertThat(viewThreads()).as("handler threads are bounded").isLessThanOrEqualTo(ViewServer.MAX_VIEWERS + 3);

            for (InputStream s : streams) s.close();                 // the pages go away
            awaitViewers(server, 0);
            HttpResponse<String> again = http.send(HttpRequest.newBuilder(server.uri().resolve("events?frames=1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).as("a place is free again").isEqualTo(200);
        } finally {
            server.close();
        }
        long until = System.nanoTime() + 5_000_000_000L;
        while (viewThreads() > 0 && System.nanoTime() < until) Thread.sleep(50);
        assertThat(viewThreads()).as("no aether-view thread outlives close()").isZero();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), server.port()).close()).isInstanceOf(ConnectException.class);
    }

    @Test void shouldStopServingWhenTheConsoleCloses() throws Exception {
        URI url;
        try (LiveConsole own = LiveConsole.start()) {
            url = urlIn(own.console().eval(":view"));
            assertThat(http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), url.getPort()).close())
                .as("leaving aether stops the view").isInstanceOf(ConnectException.class);
        long until = System.nanoTime() + 5_000_000_000L;
        while (viewThreads() > 0 && System.nanoTime() < until) Thread.sleep(50);
        assertThat(viewThreads()).isZero();
    }

    @Test void shouldSayWhatIsWrongWithItsArguments() {
        assertThat(live.console().eval(":view stop")).contains("the view is not running");
        assertThat(live.console().eval(":view eighty")).contains("'eighty' is not a port");
        assertThat(live.console().eval(":view 8080 --bind")).contains("--bind needs an address");
        String first = live.console().eval(":view");
        URI url = urlIn(first);
        assertThat(live.console().eval(":view " + url.getPort())).contains("already runs at " + url);
        assertThat(live.console().eval(":help view")).contains("--bind ADDR", "read-only page", "127.0.0.1");
    }

    static void awaitViewers(ViewServer server, int n) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (server.viewers() != n && System.nanoTime() < until) Thread.sleep(20);
        assertThat(server.viewers()).as("pages watching").isEqualTo(n);
    }

    static long viewThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith("aether-view")).count();
    }
}
