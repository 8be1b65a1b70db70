package dev.aether.link;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * Encodes and decodes Link's two message families (docs/link.md), big-endian throughout:
 * <ul>
 * <li><b>discovery</b> ({@code "_asdp_v\1"}, multicast 224.76.78.75:20808 and unicast replies): message type
 *     (alive 1, response 2, bye-bye 3), ttl in seconds, group 0, the sender's 8-byte node id, then payload
 *     entries;</li>
 * <li><b>measurement</b> ({@code "_link_v\1"}, unicast to a peer's measurement endpoint): ping 1 or pong 2, then
 *     payload entries.</li>
 * </ul>
 * A payload entry is a four-character key, a 32-bit size and that many bytes. Unknown keys are skipped (newer peers
 * may add some); a known key of the wrong size, an entry running past the datagram, a wrong protocol header or an
 * unknown message type make the whole datagram malformed. Messages are at most {@link #MAX_MESSAGE_BYTES}.
 * Stateless; any thread.
 */
public final class LinkWire {
    /** The largest message Link sends or accepts, bytes. */
    public static final int MAX_MESSAGE_BYTES = 512;
    /** The discovery multicast group and port. */
    public static final InetSocketAddress MULTICAST = new InetSocketAddress(address(224, 76, 78, 75), 20808);

    public static final int ALIVE = 1, RESPONSE = 2, BYEBYE = 3;
    public static final int PING = 1, PONG = 2;

    static final int TIMELINE = key("tmln"), SESSION = key("sess"), START_STOP = key("stst"), ENDPOINT_V4 = key("mep4");
    static final int HOST_TIME = key("__ht"), GHOST_TIME = key("__gt"), PREV_GHOST_TIME = key("_pgt");

    private static final byte[] DISCOVERY_HEADER = {'_', 'a', 's', 'd', 'p', '_', 'v', 1};
    private static final byte[] MEASUREMENT_HEADER = {'_', 'l', 'i', 'n', 'k', '_', 'v', 1};
    private static final int ENTRY_HEADER = 8;
    /** The largest ping payload a responder echoes: a host time and a previous ghost time. */
    static final int MAX_PING_PAYLOAD = 2 * (ENTRY_HEADER + 8);

    private LinkWire() {}

    /**
     * What a peer announces about itself: its session's timeline (ghost time), the session it belongs to, the
     * session's start/stop state, and where it answers pings ({@code null} when not announced).
     */
    public record PeerState(Timeline timeline, long sessionId, StartStopState startStop, InetSocketAddress measurementEndpoint) {}

    /** A discovery message; {@code state} is {@code null} for a bye-bye. */
    public record Discovery(int type, int ttlSeconds, long nodeId, PeerState state) {}

    /**
     * A measurement message. Times are microseconds, 0 when absent (as in Link): a ping carries {@code hostTime}
     * (and {@code prevGhostTime}); a pong adds {@code sessionId} and {@code ghostTime} to the echoed ping payload.
     */
    public record Measurement(int type, long sessionId, long hostTime, long ghostTime, long prevGhostTime) {}

    // ------------------------------------------------------------------ discovery

    /** An alive or response message from {@code nodeId} carrying {@code state}. */
    public static byte[] encodePeerState(int type, int ttlSeconds, long nodeId, PeerState state) {
        if (type != ALIVE && type != RESPONSE) throw new IllegalArgumentException("a peer state goes in an alive (1) or response (2) message, not type " + type);
        ByteBuffer b = discoveryHeader(type, ttlSeconds, nodeId);
        Timeline tl = state.timeline();
        entry(b, TIMELINE, 24).putLong(tl.microsPerBeat()).putLong(tl.beatOrigin()).putLong(tl.timeOriginMicros());
        entry(b, SESSION, 8).putLong(state.sessionId());
        StartStopState ss = state.startStop();
        entry(b, START_STOP, 17).put((byte) (ss.playing() ? 1 : 0)).putLong(ss.beats()).putLong(ss.timestampMicros());
        InetSocketAddress ep = state.measurementEndpoint();
        if (ep != null) entry(b, ENDPOINT_V4, 6).put(ep.getAddress().getAddress()).putShort((short) ep.getPort());
        return finish(b);
    }

    /** A bye-bye from {@code nodeId}: it leaves the session (ttl 0, no payload). */
    public static byte[] encodeByeBye(long nodeId) { return finish(discoveryHeader(BYEBYE, 0, nodeId)); }

    /** Decodes a discovery datagram ({@code len} bytes of {@code data}). */
    public static Discovery decodeDiscovery(byte[] data, int len) throws MalformedPacketException {
        ByteBuffer b = open(data, len, DISCOVERY_HEADER, 1 + 1 + 2 + 8);
        int type = b.get() & 0xff, ttl = b.get() & 0xff, group = b.getShort() & 0xffff;
        long node = b.getLong();
        if (group != 0) throw new MalformedPacketException("discovery message of session group " + group + " (only group 0 exists)");
        if (type == BYEBYE) return new Discovery(type, ttl, node, null);
        if (type != ALIVE && type != RESPONSE) throw new MalformedPacketException("unknown discovery message type " + type);
        Timeline tl = null;
        long session = 0;
        boolean hasSession = false;
        StartStopState ss = StartStopState.NONE;
        InetSocketAddress ep = null;
        while (b.hasRemaining()) {
            int key = entryKey(b);
            int size = entrySize(b, key);
            if (key == TIMELINE) {
                need(key, size, 24);
                long mpb = b.getLong(), origin = b.getLong(), time = b.getLong();
                if (mpb <= 0) throw new MalformedPacketException("timeline with " + mpb + " microseconds per beat");
                tl = new Timeline(60e6 / mpb, origin, time);
            } else if (key == SESSION) {
                need(key, size, 8);
                session = b.getLong();
                hasSession = true;
            } else if (key == START_STOP) {
                need(key, size, 17);
                ss = new StartStopState(b.get() != 0, b.getLong(), b.getLong());
            } else if (key == ENDPOINT_V4) {
                need(key, size, 6);
                byte[] ip = new byte[4];
                b.get(ip);
                ep = new InetSocketAddress(inet(ip), b.getShort() & 0xffff);
            } else {
                b.position(b.position() + size);
            }
        }
        if (tl == null || !hasSession) throw new MalformedPacketException("peer state without " + (tl == null ? "a timeline (tmln)" : "a session (sess)"));
        return new Discovery(type, ttl, node, new PeerState(tl, session, ss, ep));
    }

    // ------------------------------------------------------------------ measurement

    /** A ping carrying our host time and, after the first pong, the ghost time that pong carried (0: left out). */
    public static byte[] encodePing(long hostTime, long prevGhostTime) {
        ByteBuffer b = measurementHeader(PING);
        entry(b, HOST_TIME, 8).putLong(hostTime);
        if (prevGhostTime != 0) entry(b, PREV_GHOST_TIME, 8).putLong(prevGhostTime);
        return finish(b);
    }

    /**
     * A pong: our session and ghost time, then the ping's payload copied unchanged ({@code ping} is a whole ping
     * datagram of {@code len} bytes, already decoded as one).
     */
    public static byte[] encodePong(long sessionId, long ghostTime, byte[] ping, int len) {
        ByteBuffer b = measurementHeader(PONG);
        entry(b, SESSION, 8).putLong(sessionId);
        entry(b, GHOST_TIME, 8).putLong(ghostTime);
        int payload = MEASUREMENT_HEADER.length + 1;
        b.put(ping, payload, len - payload);
        return finish(b);
    }

    /** Decodes a ping or pong; a ping whose payload is longer than a host time and a previous ghost time is malformed. */
    public static Measurement decodeMeasurement(byte[] data, int len) throws MalformedPacketException {
        ByteBuffer b = open(data, len, MEASUREMENT_HEADER, 1);
        int type = b.get() & 0xff;
        if (type != PING && type != PONG) throw new MalformedPacketException("unknown measurement message type " + type);
        if (type == PING && b.remaining() > MAX_PING_PAYLOAD) throw new MalformedPacketException("ping payload of " + b.remaining() + " bytes (at most " + MAX_PING_PAYLOAD + ")");
        long session = 0, host = 0, ghost = 0, prevGhost = 0;
        while (b.hasRemaining()) {
            int key = entryKey(b);
            int size = entrySize(b, key);
            if (key == SESSION) { need(key, size, 8); session = b.getLong(); }
            else if (key == HOST_TIME) { need(key, size, 8); host = b.getLong(); }
            else if (key == GHOST_TIME) { need(key, size, 8); ghost = b.getLong(); }
            else if (key == PREV_GHOST_TIME) { need(key, size, 8); prevGhost = b.getLong(); }
            else b.position(b.position() + size);
        }
        return new Measurement(type, session, host, ghost, prevGhost);
    }

    // ------------------------------------------------------------------ helpers

    /** The four characters of a payload key as the 32-bit number on the wire. */
    static int key(String chars) {
        if (chars.length() != 4) throw new IllegalArgumentException("a payload key has four characters: " + chars);
        return chars.charAt(0) << 24 | chars.charAt(1) << 16 | chars.charAt(2) << 8 | chars.charAt(3);
    }

    /** A payload key as its four characters (for messages). */
    static String keyName(int key) {
        StringBuilder s = new StringBuilder(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = key >>> shift & 0xff;
            s.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        return s.toString();
    }

    private static ByteBuffer discoveryHeader(int type, int ttl, long nodeId) {
        ByteBuffer b = ByteBuffer.allocate(MAX_MESSAGE_BYTES);
        return b.put(DISCOVERY_HEADER).put((byte) type).put((byte) ttl).putShort((short) 0).putLong(nodeId);
    }

    private static ByteBuffer measurementHeader(int type) {
        return ByteBuffer.allocate(MAX_MESSAGE_BYTES).put(MEASUREMENT_HEADER).put((byte) type);
    }

    private static ByteBuffer entry(ByteBuffer b, int key, int size) { return b.putInt(key).putInt(size); }

    private static byte[] finish(ByteBuffer b) {
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    private static ByteBuffer open(byte[] data, int len, byte[] header, int fixed) throws MalformedPacketException {
        if (len > MAX_MESSAGE_BYTES) throw new MalformedPacketException("datagram of " + len + " bytes (Link messages are at most " + MAX_MESSAGE_BYTES + ")");
        if (len < header.length + fixed) throw new MalformedPacketException("datagram of " + len + " bytes is shorter than a Link message header");
        for (int i = 0; i < header.length; i++) {
            if (data[i] != header[i]) throw new MalformedPacketException("not a Link " + (header == DISCOVERY_HEADER ? "discovery" : "measurement") + " message (protocol header differs at byte " + i + ")");
        }
        return ByteBuffer.wrap(data, header.length, len - header.length).slice();
    }

    private static int entryKey(ByteBuffer b) throws MalformedPacketException {
        if (b.remaining() < ENTRY_HEADER) throw new MalformedPacketException("payload ends inside an entry header (" + b.remaining() + " bytes left)");
        return b.getInt();
    }

    private static int entrySize(ByteBuffer b, int key) throws MalformedPacketException {
        long size = b.getInt() & 0xffffffffL;
        if (size > b.remaining()) throw new MalformedPacketException("payload entry '" + keyName(key) + "' claims " + size + " bytes, " + b.remaining() + " left");
        return (int) size;
    }

    private static void need(int key, int size, int expected) throws MalformedPacketException {
        if (size != expected) throw new MalformedPacketException("payload entry '" + keyName(key) + "' of " + size + " bytes (expected " + expected + ")");
    }

    private static InetAddress inet(byte[] ip) {
        try {
            return InetAddress.getByAddress(ip);
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }

    private static Inet4Address address(int a, int b, int c, int d) {
        return (Inet4Address) inet(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }

}
