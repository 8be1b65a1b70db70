package dev.aether.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.EngineConfig;
import dev.aether.core.time.Clock;
import dev.aether.core.time.ClockSnapshot;
import dev.aether.core.time.When;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * {@link Engine#tempo} at an engine sample while the look-ahead scheduler moves the clock's committed horizon: the
 * change always lands, at the first tick the clock can still change. The scheduler's pass is played by the test: it
 * holds the clock's lock (as a pass does) while the tempo call waits for it, and moves {@code committedUntil}.
 */
class EngineTempoTest {
    private static final int SR = 48_000;

    @Test
    void shouldChangeTheTempoEvenWhenTheSchedulerQueuesFurtherWhileItIsAsked() throws Exception {
        Engine e = Engine.create(EngineConfig.defaults());
        Clock clock = e.clock();
        long queued = SR;                                         // a pass queues one second ahead meanwhile
        CompletableFuture<Void> change;
        synchronized (clock) {                                    // a scheduler pass begins
            AtomicReference<Thread> caller = new AtomicReference<>();
            change = CompletableFuture.runAsync(() -> {
                caller.set(Thread.currentThread());
                e.tempo(90, 4, When.atSample(0));
            }, r -> new Thread(r, "tempo-caller").start());
            awaitBlocked(caller, change);
            clock.advanceCommitted(queued);                       // ... and moves committedUntil before it ends
        }
        change.get(10, TimeUnit.SECONDS);                         // threw "beat 0 ... is already played or queued"

        ClockSnapshot s = clock.snapshot();
        assertThat(s.tempoMap().lastBpm()).as("the tempo asked for").isEqualTo(90.0);
        assertThat(s.bpmAtRt(queued - 1)).as("what was queued keeps its tempo").isCloseTo(120.0, Offset.offset(1e-9));
        assertThat(s.bpmAtRt(queued + SR / 100)).as("the change lands within a tick of committedUntil")
                .isCloseTo(90.0, Offset.offset(1e-9));
    }

    /** Waits (10 s at most) until the caller thread waits for a monitor: the clock's, which the test holds. */
    static void awaitBlocked(AtomicReference<Thread> caller, CompletableFuture<?> call) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (caller.get() == null || caller.get().getState() != Thread.State.BLOCKED) {
            if (call.isDone()) throw new AssertionError("the tempo call ended without waiting for the clock's lock: " + call);
            if (System.nanoTime() > deadline) throw new AssertionError("the tempo call never waited for the clock's lock");
            Thread.sleep(1);
        }
    }
}
