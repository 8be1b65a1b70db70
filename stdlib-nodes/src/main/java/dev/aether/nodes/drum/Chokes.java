package dev.aether.nodes.drum;

import dev.aether.core.RealtimeSafe;
import java.util.Arrays;
import java.util.List;

/**
 * Which hits a hit stops (choke groups): immutable, so a kit publishes a new one through a volatile field and the
 * audio thread reads whichever it sees. {@code stopped(k)} lists the keys hit {@code k} fades out.
 */
final class Chokes {
    private static final int[] NONE = new int[0];
    private final int[][] stopped;

    private Chokes(int[][] stopped) { this.stopped = stopped; }

    /** No chokes among {@code keys} hits. */
    static Chokes none(int keys) {
        int[][] s = new int[keys][];
        Arrays.fill(s, NONE);
        return new Chokes(s);
    }

    /** These chokes plus: a hit on {@code by} stops each of {@code victims} (names looked up in {@code names}). */
    Chokes with(String kit, List<String> names, String by, String... victims) {
        int k = indexOf(kit, names, by);
        int[][] s = stopped.clone();
        int[] list = s[k];
        for (String v : victims) {
            int j = indexOf(kit, names, v);
            if (j == k) throw new IllegalArgumentException(kit + ": '" + by + "' cannot choke itself (a hit restarts it anyway)");
            boolean known = false;
            for (int x : list) known |= x == j;
            if (!known) {
                list = Arrays.copyOf(list, list.length + 1);
                list[list.length - 1] = j;
            }
        }
        s[k] = list;
        return new Chokes(s);
    }

    private static int indexOf(String kit, List<String> names, String name) {
        int i = names.indexOf(name);
        if (i < 0) throw Hits.unknownName(kit, name, names);
        return i;
    }

    /** The keys hit {@code key} stops (never to be written). */
    @RealtimeSafe
    int[] stopped(int key) { return stopped[key]; }

    /** The chokes {@link #describe} wrote ({@code "hh>oh cp>sn"}; empty: none) among {@code names}. */
    static Chokes parse(String kit, List<String> names, String described) {
        Chokes c = none(names.size());
        for (String pair : described.strip().split("\\s+")) {
            if (pair.isEmpty()) continue;
            int at = pair.indexOf('>');
            if (at < 0) throw new IllegalArgumentException(kit + ": a choke is written by>stopped, was '" + pair + "'");
            c = c.with(kit, names, pair.substring(0, at), pair.substring(at + 1));
        }
        return c;
    }

    /** Readable form: {@code hh>oh} for each choke. */
    String describe(List<String> names) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < stopped.length; k++) {
            for (int j : stopped[k]) b.append(b.length() == 0 ? "" : " ").append(names.get(k)).append('>').append(names.get(j));
        }
        return b.toString();
    }
}
