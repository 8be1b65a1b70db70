package dev.aether.link;

import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * One measurement of a session's ghost time against our host time, by ping and pong with one peer of that session
 * (Link's measurement): a ping carries our host time; the peer's pong adds its session and ghost time; each pong is
 * answered at once by another ping carrying the ghost time it brought. Every pong gives the offset ghost - host twice
 * (the ghost time against the mean of our two host times around it, and the mean of two ghost times against the host
 * time between them). After more than {@value #POINTS} offsets the result is the median of those that came with the
 * fastest 30% of round trips (Link takes the median of all; a round trip stretched by a descheduled thread on either
 * side is also the one most likely lopsided, so dropping the slow ones keeps a loaded machine's result within a
 * fraction of a millisecond). Five pings in a row
 * unanswered for 50 ms each, or a pong from another session, fail it. Confined to the peer's network thread.
 */
final class ClockMeasurement {
    static final int POINTS = 100;
    static final int MAX_UNANSWERED = 5;
    static final long TIMEOUT_MICROS = 50_000;

    final long sessionId;
    final InetSocketAddress endpoint;
    private final double[] data = new double[POINTS + 2];
    private final long[] dataTrips = new long[POINTS + 2];     // the round trip each offset came with
    private final long[] roundTrips = new long[POINTS + 2];
    private int n, trips, unanswered;
    private long deadline;

    ClockMeasurement(long sessionId, InetSocketAddress endpoint, long nowHost) {
        this.sessionId = sessionId;
        this.endpoint = endpoint;
        this.deadline = nowHost + TIMEOUT_MICROS;
    }

    /** The first ping (our host time). */
    byte[] start(long nowHost) {
        deadline = nowHost + TIMEOUT_MICROS;
        return LinkWire.encodePing(nowHost, 0);
    }

    /** The outcome of a pong or a timer. */
    enum Step { CONTINUE, DONE, FAILED }

    /** Takes a pong received at {@code nowHost}; {@code reply} gets the next ping, if any. */
    Step onPong(LinkWire.Measurement pong, long nowHost, byte[][] reply) {
        if (pong.sessionId() != sessionId) return Step.FAILED;
        reply[0] = LinkWire.encodePing(nowHost, pong.ghostTime());
        unanswered = 0;
        deadline = nowHost + TIMEOUT_MICROS;
        if (pong.ghostTime() != 0 && pong.hostTime() != 0) {
            long trip = nowHost - pong.hostTime();
            if (trips < roundTrips.length) roundTrips[trips++] = trip;
            add(pong.ghostTime() - (nowHost + pong.hostTime()) * 0.5, trip);
            if (pong.prevGhostTime() != 0) add((pong.ghostTime() + pong.prevGhostTime()) * 0.5 - pong.hostTime(), trip);
        }
        return n > POINTS ? Step.DONE : Step.CONTINUE;
    }

    /** The timer at {@code nowHost}: a new ping in {@code reply} while fewer than five went unanswered. */
    Step onTimer(long nowHost, byte[][] reply) {
        if (nowHost < deadline) return Step.CONTINUE;
        if (unanswered >= MAX_UNANSWERED) return Step.FAILED;
        unanswered++;
        deadline = nowHost + TIMEOUT_MICROS;
        reply[0] = LinkWire.encodePing(nowHost, 0);
        return Step.CONTINUE;
    }

    /** The offset ghost - host, microseconds (rounded): the median of the offsets of the fastest 30% of round trips. */
    long offsetMicros() {
        if (n == 0) return 0;
        long[] sorted = Arrays.copyOf(dataTrips, n);
        Arrays.sort(sorted);
        long limit = sorted[Math.max(0, (int) (n * 0.3) - 1)];
        double[] fast = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) if (dataTrips[i] <= limit) fast[k++] = data[i];
        return Math.round(median(fast, k));
    }

    /** The median round trip, microseconds. */
    long roundTripMicros() {
        long[] t = Arrays.copyOf(roundTrips, trips);
        Arrays.sort(t);
        return t.length == 0 ? 0 : t[t.length / 2];
    }

    private void add(double x, long trip) {
        if (n == data.length) return;
        dataTrips[n] = trip;
        data[n++] = x;
    }

    /** Median of the first {@code n} values (mean of the middle two for even n). */
    static double median(double[] values, int n) {
        double[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
