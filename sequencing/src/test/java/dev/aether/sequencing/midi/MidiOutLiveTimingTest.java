package dev.aether.sequencing.midi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.EngineConfig;
import dev.aether.core.driver.DriverConfig;
import dev.aether.core.driver.PacedNullDriver;
import dev.aether.core.engine.Engine;
import dev.aether.core.time.Clock;
import dev.aether.sequencing.schedule.LookAheadScheduler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import org.junit.jupiter.api.Test;

/**
 * MIDI clock sent live for 4 s at 120 BPM (a clock every 1,000 samples at 48 kHz, 20.833 ms) from an engine on the
 * paced null driver, through the real sender thread and the measured sample line ({@link EngineTimeline}). Measured:
 * <ul>
 * <li><b>jitter</b>: each clock's arrival minus the ideal grid (the best-fitting constant offset plus k * 20.833 ms);
 *     printed only: when the engine falls behind (late blocks, printed too) the clocks rightly follow it off the grid;</li>
 * <li><b>error</b>: each clock's arrival minus the moment the engine rendered its sample, as seen by an independent
 *     observer thread that polls the engine's position every 50 µs (the first time it sees a block is that block's
 *     start, to within its polling and scheduling delay).</li>
 * </ul>
 * The machine running tests is shared and loaded, so the bounds are generous (median |error| under 5 ms, 90 % of
 * clocks within 25 ms: a sender sending on queueing, 100 ms early, or a line off by a block, fails); the figures are
 * printed.
 */
class MidiOutLiveTimingTest {
    static final int RATE = 48_000;

    @Test
    void clocksArriveOnTheEnginesTimeWithinMilliseconds() throws Exception {
        List<long[]> got = new ArrayList<>();          // (status, nanos)
        Receiver rec = new Receiver() {
            @Override public void send(MidiMessage m, long ts) {
                long t = System.nanoTime();
                synchronized (got) {
                    byte[] b = m.getMessage();
                    got.add(new long[] {m.getStatus(), t, b.length > 2 ? (b[1] & 0x7F) | (b[2] & 0x7F) << 7 : 0});
                }
            }
            @Override public void close() {}
        };
        long[] blockStart = new long[4_000], blockSeen = new long[4_000];
        int[] blocks = {0};
        long lateBlocks = 0;
        Engine engine = Engine.create(EngineConfig.defaults());
        LookAheadScheduler scheduler = LookAheadScheduler.attach(engine, m -> {});
        Clock clock = engine.clock();
        MidiOut out = new MidiOut("live", rec, SampleTimeline.of(clock), WallClock.SYSTEM).start();
        Thread observer = new Thread(() -> {
            long last = -1;
            while (!Thread.currentThread().isInterrupted() && blocks[0] < blockStart.length) {
                long p = clock.position();
                if (p != last) {
                    blockStart[blocks[0]] = p;
                    blockSeen[blocks[0]++] = System.nanoTime();
                    last = p;
                }
                LockSupport.parkNanos(50_000);
            }
        }, "observer");
        try {
            engine.start(new PacedNullDriver(DriverConfig.defaults().sampleRateHz(RATE)));
            observer.start();
            Thread.sleep(1_500);                               // the sample line settles within a second of starting
            MidiClockSender sender = new MidiClockSender(clock, out, clock.earliest());
            scheduler.follow(sender);
            long late0 = engine.stats().lateBlocks();
            Thread.sleep(4_000);
            lateBlocks = engine.stats().lateBlocks() - late0;
            sender.stop();
            Thread.sleep(300);
        } finally {
            observer.interrupt();
            observer.join();
            scheduler.close();
            out.close();
            engine.close();
        }
        long sixteenth = -1;
        boolean started = false;
        List<Long> arrivals = new ArrayList<>();
        synchronized (got) {
            for (long[] g : got) {
                if (g[0] == MidiClockSender.SONG_POSITION) sixteenth = g[2];
                if (g[0] == MidiClockSender.CONTINUE || g[0] == MidiClockSender.START) started = true;
                if (g[0] == MidiClockSender.CLOCK && started) arrivals.add(g[1]);
            }
        }
        assertThat(sixteenth).as("sending starts mid-song: a Song Position Pointer first").isPositive();
        assertThat(arrivals.size()).as("clocks in 4 s at 120 BPM (48 a second)").isBetween(150, 200);
        // the first clock after Continue is on the sixteenth sent; the transport has played since engine sample 0, so
        // clock k is on engine sample 6,000 * sixteenth + 1,000 k
        long firstSample = 6_000 * sixteenth;
        double period = 1e9 * 1_000 / RATE;
        double meanOffset = 0;
        for (int k = 0; k < arrivals.size(); k++) meanOffset += arrivals.get(k) - k * period;
        meanOffset /= arrivals.size();
        double[] jitter = new double[arrivals.size()], error = new double[arrivals.size()];
        int n = 0;
        for (int k = 0; k < arrivals.size(); k++) {
            jitter[k] = (arrivals.get(k) - k * period - meanOffset) / 1e6;
            long s = firstSample + 1_000L * k;
            int b = Arrays.binarySearch(blockStart, 0, blocks[0], s);
            if (b < 0) b = -b - 2;
            if (b < 0 || b + 1 >= blocks[0]) continue;
            error[n++] = (arrivals.get(k) - (blockSeen[b] + (s - blockStart[b]) * 1e9 / RATE)) / 1e6;
        }
        error = Arrays.copyOf(error, n);
        System.out.printf("MIDI clock live on the paced null driver: %d clocks; jitter (ms) %s; error vs the engine's render time (ms) %s;"
                + " engine late blocks %d%n", arrivals.size(), stats(jitter), stats(error), lateBlocks);
        assertThat(n).isGreaterThan(100);
        // generous: the machine is shared and loaded, and a descheduled sender or observer shows as a late outlier
        // (load averages of 30 on 2 cores were seen while this was written: median 1.6 ms, p99 19 ms then)
        assertThat(percentileAbs(error, 0.5)).as("median |error| against the engine's render time, ms").isLessThan(5);
        assertThat(percentileAbs(error, 0.9)).as("90th percentile |error|, ms").isLessThan(25);
        // jitter against a straight grid is printed, not asserted: when the engine itself falls behind and the paced
        // driver resynchronises, the clocks rightly follow the engine off the grid (the error above stays small)
    }

    static String stats(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return String.format("mean %.3f, sd %.3f, p50 %.3f, p99 %.3f, max |.| %.3f", mean(x), sd(x), s[s.length / 2],
                s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)], maxAbs(x));
    }

    static double percentileAbs(double[] x, double p) {
        double[] a = new double[x.length];
        for (int i = 0; i < x.length; i++) a[i] = Math.abs(x[i]);
        Arrays.sort(a);
        return a[Math.min(a.length - 1, (int) Math.ceil(a.length * p) - 1)];
    }

    static double mean(double[] x) { double m = 0; for (double v : x) m += v; return m / x.length; }
    static double sd(double[] x) { double m = mean(x), v = 0; for (double d : x) v += (d - m) * (d - m); return Math.sqrt(v / x.length); }
    static double maxAbs(double[] x) { double m = 0; for (double v : x) m = Math.max(m, Math.abs(v)); return m; }
}
