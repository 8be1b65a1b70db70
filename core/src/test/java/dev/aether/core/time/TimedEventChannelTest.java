package dev.aether.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.testkit.signals.Allocations;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TimedEventChannelTest {
    /** A target that records what it is handed (allocates: for the tests that do not measure allocation). */
    private static final class Recorder implements TimedTarget {
        final List<long[]> got = new ArrayList<>();
        @Override public void acceptRt(int kind, int key, long atSample, double a, double b) {
            got.add(new long[] {kind, key, atSample, (long) a, (long) b});
        }
    }

    @Test
    void shouldHandEveryEventToItsTargetWithItsFieldsInOfferOrder() {
        TimedEventChannel ch = new TimedEventChannel(16);
        Recorder r1 = new Recorder(), r2 = new Recorder();
        assertThat(ch.offer(r1, 1, 60, 100, 440, 1)).isTrue();
        assertThat(ch.offer(r2, 2, 61, 50, 220, 0)).isTrue();
        assertThat(ch.offer(r1, 3, 62, 10, 110, 0)).isTrue();
        assertThat(ch.size()).isEqualTo(3);
        assertThat(ch.drainRt()).isEqualTo(3);
        assertThat(r1.got).containsExactly(new long[] {1, 60, 100, 440, 1}, new long[] {3, 62, 10, 110, 0});
        assertThat(r2.got).containsExactly(new long[] {2, 61, 50, 220, 0});
        assertThat(ch.drainRt()).as("nothing left").isZero();
        assertThat(ch.size()).isZero();
    }

    @Test
    void shouldRefuseWhenFullAndTakeAgainOnceDrained() {
        TimedEventChannel ch = new TimedEventChannel(8);
        assertThat(ch.capacity()).isEqualTo(8);
        Recorder r = new Recorder();
        for (int i = 0; i < 8; i++) assertThat(ch.offer(r, 0, i, i, 0, 0)).as("offer %d", i).isTrue();
        assertThat(ch.offer(r, 0, 8, 8, 0, 0)).as("the ninth event of a channel of 8").isFalse();
        assertThat(ch.drainRt()).isEqualTo(8);
        assertThat(r.got).extracting(e -> e[1]).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        for (int lap = 0; lap < 5; lap++) {                   // wraps around the slots several times
            for (int i = 0; i < 8; i++) assertThat(ch.offer(r, 0, i, i, 0, 0)).isTrue();
            assertThat(ch.offer(r, 0, 9, 9, 0, 0)).isFalse();
            assertThat(ch.drainRt()).isEqualTo(8);
        }
    }

    @Test
    void shouldRoundCapacityUpToAPowerOfTwoAndRejectNonsense() {
        assertThat(new TimedEventChannel(5).capacity()).isEqualTo(8);
        assertThat(new TimedEventChannel(1).capacity()).isEqualTo(2);
        assertThatThrownBy(() -> new TimedEventChannel(0)).hasMessageContaining("capacity");
        assertThatThrownBy(() -> new TimedEventChannel(4).offer(null, 0, 0, 0, 0, 0)).hasMessageContaining("target");
    }

    @Test
    void shouldDeliverEveryEventOfManyProducersExactlyOnceAndInEachProducersOrder() throws Exception {
        int producers = 4, perProducer = 20_000;
        TimedEventChannel ch = new TimedEventChannel(256);
        long[] lastSeq = new long[producers];
        java.util.Arrays.fill(lastSeq, -1);
        long[] count = new long[producers];
        boolean[] outOfOrder = new boolean[1];
        TimedTarget t = (kind, key, at, a, b) -> {
            if (at != lastSeq[key] + 1 || a != at * 2 || b != -at) outOfOrder[0] = true;
            lastSeq[key] = at;
            count[key]++;
        };
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] refused = new long[producers];
        for (int p = 0; p < producers; p++) {
            int id = p;
            Thread th = new Thread(() -> {
                try { go.await(); } catch (InterruptedException e) { return; }
                for (long s = 0; s < perProducer; s++) {
                    while (!ch.offer(t, 7, id, s, s * 2, -s)) { refused[id]++; Thread.onSpinWait(); }
                }
            }, "producer-" + p);
            threads.add(th);
            th.start();
        }
        go.countDown();
        long total = 0, deadline = System.nanoTime() + 60_000_000_000L;
        while (total < (long) producers * perProducer && System.nanoTime() < deadline) {
            int n = ch.drainRt();
            assertThat(n).as("one drain is bounded by the capacity").isLessThanOrEqualTo(256);
            total += n;
            if (n == 0) Thread.onSpinWait();
        }
        for (Thread th : threads) th.join();
        assertThat(total).as("events delivered").isEqualTo((long) producers * perProducer);
        assertThat(count).containsOnly((long) perProducer);
        assertThat(outOfOrder[0]).as("an event torn or out of its producer's order").isFalse();
        assertThat(ch.drainRt()).isZero();
    }

    @Test
    void shouldAllocateNothingOnTheConsumingThreadInSteadyState() throws Exception {
        TimedEventChannel ch = new TimedEventChannel(1024);
        PendingEvents pending = new PendingEvents(1024);
        long[] sum = new long[1];
        TimedTarget t = (kind, key, at, a, b) -> pending.addRt(kind, key, at, a, b);
        pending.bind(ch);
        AtomicBoolean stop = new AtomicBoolean();
        Thread producer = new Thread(() -> {
            long s = 0;
            while (!stop.get()) {
                if (!pending.offer(t, 1, 0, s, s, 0)) Thread.onSpinWait();
                else s += 3;
            }
        }, "producer");
        long[] window = new long[3];
        Thread consumer = new Thread(new ConsumerLoop(ch, pending, sum, window), "consumer");
        producer.start();
        consumer.start();
        consumer.join();
        stop.set(true);
        producer.join();
        assertThat(sum[0]).as("events consumed while measuring").isGreaterThan(1000);
        assertThat(window).as("bytes the consuming thread allocated per window").containsOnly(0L);
    }

    /** The consumer's loop, in a class without string constants (see docs/realtime.md on C2 requests). */
    private static final class ConsumerLoop implements Runnable {
        private final TimedEventChannel ch;
        private final PendingEvents pending;
        private final long[] sum, window;

        ConsumerLoop(TimedEventChannel ch, PendingEvents pending, long[] sum, long[] window) {
            this.ch = ch;
            this.pending = pending;
            this.sum = sum;
            this.window = window;
        }

        @Override public void run() {
            long time = 0;
            // warm-up: the producer shares two cores with others, and on a loaded machine C2 may compile (and swap in)
            // the loop seconds after it reached its counts, which showed once as 616 B in the first window
            long start = System.nanoTime();
            while (sum[0] < 100_000 || System.nanoTime() - start < 2_000_000_000L) time = blocks(time);
            for (int w = 0; w < window.length; w++) {
                long before = Allocations.currentThread();
                long until = sum[0] + 20_000;
                while (sum[0] < until) time = blocks(time);
                window[w] = Allocations.currentThread() - before;
            }
        }

        private long blocks(long time) {
            for (int b = 0; b < 1000; b++) {
                ch.drainRt();
                long end = time + 64;
                while (pending.atRt() < end) {
                    pending.removeRt();
                    sum[0]++;
                }
                time = end;
            }
            return time;
        }
    }
}
