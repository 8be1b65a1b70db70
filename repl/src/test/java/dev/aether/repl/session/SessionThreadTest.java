package dev.aether.repl.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionThreadTest {
    final SessionThread thread = new SessionThread();

    @AfterEach void close() { thread.close(); }

    @Test void shouldRunHandedWorkOnTheNamedSessionThread() {
        assertThat(thread.call(() -> Thread.currentThread().getName())).isEqualTo(SessionThread.NAME);
        assertThat(thread.isCurrent()).as("the caller is not the session thread").isFalse();
    }

    @Test void shouldRunACallFromTheSessionThreadInlineWithoutDeadlock() {
        String inner = thread.call(() -> thread.call(() -> thread.isCurrent() + " " + Thread.currentThread().getName()));
        assertThat(inner).isEqualTo("true " + SessionThread.NAME);
    }

    @Test void shouldRethrowTheTasksExceptionWithTheCallersFrames() {
        assertThatThrownBy(() -> thread.run(() -> { throw new IllegalArgumentException("no slot named \"x\""); }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no slot named \"x\"")
                .satisfies(e -> assertThat(Arrays.stream(e.getStackTrace()).map(StackTraceElement::getMethodName))
                        .as("the caller's own frame is in the trace")
                        .contains("shouldRethrowTheTasksExceptionWithTheCallersFrames")
                        .noneMatch(m -> m.equals("runWorker")));
    }

    @Test void shouldRunDelayedWorkOnTheSessionThread() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<String> ranOn = new AtomicReference<>();
        thread.later(() -> {
            ranOn.set(Thread.currentThread().getName());
            done.countDown();
        }, 5);
        assertThat(done.await(5, TimeUnit.SECONDS)).as("the delayed task ran").isTrue();
        assertThat(ranOn.get()).isEqualTo(SessionThread.NAME);
    }

    @Test void shouldRefuseWorkOnceClosed() {
        thread.close();
        assertThatThrownBy(() -> thread.run(() -> {})).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
