package dev.aether.core.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class RealtimeSchedulingTest {

    @Test
    void shouldReadTheNativeThreadIdOfTheCallingThread() {
        assumeTrue(Files.exists(Path.of("/proc/thread-self")), "Linux only");
        long tid = RealtimeScheduling.currentNativeThreadId();
        assertThat(tid).isPositive();
        assertThat(Path.of("/proc/self/task/" + tid)).as("a task of this process").exists();
    }

    @Test
    void shouldBeHarmlessWhenChrtIsMissing() {
        RealtimeScheduling.Outcome o = RealtimeScheduling.requestFifo(RealtimeScheduling.currentNativeThreadId(), 80,
                "/nonexistent/chrt");
        assertThat(o.fifo()).isFalse();
        assertThat(o.report()).isEqualTo("audio thread: normal scheduling (chrt not available)");
    }

    @Test
    void shouldGiveAnotherThreadSchedFifoOrSayWhyNot() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self")), "Linux only");
        AtomicLong tid = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            tid.set(RealtimeScheduling.currentNativeThreadId());
            ready.countDown();
            while (!Thread.currentThread().isInterrupted()) LockSupport.parkNanos(1_000_000);
        }, "rt-probe");
        t.setDaemon(true);
        t.start();
        ready.await();
        try {
            RealtimeScheduling.Outcome o = RealtimeScheduling.requestFifo(tid.get(), 80);
            System.out.println("RealtimeScheduling: " + o.report());
            if (o.fifo()) {
                assertThat(o.report()).isEqualTo("audio thread: SCHED_FIFO 80");
                assertThat(policyFromProc(tid.get())).as("policy field of /proc/self/task/TID/stat (1 = SCHED_FIFO)").isEqualTo(1);
            } else {
                assertThat(o.report()).startsWith("audio thread: normal scheduling (");
                assertThat(policyFromProc(tid.get())).as("still SCHED_OTHER").isZero();
            }
        } finally {
            t.interrupt();
            t.join();
        }
    }

    /** Field 41 of {@code stat}, counted after the parenthesised command name. */
    private static int policyFromProc(long tid) throws IOException {
        String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(rest[41 - 3]);
    }
}
