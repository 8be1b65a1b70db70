package dev.aether.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ping/pong estimate of a session's ghost time, against a simulated peer whose offset is known. */
class ClockMeasurementTest {
    static final long TRUE_OFFSET = 7_654_321;      // their ghost = our host + this

    /** One exchange: our ping leaves at host t, reaches them after out us, comes back after back us. */
    static LinkWire.Measurement pong(long sentHost, long out, long prevGhost) {
        long ghost = sentHost + out + TRUE_OFFSET;
        return new LinkWire.Measurement(LinkWire.PONG, 42, sentHost, ghost, prevGhost);
    }

    @Test
    void shouldFindTheOffsetFromSymmetricRoundTripsAndIgnoreLopsidedSlowOnes() {
        ClockMeasurement m = new ClockMeasurement(42, new InetSocketAddress("127.0.0.1", 9), 0);
        SplittableRandom r = new SplittableRandom(1);
        byte[][] reply = new byte[1][];
        long host = 1_000_000, prevGhost = 0;
        ClockMeasurement.Step step = ClockMeasurement.Step.CONTINUE;
        int exchanges = 0;
        while (step == ClockMeasurement.Step.CONTINUE) {
            boolean slow = r.nextInt(5) < 3;                           // 60% stalled on the way back by 2..6 ms (a plain median is ~1 ms off)
            long out = 100, back = 100 + (slow ? 2_000 + r.nextInt(4_000) : 0);
            LinkWire.Measurement p = pong(host, out, prevGhost);
            prevGhost = p.ghostTime();
            host += out + back;
            step = m.onPong(p, host, reply);
            assertThat(reply[0]).isNotNull();
            exchanges++;
        }
        assertThat(step).isEqualTo(ClockMeasurement.Step.DONE);
        assertThat(exchanges).isBetween(50, 52);                       // two offsets per pong after the first
        assertThat(m.offsetMicros()).isCloseTo(TRUE_OFFSET, org.assertj.core.data.Offset.offset(60L));
        assertThat(m.roundTripMicros()).as("median round trip: most were slow").isBetween(2_200L, 6_200L);
    }

    @Test
    void shouldFailAPongFromAnotherSessionAndFiveUnansweredPings() {
        ClockMeasurement m = new ClockMeasurement(42, new InetSocketAddress("127.0.0.1", 9), 0);
        byte[][] reply = new byte[1][];
        assertThat(m.onPong(new LinkWire.Measurement(LinkWire.PONG, 43, 1, 2, 0), 10, reply)).isEqualTo(ClockMeasurement.Step.FAILED);
        ClockMeasurement quiet = new ClockMeasurement(42, new InetSocketAddress("127.0.0.1", 9), 0);
        long t = 0;
        for (int i = 0; i < 5; i++) {
            t += ClockMeasurement.TIMEOUT_MICROS;
            assertThat(quiet.onTimer(t, reply)).isEqualTo(ClockMeasurement.Step.CONTINUE);
        }
        assertThat(quiet.onTimer(t + ClockMeasurement.TIMEOUT_MICROS, reply)).isEqualTo(ClockMeasurement.Step.FAILED);
    }
}
