package dev.aether.repl.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.core.budget.RunBudget;
import dev.aether.core.budget.RunStopped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guard arms the calling thread's watch only inside a run; cancel reaches runs on other threads. */
class UserCodeGuardTest {
    private static final int SITE = RunBudget.site("REPL.$JShell$0TEST$Spin", "process", 7);   // no JShell class is named so: other tests in this JVM shift the lines of theirs
    private final UserCodeGuard guard = new UserCodeGuard();

    @AfterEach void close() { guard.close(); }

    /** What woven user code does in {@code while (true) {}}: one check per backward branch. */
    private static void spin() {
        while (true) RunBudget.check(SITE);
    }

    private static void spinFor(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) RunBudget.check(SITE);
    }

    @Test void aRunPastItsBudgetIsStoppedAndTheThreadIsFreeAfterwards() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> guard.call(5_000_000, () -> {
            spin();
            return null;
        })).isInstanceOfSatisfying(RunStopped.class, e -> {
            assertThat(e.reason()).isEqualTo(RunStopped.Reason.OVER_BUDGET);
            assertThat(e.getMessage()).isEqualTo("ran past its budget (5.00 ms) in Spin.process, line 7");
        });
        assertThat(System.nanoTime() - t0).isBetween(5_000_000L, 2_000_000_000L);
        spinFor(20_000_000);                     // no run: the same checks never throw
        assertThat(guard.running()).isFalse();
    }

    @Test void cancelStopsASpinningRunOnAnotherThreadAndSaysSo() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Object[]> f = CompletableFuture.supplyAsync(() -> {
            UserCodeGuard.Run run = guard.enter(60_000_000_000L);
            try {
                started.countDown();
                spin();
                return null;
            } catch (RunStopped e) {
                return new Object[] {e.reason(), run.cancelled()};
            } finally {
                run.close();
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(guard.running()).isTrue();
        assertThat(guard.cancel()).isTrue();
        Object[] r = f.get(10, TimeUnit.SECONDS);
        assertThat(r).containsExactly(RunStopped.Reason.CANCELLED, true);
        assertThat(guard.running()).isFalse();
        assertThat(guard.cancel()).as("nothing running").isFalse();
    }

    @Test void cancelInterruptsASleepInsideARunAndTheInterruptDoesNotOutliveIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Object[]> f = CompletableFuture.supplyAsync(() -> {
            boolean cancelled;
            String threw = "nothing";
            try (UserCodeGuard.Run run = guard.enter(60_000_000_000L)) {
                started.countDown();
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    threw = e.getClass().getSimpleName();
                }
                cancelled = run.cancelled();
            }
            return new Object[] {threw, cancelled, Thread.currentThread().isInterrupted()};
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50);
        long t0 = System.nanoTime();
        guard.cancel();
        assertThat(f.get(10, TimeUnit.SECONDS)).containsExactly("InterruptedException", true, false);
        assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
    }

    @Test void anInnerRunEndsByTheOuterDeadlineAndTheOuterBudgetHoldsAgainAfterIt() throws Exception {
        guard.call(10_000_000_000L, () -> {
            guard.call(5_000_000, () -> {
                spinFor(1_000_000);              // within both
                return null;
            });
            spinFor(30_000_000);                 // past the inner budget, within the outer: not stopped
            return null;
        });
        assertThatThrownBy(() -> guard.call(20_000_000, () -> guard.call(60_000_000_000L, () -> {
            spin();
            return null;
        }))).isInstanceOfSatisfying(RunStopped.class,
                e -> assertThat(e.budgetNanos()).as("the outer deadline bounds the inner run").isLessThanOrEqualTo(20_000_000L));
    }

    @Test void aCancelDuringAnInnerRunAlsoStopsItsOuterRun() {
        assertThatThrownBy(() -> guard.call(60_000_000_000L, () -> {
            try {
                guard.call(60_000_000_000L, () -> {
                    guard.cancel();
                    spin();
                    return null;
                });
            } catch (RunStopped swallowed) {
                // user code that catches everything
            }
            spin();
            return null;
        })).isInstanceOfSatisfying(RunStopped.class, e -> assertThat(e.reason()).isEqualTo(RunStopped.Reason.CANCELLED));
        assertThat(Thread.interrupted()).as("the interrupt ended with the run").isFalse();
    }

    @Test void theEvaluationBudgetIsReadFromItsPropertyAndABadValueIsNamed() {
        String was = System.getProperty(UserCodeGuard.EVAL_BUDGET_PROPERTY);
        try {
            System.clearProperty(UserCodeGuard.EVAL_BUDGET_PROPERTY);
            assertThat(UserCodeGuard.evalBudgetNanos()).isEqualTo(10_000_000_000L);
            System.setProperty(UserCodeGuard.EVAL_BUDGET_PROPERTY, "2.5");
            assertThat(UserCodeGuard.evalBudgetNanos()).isEqualTo(2_500_000_000L);
            System.setProperty(UserCodeGuard.EVAL_BUDGET_PROPERTY, "ten");
            assertThatThrownBy(UserCodeGuard::evalBudgetNanos).hasMessage(
                    "-Daether.evalBudgetSeconds must be a number of seconds in (0, 1e6], was 'ten'; e.g. -Daether.evalBudgetSeconds=30");
        } finally {
            if (was == null) System.clearProperty(UserCodeGuard.EVAL_BUDGET_PROPERTY);
            else System.setProperty(UserCodeGuard.EVAL_BUDGET_PROPERTY, was);
        }
    }
}
