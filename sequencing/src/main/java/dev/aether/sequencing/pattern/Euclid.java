package dev.aether.sequencing.pattern;

import java.util.ArrayList;
import java.util.List;

/** Bjorklund's algorithm, as Tidal computes it (so {@code (5,8)} is {@code x.xx.xx.}). Pure; any thread. */
final class Euclid {
    private Euclid() {}

    /**
     * {@code pulses} onsets spread as evenly as possible over {@code steps}, rotated left by {@code rotation} steps
     * (Tidal's {@code bd(3,8,2)}). {@code 0 <= pulses <= steps}, {@code steps >= 1}.
     */
    static boolean[] rhythm(int pulses, int steps, int rotation) {
        if (steps < 1) throw new IllegalArgumentException("a Euclidean rhythm needs at least 1 step, not " + steps);
        if (pulses < 0 || pulses > steps) {
            throw new IllegalArgumentException("a Euclidean rhythm needs 0 to " + steps + " pulses in " + steps
                    + " steps, not " + pulses);
        }
        List<List<Boolean>> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int i = 0; i < pulses; i++) xs.add(List.of(true));
        for (int i = pulses; i < steps; i++) ys.add(List.of(false));
        while (Math.min(xs.size(), ys.size()) > 1) {
            int n = Math.min(xs.size(), ys.size());
            List<List<Boolean>> joined = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<Boolean> both = new ArrayList<>(xs.get(i));
                both.addAll(ys.get(i));
                joined.add(both);
            }
            List<List<Boolean>> rest = xs.size() > ys.size() ? xs.subList(n, xs.size()) : ys.subList(n, ys.size());
            xs = joined;
            ys = new ArrayList<>(rest);
        }
        boolean[] out = new boolean[steps];
        int i = 0;
        for (List<Boolean> g : xs) for (boolean b : g) out[i++] = b;
        for (List<Boolean> g : ys) for (boolean b : g) out[i++] = b;
        boolean[] rotated = new boolean[steps];
        int r = Math.floorMod(rotation, steps);
        for (int k = 0; k < steps; k++) rotated[k] = out[(k + r) % steps];
        return rotated;
    }
}
