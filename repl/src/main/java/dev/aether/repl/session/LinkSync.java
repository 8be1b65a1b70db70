package dev.aether.repl.session;

import dev.aether.core.driver.AudioDriver;
import dev.aether.core.driver.JavaSoundDriver;
import dev.aether.core.engine.Engine;
import dev.aether.link.LinkClockFollower;
import dev.aether.link.LinkPeer;
import dev.aether.link.LinkState;
import java.util.Locale;

/**
 * Any thread (synchronized): a session's Ableton Link connection (docs/link.md) — a {@link LinkPeer} on the default
 * interface and a {@link LinkClockFollower} keeping the engine's clock on the session — made by {@code link(true)},
 * closed by {@code link(false)} or when aether exits. The quantum and the offset are kept across on/off.
 */
public final class LinkSync implements AutoCloseable {
    private final Engine engine;
    private LinkPeer peer;
    private LinkClockFollower follower;
    private double quantum = LinkClockFollower.DEFAULT_QUANTUM;
    private double offsetMillis;

    LinkSync(Engine engine) { this.engine = engine; }

    /** Joins (true) or leaves (false) the Link session; joining when joined does nothing. */
    public synchronized void enable(boolean on) {
        if (!on) {
            close();
            return;
        }
        if (peer != null) return;
        // the tempo last asked for: a change may land after the sample rendered now (quantised, or past the look-ahead)
        double bpm = engine.clock().snapshot().tempoMap().lastBpm();
        peer = LinkPeer.start(Math.max(20, Math.min(999, bpm)));
        follower = new LinkClockFollower(engine.clock(), peer, LinkPeer::monotonicMicros, outputLatencyMicros());
        follower.quantum(quantum);
        follower.offsetMillis(offsetMillis);
        follower.start();
    }

    public synchronized boolean enabled() { return peer != null; }

    /** Extra latency compensated beyond the device buffer, ms (-1000..1000; positive plays earlier). */
    public synchronized void offsetMillis(double ms) {
        if (!(Math.abs(ms) <= 1000)) throw new IllegalArgumentException("linkOffset(ms) takes -1000..1000 ms, was " + ms);
        offsetMillis = ms;
        if (follower != null) follower.offsetMillis(ms);
    }

    /** The bar length phase is aligned to, beats (default 4). */
    public synchronized void quantum(double beats) {
        if (!(beats > 0 && beats <= 64)) throw new IllegalArgumentException(":link quantum takes more than 0 and at most 64 beats, was " + beats);
        quantum = beats;
        if (follower != null) follower.quantum(beats);
    }

    /** What {@code :link} prints: peers, tempo, phase offset, measured latency, compensation. */
    public synchronized String status() {
        if (peer == null) {
            return String.format(Locale.ROOT, "Link is off (link(true) joins the session on the local network); quantum %s beats, linkOffset %s ms",
                    num(quantum), num(offsetMillis));
        }
        LinkState s = peer.state();
        long now = LinkPeer.monotonicMicros();
        return String.format(Locale.ROOT, "Link on: %d peer%s, %.2f BPM, %s, session phase %.2f of %s beats%n"
                        + "engine phase offset %s ms (engine minus session, where it is heard); clock measured with %s%n"
                        + "latency compensated %.1f ms (device buffer %.1f + linkOffset %s)%s",
                s.peers(), s.peers() == 1 ? "" : "s", s.bpm(), s.playing() ? "playing" : "stopped", s.phaseAt(now, quantum), num(quantum),
                Double.isNaN(follower.phaseErrorMillis()) ? "-" : String.format(Locale.ROOT, "%.2f", follower.phaseErrorMillis()),
                s.roundTripMicros() == 0 ? "no peer yet" : String.format(Locale.ROOT, "a %.2f ms round trip", s.roundTripMicros() / 1000.0),
                follower.outputLatencyMicros() / 1000.0 + offsetMillis, follower.outputLatencyMicros() / 1000.0, num(offsetMillis),
                s.malformed() == 0 ? "" : "; " + s.malformed() + " malformed datagrams ignored");
    }

    private long outputLatencyMicros() {
        AudioDriver d = engine.driver();
        if (d instanceof JavaSoundDriver j) return Math.round(j.bufferFrames() * 1e6 / engine.config().sampleRate());
        return 0;
    }

    private static String num(double x) { return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString(); }

    /** Leaves the session (bye-bye to the peers); the clock keeps its tempo. */
    @Override public synchronized void close() {
        if (follower != null) follower.close();
        if (peer != null) peer.close();
        follower = null;
        peer = null;
    }
}
