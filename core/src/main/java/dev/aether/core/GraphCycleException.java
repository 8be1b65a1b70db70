package dev.aether.core;

import java.util.List;

/** A connection would close a loop. Loops need an explicit one-block feedback pair ({@code Engine.feedback}). */
public final class GraphCycleException extends IllegalArgumentException {
    private final List<String> cycle;

    public GraphCycleException(List<String> cycle) {
        super("connection refused: it would make a cycle " + String.join(" -> ", cycle)
                + ". To feed a signal back, use a feedback pair (engine.feedback(channels)), which delays it one block.");
        this.cycle = List.copyOf(cycle);
    }

    /** The nodes on the cycle, first one repeated at the end. */
    public List<String> cycle() { return cycle; }
}
