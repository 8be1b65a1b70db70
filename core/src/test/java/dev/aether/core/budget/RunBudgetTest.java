package dev.aether.core.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunBudgetTest {
    private static final int SITE = RunBudget.site("REPL.$JShell$12$Spin", "process", 7);

    /** What a woven {@code while (true) {}} does: one check per backward branch. */
    private static void spin() {
        while (true) RunBudget.check(SITE);
    }

    @Test void anArmedThreadIsStoppedShortlyAfterItsDeadline() throws Exception {
        CompletableFuture<Object[]> f = CompletableFuture.supplyAsync(() -> {
            Watch w = RunBudget.watch(Thread.currentThread());
            long t0 = System.nanoTime();
            w.armRt(t0, 2_000_000);
            try {
                spin();
                return null;
            } catch (RunStopped e) {
                return new Object[] {e, System.nanoTime() - t0};
            } finally {
                w.disarmRt();
                RunBudget.forget(Thread.currentThread());
            }
        });
        Object[] r = f.get(10, TimeUnit.SECONDS);
        RunStopped e = (RunStopped) r[0];
        assertThat(e.reason()).isEqualTo(RunStopped.Reason.OVER_BUDGET);
        assertThat(RunBudget.site(e.site())).isEqualTo(new CodeSite("REPL.$JShell$12$Spin", "process", 7));
        assertThat(e.getMessage()).isEqualTo("ran past its budget (2.00 ms) in Spin.process, line 7");
        assertThat((long) r[1]).isBetween(2_000_000L, 200_000_000L);
    }

    @Test void cancelStopsTheOwnerAndCatchingTheStopDoesNotHelp() throws Exception {
        CompletableFuture<Watch> armed = new CompletableFuture<>();
        CompletableFuture<RunStopped> f = CompletableFuture.supplyAsync(() -> {
            Watch w = RunBudget.watch(Thread.currentThread());
            w.armRt(System.nanoTime(), Long.MAX_VALUE / 4);
            armed.complete(w);
            try {
                try {
                    spin();
                } catch (RunStopped swallowed) {
                    // user code that catches everything: the next check throws again
                }
                spin();
                return null;
            } catch (RunStopped e) {
                return e;
            } finally {
                w.disarmRt();
                RunBudget.forget(Thread.currentThread());
            }
        });
        armed.get(10, TimeUnit.SECONDS).cancel();
        RunStopped e = f.get(10, TimeUnit.SECONDS);
        assertThat(e.reason()).isEqualTo(RunStopped.Reason.CANCELLED);
        assertThat(e.getMessage()).isEqualTo("cancelled in Spin.process, line 7");
    }

    @Test void threadsWithoutAnArmedWatchAreNeverStopped() {
        Watch w = RunBudget.watch(Thread.currentThread());
        try {
            w.armRt(System.nanoTime() - 1_000_000_000L, 1);
            w.disarmRt();
            for (int i = 0; i < 10 * RunBudget.STRIDE; i++) RunBudget.check(SITE);
            assertThat(w.armed()).isFalse();
            w.armRt(System.nanoTime() - 1_000_000_000L, 1);
            assertThatThrownBy(() -> {
                for (int i = 0; i < 10 * RunBudget.STRIDE; i++) RunBudget.check(SITE);
            }).isInstanceOf(RunStopped.class);
        } finally {
            w.disarmRt();
            RunBudget.forget(Thread.currentThread());
        }
    }
}
