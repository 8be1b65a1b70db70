package dev.aether.sequencing.pattern;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One event of a {@link Pattern}: a value over its {@code whole} span (onset to offset, in cycles), of which the
 * query saw the {@code part} (the whole clipped to the query, or to a cycle when a query is split). An event
 * triggers only where its part begins at its onset ({@link #hasOnset}). Immutable; any thread.
 */
public record Event<T>(Span whole, Span part, T value) {
    public Event {
        Objects.requireNonNull(whole, "whole");
        Objects.requireNonNull(part, "part");
    }

    /** Whether this fragment holds the event's start: the one a scheduler plays. */
    public boolean hasOnset() { return whole.begin().equals(part.begin()); }

    /** The same spans with another value. */
    public <U> Event<U> withValue(U v) { return new Event<>(whole, part, v); }

    /** Both spans mapped by {@code f}. */
    Event<T> withSpans(UnaryOperator<Span> f) { return new Event<>(f.apply(whole), f.apply(part), value); }

    /** "c4 [0, 1/4)" or, for a fragment, "c4 [0, 1/4) seen [1/8, 1/4)". */
    @Override public String toString() {
        return value + " " + whole + (whole.equals(part) ? "" : " seen " + part);
    }
}
