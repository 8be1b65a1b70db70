package dev.aether.repl.session.saved;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable; any thread. What sounds, as a value: tempo and metre, the user's declarations, the nodes with how each is made, their
 * parameter values, user nodes' plain fields and every node's state (as {@link dev.aether.core.state.StateCodec}
 * data), the edges between them and the played patches with their slot names.
 *
 * <p>Made by {@link SoundingStateCapture}, written and read by {@link SessionFile}, put back by
 * {@link SoundingStateRestore}.
 */
public record SoundingState(Tempo tempo, List<String> sources, List<Node> nodes, List<Edge> edges, List<Patch> patches) {
    public SoundingState {
        sources = List.copyOf(sources);
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        patches = List.copyOf(patches);
    }

    /** Beats per minute (0 when unknown: the tempo is left as it is) and beats per bar (at least 1). */
    public record Tempo(double bpm, int beatsPerBar) {}

    /** How a node is made again. */
    public enum Making {
        /** A prelude call such as {@code lowpass(900)}, made again by calling it. */
        RECIPE,
        /** A library class (binary name) made with its no-argument constructor. */
        LIBRARY_CLASS,
        /** A user class by simple name ({@code Fuzz}), made from its newest definition's no-argument constructor. */
        USER_CLASS
    }

    /**
     * One node: its index in this state, how it is made ({@code making} of {@code what}), parameter values by
     * name (units are in the names: {@code cutoffHz}, {@code gainDb}), plain fields of a user node by name and
     * its state (data, or null when it has none).
     */
    public record Node(int index, Making making, String what, Map<String, Double> params, Map<String, Object> fields,
                       Map<String, Object> state) {
        public Node {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            state = state == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(state));
        }
    }

    /** An edge from output port {@code output} of node {@code from} to input port {@code input} of node {@code to}. */
    public record Edge(int from, String output, int to, String input) {}

    /** A played chain of node indices; {@code slot} names its slot ({@code def}), null for {@code play}. */
    public record Patch(String slot, List<Integer> nodes) {
        public Patch { nodes = List.copyOf(nodes); }
    }
}
