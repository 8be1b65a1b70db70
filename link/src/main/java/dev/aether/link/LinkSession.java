package dev.aether.link;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The session state of one Link peer, without I/O (the spec is Ableton's Controller, Sessions and ClientSessionTimelines):
 * which session we belong to, its timeline in ghost time, the offset from our host time to that ghost time, the
 * session's start/stop state, the peers we have heard, and the client timeline (host time) the application reads.
 *
 * <ul>
 * <li>A new node is its own session; its ghost time starts at 0 when it starts.</li>
 * <li>A peer of our session with a timeline of greater beat origin wins (so every change, which raises the origin, is
 *     adopted); a start/stop state with a later timestamp wins.</li>
 * <li>A peer of a session we have not seen asks for a measurement of that session ({@link #onPeerState} returns
 *     it). When the measurement says that session's ghost time is more than 0.5 s ahead of ours (it is older), or
 *     within 0.5 s and its id is smaller, we join it: its timeline and measured offset replace ours, our start/stop
 *     state is reset.</li>
 * <li>Our own session is measured again every 30 s while it has peers.</li>
 * <li>A peer is forgotten after its ttl without news, or at its bye-bye.</li>
 * </ul>
 * Confined to the peer's network thread (tests drive it directly); times are host microseconds.
 */
final class LinkSession {
    static final long SESSION_EPS_MICROS = 500_000;
    static final long REMEASURE_MICROS = 30_000_000;

    /** What we know of one other peer. */
    record Peer(long nodeId, LinkWire.PeerState state, long expiresHost) {}

    private record OtherSession(Timeline timeline) {}

    final long nodeId;
    private long sessionId;
    private Timeline session;               // ghost time
    private long ghostOffset;               // ghost = host + ghostOffset
    private StartStopState startStop = StartStopState.NONE;
    private Timeline client;                // host time
    private boolean clientPlaying;
    private long clientPlayingTime;
    private final Map<Long, Peer> peers = new HashMap<>();
    private final Map<Long, OtherSession> others = new HashMap<>();
    private long roundTrip;
    private long nextRemeasure = Long.MAX_VALUE;
    private long version;

    LinkSession(long nodeId, double bpm, long nowHost) {
        this.nodeId = nodeId;
        this.sessionId = nodeId;
        this.ghostOffset = -nowHost;
        this.session = new Timeline(bpm, 0, 0).clamped();
        this.client = new Timeline(session.bpm(), 0, nowHost);
        this.clientPlayingTime = nowHost;
    }

    long sessionId() { return sessionId; }

    Timeline sessionTimeline() { return session; }

    long ghostOffset() { return ghostOffset; }

    StartStopState startStop() { return startStop; }

    long version() { return version; }

    long ghost(long host) { return host + ghostOffset; }

    long host(long ghost) { return ghost - ghostOffset; }

    /** What we announce: our session's timeline, id and start/stop state, and our measurement endpoint. */
    LinkWire.PeerState announce(InetSocketAddress endpoint) { return new LinkWire.PeerState(session, sessionId, startStop, endpoint); }

    /** The application's view now. */
    LinkState view(long malformed) {
        int inSession = 0;
        for (Peer p : peers.values()) if (p.state().sessionId() == sessionId) inSession++;
        return new LinkState(client, clientPlaying, clientPlayingTime, inSession, sessionId, ghostOffset, roundTrip, malformed, version);
    }

    // ------------------------------------------------------------------ from the network

    /**
     * A peer's state heard at {@code nowHost}, valid for {@code ttlSeconds}. Returns the session to measure (a peer
     * of it and its endpoint) when it is a session we have not seen, else {@code null}. Returns whether our
     * announcement changed via {@link #version()}.
     */
    Peer onPeerState(long peerId, LinkWire.PeerState st, int ttlSeconds, long nowHost) {
        if (peerId == nodeId) return null;
        Peer p = new Peer(peerId, st, nowHost + ttlSeconds * 1_000_000L);
        Peer before = peers.put(peerId, p);
        if (before == null || before.state().sessionId() != st.sessionId()) version++;     // the peer count may change
        if (st.sessionId() == sessionId) {
            if (st.timeline().beatOrigin() > session.beatOrigin()) updateTiming(st.timeline(), ghostOffset, nowHost);
            if (st.startStop().timestampMicros() > startStop.timestampMicros()) {
                startStop = st.startStop();
                clientStartStopFromSession();
                version++;
            }
            if (nextRemeasure == Long.MAX_VALUE) nextRemeasure = nowHost + REMEASURE_MICROS;
            return null;
        }
        OtherSession known = others.get(st.sessionId());
        if (known == null) {
            others.put(st.sessionId(), new OtherSession(st.timeline()));
            return st.measurementEndpoint() == null ? null : p;
        }
        if (st.timeline().beatOrigin() > known.timeline().beatOrigin()) others.put(st.sessionId(), new OtherSession(st.timeline()));
        return null;
    }

    /** A peer said bye-bye. */
    void onByeBye(long peerId) { if (peers.remove(peerId) != null) version++; }

    /** Forgets peers whose ttl ran out by {@code nowHost}; returns how many. */
    int prune(long nowHost) {
        int gone = 0;
        for (Iterator<Peer> it = peers.values().iterator(); it.hasNext(); ) {
            if (it.next().expiresHost() < nowHost) { it.remove(); gone++; }
        }
        if (gone > 0) {
            others.keySet().removeIf(s -> peers.values().stream().noneMatch(p -> p.state().sessionId() == s));
            version++;
        }
        return gone;
    }

    /** A peer of our own session to measure when the 30 s remeasurement is due at {@code nowHost}, else null. */
    Peer remeasureDue(long nowHost) {
        if (nowHost < nextRemeasure) return null;
        nextRemeasure = nowHost + REMEASURE_MICROS;
        for (Peer p : peers.values()) {
            if (p.state().sessionId() == sessionId && p.state().measurementEndpoint() != null) return p;
        }
        nextRemeasure = Long.MAX_VALUE;
        return null;
    }

    /** A measurement of {@code measuredSession} finished: its ghost time is host + {@code offset}. */
    void onMeasured(long measuredSession, long offset, long roundTripMicros, long nowHost) {
        roundTrip = roundTripMicros;
        if (measuredSession == sessionId) {
            updateTiming(session, offset, nowHost);
            version++;
            return;
        }
        OtherSession other = others.get(measuredSession);
        if (other == null) return;
        long ghostDiff = offset - ghostOffset;
        if (ghostDiff > SESSION_EPS_MICROS || (Math.abs(ghostDiff) < SESSION_EPS_MICROS && Long.compareUnsigned(measuredSession, sessionId) < 0)) {
            others.remove(measuredSession);
            others.put(sessionId, new OtherSession(session));
            sessionId = measuredSession;
            startStop = StartStopState.NONE;
            updateTiming(other.timeline(), offset, nowHost);
            nextRemeasure = nowHost + REMEASURE_MICROS;
            version++;
        }
    }

    /** A measurement failed: a foreign session is forgotten (its next announcement measures it again). */
    void onMeasurementFailed(long measuredSession) {
        if (measuredSession != sessionId) others.remove(measuredSession);
    }

    // ------------------------------------------------------------------ from the application

    /** The application sets the tempo at host time {@code atHost} (the beat there does not move). */
    void setTempo(double bpm, long atHost, long nowHost) {
        fromClient(client.withTempoKeepingOrigin(Math.min(Timeline.MAX_BPM, Math.max(Timeline.MIN_BPM, bpm)), atHost), nowHost);
    }

    /** The application makes the beat at {@code atHost} read {@code beat} for {@code quantum} (phase and count). */
    void forceBeatAt(double beat, long atHost, double quantum, long nowHost) {
        fromClient(Timeline.forceBeatAt(client, Timeline.toMicroBeats(beat), atHost, Timeline.toMicroBeats(quantum)), nowHost);
    }

    /** The application starts or stops the transport at host time {@code atHost}. */
    void setPlaying(boolean playing, long atHost, long nowHost) {
        long stamp = ghost(nowHost);
        if (stamp <= startStop.timestampMicros()) stamp = startStop.timestampMicros() + 1;
        startStop = new StartStopState(playing, session.beatsAt(ghost(atHost)), stamp);
        clientPlaying = playing;
        clientPlayingTime = atHost;
        version++;
    }

    // ------------------------------------------------------------------ internals

    private void fromClient(Timeline c, long nowHost) {
        long ghostBeat0 = ghost(c.timeOriginMicros());
        Timeline next;
        if (session.beatsAt(ghostBeat0) == 0 && c.bpm() == session.bpm()) {
            next = session;
        } else {
            Timeline temp = new Timeline(c.bpm(), 0, ghostBeat0);
            long origin = Math.max(session.beatsAt(ghost(nowHost)), session.beatOrigin() + 1);
            next = new Timeline(c.bpm(), origin, temp.timeAt(origin));
        }
        client = c;
        updateTiming(next, ghostOffset, nowHost);
        version++;
    }

    private void updateTiming(Timeline next, long offset, long nowHost) {
        next = next.clamped();
        if (next.equals(session) && offset == ghostOffset) return;
        session = next;
        ghostOffset = offset;
        long hostBeatZero = host(session.timeAt(0));
        Timeline temp = new Timeline(session.bpm(), client.beatsAt(nowHost), nowHost);
        client = new Timeline(session.bpm(), temp.beatsAt(hostBeatZero), hostBeatZero);
        if (!startStop.equals(StartStopState.NONE)) clientStartStopFromSession();
        version++;
    }

    private void clientStartStopFromSession() {
        clientPlaying = startStop.playing();
        clientPlayingTime = host(session.timeAt(startStop.beats()));
    }

    /** Peers heard and not yet forgotten (for display). */
    List<Peer> peers() { return new ArrayList<>(peers.values()); }
}
