package dev.aether.repl.session;

import dev.aether.core.DspNode;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.param.SmoothedParam;
import dev.aether.nodes.voice.PolyVoices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a parameter name means on a node or a chain, the one rule every way of moving one follows ({@code set},
 * {@code param(...)} patterns, MIDI maps): the node's own parameter, else, on an instrument ({@link PolyVoices}), that
 * parameter of every voice ({@code set("keys", "cutoffHz", 800)} moves all the voices' filters). In a chain, the last
 * node that has it as its own wins, then the last instrument whose voices have it. Control thread.
 */
public final class NamedParams {
    private static final String VOICES = "voices.", VOICE = "voice";

    private NamedParams() {}

    /** Parameter {@code name} of {@code node}: its own (one), or every voice's, or none. */
    public static List<SmoothedParam> of(DspNode node, String name) {
        SmoothedParam own = NodeSpec.of(node).param(name);
        if (own != null) return List.of(own);
        return node instanceof PolyVoices poly ? poly.voiceParams(name) : List.of();
    }

    /** The node of {@code nodes} (live instances, in chain order) whose parameter {@code name} is meant; null when none. */
    public static DspNode owner(List<? extends DspNode> nodes, String name) {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (NodeSpec.of(nodes.get(i)).param(name) != null) return nodes.get(i);
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (nodes.get(i) instanceof PolyVoices poly && !poly.voiceParams(name).isEmpty()) return nodes.get(i);
        }
        return null;
    }

    /**
     * What a session file keeps of an instrument's voice parameters, beside the node's own: {@code voices.NAME} when
     * every voice has the same value (what {@code set} and MIDI maps leave), else {@code voiceI.NAME} for each (I
     * counting the voices that have it). Empty for other nodes.
     */
    public static Map<String, Double> voiceValues(DspNode node) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!(node instanceof PolyVoices poly)) return out;
        for (String name : poly.voiceParamNames()) {
            List<SmoothedParam> ps = poly.voiceParams(name);
            double first = ps.get(0).get();
            if (ps.stream().allMatch(p -> p.get() == first)) {
                out.put(VOICES + name, first);
            } else {
                for (int i = 0; i < ps.size(); i++) out.put(VOICE + i + "." + name, ps.get(i).get());
            }
        }
        return out;
    }

    /** The parameters a session file's key names on {@code node}: its own, or {@link #voiceValues}' keys; none when gone. */
    public static List<SmoothedParam> saved(DspNode node, String key) {
        SmoothedParam own = NodeSpec.of(node).param(key);
        if (own != null) return List.of(own);
        if (!(node instanceof PolyVoices poly)) return List.of();
        if (key.startsWith(VOICES)) return poly.voiceParams(key.substring(VOICES.length()));
        int dot = key.indexOf('.');
        if (key.startsWith(VOICE) && dot > VOICE.length()) {
            try {
                int i = Integer.parseInt(key.substring(VOICE.length(), dot));
                List<SmoothedParam> ps = poly.voiceParams(key.substring(dot + 1));
                return i >= 0 && i < ps.size() ? List.of(ps.get(i)) : List.of();
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        return List.of();
    }

    /**
     * The names {@code nodes} answer to, for an error: "parameters: cutoffHz, q; its voices': gainDb, ..." (empty
     * string when none).
     */
    public static String known(List<? extends DspNode> nodes) {
        Set<String> own = new LinkedHashSet<>(), voices = new LinkedHashSet<>();
        for (DspNode n : nodes) {
            for (SmoothedParam p : NodeSpec.of(n).params()) own.add(p.name());
            if (n instanceof PolyVoices poly) voices.addAll(poly.voiceParamNames());
        }
        List<String> parts = new ArrayList<>();
        if (!own.isEmpty()) parts.add("parameters: " + String.join(", ", own));
        if (!voices.isEmpty()) parts.add("its voices' parameters (set moves every voice): " + String.join(", ", voices));
        return String.join("; ", parts);
    }
}
