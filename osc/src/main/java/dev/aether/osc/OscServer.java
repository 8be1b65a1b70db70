package dev.aether.osc;

import dev.aether.core.Threads;
import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCParseException;
import com.illposed.osc.OSCParser;
import com.illposed.osc.OSCSerializeException;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import com.illposed.osc.argument.OSCTimeTag64;
import dev.aether.core.ControlThread;
import dev.aether.core.time.Quantum;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/**
 * An OSC server on one UDP port: its own thread ({@value #THREAD_NAME}) receives each packet, parses it with JavaOSC,
 * and carries out its messages through the {@link OscAddressSpace} on a {@link OscHost}. Construct and {@link #close}
 * on a control thread; the counters and {@link #port()} from any thread.
 *
 * <p><b>Time.</b> A message outside a bundle, or in a bundle timetagged "immediately", applies at once (from the next
 * block). A bundle's timetag is mapped to an engine sample by the {@link SampleTimeline}; its messages' events are
 * stamped with that sample; one the engine can no longer reach (before {@code clock.editSample(NONE)}) applies at
 * once and counts as late.
 *
 * <p><b>Faults.</b> A packet that is not OSC, an unknown address, missing or wrongly typed arguments and a refused
 * evaluation are dropped and counted ({@link #counters()}); none throws out of the server, none reaches the audio
 * thread.
 */
public final class OscServer implements AutoCloseable {
    /** The name of the server's thread. */
    public static final String THREAD_NAME = "aether-osc";
    /** The largest packet received (a UDP datagram's payload). */
    public static final int MAX_PACKET_BYTES = 65_507;

    private final OscHost host;
    private final DatagramChannel socket;
    private final SampleTimeline timeline;
    private final OscCounters counters = new OscCounters();
    private final OSCParser parser;
    private final OSCSerializerAndParserBuilder serializers = new OSCSerializerAndParserBuilder();
    private final TimedSends sends;
    private final OscAddressSpace space;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Binds {@code bind:port} ({@code port} 0: any free port) and starts the server's thread.
     *
     * @param timeline how timetags map to engine samples ({@link SampleTimeline#now} live)
     * @param token    the token {@code /aether/eval} must carry, or null: evaluation over OSC is refused
     * @throws IOException when the port cannot be bound (in use, or no such address)
     */
    @ControlThread
    public OscServer(OscHost host, InetAddress bind, int port, SampleTimeline timeline, String token) throws IOException {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("an OSC port is 0..65535, was " + port);
        if (token != null && token.isBlank()) throw new IllegalArgumentException("an OSC token must not be blank");
        this.host = host;
        this.timeline = timeline;
        this.parser = QuietLogging.parser(serializers);
        this.sends = new TimedSends(host.engine().clock(), counters);
        this.space = new OscAddressSpace(host, sends, token, this::reply, counters);
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);   // a burst of thousands of messages waits in the kernel
            ch.bind(new InetSocketAddress(bind, port));
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot listen for OSC on " + bind.getHostAddress() + ":" + port + ": " + e.getMessage()
                    + (port != 0 ? " (is another program using it? try another port)" : ""), e);
        }
        this.socket = ch;
        this.thread = new Thread(this::loop, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    /** The bound UDP port. */
    public int port() { return local().getPort(); }

    /** The bound address. */
    public InetAddress address() { return local().getAddress(); }

    private InetSocketAddress local() {
        try {
            return (InetSocketAddress) socket.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("the OSC server is closed", e);
        }
    }

    /** True unless bound to a loopback address (then anyone on the network can play it). */
    public boolean reachableFromNetwork() { return !address().isLoopbackAddress(); }

    public OscCounters counters() { return counters; }

    public SampleTimeline timeline() { return timeline; }

    /** The reference of the address space, one line per address. */
    public static String reference() { return OscAddressSpace.REFERENCE; }

    /**
     * Receives in blocking mode; while a parameter move waits for room ({@link TimedSends}), in non-blocking mode,
     * offering the waiting moves again after every packet and every millisecond without one.
     */
    private void loop() {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_PACKET_BYTES);   // on the heap: the parser reads arrays
        boolean blocking = true;
        while (running) {
            SocketAddress sender;
            try {
                boolean wait = !sends.pending();
                if (wait != blocking) {
                    socket.configureBlocking(wait);
                    blocking = wait;
                }
                buffer.clear();
                sender = socket.receive(buffer);
            } catch (ClosedChannelException e) {
                return;                                     // closed by close()
            } catch (IOException e) {
                if (running) counters.drop(counters.malformed, "receive failed: " + e.getMessage());
                continue;
            }
            if (sender == null) {                           // non-blocking and nothing came: retry in a millisecond
                sends.retry();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            buffer.flip();
            counters.packets.incrementAndGet();
            try {
                handle(buffer, sender);
            } catch (RuntimeException e) {                  // never out of the server: a fault in a host counts
                counters.drop(counters.badArguments, "failed: " + e);
            }
            if (sends.pending()) sends.retry();
        }
    }

    /** Parses and carries out one packet from {@code sender}. */
    private void handle(ByteBuffer bytes, SocketAddress sender) {
        OSCPacket p;
        try {
            p = parser.convert(bytes);
        } catch (OSCParseException | RuntimeException e) {
            counters.drop(counters.malformed, "a packet from " + sender + " is not OSC (" + e.getMessage() + "); dropped");
            return;
        }
        if (p == null) {
            counters.drop(counters.malformed, "a packet from " + sender + " has an argument type aether does not read; dropped");
            return;
        }
        dispatch(p, -1, sender);
    }

    private void dispatch(OSCPacket p, long atSample, SocketAddress sender) {
        if (p instanceof OSCBundle b) {
            long at = atSample;
            OSCTimeTag64 tag = b.getTimestamp();
            if (tag != null && !tag.isImmediate()) {
                at = timeline.sampleOf(tag.getNtpTime());
                if (at < host.engine().clock().editSample(Quantum.NONE)) {
                    counters.drop(counters.late, "a bundle from " + sender + " for engine sample " + at
                            + " came late; played at once");
                    at = -1;
                }
            }
            for (OSCPacket inner : b.getPackets()) dispatch(inner, at, sender);
            return;
        }
        OSCMessage m = (OSCMessage) p;
        try {
            space.apply(m, atSample, sender);
            counters.applied.incrementAndGet();
        } catch (OscRejected r) {
            counters.drop(switch (r.kind) {
                case UNKNOWN_ADDRESS -> counters.unknown;
                case BAD_ARGUMENTS -> counters.badArguments;
                case REFUSED -> counters.refused;
            }, r.getMessage());
        }
    }

    /** Sends {@code m} to {@code to}. Any thread (evaluation replies come from the evaluator's). */
    private void reply(SocketAddress to, OSCMessage m) {
        try {
            ByteBuffer out = ByteBuffer.allocate(MAX_PACKET_BYTES);
            OSCSerializer s;
            synchronized (serializers) {
                s = QuietLogging.serializer(serializers, new BufferBytesReceiver(out));
            }
            s.write(m);
            out.flip();
            socket.send(out, to);
            counters.replies.incrementAndGet();
        } catch (IOException | OSCSerializeException | RuntimeException e) {
            counters.drop(counters.badArguments, "could not reply " + m.getAddress() + " to " + to + ": " + e.getMessage());
        }
    }

    /** Stops the thread and frees the port; what was already sent to the engine still plays. */
    @ControlThread
    @Override public void close() {
        running = false;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        Threads.join(thread, 2_000);
    }

    /**
     * JavaOSC's parser and serializer take an SLF4J logger when made; with no SLF4J binding on the class path (aether
     * ships none) SLF4J prints three warning lines to standard error the first time. They would land in the middle of
     * the prompt, so the first one is made while standard error is silenced.
     */
    static final class QuietLogging {
        private static boolean initialised;

        static synchronized OSCParser parser(OSCSerializerAndParserBuilder b) {
            if (initialised) return b.buildParser();
            PrintStream err = System.err;
            System.setErr(new PrintStream(OutputStream.nullOutputStream()));
            try {
                OSCParser p = b.buildParser();
                initialised = true;
                return p;
            } finally {
                System.setErr(err);
            }
        }

        static OSCSerializer serializer(OSCSerializerAndParserBuilder b, BufferBytesReceiver r) {
            return b.buildSerializer(r);
        }
    }
}
