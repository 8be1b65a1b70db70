package dev.aether.link;

import dev.aether.core.Threads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * An Ableton Link peer on one IPv4 interface, in pure Java (docs/link.md). One daemon thread ("aether-link") does all
 * network work and owns the {@link LinkSession}: it announces us on the multicast group every 250 ms (ttl 5 s) and at
 * once after a change, answers alive messages with a unicast response, measures sessions by ping/pong, answers pings
 * on our measurement endpoint, forgets silent peers, and says bye-bye when closed. Malformed datagrams are dropped
 * and counted ({@link LinkState#malformed()}).
 *
 * <p>Any thread may read {@link #state()} (an immutable snapshot, republished after every change) and ask for changes
 * ({@link #tempo}, {@link #playing}, {@link #forceBeatAt}); changes are queued to the network thread and take effect
 * within one loop turn. This class never touches the audio thread; {@link LinkClockFollower} carries the session to
 * the engine's clock.
 */
public final class LinkPeer implements LinkSource, AutoCloseable {
    static final int TTL_SECONDS = 5;
    static final long BROADCAST_MICROS = TTL_SECONDS * 1_000_000L / 20;
    static final long MIN_BROADCAST_GAP_MICROS = 50_000;

    private final LongSupplier hostMicros;
    private final LinkSession session;
    private final InetSocketAddress endpoint;
    private final Selector selector;
    private final DatagramChannel multicast, unicast, measure;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Map<InetSocketAddress, ClockMeasurement> measurements = new HashMap<>();
    private final AtomicLong malformed = new AtomicLong();
    private final Thread thread;
    private final ByteBuffer rx = ByteBuffer.allocate(LinkWire.MAX_MESSAGE_BYTES + 1);
    private volatile LinkState state;
    private volatile boolean running = true;
    private long lastBroadcast = Long.MIN_VALUE / 2, nextPrune;
    private long announcedVersion = -1, publishedVersion = -1;

    /**
     * Joins the network on {@code iface}'s first IPv4 address, as a session of its own at {@code bpm} until it
     * meets others.
     *
     * @param bpm        our tempo until we join a session (20..999)
     * @param iface      the interface to talk on ({@link #defaultInterface()} picks one)
     * @param hostMicros our host clock, microseconds (monotonic; {@code System.nanoTime() / 1000} by default)
     */
    public static LinkPeer start(double bpm, NetworkInterface iface, LongSupplier hostMicros) {
        try {
            return new LinkPeer(bpm, iface, hostMicros);
        } catch (IOException e) {
            throw new UncheckedIOException("Link could not open its sockets on " + iface.getName() + " (" + e.getMessage()
                    + "); check that the interface is up and that UDP port " + LinkWire.MULTICAST.getPort() + " may be bound", e);
        }
    }

    /** {@link #start(double, NetworkInterface, LongSupplier)} on {@link #defaultInterface()} with the JVM's monotonic clock. */
    public static LinkPeer start(double bpm) { return start(bpm, defaultInterface(), LinkPeer::monotonicMicros); }

    /** The JVM's monotonic clock ({@code System.nanoTime}, CLOCK_MONOTONIC on Linux), microseconds. */
    public static long monotonicMicros() { return System.nanoTime() / 1000; }

    /**
     * The interface named by the system property {@code aether.link.interface} (e.g. {@code lo}, to keep Link on this
     * machine) if set; else the first interface that is up, multicast-capable and has an IPv4 address; else loopback.
     */
    public static NetworkInterface defaultInterface() {
        try {
            String named = System.getProperty("aether.link.interface");
            if (named != null && !named.isBlank()) {
                NetworkInterface n = NetworkInterface.getByName(named.strip());
                if (n == null) throw new IllegalStateException("no network interface '" + named + "' (aether.link.interface); see `ip link` for the names");
                return n;
            }
            NetworkInterface loopback = null;
            for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!n.isUp() || ipv4(n) == null) continue;
                if (n.isLoopback()) loopback = n;
                else if (n.supportsMulticast()) return n;
            }
            if (loopback != null) return loopback;
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot list network interfaces: " + e.getMessage(), e);
        }
        throw new IllegalStateException("no network interface with an IPv4 address is up; Link needs one (loopback will do for peers on this machine)");
    }

    private LinkPeer(double bpm, NetworkInterface iface, LongSupplier hostMicros) throws IOException {
        this.hostMicros = hostMicros;
        Inet4Address addr = ipv4(iface);
        if (addr == null) throw new IllegalArgumentException("interface " + iface.getName() + " has no IPv4 address; Link speaks IPv4");
        long id = new SecureRandom().nextLong();
        session = new LinkSession(id, bpm, hostMicros.getAsLong());
        selector = Selector.open();
        multicast = DatagramChannel.open(StandardProtocolFamily.INET)
                .setOption(StandardSocketOptions.SO_REUSEADDR, true)
                .bind(new InetSocketAddress(LinkWire.MULTICAST.getPort()));
        multicast.join(LinkWire.MULTICAST.getAddress(), iface);
        unicast = DatagramChannel.open(StandardProtocolFamily.INET)
                .setOption(StandardSocketOptions.IP_MULTICAST_IF, iface)
                .setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true)
                .bind(new InetSocketAddress(addr, 0));
        measure = DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress(addr, 0));
        endpoint = (InetSocketAddress) measure.getLocalAddress();
        for (DatagramChannel c : new DatagramChannel[] {multicast, unicast, measure}) {
            c.configureBlocking(false);
            c.register(selector, SelectionKey.OP_READ, c);
        }
        state = session.view(0);
        thread = new Thread(this::run, "aether-link");
        thread.setDaemon(true);
        thread.start();
    }

    /** The session as of the last change. Any thread. */
    @Override public LinkState state() { return state; }

    /** Our node id. */
    public long nodeId() { return session.nodeId; }

    /** Where we answer pings. */
    public InetSocketAddress measurementEndpoint() { return endpoint; }

    /** Runs {@code listener} on the network thread after each published change (keep it short). */
    public void onChange(Runnable listener) { listeners.add(listener); }

    public void removeListener(Runnable listener) { listeners.remove(listener); }

    /** Proposes {@code bpm} to the session from now (the beat now does not move). Any thread. */
    @Override public void tempo(double bpm) {
        if (!(bpm >= Timeline.MIN_BPM && bpm <= Timeline.MAX_BPM)) throw new IllegalArgumentException("Link tempo must be 20..999 BPM, was " + bpm);
        post(() -> session.setTempo(bpm, hostMicros.getAsLong(), hostMicros.getAsLong()));
    }

    /** Starts or stops the session's transport at host time {@code atHostMicros}. Any thread. */
    @Override public void playing(boolean playing, long atHostMicros) { post(() -> session.setPlaying(playing, atHostMicros, hostMicros.getAsLong())); }

    /** Makes the beat at host time {@code atHostMicros} read {@code beat} for {@code quantum} (moves everyone's phase). */
    public void forceBeatAt(double beat, long atHostMicros, double quantum) {
        post(() -> session.forceBeatAt(beat, atHostMicros, quantum, hostMicros.getAsLong()));
    }

    /** Says bye-bye, closes the sockets and ends the network thread (waits up to a second). Idempotent. */
    @Override public void close() {
        if (!running) return;
        running = false;
        selector.wakeup();
        Threads.join(thread, 1000);
    }

    // ------------------------------------------------------------------ network thread

    private void post(Runnable task) {
        if (!running) throw new IllegalStateException("this Link peer is closed; start a new one with link(true)");
        tasks.add(task);
        selector.wakeup();
    }

    private void run() {
        try {
            while (running) {
                selector.select(Math.max(1, nextWakeMillis()));
                for (SelectionKey k : selector.selectedKeys()) receive((DatagramChannel) k.attachment());
                selector.selectedKeys().clear();
                for (Runnable t; (t = tasks.poll()) != null; ) t.run();
                timers(hostMicros.getAsLong());
                publish();
            }
            send(unicast, LinkWire.encodeByeBye(session.nodeId), LinkWire.MULTICAST);
        } catch (IOException | RuntimeException e) {
            System.err.println("aether-link: the Link network thread stopped: " + e);   // no console here; the state shows 0 peers
        } finally {
            for (DatagramChannel c : new DatagramChannel[] {multicast, unicast, measure}) {
                try { c.close(); } catch (IOException ignored) { /* closing */ }
            }
            try { selector.close(); } catch (IOException ignored) { /* closing */ }
        }
    }

    private long nextWakeMillis() {
        long now = hostMicros.getAsLong();
        long next = lastBroadcast + BROADCAST_MICROS;
        if (!measurements.isEmpty()) next = Math.min(next, now + ClockMeasurement.TIMEOUT_MICROS / 5);
        return Math.min(250, Math.max(0, (next - now) / 1000));
    }

    private void receive(DatagramChannel c) throws IOException {
        for (int i = 0; i < 64; i++) {
            rx.clear();
            InetSocketAddress from = (InetSocketAddress) c.receive(rx);
            if (from == null) return;
            byte[] data = rx.array();
            int len = rx.position();
            long now = hostMicros.getAsLong();
            try {
                if (c == measure) onMeasurement(data, len, from, now);
                else onDiscovery(data, len, from, now);
            } catch (MalformedPacketException e) {
                malformed.incrementAndGet();
                publishedVersion = -1;
            }
        }
    }

    private void onDiscovery(byte[] data, int len, InetSocketAddress from, long now) throws MalformedPacketException, IOException {
        LinkWire.Discovery d = LinkWire.decodeDiscovery(data, len);
        if (d.nodeId() == session.nodeId) return;
        if (d.type() == LinkWire.BYEBYE) {
            session.onByeBye(d.nodeId());
            return;
        }
        if (d.type() == LinkWire.ALIVE) send(unicast, LinkWire.encodePeerState(LinkWire.RESPONSE, TTL_SECONDS, session.nodeId, session.announce(endpoint)), from);
        LinkSession.Peer toMeasure = session.onPeerState(d.nodeId(), d.state(), d.ttlSeconds(), now);
        if (toMeasure != null) startMeasurement(toMeasure, now);
    }

    private void onMeasurement(byte[] data, int len, InetSocketAddress from, long now) throws MalformedPacketException, IOException {
        LinkWire.Measurement m = LinkWire.decodeMeasurement(data, len);
        if (m.type() == LinkWire.PING) {
            send(measure, LinkWire.encodePong(session.sessionId(), session.ghost(hostMicros.getAsLong()), data, len), from);
            return;
        }
        ClockMeasurement cm = measurements.get(from);
        if (cm == null) return;                                    // a late pong of a finished measurement
        byte[][] reply = new byte[1][];
        ClockMeasurement.Step step = cm.onPong(m, now, reply);
        if (reply[0] != null && step != ClockMeasurement.Step.FAILED) send(measure, reply[0], from);
        finish(cm, step, now);
    }

    private void startMeasurement(LinkSession.Peer peer, long now) throws IOException {
        InetSocketAddress ep = peer.state().measurementEndpoint();
        if (ep == null || measurements.containsKey(ep)) return;
        ClockMeasurement cm = new ClockMeasurement(peer.state().sessionId(), ep, now);
        measurements.put(ep, cm);
        send(measure, cm.start(now), ep);
    }

    private void finish(ClockMeasurement cm, ClockMeasurement.Step step, long now) {
        if (step == ClockMeasurement.Step.CONTINUE) return;
        measurements.remove(cm.endpoint);
        if (step == ClockMeasurement.Step.DONE) session.onMeasured(cm.sessionId, cm.offsetMicros(), cm.roundTripMicros(), now);
        else session.onMeasurementFailed(cm.sessionId);
    }

    private void timers(long now) throws IOException {
        byte[][] reply = new byte[1][];
        for (ClockMeasurement cm : measurements.values().toArray(new ClockMeasurement[0])) {
            reply[0] = null;
            ClockMeasurement.Step step = cm.onTimer(now, reply);
            if (reply[0] != null) send(measure, reply[0], cm.endpoint);
            finish(cm, step, now);
        }
        if (now >= nextPrune) {
            session.prune(now);
            nextPrune = now + 250_000;
        }
        LinkSession.Peer due = session.remeasureDue(now);
        if (due != null) startMeasurement(due, now);
        boolean changed = session.version() != announcedVersion;
        if ((changed && now - lastBroadcast >= MIN_BROADCAST_GAP_MICROS) || now - lastBroadcast >= BROADCAST_MICROS) {
            send(unicast, LinkWire.encodePeerState(LinkWire.ALIVE, TTL_SECONDS, session.nodeId, session.announce(endpoint)), LinkWire.MULTICAST);
            lastBroadcast = now;
            announcedVersion = session.version();
        }
    }

    private void publish() {
        if (session.version() == publishedVersion) return;
        publishedVersion = session.version();
        state = session.view(malformed.get());
        for (Runnable r : listeners) r.run();
    }

    private void send(DatagramChannel c, byte[] message, InetSocketAddress to) {
        try {
            c.send(ByteBuffer.wrap(message), to);
        } catch (IOException e) {
            // a peer that vanished or a full socket buffer: the next announcement or ping tries again
        }
    }

    private static Inet4Address ipv4(NetworkInterface n) {
        for (InetAddress a : Collections.list(n.getInetAddresses())) if (a instanceof Inet4Address v4) return v4;
        return null;
    }
}
