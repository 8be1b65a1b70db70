package dev.aether.core;

import java.util.Locale;

/**
 * Whether plans run their independent branches on a second thread (a parallel schedule). Chosen per JVM with
 * {@code -Daether.parallel=off|auto|on}; read when an engine is made. Immutable.
 */
public enum ParallelMode {
    /** Every plan runs on the audio thread alone. */
    OFF,
    /** A plan runs on two threads when its cost estimate says it pays (a cost estimate made when the plan is compiled) and the JVM sees 2+ cores. */
    AUTO,
    /** Every plan with two or more independent branches runs on two threads (tests, benchmarks). */
    ON;

    /** The system property that chooses the mode. */
    public static final String PROPERTY = "aether.parallel";
    /** The mode when the property is not set. */
    public static final ParallelMode DEFAULT = AUTO;

    /** The mode {@code -Daether.parallel} names, or {@link #DEFAULT}; an unknown value throws, naming the choices. */
    public static ParallelMode fromSystemProperty() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) return DEFAULT;
        try {
            return valueOf(v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + v + " is not a mode: use off, auto or on");
        }
    }
}
