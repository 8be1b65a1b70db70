package dev.aether.repl.session.saved;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.OutputPort;
import dev.aether.core.engine.Engine;
import dev.aether.core.param.SmoothedParam;
import dev.aether.core.state.StateCodec;
import dev.aether.repl.session.LiveSession;
import dev.aether.repl.session.NamedParams;
import dev.aether.repl.session.NodeRemaker;
import dev.aether.repl.session.StateCarrier;
import dev.aether.repl.userapi.Chain;
import dev.aether.repl.userapi.Prelude;
import dev.aether.core.NodeState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Control thread. Puts a {@link SoundingState} back into a {@link LiveSession}, all or nothing: first, changing
 * nothing that sounds, defines the saved sources (through {@code define}, which undoes them when a later step fails),
 * makes the nodes and decodes their parameters, fields and states and resolves every edge's ports, so an entry that
 * cannot be restored is named before anything changes; then fades out what sounds now, adds the nodes, restores them,
 * connects them and plays the patches, as one engine batch and one undo step (undone at once should it still fail).
 */
public final class SoundingStateRestore {
    private SoundingStateRestore() {}

    /** Defines the saved sources one by one, and takes back what it defined when the restore fails later. */
    public interface Sources {
        /** Defines source {@code index} (0-based) of {@code count}; throws, naming it and why, when it does not compile. */
        void define(int index, int count, String source);

        /** Puts back what the sources defined so far replaced (the restore failed). */
        void rollBack();
    }

    /**
     * Restores {@code state}, or throws naming the entry that failed and why, having changed nothing that sounds.
     *
     * @param sources     defines the saved sources; null to define none
     * @param userClasses the newest class for a user type's simple name (null when unknown)
     */
    public static void restore(SoundingState state, LiveSession session, Sources sources,
                               Function<String, Class<?>> userClasses) {
        restore(state, session, sources, userClasses, () -> {});
    }

    /**
     * {@link #restore(SoundingState, LiveSession, Sources, Function)}, running {@code alongside} (on the session
     * thread) in the same engine batch and undo step, after the patches are played: how {@code :open} puts back the
     * session's arrangement with what sounds, all or nothing.
     */
    public static void restore(SoundingState state, LiveSession session, Sources sources,
                               Function<String, Class<?>> userClasses, Runnable alongside) {
        List<Ready> ready;
        List<Wire> wires;
        try {
            List<String> saved = state.sources();
            if (sources != null) for (int i = 0; i < saved.size(); i++) sources.define(i, saved.size(), saved.get(i));
            UserClassNames names = new UserClassNames(userClasses);
            StateCodec codec = new StateCodec(names);
            Map<Integer, DspNode> made = new HashMap<>();
            ready = new ArrayList<>();
            for (SoundingState.Node n : state.nodes()) {
                Ready r = prepare(n, names, codec);
                made.put(n.index(), r.node);
                ready.add(r);
            }
            wires = new ArrayList<>();
            for (SoundingState.Edge e : state.edges()) wires.add(wire(e, made));
            for (SoundingState.Patch p : state.patches()) for (int i : p.nodes()) node(made, i);
            session.warm(made.values());                    // before the batch takes the engine's lock
        } catch (RuntimeException e) {
            if (sources != null) sources.rollBack();
            throw e;
        }
        Map<Integer, DspNode> made = new HashMap<>();
        for (Ready r : ready) made.put(r.index, r.node);
        try {
            apply(state, session, ready, wires, made, alongside);
        } catch (RuntimeException e) {
            if (sources != null) sources.rollBack();
            throw e;
        }
    }

    private static void apply(SoundingState state, LiveSession session, List<Ready> ready, List<Wire> wires,
                              Map<Integer, DspNode> made, Runnable alongside) {
        session.restoring(() -> {
            session.stopAll(":open");
            for (Ready r : ready) {
                session.add(r.node);
                r.apply();
            }
            Engine engine = session.engine();
            for (Wire w : wires) engine.connect(w.out, w.in);
            for (SoundingState.Patch p : state.patches()) {
                Chain chain = null;
                for (int i : p.nodes()) {
                    DspNode n = made.get(i);
                    String recipe = Prelude.recipe(n);
                    Chain one = Chain.of(n, recipe != null ? recipe : n.typeName());
                    chain = chain == null ? one : chain.to(one);
                }
                if (chain == null) continue;
                if (p.slot() == null) session.play(chain);
                else session.def(p.slot(), chain);
            }
            if (state.tempo().bpm() > 0) session.tempo(state.tempo().bpm(), state.tempo().beatsPerBar());
            alongside.run();
        });
    }

    /** A made node with its decoded parameters, fields and state, to put into it once it is added. */
    private record Ready(int index, String what, DspNode node, Map<SmoothedParam, Double> params,
                         Map<String, Object> fields, NodeState state) {
        void apply() {
            try {
                for (Map.Entry<SmoothedParam, Double> p : params.entrySet()) p.getKey().reset(p.getValue());
                StateCarrier.restorePlainFields(node, fields);
                if (state != null) node.restoreState(state);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("saved node " + index + " (" + what + "): its state does not fit it any more: "
                        + e.getMessage(), e);
            }
        }
    }

    /** A saved edge with its ports found. */
    private record Wire(OutputPort out, InputPort in) {}

    private static Ready prepare(SoundingState.Node n, UserClassNames names, StateCodec codec) {
        DspNode node = make(n, names);
        try {
            Map<SmoothedParam, Double> params = new LinkedHashMap<>();
            for (Map.Entry<String, Double> p : n.params().entrySet()) {
                for (SmoothedParam param : NamedParams.saved(node, p.getKey())) params.put(param, p.getValue());
            }
            Map<String, Class<?>> types = StateCarrier.plainFieldTypes(node);
            Map<String, Object> fields = new HashMap<>();
            for (Map.Entry<String, Object> f : n.fields().entrySet()) {
                Class<?> type = types.get(f.getKey());
                if (type != null) fields.put(f.getKey(), codec.toValue(f.getValue(), type));
            }
            NodeState state = n.state() == null ? null : codec.toState(n.state());
            return new Ready(n.index(), n.what(), node, params, fields, state);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("saved node " + n.index() + " (" + n.what() + "): cannot read its saved state: "
                    + e.getMessage(), e);
        }
    }

    private static Wire wire(SoundingState.Edge e, Map<Integer, DspNode> made) {
        DspNode from = node(made, e.from()), to = node(made, e.to());
        OutputPort out = NodeSpec.of(from).output(e.output());
        InputPort in = NodeSpec.of(to).input(e.input());
        if (out == null || in == null) {
            throw new IllegalArgumentException("saved edge " + e.from() + "." + e.output() + " -> " + e.to() + "."
                    + e.input() + " names a port that is gone (" + (out == null ? from.typeName() + " has no output '" + e.output()
                    : to.typeName() + " has no input '" + e.input()) + "')");
        }
        return new Wire(out, in);
    }

    private static DspNode node(Map<Integer, DspNode> made, int index) {
        DspNode n = made.get(index);
        if (n == null) throw new IllegalArgumentException("saved session names node " + index + ", which it does not describe");
        return n;
    }

    private static DspNode make(SoundingState.Node n, UserClassNames names) {
        try {
            return switch (n.making()) {
                case RECIPE -> NodeRemaker.callPrelude(n.what());
                case LIBRARY_CLASS -> NodeRemaker.construct(Class.forName(n.what(), false, SoundingStateRestore.class.getClassLoader()));
                case USER_CLASS -> NodeRemaker.construct(names.userClass(n.what()));
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("saved node " + n.index() + ": cannot make " + n.what() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("saved node " + n.index() + ": cannot make " + n.what() + ": " + e.getMessage(), e);
        }
    }
}
