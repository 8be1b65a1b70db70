package dev.aether.repl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.budget.CodeSite;
import dev.aether.core.budget.RunBudget;
import dev.aether.core.budget.RunStopped;
import dev.aether.core.budget.Watch;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Classes typed at the prompt are woven with budget checks as they load. */
class UserCodeBudgetTest {
    static SnippetEvaluator eval;

    @BeforeAll static void start() {
        eval = new SnippetEvaluator(AetherExecutionControlProvider.Mode.DIRECT, new PrintStream(System.out, true));
    }

    @AfterAll static void stop() { eval.close(); }

    @Test void aTypedLoopIsStoppedWhenItsThreadRunsPastItsBudget() throws Exception {
        EvalReport r = eval.evaluate("""
                class Spin {
                    int turns;
                    void run() {
                        turns++;
                        // spin
                        double x = 0;
                        while (x >= 0) {
                            x += 1;
                        }
                    }
                }""");
        assertThat(r.failed()).as(r.text()).isFalse();
        Class<?> k = r.types().get(0).newClass();
        Object spin = k.getDeclaredConstructor().newInstance();
        Method run = k.getDeclaredMethod("run");
        run.setAccessible(true);
        RunStopped stop = runArmed(() -> run.invoke(spin), 200_000_000L);
        CodeSite site = RunBudget.site(stop.site());
        assertThat(site.className()).isEqualTo(k.getName());
        assertThat(site.methodName()).isEqualTo("run");
        assertThat(site.line()).isEqualTo(7);
        assertThat(stop.getMessage()).isEqualTo("ran past its budget (200.00 ms) in Spin.run, line 7");
    }

    @Test void theLineIsTheLineOfTheInputWhenOneInputHoldsSeveralSnippets() throws Exception {
        EvalReport r = eval.evaluate("""
                int before = 1;

                class Loop2 {
                    static void run() {
                        for (;;) { }
                    }
                }""");
        assertThat(r.failed()).as(r.text()).isFalse();
        Method run = r.types().get(0).newClass().getDeclaredMethod("run");
        run.setAccessible(true);
        RunStopped stop = runArmed(() -> run.invoke(null), 200_000_000L);
        assertThat(RunBudget.site(stop.site()).line()).isEqualTo(5);
    }

    @Test void unarmedThreadsRunUserCodeAsBefore() {
        EvalReport r = eval.evaluate("int total = 0; for (int i = 0; i < 100; i++) { total += i; } total");
        assertThat(r.failed()).as(r.text()).isFalse();
        assertThat(r.output()).last().asString().endsWith("==> 4950");
    }

    interface Body { void run() throws Exception; }

    /** Runs {@code body} on a fresh thread whose watch is armed for {@code budgetNanos}; the stop it threw. */
    static RunStopped runArmed(Body body, long budgetNanos) throws Exception {
        CompletableFuture<RunStopped> f = CompletableFuture.supplyAsync(() -> {
            Watch w = RunBudget.watch(Thread.currentThread());
            w.armRt(System.nanoTime(), budgetNanos);
            try {
                body.run();
                return null;
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RunStopped s) return s;
                throw new IllegalStateException(e.getCause());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                w.disarmRt();
                RunBudget.forget(Thread.currentThread());
            }
        });
        RunStopped s = f.get(20, TimeUnit.SECONDS);
        assertThat(s).as("stopped").isNotNull();
        return s;
    }
}
