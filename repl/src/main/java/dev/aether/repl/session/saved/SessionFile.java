package dev.aether.repl.session.saved;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stateless; any thread. A {@link SoundingState} as a file a person can read and diff: JSON, sources as arrays of lines, parameters as
 * numbers (units in their names), node state as data (numbers and arrays; base64 only for an opaque value).
 * Reads this format and the line format of version 1 ({@link LineSessionFormat}).
 *
 * <pre>
 * {
 *   "format": "aether-session",
 *   "version": 2,
 *   "tempo": {"bpm": 120.0, "beatsPerBar": 4},
 *   "sources": [
 *     [
 *       "class Ramp implements DspNode {",
 *       ...
 *     ]
 *   ],
 *   "nodes": [
 *     {
 *       "id": 0,
 *       "user": "Ramp",
 *       "params": {"rateHz": 7.25},
 *       "fields": {"phase": 0.27},
 *       "state": {"@type": "Ramp$State", "phase": 0.27}
 *     },
 *     {
 *       "id": 1,
 *       "recipe": "lowpass(900)",
 *       "params": {"cutoffHz": 1234.5, "q": 0.7071, "gainDb": 0.0},
 *       "state": {"@type": "dev.aether.nodes.filter.BiquadFilter$State", "x1": 0.01, "x2": 0.02, "y1": 0.0, "y2": 0.0}
 *     }
 *   ],
 *   "edges": [
 *     {"from": 0, "output": "out", "to": 1, "input": "in"}
 *   ],
 *   "patches": [
 *     {"slot": "lead", "play": [0, 1]}
 *   ]
 * }
 * </pre>
 * A node is made by {@code "recipe"} (a prelude call), {@code "class"} (a library class's no-argument
 * constructor) or {@code "user"} (a user class's newest definition). A patch without {@code "slot"} was
 * {@code play}ed.
 */
public final class SessionFile {
    /** The value of {@code "format"}. */
    public static final String FORMAT = "aether-session";
    /** The version this class writes. */
    public static final int VERSION = 2;

    private static final int INLINE_WIDTH = 100;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SessionFile() {}

    /** {@code state} as the text of a file. */
    public static String write(SoundingState state) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ObjectNode tempo = root.putObject("tempo");
        tempo.put("bpm", state.tempo().bpm());
        tempo.put("beatsPerBar", state.tempo().beatsPerBar());
        ArrayNode sources = root.putArray("sources");
        for (String s : state.sources()) {
            ArrayNode lines = sources.addArray();
            for (String line : s.split("\n", -1)) lines.add(line);
        }
        ArrayNode nodes = root.putArray("nodes");
        for (SoundingState.Node n : state.nodes()) {
            ObjectNode o = nodes.addObject();
            o.put("id", n.index());
            o.put(makingKey(n.making()), n.what());
            if (!n.params().isEmpty()) {
                ObjectNode params = o.putObject("params");
                for (Map.Entry<String, Double> p : n.params().entrySet()) params.set(p.getKey(), json(p.getValue()));
            }
            if (!n.fields().isEmpty()) o.set("fields", json(n.fields()));
            if (n.state() != null) o.set("state", json(n.state()));
        }
        ArrayNode edges = root.putArray("edges");
        for (SoundingState.Edge e : state.edges()) {
            edges.addObject().put("from", e.from()).put("output", e.output()).put("to", e.to()).put("input", e.input());
        }
        ArrayNode patches = root.putArray("patches");
        for (SoundingState.Patch p : state.patches()) {
            ObjectNode o = patches.addObject();
            if (p.slot() != null) o.put("slot", p.slot());
            ArrayNode play = o.putArray("play");
            for (int i : p.nodes()) play.add(i);
        }
        StringBuilder b = new StringBuilder();
        print(root, b, "");
        return b.append('\n').toString();
    }

    /** A file written by {@link #write}, or by version 1 (the line format). */
    public static SoundingState read(String text) {
        if (text.startsWith(LineSessionFormat.MAGIC)) return LineSessionFormat.read(text);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an aether session: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not an aether session (no \"format\": \"" + FORMAT + "\")");
        }
        int version = root.path("version").asInt();
        if (version != VERSION) {
            throw new IllegalArgumentException("session format version " + version + " is not known; this aether reads "
                    + VERSION + " and the line format of version 1");
        }
        JsonNode t = root.path("tempo");
        SoundingState.Tempo tempo = new SoundingState.Tempo(t.path("bpm").asDouble(0), Math.max(1, t.path("beatsPerBar").asInt(4)));
        List<String> sources = new ArrayList<>();
        for (JsonNode s : root.path("sources")) {
            if (s.isTextual()) sources.add(s.asText());
            else {
                List<String> lines = new ArrayList<>();
                for (JsonNode line : s) lines.add(line.asText());
                sources.add(String.join("\n", lines));
            }
        }
        List<SoundingState.Node> nodes = new ArrayList<>();
        for (JsonNode n : root.path("nodes")) nodes.add(node(n));
        List<SoundingState.Edge> edges = new ArrayList<>();
        for (JsonNode e : root.path("edges")) {
            edges.add(new SoundingState.Edge(required(e, "from").asInt(), required(e, "output").asText(),
                    required(e, "to").asInt(), required(e, "input").asText()));
        }
        List<SoundingState.Patch> patches = new ArrayList<>();
        for (JsonNode p : root.path("patches")) {
            List<Integer> chain = new ArrayList<>();
            for (JsonNode i : required(p, "play")) chain.add(i.asInt());
            patches.add(new SoundingState.Patch(p.hasNonNull("slot") ? p.get("slot").asText() : null, chain));
        }
        return new SoundingState(tempo, sources, nodes, edges, patches);
    }

    private static SoundingState.Node node(JsonNode n) {
        SoundingState.Making making = null;
        String what = null;
        for (SoundingState.Making m : SoundingState.Making.values()) {
            if (n.hasNonNull(makingKey(m))) {
                making = m;
                what = n.get(makingKey(m)).asText();
            }
        }
        if (making == null) throw new IllegalArgumentException("saved node " + n + " says neither \"recipe\", \"class\" nor \"user\"");
        Map<String, Double> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("params").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            params.put(p.getKey(), p.getValue().isTextual() ? Double.parseDouble(p.getValue().asText()) : p.getValue().asDouble());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = n.has("fields") ? (Map<String, Object>) data(n.get("fields")) : Map.of();
        @SuppressWarnings("unchecked")
        Map<String, Object> state = n.hasNonNull("state") ? (Map<String, Object>) data(n.get("state")) : null;
        return new SoundingState.Node(required(n, "id").asInt(), making, what, params, fields, state);
    }

    private static JsonNode required(JsonNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) throw new IllegalArgumentException("saved " + o + " has no \"" + key + "\"");
        return v;
    }

    private static String makingKey(SoundingState.Making m) {
        return switch (m) {
            case RECIPE -> "recipe";
            case LIBRARY_CLASS -> "class";
            case USER_CLASS -> "user";
        };
    }

    /** {@link dev.aether.core.state.StateCodec} data as JSON. */
    private static JsonNode json(Object data) {
        if (data == null) return NODES.nullNode();
        if (data instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            for (Map.Entry<?, ?> e : m.entrySet()) o.set(e.getKey().toString(), json(e.getValue()));
            return o;
        }
        if (data instanceof List<?> l) {
            ArrayNode a = NODES.arrayNode();
            for (Object v : l) a.add(json(v));
            return a;
        }
        if (data instanceof Double d) return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(d.toString());
        if (data instanceof Float f) return Float.isFinite(f) ? NODES.numberNode(f) : NODES.textNode(f.toString());
        if (data instanceof Integer i) return NODES.numberNode(i);
        if (data instanceof Long l) return NODES.numberNode(l);
        if (data instanceof Short s) return NODES.numberNode(s);
        if (data instanceof Byte b) return NODES.numberNode(b);
        if (data instanceof BigDecimal d) return NODES.numberNode(d);
        if (data instanceof BigInteger i) return NODES.numberNode(i);
        if (data instanceof Boolean b) return NODES.booleanNode(b);
        return NODES.textNode(data.toString());
    }

    /** JSON as {@link dev.aether.core.state.StateCodec} data (decimals as {@link BigDecimal}, so floats stay exact). */
    private static Object data(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), data(e.getValue()));
            }
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>(n.size());
            for (JsonNode v : n) l.add(data(v));
            return l;
        }
        if (n.isNull()) return null;
        if (n.isBoolean()) return n.booleanValue();
        if (n.isTextual()) return n.textValue();
        if (n.isIntegralNumber()) return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
        if (n.isNumber()) return n.decimalValue();
        return n.asText();
    }

    // ------------------------------------------------------------------ printing

    /**
     * Prints JSON for people: arrays of numbers on one line, arrays of text and of containers one element per line,
     * objects on one line when they hold only scalars and numeric arrays and fit {@value #INLINE_WIDTH} characters.
     */
    private static void print(JsonNode n, StringBuilder b, String indent) {
        if (inline(n)) {
            b.append(inlineText(n));
            return;
        }
        String inner = indent + "  ";
        boolean object = n.isObject();
        b.append(object ? '{' : '[');
        boolean first = true;
        if (object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                b.append(first ? "\n" : ",\n").append(inner).append(quote(e.getKey())).append(": ");
                print(e.getValue(), b, inner);
                first = false;
            }
        } else {
            for (JsonNode v : n) {
                b.append(first ? "\n" : ",\n").append(inner);
                print(v, b, inner);
                first = false;
            }
        }
        if (first) b.append(object ? '}' : ']');
        else b.append('\n').append(indent).append(object ? '}' : ']');
    }

    private static boolean inline(JsonNode n) {
        if (n.isValueNode()) return true;
        if (n.isArray()) {
            for (JsonNode v : n) if (!v.isNumber() && !v.isBoolean() && !v.isNull()) return false;
            return true;
        }
        for (JsonNode v : n) if (v.isObject() || v.isArray() && !inline(v)) return false;
        return inlineText(n).length() <= INLINE_WIDTH;
    }

    private static String inlineText(JsonNode n) {
        if (n.isValueNode()) return n.isTextual() ? quote(n.textValue()) : n.toString();
        StringBuilder b = new StringBuilder();
        if (n.isArray()) {
            b.append('[');
            boolean first = true;
            for (JsonNode v : n) {
                if (!first) b.append(", ");
                b.append(inlineText(v));
                first = false;
            }
            return b.append(']').toString();
        }
        b.append('{');
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!first) b.append(", ");
            b.append(quote(e.getKey())).append(": ").append(inlineText(e.getValue()));
            first = false;
        }
        return b.append('}').toString();
    }

    private static String quote(String s) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + '"';
    }
}
