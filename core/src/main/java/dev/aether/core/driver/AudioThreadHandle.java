package dev.aether.core.driver;

import dev.aether.core.Threads;
import dev.aether.core.ControlThread;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A driver's audio thread: daemon, maximum Java priority, reads its native id first, optionally gets
 * {@code SCHED_FIFO} from the control thread that starts it, and records a failure of the loop body
 * instead of letting it escape. Control-thread methods except where noted.
 */
final class AudioThreadHandle {
    private final Thread thread;
    private final CountDownLatch idKnown = new CountDownLatch(1);
    private volatile long nativeThreadId = -1;
    private volatile Throwable failure;
    private volatile String schedulingReport = "audio thread: not started";
    private volatile int fifoPriority;

    AudioThreadHandle(String name, Runnable loop) {
        thread = new Thread(() -> {
            nativeThreadId = RealtimeScheduling.currentNativeThreadId();
            idKnown.countDown();
            try {
                loop.run();
            } catch (Throwable t) {
                failure = t;
            }
        }, name);
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    /** Starts the thread; with {@code realtime}, waits for its native id and runs {@code chrt} (a few ms). */
    @ControlThread
    void start(boolean realtime, int priority) {
        thread.start();
        if (!realtime) {
            schedulingReport = "audio thread: normal scheduling (real-time scheduling off)";
            return;
        }
        try {
            if (!idKnown.await(2, TimeUnit.SECONDS)) {
                schedulingReport = RealtimeScheduling.Outcome.normal("audio thread did not start").report();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        RealtimeScheduling.Outcome o = RealtimeScheduling.requestFifo(nativeThreadId, priority);
        schedulingReport = o.report();
        fifoPriority = o.fifo() ? o.priority() : 0;
    }

    /** Joins for at most {@code millis}; returns whether the thread has ended. */
    @ControlThread
    boolean join(long millis) {
        return Threads.join(thread, millis);
    }

    Thread thread() { return thread; }

    long nativeThreadId() { return nativeThreadId; }

    /** What the loop threw, or null. */
    Throwable failure() { return failure; }

    String schedulingReport() { return schedulingReport; }

    /** The {@code SCHED_FIFO} priority the thread got, or 0. */
    int fifoPriority() { return fifoPriority; }
}
