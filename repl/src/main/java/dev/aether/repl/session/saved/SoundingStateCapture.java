package dev.aether.repl.session.saved;

import dev.aether.core.DspNode;
import dev.aether.core.NodeId;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.NodeState;
import dev.aether.core.engine.Engine;
import dev.aether.core.param.SmoothedParam;
import dev.aether.core.state.StateCodec;
import dev.aether.core.view.Connection;
import dev.aether.core.view.NodeInfo;
import dev.aether.repl.session.LevelFader;
import dev.aether.repl.session.LiveSession;
import dev.aether.repl.session.NamedParams;
import dev.aether.repl.session.StateCarrier;
import dev.aether.repl.userapi.Prelude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Control thread (holds the session's lock while it reads). Captures what a {@link LiveSession} sounds as a
 * {@link SoundingState}: the played patches and slots, the nodes patched to them with {@code add}/{@code connect},
 * their parameters, states and (user nodes) plain fields.
 */
public final class SoundingStateCapture {
    private SoundingStateCapture() {}

    /** The captured state and what could not be captured (a node with no way to make it again, a state that does not save). */
    public record Captured(SoundingState state, List<String> warnings) {
        public Captured { warnings = List.copyOf(warnings); }
    }

    /** Captures what {@code session} sounds now; {@code sources} are the user declarations to keep (may be empty). */
    public static Captured capture(LiveSession session, List<String> sources) {
        synchronized (session) {
            return captureLocked(session, sources);
        }
    }

    private static Captured captureLocked(LiveSession session, List<String> sources) {
        Engine engine = session.engine();
        List<String> warnings = new ArrayList<>();
        StateCodec codec = new StateCodec(UserClassNames.forWriting());
        SoundingState.Tempo tempo = new SoundingState.Tempo(engine.clock().snapshot().tempoMap().lastBpm(),
                engine.clock().snapshot().tempoMap().lastBeatsPerBar());

        Map<NodeId, NodeInfo> infos = new HashMap<>();
        for (NodeInfo s : engine.nodes()) infos.put(s.id(), s);
        NodeId master = engine.masterId();
        Map<NodeId, Integer> index = new LinkedHashMap<>();
        List<SoundingState.Patch> patches = new ArrayList<>();
        for (LiveSession.Sounding s : session.sounding()) {
            List<Integer> chain = new ArrayList<>();
            for (DspNode n : s.chain().nodes()) {
                NodeId id = session.idOf(n);
                if (id != null) chain.add(index.computeIfAbsent(id, k -> index.size()));
            }
            if (!chain.isEmpty()) patches.add(new SoundingState.Patch(s.name(), chain));
        }
        List<Connection> edges = engine.edges();
        boolean grew = true;
        while (grew) {                                   // nodes patched to the chains with add/connect
            grew = false;
            for (Connection e : edges) {
                if (index.containsKey(e.to()) && !index.containsKey(e.from()) && isPatched(infos.get(e.from()), master)) {
                    index.put(e.from(), index.size());
                    grew = true;
                }
                if (index.containsKey(e.from()) && !index.containsKey(e.to()) && isPatched(infos.get(e.to()), master)) {
                    index.put(e.to(), index.size());
                    grew = true;
                }
            }
        }
        List<SoundingState.Node> nodes = new ArrayList<>();
        for (Map.Entry<NodeId, Integer> en : index.entrySet()) {
            nodes.add(node(en.getValue(), infos.get(en.getKey()).node(), codec, warnings));
        }
        List<SoundingState.Edge> saved = new ArrayList<>();
        for (Connection e : edges) {
            Integer from = index.get(e.from()), to = index.get(e.to());
            if (from != null && to != null) saved.add(new SoundingState.Edge(from, e.fromPort(), to, e.toPort()));
        }
        saved.sort(Comparator.comparingInt(SoundingState.Edge::from).thenComparing(SoundingState.Edge::output)
                .thenComparingInt(SoundingState.Edge::to).thenComparing(SoundingState.Edge::input));
        return new Captured(new SoundingState(tempo, sources, nodes, saved, patches), warnings);
    }

    /** A node that belongs to what is saved: not the master, not a patch's fader. */
    private static boolean isPatched(NodeInfo s, NodeId master) {
        return s != null && !s.id().equals(master) && !(s.node() instanceof LevelFader);
    }

    private static SoundingState.Node node(int i, DspNode node, StateCodec codec, List<String> warnings) {
        Map<String, Double> params = new LinkedHashMap<>();
        for (SmoothedParam p : NodeSpec.of(node).params()) params.put(p.name(), p.get());
        params.putAll(NamedParams.voiceValues(node));               // an instrument's voices' parameters
        Map<String, Object> fields = new LinkedHashMap<>();
        boolean user = UserClassNames.isUserClass(node.getClass());
        if (user) {
            for (Map.Entry<String, Object> f : StateCarrier.plainFields(node).entrySet()) {
                try {
                    fields.put(f.getKey(), codec.toData(f.getValue()));
                } catch (RuntimeException ex) {
                    warnings.add("field " + f.getKey() + " of " + node.typeName() + " not saved: " + ex.getMessage());
                }
            }
        }
        Map<String, Object> state = null;
        try {
            NodeState st = node.saveState();
            if (st != null) state = codec.toData(st);
        } catch (RuntimeException ex) {
            warnings.add("state of " + node.typeName() + " not saved: " + ex.getMessage());
        }
        if (user) {
            return new SoundingState.Node(i, SoundingState.Making.USER_CLASS, UserClassNames.userName(node.getClass().getName()),
                    params, fields, state);
        }
        String recipe = Prelude.recipe(node);
        if (recipe != null) return new SoundingState.Node(i, SoundingState.Making.RECIPE, recipe, params, fields, state);
        try {
            node.getClass().getConstructor();
        } catch (NoSuchMethodException e) {
            warnings.add(node.typeName() + " has no no-arg constructor and was not made by the prelude; :open will fail on it");
        }
        return new SoundingState.Node(i, SoundingState.Making.LIBRARY_CLASS, node.getClass().getName(), params, fields, state);
    }
}
