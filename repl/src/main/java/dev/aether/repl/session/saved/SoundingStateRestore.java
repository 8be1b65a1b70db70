package dev.aether.repl.session.saved;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.OutputPort;
import dev.aether.core.engine.Engine;
import dev.aether.core.param.SmoothedParam;
import dev.aether.core.state.StateCodec;
import dev.aether.repl.session.LiveSession;
import dev.aether.repl.session.NodeRemaker;
import dev.aether.repl.session.StateCarrier;
import dev.aether.repl.userapi.Chain;
import dev.aether.repl.userapi.Prelude;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Control thread. Puts a {@link SoundingState} back into a {@link LiveSession}: defines the saved sources, fades
 * out what sounds now, makes the nodes, restores their parameters, fields and states, connects them and plays the
 * patches, as one engine batch and one undo step.
 */
public final class SoundingStateRestore {
    private SoundingStateRestore() {}

    /**
     * @param define      defines one saved source (a class, method or import); null to define none
     * @param userClasses the newest class for a user type's simple name (null when unknown)
     */
    public static void restore(SoundingState state, LiveSession session, Consumer<String> define,
                               Function<String, Class<?>> userClasses) {
        if (define != null) for (String s : state.sources()) define.accept(s);
        UserClassNames names = new UserClassNames(userClasses);
        StateCodec codec = new StateCodec(names);
        Map<Integer, DspNode> made = new HashMap<>();
        for (SoundingState.Node n : state.nodes()) made.put(n.index(), make(n, names));
        Engine engine = session.engine();
        session.warm(made.values());                        // before the batch takes the engine's lock
        session.restoring(() -> {
            session.stopAll(":open");
            for (SoundingState.Node n : state.nodes()) {
                DspNode node = made.get(n.index());
                session.add(node);
                for (Map.Entry<String, Double> p : n.params().entrySet()) {
                    SmoothedParam param = NodeSpec.of(node).param(p.getKey());
                    if (param != null) param.reset(p.getValue());
                }
                Map<String, Class<?>> types = StateCarrier.plainFieldTypes(node);
                Map<String, Object> fields = new HashMap<>();
                for (Map.Entry<String, Object> f : n.fields().entrySet()) {
                    Class<?> type = types.get(f.getKey());
                    if (type != null) fields.put(f.getKey(), codec.toValue(f.getValue(), type));
                }
                StateCarrier.restorePlainFields(node, fields);
                if (n.state() != null) node.restoreState(codec.toState(n.state()));
            }
            for (SoundingState.Edge e : state.edges()) {
                DspNode from = node(made, e.from()), to = node(made, e.to());
                OutputPort out = NodeSpec.of(from).output(e.output());
                InputPort in = NodeSpec.of(to).input(e.input());
                if (out == null || in == null) {
                    throw new IllegalArgumentException("saved edge " + e.from() + "." + e.output() + " -> " + e.to() + "."
                            + e.input() + " names a port that is gone");
                }
                engine.connect(out, in);
            }
            for (SoundingState.Patch p : state.patches()) {
                Chain chain = null;
                for (int i : p.nodes()) {
                    DspNode n = node(made, i);
                    String recipe = Prelude.recipe(n);
                    Chain one = Chain.of(n, recipe != null ? recipe : n.typeName());
                    chain = chain == null ? one : chain.to(one);
                }
                if (chain == null) continue;
                if (p.slot() == null) session.play(chain);
                else session.def(p.slot(), chain);
            }
            if (state.tempo().bpm() > 0) session.tempo(state.tempo().bpm(), state.tempo().beatsPerBar());
        });
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
            throw new IllegalArgumentException("cannot make " + n.what() + ": " + e.getMessage(), e);
        }
    }
}
