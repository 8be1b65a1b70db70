package dev.aether.repl.session;

import dev.aether.core.engine.Engine;
import dev.aether.core.view.EngineEvent;
import java.util.function.Consumer;

/**
 * Its own daemon thread ({@code aether-events}), plus {@link #drain} from any thread. Drains the engine's event ring
 * every 20 ms on a daemon thread ({@code aether-events}) and prints faults above the prompt, naming the node and the
 * cause. Xruns are counted for {@code :cpu}.
 */
public final class FaultReporter implements AutoCloseable {
    private final Engine engine;
    private final Consumer<String> printer;
    private final Thread thread;
    private volatile boolean running = true;

    public FaultReporter(Engine engine, Consumer<String> printer) {
        this.engine = engine;
        this.printer = printer;
        this.thread = new Thread(this::loop, "aether-events");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            drain();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Handles waiting events now (also used by tests after an offline render). */
    public void drain() {
        synchronized (engine) {                    // pollEvents recycles plans, as edits do: one at a time
            engine.pollEvents(this::handle);
        }
    }

    private void handle(EngineEvent e) {
        if (e instanceof EngineEvent.NodeFault f) {
            String cause = f.error() == null ? f.cause()
                    : f.error().getClass().getSimpleName() + (f.error().getMessage() == null ? "" : ": " + f.error().getMessage());
            printer.accept("fault in " + f.nodeLabel() + ": " + cause + " — node bypassed (silent); "
                    + "fix and redefine it to swap it back in");
        } else if (e instanceof EngineEvent.NodeOverBudget o) {
            printer.accept(overBudget(o));
        }
    }

    /**
     * {@code Spin#4 ran past its budget (10.67 ms per block) in process, line 7 — bypassed; fix it and redefine Spin
     * to swap it back in}; the class is named with the method when it is not the node's own.
     */
    static String overBudget(EngineEvent.NodeOverBudget o) {
        String label = o.nodeLabel();
        String type = label.contains("#") ? label.substring(0, label.lastIndexOf('#')) : label;
        String where = o.site().describe();
        if (where.startsWith(type + ".")) where = where.substring(type.length() + 1);
        return String.format("%s ran past its budget (%.2f ms per block) in %s — bypassed; fix it and redefine %s "
                + "to swap it back in", label, o.budgetNanos() / 1e6, where, type);
    }

    @Override public void close() {
        running = false;
        thread.interrupt();
    }
}
