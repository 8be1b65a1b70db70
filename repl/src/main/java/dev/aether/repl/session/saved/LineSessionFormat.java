package dev.aether.repl.session.saved;

import dev.aether.core.state.StateCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stateless; any thread. Reads sessions saved in the line format of version 1 (before {@link SessionFile}'s JSON), one record per line,
 * free text in base64 ({@code b64}); states and fields are Java-serialized and stay opaque
 * ({@value StateCodec#SERIALIZED}) until they are restored.
 * <pre>
 * aether-session 1
 * tempo BPM BEATS_PER_BAR
 * source b64(snippet source)
 * node INDEX recipe b64(lowpass(400)) | node INDEX class CLASS_NAME | node INDEX user b64(Fuzz)
 * param INDEX NAME VALUE
 * field INDEX NAME b64(serialized value)
 * state INDEX b64(STATE_TYPE) b64(serialized state)
 * edge FROM_INDEX FROM_PORT TO_INDEX TO_PORT
 * play b64(SLOT_NAME)|- INDEX INDEX ...
 * </pre>
 */
final class LineSessionFormat {
    static final String MAGIC = "aether-session 1";

    private LineSessionFormat() {}

    static SoundingState read(String text) {
        SoundingState.Tempo tempo = new SoundingState.Tempo(0, 4);
        List<String> sources = new ArrayList<>();
        Map<Integer, SoundingState.Making> making = new TreeMap<>();
        Map<Integer, String> what = new LinkedHashMap<>();
        Map<Integer, Map<String, Double>> params = new LinkedHashMap<>();
        Map<Integer, Map<String, Object>> fields = new LinkedHashMap<>();
        Map<Integer, Map<String, Object>> states = new LinkedHashMap<>();
        List<SoundingState.Edge> edges = new ArrayList<>();
        List<SoundingState.Patch> patches = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.equals(MAGIC)) continue;
            String[] f = line.split(" ");
            switch (f[0]) {
                case "tempo" -> tempo = new SoundingState.Tempo(Double.parseDouble(f[1]), Integer.parseInt(f[2]));
                case "source" -> sources.add(unb64(f[1]));
                case "node" -> {
                    int i = Integer.parseInt(f[1]);
                    order.add(i);
                    switch (f[2]) {
                        case "recipe" -> { making.put(i, SoundingState.Making.RECIPE); what.put(i, unb64(f[3])); }
                        case "class" -> { making.put(i, SoundingState.Making.LIBRARY_CLASS); what.put(i, f[3]); }
                        case "user" -> { making.put(i, SoundingState.Making.USER_CLASS); what.put(i, unb64(f[3])); }
                        default -> throw new IllegalArgumentException("unknown node kind " + f[2] + " in session line: " + line);
                    }
                }
                case "param" -> params.computeIfAbsent(Integer.parseInt(f[1]), k -> new LinkedHashMap<>())
                        .put(f[2], Double.parseDouble(f[3]));
                case "field" -> fields.computeIfAbsent(Integer.parseInt(f[1]), k -> new LinkedHashMap<>())
                        .put(f[2], Map.of(StateCodec.SERIALIZED, f[3]));
                case "state" -> states.put(Integer.parseInt(f[1]),
                        Map.of(StateCodec.TYPE, unb64(f[2]), StateCodec.SERIALIZED, f[3]));
                case "edge" -> edges.add(new SoundingState.Edge(Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]), f[4]));
                case "play" -> {
                    List<Integer> chain = new ArrayList<>();
                    for (int k = 2; k < f.length; k++) chain.add(Integer.parseInt(f[k]));
                    patches.add(new SoundingState.Patch(f[1].equals("-") ? null : unb64(f[1]), chain));
                }
                default -> throw new IllegalArgumentException("unknown line in session: " + line);
            }
        }
        List<SoundingState.Node> nodes = new ArrayList<>();
        for (int i : order) {
            nodes.add(new SoundingState.Node(i, making.get(i), what.get(i), params.getOrDefault(i, Map.of()),
                    fields.getOrDefault(i, Map.of()), states.get(i)));
        }
        return new SoundingState(tempo, sources, nodes, edges, patches);
    }

    private static String unb64(String s) { return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8); }
}
