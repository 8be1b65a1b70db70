package dev.aether.sequencing.schedule;

import java.util.ArrayList;
import java.util.List;

/** A target that forwards to another and records what it was sent: (value, onset sample, offset sample). */
final class Recording<V> implements PatternTarget<V> {
    record Sent<V>(V value, long onset, long offset) {}

    private final PatternTarget<V> inner;
    final List<Sent<V>> sent = new ArrayList<>();

    Recording(PatternTarget<V> inner) { this.inner = inner; }

    @Override public String description() { return inner.description(); }
    @Override public V valueOf(Object token) { return inner.valueOf(token); }

    @Override public synchronized boolean send(V value, long onset, long offset) {
        sent.add(new Sent<>(value, onset, offset));
        return inner.send(value, onset, offset);
    }

    synchronized List<Long> onsets() {
        List<Long> out = new ArrayList<>();
        for (Sent<V> s : sent) out.add(s.onset());
        return out;
    }
}
