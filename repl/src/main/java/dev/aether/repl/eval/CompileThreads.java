package dev.aether.repl.eval;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Any thread. The threads that have compiled, analysed or run JShell input, or defined a user class: evidence for the
 * rule that none of that happens on the audio thread (there should only ever be {@value Evaluator#THREAD_NAME}).
 * Recording costs a map lookup per evaluation or class definition. Thread-safe.
 */
public final class CompileThreads {
    private final Map<Long, String> threads = new ConcurrentHashMap<>();

    /** Notes the calling thread. */
    void note() {
        Thread t = Thread.currentThread();
        threads.putIfAbsent(t.getId(), t.getName());
    }

    /** Ids of the threads seen so far. */
    public Set<Long> ids() { return Set.copyOf(threads.keySet()); }

    /** Names of the threads seen so far, sorted. */
    public Set<String> names() { return new TreeSet<>(threads.values()); }
}
