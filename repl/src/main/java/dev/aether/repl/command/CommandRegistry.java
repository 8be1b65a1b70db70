package dev.aether.repl.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Any thread (filled once by {@link Commands}, read by the prompt and its completer): the console commands by
 * name; a unique prefix selects a command ({@code :gr} is {@code :graph}).
 */
public final class CommandRegistry implements AutoCloseable {
    private final Map<String, ConsoleCommand> commands = new ConcurrentSkipListMap<>();

    CommandRegistry() {}

    /** Registers {@code c}; only {@link Commands} calls this. */
    CommandRegistry add(ConsoleCommand c) {
        commands.put(c.name(), c);
        return this;
    }

    /** {@code :name} for every command, sorted. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (String n : commands.keySet()) names.add(":" + n);
        return names;
    }

    public List<ConsoleCommand> all() { return new ArrayList<>(commands.values()); }

    /** The command {@code word} names exactly or by unique prefix; null with {@code problem} set otherwise. */
    public ConsoleCommand find(String word, StringBuilder problem) {
        ConsoleCommand exact = commands.get(word);
        if (exact != null) return exact;
        List<ConsoleCommand> matches = new ArrayList<>();
        for (Map.Entry<String, ConsoleCommand> e : commands.entrySet()) {
            if (e.getKey().startsWith(word)) matches.add(e.getValue());
        }
        if (matches.size() == 1) return matches.get(0);
        if (matches.isEmpty()) {
            problem.append("unknown command :").append(word).append(" (try :help)");
        } else {
            problem.append(":").append(word).append(" is ambiguous:");
            for (ConsoleCommand c : matches) problem.append(" :").append(c.name());
        }
        return null;
    }

    /** Closes every command that holds resources (recording, MIDI input, file watches). */
    @Override public void close() {
        for (ConsoleCommand c : commands.values()) {
            if (c instanceof AutoCloseable a) {
                try {
                    a.close();
                } catch (Exception ignored) {
                    // leaving anyway
                }
            }
        }
    }
}
