package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import com.illposed.osc.transport.OSCPortOut;
import dev.aether.core.param.SmoothedParam;
import dev.aether.osc.OscCounters;
import dev.aether.repl.console.ScriptedConsole;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OSC server in the console: {@code :osc} starts, shows and stops it; OSC messages move a parameter of a slot
 * defined at the prompt, fade the slot, and (only with the launcher's token) evaluate code through the console as
 * typed input is; the launcher flags are read and checked.
 */
class OscAtThePromptTest {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    LiveConsole live;
    ScriptedConsole c;
    OSCPortOut client;

    @BeforeEach void start() throws Exception {
        live = LiveConsole.playing();
        c = live.console();
    }

    @AfterEach void stop() throws Exception {
        if (client != null) client.close();
        live.close();
    }

    /** Starts OSC with {@code :osc 0} and connects a JavaOSC client to the port it names. */
    private int startOsc() throws Exception {
        String out = c.eval(":osc 0");
        Matcher m = java.util.regex.Pattern.compile("OSC listening on 127\\.0\\.0\\.1:(\\d+) \\(UDP\\)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        int port = Integer.parseInt(m.group(1));
        client = new OSCPortOut(new InetSocketAddress(LOOPBACK, port));
        return port;
    }

    private OscCounters counters() { return live.runtime().osc().server().counters(); }

    static boolean await(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + 15_000_000_000L;          // generous: the test machine may be loaded
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) return false;
            Thread.sleep(5);
        }
        return true;
    }

    @Test void shouldBeOffUntilStartedAndSayWhereItListens() throws Exception {
        assertThat(c.eval(":osc")).isEqualTo("OSC is off; :osc [PORT] starts it (default 9120)");
        startOsc();
        String status = c.eval(":osc");
        assertThat(status).contains("OSC listening on 127.0.0.1:").contains("/aether/eval is off")
                .contains("packets 0, applied 0, malformed 0").contains("last error: none");
        assertThat(c.eval(":osc stop")).startsWith("stopped OSC on 127.0.0.1:");
        assertThat(c.eval(":osc")).startsWith("OSC is off");
        assertThat(c.eval(":osc loud")).contains("usage: :osc [PORT] | :osc stop (PORT is 1..65535, or 0 for any free port)");
    }

    @Test void shouldListTheAddressesInHelp() {
        String help = c.eval(":help osc");
        for (String a : List.of("/aether/param", "/aether/note", "/aether/hit", "/aether/slot/start", "/aether/pattern/stop",
                "/aether/tempo", "/aether/query/graph", "/aether/query/tempo", "/aether/query/load", "/aether/eval")) {
            assertThat(help).contains(a);
        }
        assertThat(c.eval(":help")).contains(":osc [PORT] | :osc stop");
    }

    @Test void shouldMoveTheParameterOfASlotDefinedAtThePrompt() throws Exception {
        c.eval("def(\"pad\", saw(110).to(lowpass(800)))");
        startOsc();
        client.send(new OSCMessage("/aether/param/pad/cutoffHz", List.of(2000f, 0f)));
        client.send(new OSCMessage("/aether/param", List.of("pad", "nothing", 1f)));
        assertThat(await(() -> counters().packets() == 2)).as(counters().summary()).isTrue();
        SmoothedParam cutoff = live.runtime().session().slot("pad").param("cutoffHz");
        assertThat(await(() -> cutoff.currentRt() == 2000.0)).as("the sounding cutoff: %s", cutoff.currentRt()).isTrue();
        // counted once the packet is handled, which may be after it was counted as received
        assertThat(await(() -> counters().badArguments() == 1)).as(counters().summary()).isTrue();
        assertThat(c.eval(":osc")).contains("last error: /aether/param: slot pad has no parameter 'nothing'; parameters:")
                .contains("cutoffHz");
    }

    @Test void shouldFadeASlotOutAndInAndRefuseUnknownSlots() throws Exception {
        c.eval("def(\"pad\", sine(220))");
        startOsc();
        client.send(new OSCMessage("/aether/slot/stop", List.of("pad")));
        client.send(new OSCMessage("/aether/slot/stop", List.of("nobody")));
        assertThat(await(() -> counters().applied() == 1 && counters().badArguments() == 1)).as(counters().summary()).isTrue();
        assertThat(counters().lastError()).startsWith("/aether/slot/stop: no slot named \"nobody\"; slots: pad");
        client.send(new OSCMessage("/aether/slot/start", List.of("pad")));
        assertThat(await(() -> counters().applied() == 2)).as(counters().summary()).isTrue();
        assertThat(live.runtime().session().slotNames()).containsExactly("pad");
    }

    /** Receives one OSC message on {@code socket} (JavaOSC's parser). */
    private static OSCMessage receive(DatagramSocket socket) throws Exception {
        byte[] b = new byte[65_507];
        DatagramPacket p = new DatagramPacket(b, b.length);
        socket.receive(p);
        OSCPacket packet = new OSCSerializerAndParserBuilder().buildParser().convert(ByteBuffer.wrap(b, 0, p.getLength()));
        return (OSCMessage) packet;
    }

    @Test void shouldEvaluateOnlyWithTheLaunchersTokenThroughTheConsole() throws Exception {
        live.runtime().osc().configure(null, "t0ken");
        startOsc();
        try (DatagramSocket replies = new DatagramSocket(0, LOOPBACK)) {
            replies.setSoTimeout(15_000);
            client.send(new OSCMessage("/aether/eval", List.of("wrong", "def(\"x\", sine(330))", replies.getLocalPort())));
            client.send(new OSCMessage("/aether/eval", List.of("t0ken", "def(\"x\", sine(330))", replies.getLocalPort())));
            OSCMessage result = receive(replies);
            assertThat(result.getAddress()).isEqualTo("/aether/eval/result");
            assertThat(counters().refused()).isEqualTo(1);
            assertThat(live.runtime().session().slotNames()).as("only the right token's code ran").containsExactly("x");
            client.send(new OSCMessage("/aether/eval", List.of("t0ken", "1 + 2", replies.getLocalPort())));
            assertThat((String) receive(replies).getArguments().get(0)).as("the text the console shows").endsWith(" ==> 3");
        }
        assertThat(c.eval(":osc")).contains("/aether/eval is on, with the token").contains("refused eval 1");
    }

    @Test void shouldReadTheLauncherFlags() {
        LaunchOptions o = LaunchOptions.parse(new String[] {"--osc", "9000", "--osc-bind", "0.0.0.0", "--osc-token", "t"});
        assertThat(o.oscPort()).isEqualTo(9000);
        assertThat(o.oscBind()).isEqualTo("0.0.0.0");
        assertThat(o.oscToken()).isEqualTo("t");
        assertThat(LaunchOptions.parse(new String[0]).oscPort()).as("off by default").isEqualTo(-1);
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--osc", "loud"})).hasMessage("--osc needs a UDP port 1..65535, was loud");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--osc", "70000"})).hasMessageContaining("1..65535");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"render", "x.jsh", "--seconds", "1", "--out", "o.wav",
                "--osc", "9000"})).hasMessageContaining("not render");
        assertThat(LaunchOptions.USAGE).contains("--osc PORT").contains("--osc-bind ADDR").contains("--osc-token TOKEN");
    }

    @Test void shouldSayLoudlyWhenTheNetworkCanReachIt() throws Exception {
        live.runtime().osc().configure(InetAddress.getByName("0.0.0.0"), null);
        String out = c.eval(":osc 0");
        assertThat(out).startsWith("WARNING: OSC listens on 0.0.0.0:").contains("reachable from the network")
                .contains("Without --osc-bind it listens on 127.0.0.1 only.");
    }
}
