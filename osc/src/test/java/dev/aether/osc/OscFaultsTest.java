package dev.aether.osc;

import static org.assertj.core.api.Assertions.assertThat;

import com.illposed.osc.OSCMessage;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the server drops and counts: packets that are not OSC, unknown addresses, wrong argument types and counts,
 * names that do not exist, values out of range, and evaluations without the right token (never evaluated). After
 * each, the server still works: a good message that follows is applied.
 */
class OscFaultsTest {
    final OscRig rig = new OscRig();
    Probe probe;

    @AfterEach void close() throws Exception { rig.close(); }

    private void start(String token) throws Exception {
        probe = rig.host.play("probe", new Probe());
        rig.start(null, token);
    }

    private void raw(byte[] bytes) throws Exception {
        try (DatagramSocket s = new DatagramSocket()) {
            s.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(OscRig.LOOPBACK, rig.server.port())));
        }
    }

    /** Sends a good message after the bad ones and waits for it: everything before it has been handled. */
    private void settle(long appliedBefore) throws Exception {
        rig.send(new OSCMessage("/aether/ping"));
        assertThat(OscRig.await(() -> rig.server.counters().applied() == appliedBefore + 1))
                .as("the server still applies a good message: %s", rig.server.counters().summary()).isTrue();
    }

    @Test void shouldDropAndCountPacketsThatAreNotOsc() throws Exception {
        start(null);
        raw("hello, not OSC".getBytes(StandardCharsets.US_ASCII));
        raw(new byte[] {'/', 'a', 0, 0, ',', 'f', 0, 0, 1});           // a float cut short
        raw(new byte[] {'/', 'a', 0, 0, ',', 'Q', 0, 0});              // a type tag OSC does not have
        raw(new byte[0]);
        raw("#bundle\0".getBytes(StandardCharsets.US_ASCII));          // a bundle without its timetag
        settle(0);
        OscCounters c = rig.server.counters();
        assertThat(c.malformed()).as(c.summary()).isEqualTo(5);
        assertThat(c.packets()).isEqualTo(6);
        assertThat(c.lastError()).contains("not OSC");
    }

    @Test void shouldDropAndCountUnknownAddresses() throws Exception {
        start(null);
        rig.send(new OSCMessage("/nope", List.of(1f)));
        rig.send(new OSCMessage("/aether/param/probe", List.of(1f)));     // a parameter address needs slot and name
        rig.send(new OSCMessage("/aether/params", List.of("probe", "level", 1f)));
        settle(0);
        assertThat(rig.server.counters().unknownAddresses()).isEqualTo(3);
        assertThat(rig.server.counters().lastError()).isEqualTo("unknown OSC address /aether/params (see :help osc)");
    }

    @Test void shouldDropAndCountWrongArguments() throws Exception {
        start(null);
        rig.send(new OSCMessage("/aether/param/probe/level", List.of("loud")));        // string for a number
        rig.send(new OSCMessage("/aether/param/probe/level"));                         // missing value
        rig.send(new OSCMessage("/aether/param", List.of(1, "level", 2f)));           // number for the slot
        rig.send(new OSCMessage("/aether/param/probe/volume", List.of(1f)));           // no such parameter
        rig.send(new OSCMessage("/aether/param/nobody/level", List.of(1f)));           // no such slot
        rig.send(new OSCMessage("/aether/param/probe/level", List.of(5_000f)));        // out of range
        rig.send(new OSCMessage("/aether/param/probe/level", List.of(1f, -1f)));       // negative ramp
        rig.send(new OSCMessage("/aether/note", List.of("probe", 60)));               // not an instrument
        rig.send(new OSCMessage("/aether/tempo", List.of("fast")));
        rig.send(new OSCMessage("/aether/query/tempo", List.of(70_000)));             // no such reply port
        settle(0);
        OscCounters c = rig.server.counters();
        assertThat(c.badArguments()).as(c.summary()).isEqualTo(10);
        assertThat(c.applied()).isEqualTo(1);
        rig.render(4_800);
        assertThat(probe.firstChange).as("no bad message moved the parameter").isEqualTo(-1);
        assertThat(probe.heard).isZero();
    }

    @Test void shouldNameWhatWasWrongInTheLastError() throws Exception {
        start(null);
        rig.send(new OSCMessage("/aether/param/probe/level", List.of("loud")));
        settle(0);
        assertThat(rig.server.counters().lastError())
                .isEqualTo("/aether/param/probe/level: argument 1 must be a number (i, f, d or h), was a string");
        rig.send(new OSCMessage("/aether/param/probe/volume", List.of(1f)));
        settle(1);
        assertThat(rig.server.counters().lastError()).isEqualTo("/aether/param/probe/volume: probe has no parameter 'volume'");
    }

    @Test void shouldRefuseEveryEvaluationWhenStartedWithoutAToken() throws Exception {
        start(null);
        rig.send(new OSCMessage("/aether/eval", List.of("anything", "stop()")));
        rig.send(new OSCMessage("/aether/eval", List.of("stop()")));
        settle(0);
        assertThat(rig.server.counters().refused()).isEqualTo(2);
        assertThat(rig.server.counters().lastError()).contains("off").contains("--osc-token");
        assertThat(rig.host.calls).as("nothing was evaluated").isEmpty();
    }

    @Test void shouldRefuseAWrongTokenAndEvaluateWithTheRightOne() throws Exception {
        start("s3cret");
        rig.send(new OSCMessage("/aether/eval", List.of("guess", "stop()")));
        rig.send(new OSCMessage("/aether/eval", List.of("s3cre", "stop()")));
        rig.send(new OSCMessage("/aether/eval", List.of("stop()")));                   // no token at all
        rig.send(new OSCMessage("/aether/eval", List.of(12, "stop()")));
        settle(0);
        assertThat(rig.server.counters().refused()).isEqualTo(4);
        assertThat(rig.host.calls).as("nothing was evaluated").isEmpty();
        rig.send(new OSCMessage("/aether/eval", List.of("s3cret", "play(sine(440))")));
        assertThat(OscRig.await(() -> rig.server.counters().applied() == 2)).isTrue();
        assertThat(rig.host.calls).containsExactly("eval play(sine(440))");
    }

    @Test void shouldCarryOutStructuralRequestsThroughTheHost() throws Exception {
        start(null);
        rig.send(new OSCMessage("/aether/slot/stop", List.of("probe")));
        rig.send(new OSCMessage("/aether/slot/start", List.of("probe")));
        rig.send(new OSCMessage("/aether/pattern/stop", List.of("drums")));
        rig.send(new OSCMessage("/aether/pattern/start", List.of("drums")));
        rig.send(new OSCMessage("/aether/tempo", List.of(90)));
        assertThat(OscRig.await(() -> rig.server.counters().applied() == 5)).as(rig.server.counters().summary()).isTrue();
        assertThat(rig.host.calls).containsExactly("stop probe", "start probe", "pattern stop drums", "pattern start drums");
        assertThat(rig.engine.clock().snapshot().tempoMap().lastBpm()).isEqualTo(90.0);
    }
}
