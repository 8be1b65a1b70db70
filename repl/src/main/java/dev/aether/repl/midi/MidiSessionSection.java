package dev.aether.repl.midi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Stateless; any thread. The MIDI mappings of a session file: a {@code "midiMaps"} array at the end of the JSON
 * object {@code SessionFile} writes, one mapping a line:
 * <pre>
 *   "midiMaps": [
 *     {"source": "cc74", "slot": "keys", "param": "cutoffHz", "min": 200, "max": 8000, "curve": "exp"}
 *   ]
 * </pre>
 * A file without it has no mappings; older readers ignore it.
 */
public final class MidiSessionSection {
    static final String KEY = "midiMaps";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MidiSessionSection() {}

    /** {@code sessionJson} (a JSON object) with {@code maps} added before its closing brace; unchanged when there are none. */
    public static String addTo(String sessionJson, List<MidiMapping.Saved> maps) {
        if (maps.isEmpty()) return sessionJson;
        int end = sessionJson.lastIndexOf('}');
        if (end < 0) throw new IllegalArgumentException("not a JSON object");
        StringBuilder b = new StringBuilder(sessionJson.substring(0, end).stripTrailing()).append(",\n  \"").append(KEY).append("\": [");
        for (int i = 0; i < maps.size(); i++) {
            MidiMapping.Saved m = maps.get(i);
            ObjectNode o = JSON.createObjectNode().put("source", m.source()).put("slot", m.slot()).put("param", m.param())
                    .put("min", m.min()).put("max", m.max()).put("curve", m.curve());
            try {
                b.append(i == 0 ? "\n    " : ",\n    ").append(JSON.writeValueAsString(o));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return b.append("\n  ]\n}").append(sessionJson.substring(end + 1)).toString();
    }

    /** The mappings in a session file's text (none for a file without them, or not in JSON). */
    public static List<MidiMapping.Saved> readFrom(String text) {
        List<MidiMapping.Saved> out = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return out;
        }
        JsonNode maps = root == null ? null : root.get(KEY);
        if (maps == null || !maps.isArray()) return out;
        for (JsonNode m : maps) {
            out.add(new MidiMapping.Saved(m.path("source").asText(), m.path("slot").asText(), m.path("param").asText(),
                    m.path("min").asDouble(), m.path("max").asDouble(), m.path("curve").asText("lin")));
        }
        return out;
    }
}
