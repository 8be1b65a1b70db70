package dev.aether.repl.eval;

/**
 * Any thread. Marks of the start-up, printed to standard error when the system property {@value #PROPERTY} is set
 * (e.g. {@code AETHER_JAVA_OPTS=-Daether.startup.trace=true bin/aether ...}): milliseconds since the launcher
 * started, when it passed {@code -Daether.t0=} (nanoseconds of the epoch, {@code date +%s%N}), else since this class
 * was loaded; with the CPU time of the thread that marks. Costs one property read when off.
 */
public final class StartupTrace {
    /** The system property that turns the marks on. */
    public static final String PROPERTY = "aether.startup.trace";
    private static final boolean ON = Boolean.getBoolean(PROPERTY);
    private static final long T0_EPOCH_NANOS = t0();

    private StartupTrace() {}

    /** Prints {@code what} with the time since the start, when tracing is on. */
    public static void mark(String what) {
        if (!ON) return;
        java.time.Instant now = java.time.Instant.now();
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        double cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e6;
        System.err.printf("aether start-up: %7.1f ms  %s [%s, %.0f ms CPU]%n", (nanos - T0_EPOCH_NANOS) / 1e6, what,
                Thread.currentThread().getName(), cpu);
    }

    private static long t0() {
        String t = System.getProperty("aether.t0");
        if (t != null) {
            try {
                return Long.parseLong(t.strip());
            } catch (NumberFormatException ignored) {
                // fall through: since this class was loaded
            }
        }
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
