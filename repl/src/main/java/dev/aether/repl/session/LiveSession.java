package dev.aether.repl.session;

import dev.aether.core.AnyThread;
import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.engine.Engine;
import dev.aether.core.InputPort;
import dev.aether.core.NodeId;
import dev.aether.core.NodeSpec;
import dev.aether.core.OutputPort;
import dev.aether.core.view.NodeInfo;
import dev.aether.core.param.SmoothedParam;
import dev.aether.repl.eval.Evaluator;
import dev.aether.repl.eval.TypeDefinition;
import dev.aether.repl.userapi.Chain;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Any thread; the work runs on its {@link SessionThread} ({@value SessionThread#NAME}), which alone edits the
 * played patches, the named slots and the engine graph (inline when called there, else the caller waits).
 * What the person has made sound: the engine, the played patches and the named slots, and how hot swaps are
 * done. The prelude reaches it through the class loader of the code that calls it (see
 * {@code dev.aether.repl.userapi.LiveVerbs}), never through a static.
 *
 * <p>Every patch that sounds ends in a {@link LevelFader}, so starting, stopping and redefining a slot fade
 * instead of clicking; the removal after a fade-out runs on the session thread too.
 */
@AnyThread
public final class LiveSession implements AutoCloseable, Evaluator.TypeListener {

    /** Fade when a patch starts or stops. */
    public static final double START_STOP_FADE_SECONDS = 0.005;
    /** Crossfade when a named slot is redefined, and fade-out when it is undefined. */
    public static final double SLOT_FADE_SECONDS = 0.050;

    private final Engine engine;
    private final Consumer<String> printer;
    private final Map<DspNode, NodeId> ids = new IdentityHashMap<>();
    private final List<Played> played = new ArrayList<>();
    private final Map<String, Played> slots = new LinkedHashMap<>();
    private final SessionThread thread = new SessionThread();
    private final HotSwapper swapper;
    private volatile Runnable beforeEdit = () -> {};
    private boolean restoring;

    /** A sounding patch: its slot name (null for {@code play}) and its chain. */
    public record Sounding(String name, Chain chain) {}

    /** A patch that sounds: its chain, its fader, and the name of its slot (or null). */
    private record Played(Chain chain, LevelFader fader, String name) {}

    public LiveSession(Engine engine, Consumer<String> printer) {
        this.engine = engine;
        this.printer = printer;
        this.swapper = new HotSwapper(engine, this::message, this::swapped);
    }

    /** The thread that owns this session. */
    public SessionThread thread() { return thread; }

    /** Runs {@code task} on the session thread and returns its result (inline when already there). */
    public <T> T onSessionThread(Callable<T> task) { return thread.call(task); }

    public Engine engine() { return engine; }

    public HotSwapper swapper() { return swapper; }

    /** Prints a message above the prompt. */
    public void message(String text) { printer.accept(text); }

    // ------------------------------------------------------------------ playing

    /** Adds (if needed) and wires the chain, then fades it in on the master. */
    public Chain play(Chain chain) {
        return thread.call(() -> {
            edit();
            played.add(start(chain, null, START_STOP_FADE_SECONDS));
            return chain;
        });
    }

    /** Fades out and removes every playing patch and slot. */
    public void stopAll() {
        thread.run(() -> {
            edit();
            for (Played p : played) fadeOutAndRemove(p, START_STOP_FADE_SECONDS);
            for (Played p : slots.values()) fadeOutAndRemove(p, START_STOP_FADE_SECONDS);
            played.clear();
            slots.clear();
        });
    }

    /** Fades out and removes the patches that play {@code chain}'s last node. */
    public boolean stop(Chain chain) {
        return thread.call(() -> {
            edit();
            boolean any = false;
            for (var it = played.iterator(); it.hasNext(); ) {
                Played p = it.next();
                if (p.chain.node() == chain.node()) {
                    fadeOutAndRemove(p, START_STOP_FADE_SECONDS);
                    it.remove();
                    any = true;
                }
            }
            return any;
        });
    }

    /** Puts {@code chain} in slot {@code name}; what sounded there before crossfades out. */
    public Chain def(String name, Chain chain) {
        return thread.call(() -> {
            Played old = slots.get(name);
            if (old != null && old.chain.node() == chain.node()) return chain;
            edit();
            slots.put(name, start(chain, name, SLOT_FADE_SECONDS));
            if (old != null) fadeOutAndRemove(old, SLOT_FADE_SECONDS);
            return chain;
        });
    }

    /** Fades slot {@code name} out; false when there is no such slot. */
    public boolean undef(String name) {
        return thread.call(() -> {
            if (!slots.containsKey(name)) return false;
            edit();
            Played old = slots.remove(name);
            fadeOutAndRemove(old, SLOT_FADE_SECONDS);
            return true;
        });
    }

    /** The chain in slot {@code name}, or null. */
    public Chain slot(String name) {
        return thread.call(() -> {
            Played p = slots.get(name);
            return p == null ? null : p.chain;
        });
    }

    /** Names of the slots, in definition order. */
    public List<String> slotNames() { return thread.call(() -> { return new ArrayList<>(slots.keySet()); }); }

    /** Adds a node to the engine (without sounding it) if it is not there yet; returns its id. */
    public NodeId add(DspNode node) {
        return thread.call(() -> {
            NodeId id = ids.get(node);
            if (id != null && engine.contains(id)) return id;
            id = engine.add(node);
            ids.put(node, id);
            return id;
        });
    }

    /** Connects an output to an input; both nodes must have been added (played, def'd or add(node)). */
    public void connect(OutputPort from, InputPort to) {
        thread.run(() -> {
            if (from.owner() == null || to.owner() == null) {
                throw new IllegalArgumentException("connect: add both nodes first (play, def or add(node)); "
                        + (from.owner() == null ? "output '" + from.name() + "'" : "input '" + to.name() + "'")
                        + " belongs to no live node");
            }
            edit();
            engine.connect(from, to);
        });
    }

    /** Moves parameter {@code name} of the live instance of {@code node} over {@code rampSeconds}. */
    public void set(DspNode node, String name, double value, double rampSeconds) {
        thread.run(() -> {
            DspNode live = live(node);
            SmoothedParam p = NodeSpec.of(live).param(name);
            if (p == null) {
                List<String> names = new ArrayList<>();
                for (SmoothedParam q : NodeSpec.of(live).params()) names.add(q.name());
                throw new IllegalArgumentException(live.typeName() + " has no parameter '" + name + "'"
                        + (names.isEmpty() ? "" : "; it has " + String.join(", ", names)));
            }
            p.set(value, rampSeconds);
        });
    }

    /** The instance now sounding for {@code node} (a hot swap replaces instances), or {@code node} itself. */
    public DspNode live(DspNode node) {
        return thread.call(() -> {
            NodeId id = ids.get(node);
            return id != null && engine.contains(id) ? engine.node(id) : node;
        });
    }

    /** Names for completion: slots and live node labels. */
    public List<String> liveNames() {
        return thread.call(() -> {
            List<String> names = new ArrayList<>(slots.keySet());
            for (NodeInfo s : engine.nodes()) names.add(s.label());
            return names;
        });
    }

    /** Hot-swaps the live instances of redefined classes, on the session thread (called by the evaluation worker). */
    @Override public List<String> typesDefined(List<TypeDefinition> types) {
        return thread.call(() -> swapper.typesDefined(types));
    }

    /** Silences everything now (no fade) and forgets every patch. */
    public void panic() {
        thread.run(() -> {
            engine.panic();
            played.clear();
            slots.clear();
            ids.clear();
        });
    }

    /** Sets what runs before every graph edit (play, stop, def, undef, connect), on the session thread: the undo snapshot. */
    public void beforeEdit(Runnable r) { beforeEdit = r; }

    private void edit() {
        if (!restoring) beforeEdit.run();
    }

    /**
     * Runs {@code edits} on the session thread as one engine batch (one new plan), without undo snapshots:
     * how a saved session is put back.
     */
    public void restoring(Runnable edits) {
        thread.run(() -> {
            boolean was = restoring;
            restoring = true;
            try {
                engine.batch(edits);
            } finally {
                restoring = was;
            }
        });
    }

    /** What sounds, played patches first, then the slots in definition order. */
    public List<Sounding> sounding() {
        return thread.call(() -> {
            List<Sounding> out = new ArrayList<>();
            for (Played p : played) out.add(new Sounding(null, p.chain));
            for (Played p : slots.values()) out.add(new Sounding(p.name, p.chain));
            return out;
        });
    }

    /** The engine id of {@code node} (or of the instance that replaced it), or null when it is not live. */
    public NodeId idOf(DspNode node) {
        return thread.call(() -> {
            NodeId id = ids.get(node);
            return id != null && engine.contains(id) ? id : null;
        });
    }

    /** After a hot swap: the new instance answers for the old one's id. */
    private void swapped(DspNode old, DspNode next) {
        thread.run(() -> {                                 // inline: swaps run on the session thread
            NodeId id = ids.get(old);
            if (id != null) ids.put(next, id);
        });
    }

    // ------------------------------------------------------------------ session thread only

    @ControlThread
    private Played start(Chain chain, String name, double fadeSeconds) {
        LevelFader fader = new LevelFader(chain.out.channels());
        engine.batch(() -> {
            List<DspNode> nodes = chain.nodes();
            for (DspNode n : nodes) add(n);
            for (int i = 0; i + 1 < nodes.size(); i++) {
                List<OutputPort> outs = NodeSpec.of(live(nodes.get(i))).outputs();
                List<InputPort> ins = NodeSpec.of(live(nodes.get(i + 1))).inputs();
                if (outs.isEmpty() || ins.isEmpty()) {
                    throw new IllegalArgumentException("cannot chain " + nodes.get(i).typeName() + " into "
                            + nodes.get(i + 1).typeName() + ": " + (outs.isEmpty() ? "no output" : "no input"));
                }
                if (!connected(outs.get(0), ins.get(0))) engine.connect(outs.get(0), ins.get(0));
            }
            add(fader);
            engine.connect(NodeSpec.of(live(chain.node())).outputs().get(0), fader.in);
            engine.connectToMaster(fader.out);
        });
        fader.level.set(1, fadeSeconds);
        return new Played(chain, fader, name);
    }

    private boolean connected(OutputPort from, InputPort to) {
        NodeId a = engine.idOf(from), b = engine.idOf(to);
        for (var e : engine.edges()) {
            if (e.from().equals(a) && e.to().equals(b) && e.fromPort().equals(from.name()) && e.toPort().equals(to.name())) return true;
        }
        return false;
    }

    private void fadeOutAndRemove(Played p, double seconds) {
        p.fader.level.set(0, seconds);
        long delayMillis = (long) Math.ceil(seconds * 1000) + 2 * blockMillis() + 5;
        thread.later(() -> removeUnused(p), delayMillis);
    }

    private long blockMillis() { return Math.max(1, engine.config().blockNanos() / 1_000_000); }

    /** Removes the fader and every node of the patch that no other sounding patch uses. */
    private void removeUnused(Played gone) {
        thread.run(() -> {                                 // inline: scheduled on the session thread
            java.util.Set<DspNode> inUse = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (Played p : played) inUse.addAll(p.chain.nodes());
            for (Played p : slots.values()) inUse.addAll(p.chain.nodes());
            engine.batch(() -> {
                remove(gone.fader);
                for (DspNode n : gone.chain.nodes()) if (!inUse.contains(n)) remove(n);
            });
        });
    }

    private void remove(DspNode n) {
        NodeId id = ids.remove(n);
        if (id != null && engine.contains(id)) engine.remove(id);
    }

    @Override public void close() { thread.close(); }
}
