package dev.aether.osc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A round trip with an OSC implementation that is not ours: liblo's {@code oscsend} sends messages to the server of
 * an engine, liblo's {@code oscdump} receives the replies. The parameter really moves in the rendered engine, the
 * tempo really changes in its clock. Skipped when liblo-tools is not installed, unless {@code AETHER_OSC_TESTS=required}
 * (CI sets it, and installs liblo-tools).
 */
class OscLibloRoundTripTest {
    final OscRig rig = new OscRig();
    Process dump;

    @BeforeAll static void needLiblo() {
        boolean present = onPath("oscsend") && onPath("oscdump");
        if (!present && "required".equals(System.getenv("AETHER_OSC_TESTS"))) {
            throw new AssertionError("AETHER_OSC_TESTS=required but oscsend/oscdump are not on the PATH:"
                    + " apt-get install liblo-tools");
        }
        assumeTrue(present, "liblo-tools (oscsend, oscdump) not installed: apt-get install liblo-tools to run this test");
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) return true;
        }
        return false;
    }

    @AfterEach void close() throws Exception {
        if (dump != null) {
            dump.destroy();
            dump.waitFor(5, TimeUnit.SECONDS);
        }
        rig.close();
    }

    /** Runs {@code oscsend 127.0.0.1 PORT address types values...}; fails unless it exits 0. */
    private void oscsend(String address, String types, String... values) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("oscsend", "127.0.0.1", String.valueOf(rig.server.port()), address, types));
        cmd.addAll(List.of(values));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("oscsend %s: %s", cmd, out).isZero();
    }

    /** Starts {@code oscdump -L PORT} on a free port; its lines go to the returned queue. */
    private BlockingQueue<String> oscdump(int[] portOut) throws Exception {
        int port;
        try (DatagramSocket free = new DatagramSocket(0, OscRig.LOOPBACK)) {
            port = free.getLocalPort();
        }
        portOut[0] = port;
        dump = new ProcessBuilder("oscdump", "-L", String.valueOf(port)).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(dump.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) lines.add(l);
            } catch (Exception ignored) {
                // the process ended
            }
        }, "oscdump reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The next line of oscdump that starts with {@code address}, asking again every 200 ms until 10 s have passed. */
    private String reply(BlockingQueue<String> lines, String address, Runnable ask) throws Exception {
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            ask.run();                                      // oscdump may not listen yet: ask until it answers
            String l = lines.poll(200, TimeUnit.MILLISECONDS);
            while (l != null) {
                l = l.replaceFirst("^[0-9a-f]{8}\\.[0-9a-f]{8} ", "");   // oscdump 0.31 prints the timetag first
                if (l.equals(address) || l.startsWith(address + " ")) return l;
                l = lines.poll(50, TimeUnit.MILLISECONDS);
            }
        }
        throw new AssertionError("no " + address + " reply reached oscdump; counters: " + rig.server.counters().summary());
    }

    private Runnable asking(String address, String types, String... values) {
        return () -> {
            try {
                oscsend(address, types, values);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
    }

    @Test void shouldMoveAParameterSentByOscsend() throws Exception {
        Probe probe = rig.host.play("probe", new Probe());
        rig.start(null, null);
        rig.render(640);                                    // the probe has sounded its default, 0
        oscsend("/aether/param/probe/level", "f", "0.25");
        oscsend("/aether/param", "ssfd", "probe", "level", "250.5", "0");
        assertThat(OscRig.await(() -> rig.server.counters().applied() == 2)).as(rig.server.counters().summary()).isTrue();
        rig.render(4_800);
        assertThat(probe.heard).as("the value oscsend sent last, in the rendered engine").isEqualTo(250.5);
        assertThat(probe.firstChange).as("it moved at the block after the messages arrived").isEqualTo(640);
    }

    @Test void shouldReplyToQueriesAtTheReplyPortWhereOscdumpListens() throws Exception {
        rig.host.play("probe", new Probe());
        rig.start(null, null);
        int[] port = new int[1];
        BlockingQueue<String> lines = oscdump(port);
        String p = String.valueOf(port[0]);
        oscsend("/aether/tempo", "f", "93.5");
        assertThat(OscRig.await(() -> rig.server.counters().applied() == 1)).isTrue();
        assertThat(rig.engine.clock().snapshot().tempoMap().lastBpm()).as("the clock's tempo").isEqualTo(93.5);
        assertThat(reply(lines, "/aether/tempo", asking("/aether/query/tempo", "i", p)))
                .isEqualTo("/aether/tempo fi 93.500000 4");
        assertThat(reply(lines, "/aether/graph", asking("/aether/query/graph", "i", p))).isEqualTo("/aether/graph s \"probe\"");
        assertThat(reply(lines, "/aether/load", asking("/aether/query/load", "i", p))).startsWith("/aether/load ffii ");
        assertThat(reply(lines, "/aether/pong", asking("/aether/ping", "i", p))).isEqualTo("/aether/pong ");      // oscdump prints the (empty) type tags after a space
    }

    @Test void shouldCountWhatOscsendGetsWrong() throws Exception {
        rig.host.play("probe", new Probe());
        rig.start(null, null);
        oscsend("/aether/param/probe/level", "s", "loud");
        oscsend("/aether/nothing", "i", "1");
        oscsend("/aether/eval", "ss", "token", "stop()");
        assertThat(OscRig.await(() -> rig.server.counters().packets() == 3)).isTrue();
        assertThat(OscRig.await(() -> rig.server.counters().refused() == 1)).isTrue();
        assertThat(rig.server.counters().badArguments()).isEqualTo(1);
        assertThat(rig.server.counters().unknownAddresses()).isEqualTo(1);
        assertThat(rig.server.counters().applied()).isZero();
    }
}
