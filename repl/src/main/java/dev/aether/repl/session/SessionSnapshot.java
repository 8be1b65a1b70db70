package dev.aether.repl.session;

import dev.aether.core.time.When;

import dev.aether.core.DspNode;
import dev.aether.core.engine.Engine;
import dev.aether.core.InputPort;
import dev.aether.core.NodeId;
import dev.aether.core.NodeSpec;
import dev.aether.core.NodeState;
import dev.aether.core.OutputPort;
import dev.aether.core.view.Connection;
import dev.aether.core.view.NodeInfo;
import dev.aether.core.param.SmoothedParam;
import dev.aether.core.state.StateBlob;
import dev.aether.repl.userapi.Chain;
import dev.aether.repl.userapi.Prelude;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Captured and restored on the session thread (see {@link LiveSession#onSessionThread}); text any thread.
 * A session as a state, not a history: the user's declarations (imports, classes, methods), the nodes that
 * sound with how each is made, their parameter values, user nodes' plain fields (what a redefinition carries,
 * see {@link StateCarrier#plainFields}) and {@link DspNode#saveState() states}, the edges
 * between them, the played patches and named slots, and the tempo. Used by {@code :save}/{@code :open} (as a
 * file) and by {@code :undo} (in memory). Control thread.
 *
 * <p>Text format, one record per line, free text in base64 ({@code b64}):
 * <pre>
 * aether-session 1
 * tempo BPM BEATS_PER_BAR
 * source b64(snippet source)                   imports, types, methods in definition order
 * node INDEX recipe b64(lowpass(400))           made by the prelude: the call is made again
 * node INDEX class CLASS_NAME                   any other library node: its no-arg constructor
 * node INDEX user b64(Fuzz)                     a user class: its newest definition, no-arg constructor
 * param INDEX NAME VALUE
 * field INDEX NAME b64(serialized value)       a user node's plain field (what a redefinition carries)
 * state INDEX b64(STATE_TYPE) b64(serialized state)    {@link StateBlob}
 * edge FROM_INDEX FROM_PORT TO_INDEX TO_PORT
 * play b64(SLOT_NAME)|- INDEX INDEX ...          a chain; "-" for play(...), a name for def(...)
 * </pre>
 * User classes are found again by simple name, so a saved state record of {@code REPL.$JShell$11$Fuzz$State}
 * is read as the state record of whatever class {@code Fuzz} is now.
 */
public final class SessionSnapshot {
    private static final String MAGIC = "aether-session 1";
    private static final String USER_PREFIX = "REPL.$JShell$";

    private final String text;
    private final List<String> warnings;

    private SessionSnapshot(String text, List<String> warnings) {
        this.text = text;
        this.warnings = warnings;
    }

    /** The snapshot as text (what {@code :save} writes). */
    public String text() { return text; }

    /** What could not be captured (a node with no way to make it again, a state that does not serialize). */
    public List<String> warnings() { return warnings; }

    /** A snapshot previously written by {@link #text()}. */
    public static SessionSnapshot parse(String text) {
        if (!text.startsWith(MAGIC)) throw new IllegalArgumentException("not an aether session (no \"" + MAGIC + "\" header)");
        return new SessionSnapshot(text, List.of());
    }

    /** Captures what {@code session} sounds now; {@code sources} are the user declarations to keep (may be empty). */
    public static SessionSnapshot capture(LiveSession session, List<String> sources) {
        synchronized (session) {
            return captureLocked(session, sources);
        }
    }

    private static SessionSnapshot captureLocked(LiveSession session, List<String> sources) {
        Engine engine = session.engine();
        List<String> warnings = new ArrayList<>();
        StringBuilder b = new StringBuilder(MAGIC).append('\n');
        b.append("tempo ").append(engine.transport().publishedBpm()).append(' ')
                .append(Math.max(1, engine.transport().publishedBeatsPerBar())).append('\n');
        for (String s : sources) b.append("source ").append(b64(s)).append('\n');

        Map<NodeId, NodeInfo> slots = new HashMap<>();
        for (NodeInfo s : engine.nodes()) slots.put(s.id(), s);
        NodeId master = engine.masterId();
        Map<NodeId, Integer> index = new LinkedHashMap<>();
        List<LiveSession.Sounding> sounding = session.sounding();
        List<List<Integer>> chains = new ArrayList<>();
        for (LiveSession.Sounding s : sounding) {
            List<Integer> chain = new ArrayList<>();
            for (DspNode n : s.chain().nodes()) {
                NodeId id = session.idOf(n);
                if (id == null) continue;
                chain.add(index.computeIfAbsent(id, k -> index.size()));
            }
            chains.add(chain);
        }
        List<Connection> edges = engine.edges();
        boolean grew = true;
        while (grew) {                                   // nodes patched to the chains with add/connect
            grew = false;
            for (Connection e : edges) {
                if (index.containsKey(e.to()) && !index.containsKey(e.from()) && isUserNode(slots.get(e.from()), master)) {
                    index.put(e.from(), index.size());
                    grew = true;
                }
                if (index.containsKey(e.from()) && !index.containsKey(e.to()) && isUserNode(slots.get(e.to()), master)) {
                    index.put(e.to(), index.size());
                    grew = true;
                }
            }
        }
        for (Map.Entry<NodeId, Integer> en : index.entrySet()) {
            DspNode node = slots.get(en.getKey()).node();
            int i = en.getValue();
            b.append("node ").append(i).append(' ').append(howToMake(node, warnings)).append('\n');
            for (SmoothedParam p : NodeSpec.of(node).params()) {
                b.append("param ").append(i).append(' ').append(p.name()).append(' ').append(p.get()).append('\n');
            }
            if (node.getClass().getName().startsWith(USER_PREFIX)) {
                for (Map.Entry<String, Object> f : StateCarrier.plainFields(node).entrySet()) {
                    try {
                        b.append("field ").append(i).append(' ').append(f.getKey()).append(' ')
                                .append(serialize(f.getValue())).append('\n');
                    } catch (IOException ex) {
                        warnings.add("field " + f.getKey() + " of " + node.typeName() + " not saved: " + ex);
                    }
                }
            }
            try {
                NodeState st = node.saveState();
                if (st != null) {
                    StateBlob blob = StateBlob.of(st);
                    b.append("state ").append(i).append(' ').append(b64(blob.type())).append(' ').append(blob.toBase64()).append('\n');
                }
            } catch (RuntimeException ex) {
                warnings.add("state of " + node.typeName() + " not saved: " + ex.getMessage());
            }
        }
        for (Connection e : edges) {
            Integer from = index.get(e.from()), to = index.get(e.to());
            if (from != null && to != null) {
                b.append("edge ").append(from).append(' ').append(e.fromPort()).append(' ').append(to).append(' ')
                        .append(e.toPort()).append('\n');
            }
        }
        for (int k = 0; k < sounding.size(); k++) {
            if (chains.get(k).isEmpty()) continue;
            String name = sounding.get(k).name();
            b.append("play ").append(name == null ? "-" : b64(name));
            for (int i : chains.get(k)) b.append(' ').append(i);
            b.append('\n');
        }
        return new SessionSnapshot(b.toString(), List.copyOf(warnings));
    }

    private static boolean isUserNode(NodeInfo s, NodeId master) {
        return s != null && !s.id().equals(master) && !(s.node() instanceof LevelFader);
    }

    private static String howToMake(DspNode node, List<String> warnings) {
        String name = node.getClass().getName();
        if (name.startsWith(USER_PREFIX)) return "user " + b64(userName(name));
        String recipe = Prelude.recipe(node);
        if (recipe != null) return "recipe " + b64(recipe);
        try {
            node.getClass().getConstructor();
        } catch (NoSuchMethodException e) {
            warnings.add(node.typeName() + " has no no-arg constructor and was not made by the prelude; :open will fail on it");
        }
        return "class " + name;
    }

    /** {@code REPL.$JShell$11$Fuzz$State} → {@code Fuzz$State}. */
    static String userName(String binaryName) {
        int i = USER_PREFIX.length();
        while (i < binaryName.length() && binaryName.charAt(i) != '$') i++;
        return binaryName.substring(i + 1);
    }

    /**
     * Puts this snapshot back: defines the saved sources with {@code define} (skipped when null), fades out
     * what sounds now, makes the nodes, restores their parameters and states, connects them and plays the patches.
     *
     * @param userClasses the newest class for a user type's simple name (null when unknown)
     */
    public void restore(LiveSession session, Consumer<String> define, Function<String, Class<?>> userClasses) {
        List<String[]> nodes = new ArrayList<>(), params = new ArrayList<>(), fields = new ArrayList<>(),
                states = new ArrayList<>(),
                edges = new ArrayList<>(), plays = new ArrayList<>();
        double bpm = 0;
        int beats = 4;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.equals(MAGIC)) continue;
            String[] f = line.split(" ");
            switch (f[0]) {
                case "tempo": bpm = Double.parseDouble(f[1]); beats = Integer.parseInt(f[2]); break;
                case "source": if (define != null) define.accept(unb64(f[1])); break;
                case "node": nodes.add(f); break;
                case "param": params.add(f); break;
                case "field": fields.add(f); break;
                case "state": states.add(f); break;
                case "edge": edges.add(f); break;
                case "play": plays.add(f); break;
                default: throw new IllegalArgumentException("unknown line in session: " + line);
            }
        }
        Map<Integer, DspNode> made = new HashMap<>();
        for (String[] f : nodes) made.put(Integer.parseInt(f[1]), make(f[2], f[3], userClasses));
        Engine engine = session.engine();
        session.restoring(() -> {
            session.stopAll();
            for (DspNode n : made.values()) session.add(n);
            for (String[] f : params) {
                DspNode n = made.get(Integer.parseInt(f[1]));
                SmoothedParam p = NodeSpec.of(n).param(f[2]);
                if (p != null) p.reset(Double.parseDouble(f[3]));
            }
            for (String[] f : fields) {
                DspNode n = made.get(Integer.parseInt(f[1]));
                Object value = readObject(Base64.getDecoder().decode(f[3]), n.getClass().getClassLoader(), userClasses);
                StateCarrier.restorePlainFields(n, Map.of(f[2], value));
            }
            for (String[] f : states) {
                DspNode n = made.get(Integer.parseInt(f[1]));
                n.restoreState(readState(Base64.getDecoder().decode(f[3]), n.getClass().getClassLoader(), userClasses));
            }
            for (String[] f : edges) {
                DspNode from = made.get(Integer.parseInt(f[1])), to = made.get(Integer.parseInt(f[3]));
                OutputPort out = NodeSpec.of(from).output(f[2]);
                InputPort in = NodeSpec.of(to).input(f[4]);
                if (out == null || in == null) throw new IllegalArgumentException("saved edge " + String.join(" ", f) + " names a port that is gone");
                engine.connect(out, in);
            }
            for (String[] f : plays) {
                Chain chain = null;
                for (int k = 2; k < f.length; k++) {
                    DspNode n = made.get(Integer.parseInt(f[k]));
                    String recipe = Prelude.recipe(n);
                    Chain one = Chain.of(n, recipe != null ? recipe : n.typeName());
                    chain = chain == null ? one : chain.to(one);
                }
                if (f[1].equals("-")) session.play(chain);
                else session.def(unb64(f[1]), chain);
            }
        });
        if (bpm > 0) engine.tempo(bpm, beats, dev.aether.core.time.When.NOW);
    }

    private static DspNode make(String kind, String what, Function<String, Class<?>> userClasses) {
        try {
            switch (kind) {
                case "recipe": return callPrelude(unb64(what));
                case "class": return construct(Class.forName(what));
                case "user": {
                    Class<?> k = userClass(unb64(what), userClasses);
                    if (k == null) throw new IllegalArgumentException("class " + unb64(what) + " is not defined");
                    return construct(k);
                }
                default: throw new IllegalArgumentException("unknown node kind " + kind);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot make " + kind + " " + what + ": " + e, e);
        }
    }

    private static Class<?> userClass(String name, Function<String, Class<?>> userClasses) throws ClassNotFoundException {
        int dollar = name.indexOf('$');
        String top = dollar < 0 ? name : name.substring(0, dollar);
        Class<?> k = userClasses.apply(top);
        if (k == null || dollar < 0) return k;
        return Class.forName(k.getName() + name.substring(dollar), false, k.getClassLoader());
    }

    private static DspNode construct(Class<?> k) throws ReflectiveOperationException {
        Constructor<?> c = k.getDeclaredConstructor();
        c.setAccessible(true);
        return (DspNode) c.newInstance();
    }

    /** Calls a prelude creation function written as {@code name(1.5, 2, "tanh")}. */
    static DspNode callPrelude(String call) throws ReflectiveOperationException {
        int open = call.indexOf('(');
        if (open < 0 || !call.endsWith(")")) throw new IllegalArgumentException("not a call: " + call);
        String name = call.substring(0, open);
        List<String> args = new ArrayList<>();
        String inner = call.substring(open + 1, call.length() - 1).strip();
        if (!inner.isEmpty()) for (String a : inner.split(",")) args.add(a.strip());
        for (Method m : Prelude.class.getMethods()) {
            if (!m.getName().equals(name) || !Modifier.isStatic(m.getModifiers()) || m.getReturnType() != Chain.class) continue;
            Class<?>[] t = m.getParameterTypes();
            boolean varargs = m.isVarArgs();
            if (varargs ? args.size() < t.length - 1 : args.size() != t.length) continue;
            Object[] values = new Object[t.length];
            boolean ok = true;
            for (int i = 0; i < t.length && ok; i++) {
                if (varargs && i == t.length - 1) {
                    double[] rest = new double[args.size() - i];
                    for (int j = 0; j < rest.length; j++) rest[j] = Double.parseDouble(args.get(i + j));
                    values[i] = rest;
                } else {
                    String a = args.get(i);
                    boolean quoted = a.startsWith("\"");
                    if (t[i] == String.class && quoted) values[i] = a.substring(1, a.length() - 1);
                    else if (t[i] == double.class && !quoted) values[i] = Double.parseDouble(a);
                    else if (t[i] == int.class && !quoted) values[i] = (int) Double.parseDouble(a);
                    else ok = false;
                }
            }
            if (ok) return ((Chain) m.invoke(null, values)).node();
        }
        throw new IllegalArgumentException("no prelude function matches " + call);
    }

    /** Reads a serialized state; user classes' names are mapped to the classes now behind their simple names. */
    static NodeState readState(byte[] bytes, ClassLoader loader, Function<String, Class<?>> userClasses) {
        Object o = readObject(bytes, loader, userClasses);
        if (o instanceof NodeState s) return s;
        throw new IllegalArgumentException("saved state is a " + o.getClass().getName() + ", not a NodeState");
    }

    private static String serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** Reads a serialized value; user classes' names are mapped to the classes now behind their simple names. */
    private static Object readObject(byte[] bytes, ClassLoader loader, Function<String, Class<?>> userClasses) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override protected ObjectStreamClass readClassDescriptor() throws IOException, ClassNotFoundException {
                ObjectStreamClass d = super.readClassDescriptor();
                if (!d.getName().startsWith(USER_PREFIX)) return d;
                Class<?> now = userClass(userName(d.getName()), userClasses);
                if (now == null) throw new ClassNotFoundException(d.getName());
                return ObjectStreamClass.lookup(now);
            }

            @Override protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException("saved state cannot be read (" + e
                    + "); has the node's State record or an enum it uses changed?", e);
        }
    }

    private static String b64(String s) { return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)); }

    private static String unb64(String s) { return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8); }
}
