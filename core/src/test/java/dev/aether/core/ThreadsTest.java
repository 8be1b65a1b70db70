package dev.aether.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ThreadsTest {

    @Test
    void shouldReportAThreadThatEndsInTimeAsEnded() {
        Thread t = new Thread(() -> {});
        t.start();
        assertThat(Threads.join(t, 5_000)).isTrue();
        assertThat(Threads.join(null, 1)).isTrue();
    }

    @Test
    void shouldGiveUpOnAThreadThatOutlivesTheWait() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException ignored) {
                // ends
            }
        });
        t.start();
        assertThat(Threads.join(t, 20)).isFalse();
        release.countDown();
        assertThat(Threads.join(t, 5_000)).isTrue();
    }

    @Test
    void shouldEndASleepingThreadByInterruptingIt() {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                // asked to end
            }
        });
        t.start();
        assertThat(Threads.interruptAndJoin(t, 5_000)).isTrue();
    }

    @Test
    void shouldKeepTheCallersInterruptStatus() throws InterruptedException {
        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                // ends
            }
        });
        sleeper.start();
        boolean[] interruptedAfter = new boolean[1];
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();
            Threads.join(sleeper, 5_000);
            interruptedAfter[0] = Thread.currentThread().isInterrupted();
        });
        caller.start();
        caller.join(5_000);
        assertThat(interruptedAfter[0]).isTrue();
        sleeper.interrupt();
        sleeper.join(5_000);
    }
}
