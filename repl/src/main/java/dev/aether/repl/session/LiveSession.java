package dev.aether.repl.session;

import dev.aether.core.AnyThread;
import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.engine.Engine;
import dev.aether.core.InputPort;
import dev.aether.core.NodeId;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.OutputPort;
import dev.aether.core.time.Clock;
import dev.aether.core.time.Quantum;
import dev.aether.core.time.TimedEventChannel;
import dev.aether.core.time.When;
import dev.aether.sequencing.schedule.LookAheadScheduler;
import dev.aether.core.view.Connection;
import dev.aether.core.view.NodeInfo;
import dev.aether.core.param.SmoothedParam;
import dev.aether.repl.eval.Evaluator;
import dev.aether.repl.eval.TypeDefinition;
import dev.aether.repl.eval.UserCodeGuard;
import dev.aether.repl.userapi.Chain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>Every graph edit (play, stop, def, undef, connect, set, an opened session) records what inverts it in an
 * {@link UndoHistory}: the removed patches themselves with their wires, a parameter's value before it was set.
 * Nothing is serialized; an edit costs what it touches.
 *
 * <p><b>Quantised edits.</b> {@code play}, {@code def}, {@code undef} and {@code set} take a {@link Quantum} (null:
 * the session's, {@link #quantum(Quantum)}, default {@link Quantum#NONE}). A quantised edit lands on the clock's first
 * boundary at or after {@link Clock#earliest()}: its plan is adopted at that exact engine sample and its fades and
 * parameter moves start there. The caller does not wait for it: a structural edit is kept in {@link PendingEdits}
 * and sent {@value #SEND_AHEAD_MILLIS} ms before its sample (offline, at once), a parameter move goes at once on the
 * timed channel ({@link SmoothedParam#setAt}). {@code :panic} cancels the edits not sent; a journal being recovered
 * applies them at once ({@link #applyQuantisedAtOnce}).
 */
@AnyThread
public final class LiveSession implements AutoCloseable, Evaluator.TypeListener {

    /** Fade when a patch starts or stops. */
    public static final double START_STOP_FADE_SECONDS = 0.005;
    /** Crossfade when a named slot is redefined, and fade-out when it is undefined. */
    public static final double SLOT_FADE_SECONDS = 0.050;
    /**
     * How long before its boundary a waiting structural edit is sent to the engine when a driver runs: enough for the
     * session thread to be late by a busy moment, short enough that an edit made meanwhile (which lands no earlier,
     * a plan being the whole graph) is barely held back.
     */
    public static final long SEND_AHEAD_MILLIS = 100;

    private final Engine engine;
    private final Consumer<String> printer;
    private final Map<DspNode, NodeId> ids = new IdentityHashMap<>();
    private final List<Played> played = new ArrayList<>();
    private final Map<String, Played> slots = new LinkedHashMap<>();
    private final SessionThread thread;
    private final HotSwapper swapper;
    private final BlockGuard blocks;
    private final UndoHistory history = new UndoHistory();
    private final ArrangementSession arrangement;
    private final LookAheadScheduler patterns;
    private LinkSync link;
    private final MidiOutputs midiOutputs;
    /** Where each edit lands; replaced by a journal replay. Session thread. */
    private EditLanding landing = EditLanding.running();
    /** Told the landing sample of every edit, in order (the journal). */
    private final List<java.util.function.LongConsumer> landedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The landing sample of the edit being made once taken ({@link #at()}; session thread), and how deep edits nest. */
    private long at;
    private boolean landed;
    private boolean late;
    private int editDepth;
    /** True while a console input runs ({@link #input}): its edits share one landing, one plan, one undo step. */
    private boolean inInput;
    /** Whether this input opened the undo group (false when one was open already, as in {@link #restoring}). */
    private boolean inputGroup;
    /** What waits for the input's landing sample (fades of its patches), run in order when the input ends. */
    private final List<java.util.function.LongConsumer> atLanding = new ArrayList<>();
    /** During an undo: the wires and added nodes it takes away ({@link #takeAway}); null otherwise. */
    private List<Runnable> takenAway;
    /** During an undo: whether it started a fade-out, so what it takes away waits for the fade. */
    private boolean undoFades;
    /** Edits whose changes reached the audio thread too late to land on their sample (live, under heavy load). */
    private final java.util.concurrent.atomic.AtomicLong lateEdits = new java.util.concurrent.atomic.AtomicLong();
    /** Told the name of every named thing defined (see {@link #onDefined}). */
    private final List<Consumer<String>> definitionListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Nodes taken out of the engine, with what took them out: they cannot be added again (their ports stay bound). */
    private final Map<DspNode, String> removed = new java.util.WeakHashMap<>();
    /** The node each port of a {@link #removed} node belongs to, so checking a port costs one look-up. */
    private final Map<dev.aether.core.Port, DspNode> removedPorts = new java.util.WeakHashMap<>();
    /** The quantum edits wait for unless they name one. */
    private volatile Quantum quantum = Quantum.NONE;
    /** While true (a journal being recovered) quantised edits apply at once. */
    private volatile boolean quantisedAtOnce;
    /** Quantised edits not sounded yet (session thread). */
    private final PendingEdits pending = new PendingEdits();
    /** Slots defined by a quantised {@code def} that has not landed yet, so {@code slot(name)} finds them. */
    private final Map<String, Chain> pendingSlots = new LinkedHashMap<>();
    /** The engine sample the edit being made lands on; -1: as soon as the engine can (session thread). */
    private long quantLanding = -1;
    /** The quantised edit being made, or null (session thread). */
    private PendingEdits.Edit making;

    /** A sounding patch: its slot name (null for {@code play}) and its chain. */
    public record Sounding(String name, Chain chain) {}

    /** A patch that sounds: its chain, its fader, and the name of its slot (or null). */
    private record Played(Chain chain, LevelFader fader, String name) {}

    /**
     * A patch taken off, kept so undo can put it back: the patch, the instance that sounded for each chain node
     * (after hot swaps) and the wires between its nodes and the rest of the graph (faders and master aside).
     */
    private record Removed(Played played, Map<DspNode, DspNode> live, List<Wire> wires) {}

    /** One connection, by the instances and port names at its ends. */
    private record Wire(DspNode from, String output, DspNode to, String input) {}

    /** Which parameter a {@code set} moved, so a run of sets of it undoes as one step. */
    private record ParamKey(DspNode node, String name) {}

    /**
     * A session on {@code engine} printing through {@code printer}, whose user code (constructors, warm-ups, trial
     * runs) runs under {@code guard}, with the evaluation budget per edit and a block budget per block.
     */
    public LiveSession(Engine engine, Consumer<String> printer, UserCodeGuard guard) {
        this.engine = engine;
        this.printer = printer;
        this.thread = new SessionThread(guard);
        this.blocks = new BlockGuard(guard, engine.config().sampleRate(), engine.config().blockSize());
        this.swapper = new HotSwapper(engine, this::message, this::swapped, guard, new HotSwapper.Timing() {
            @Override public Quantum effective(Quantum q) { return LiveSession.this.effective(q); }
            @Override public String at(String what, Quantum q, Runnable edit) { return atQuantum(what, q, edit); }
            @Override public When planWhen() { return LiveSession.this.planWhen(); }
        }, this::posted);
        this.patterns = LookAheadScheduler.attach(engine, this::message);
        this.midiOutputs = new MidiOutputs(engine, patterns, this::message);
        this.arrangement = new ArrangementSession(engine);
        this.swapper.arrangement(arrangement::live);       // read on the session thread, where swaps run
    }

    public LiveSession(Engine engine, Consumer<String> printer) { this(engine, printer, new UserCodeGuard()); }

    /** The session's patterns ({@code pat}, {@code hush}): the engine's look-ahead scheduler. Any thread. */
    public LookAheadScheduler patterns() { return patterns; }

    /** The session's Ableton Link connection (off until {@code link(true)}). */
    public synchronized LinkSync link() {
        if (link == null) link = new LinkSync(engine);
        return link;
    }

    /** The session's MIDI outputs, MIDI files playing and MIDI clock sent. Any thread. */
    public MidiOutputs midiOutputs() { return midiOutputs; }

    /** The thread that owns this session. */
    public SessionThread thread() { return thread; }

    /** Runs {@code task} on the session thread and returns its result (inline when already there). */
    public <T> T onSessionThread(Callable<T> task) { return thread.call(task); }

    public Engine engine() { return engine; }

    private final java.util.concurrent.atomic.AtomicReference<dev.aether.repl.midi.MidiControls> midi =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** The session's MIDI input: routes, controller mappings, clock follow (docs/midi.md); made on first use. Any thread. */
    public dev.aether.repl.midi.MidiControls midi() {
        dev.aether.repl.midi.MidiControls m = midi.get();
        if (m == null) {
            midi.compareAndSet(null, new dev.aether.repl.midi.MidiControls(this));
            m = midi.get();
        }
        return m;
    }

    public HotSwapper swapper() { return swapper; }

    /** Prints a message above the prompt. */
    public void message(String text) { printer.accept(text); }

    // ------------------------------------------------------------------ playing

    /** Adds (if needed) and wires the chain, then fades it in on the master, on the session's quantum. */
    public Chain play(Chain chain) { return play(chain, null); }

    /** {@link #play(Chain)} on the first {@code quantum} boundary (null: the session's). */
    public Chain play(Chain chain, Quantum quantum) {
        return edit(() -> {
            Quantum q = effective(quantum);
            if (q.kind() != Quantum.Kind.NONE) {
                ready(chain);
                quantised("play " + chain, q, () -> play(chain, Quantum.NONE));
                return chain;
            }
            Played p = start(chain, null, START_STOP_FADE_SECONDS);
            played.add(p);
            recordUndo(null, () -> {                         // the newest patch of this chain (an undone stop makes it anew)
                for (int i = played.size() - 1; i >= 0; i--) {
                    if (played.get(i).chain == chain) {
                        fadeOutAndRemove(played.remove(i), START_STOP_FADE_SECONDS, ":undo");
                        return;
                    }
                }
            });
            return chain;
        });
    }

    /** Fades out and removes every playing patch and slot, cancels the quantised edits not sent yet; patterns send nothing more. */
    public void stopAll() { stopAll("stop()"); }

    /** {@link #stopAll()}, naming what did it ({@code ":open"}) to whoever uses a removed node later. */
    public void stopAll(String reason) {
        patterns.cancelAll();                              // what they queued still plays into the fading patches
        edit(() -> {
            pending.cancelAll();
            pendingSlots.clear();
            List<Removed> wasPlayed = new ArrayList<>(), wasSlots = new ArrayList<>();
            for (Played p : played) wasPlayed.add(removed(p));
            for (Played p : slots.values()) wasSlots.add(removed(p));
            if (!wasPlayed.isEmpty() || !wasSlots.isEmpty()) {
                history.record(() -> {
                    for (Removed r : wasPlayed) played.add(resume(r, START_STOP_FADE_SECONDS));
                    for (Removed r : wasSlots) slots.put(r.played.name, resume(r, START_STOP_FADE_SECONDS));
                });
            }
            for (Played p : played) fadeOutAndRemove(p, START_STOP_FADE_SECONDS, reason);
            for (Played p : slots.values()) fadeOutAndRemove(p, START_STOP_FADE_SECONDS, reason);
            played.clear();
            slots.clear();
            return null;
        });
    }

    /** Fades out and removes the patches that play {@code chain}'s last node. */
    public boolean stop(Chain chain) {
        return edit(() -> {
            List<Integer> at = new ArrayList<>();
            List<Removed> gone = new ArrayList<>();
            for (int i = 0; i < played.size(); i++) {
                if (sameNode(played.get(i).chain.node(), chain.node())) {
                    at.add(i);
                    gone.add(removed(played.get(i)));
                }
            }
            for (int k = at.size() - 1; k >= 0; k--) fadeOutAndRemove(played.remove((int) at.get(k)), START_STOP_FADE_SECONDS, "stop");
            if (!gone.isEmpty()) {
                history.record(() -> {
                    for (int k = 0; k < gone.size(); k++) {
                        played.add(Math.min(at.get(k), played.size()), resume(gone.get(k), START_STOP_FADE_SECONDS));
                    }
                });
            }
            return !gone.isEmpty();
        });
    }

    /** Puts {@code chain} in slot {@code name}; what sounded there before crossfades out; on the session's quantum. */
    public Chain def(String name, Chain chain) { return def(name, chain, null); }

    /** {@link #def(String, Chain)} on the first {@code quantum} boundary (null: the session's). */
    public Chain def(String name, Chain chain, Quantum quantum) {
        return edit(() -> {
            defined(name);
            Quantum q = effective(quantum);
            if (q.kind() != Quantum.Kind.NONE) {
                ready(chain);
                pendingSlots.put(name, chain);
                Runnable forget = () -> { if (pendingSlots.get(name) == chain) pendingSlots.remove(name); };
                PendingEdits.Edit e = quantised("def \"" + name + "\"", q, () -> {
                    forget.run();
                    def(name, chain, Quantum.NONE);
                });
                e.onCancel = forget;
                return chain;
            }
            Played old = slots.get(name);
            if (old != null && sameNode(old.chain.node(), chain.node())) return chain;
            Removed was = old == null ? null : removed(old);
            Played now = start(chain, name, SLOT_FADE_SECONDS);
            slots.put(name, now);
            if (old != null) fadeOutAndRemove(old, SLOT_FADE_SECONDS, "def \"" + name + "\" replaced it");
            recordUndo(null, () -> {
                Played there = slots.get(name);
                if (there == null || there.chain != chain) return;
                fadeOutAndRemove(there, SLOT_FADE_SECONDS, ":undo");
                if (was == null) slots.remove(name);
                else slots.put(name, resume(was, SLOT_FADE_SECONDS));
            });
            return chain;
        });
    }

    /** Fades slot {@code name} out, on the session's quantum, and ends its pattern; false when there is neither. */
    public boolean undef(String name) { return undef(name, null); }

    /**
     * {@link #undef(String)} on the first {@code quantum} boundary (null: the session's); false when there is no such
     * slot, nor one a waiting {@code def} will make, nor a pattern. A pattern of that name ends at its next cycle.
     */
    public boolean undef(String name, Quantum quantum) {
        boolean pattern = patterns.stop(name) != null;
        return edit(() -> {
            Quantum q = effective(quantum);
            if (q.kind() != Quantum.Kind.NONE) {
                if (!slots.containsKey(name) && !pendingSlots.containsKey(name)) return false;
                quantised("undef \"" + name + "\"", q, () -> {
                    if (!undef(name, Quantum.NONE)) throw new IllegalArgumentException("no slot named \"" + name + "\" by then");
                });
                return true;
            }
            if (!slots.containsKey(name)) return false;
            int at = new ArrayList<>(slots.keySet()).indexOf(name);
            Played old = slots.remove(name);
            Removed was = removed(old);
            fadeOutAndRemove(old, SLOT_FADE_SECONDS, "undef \"" + name + "\"");
            recordUndo(null, () -> {
                if (slots.containsKey(name)) return;
                List<Map.Entry<String, Played>> entries = new ArrayList<>(slots.entrySet());
                slots.clear();
                for (int i = 0; i <= entries.size(); i++) {
                    if (i == at || i == entries.size() && at >= entries.size()) slots.put(name, resume(was, SLOT_FADE_SECONDS));
                    if (i < entries.size()) slots.put(entries.get(i).getKey(), entries.get(i).getValue());
                }
            });
            return true;
        }) || pattern;
    }

    /**
     * The chain in slot {@code name}, or null: its nodes are the instances that sound now (after hot swaps and
     * undo), so {@code slot(name).node()} is the live node.
     */
    public Chain slot(String name) {
        return thread.call(() -> {
            Played p = slots.get(name);
            if (p == null) return pendingSlots.get(name);      // a quantised def not landed yet: its own nodes
            return p.chain.withNodes(this::live);
        });
    }

    /**
     * The chain in slot {@code name}, as {@link #slot}; any thread.
     *
     * @throws IllegalArgumentException naming the slot, listing those there are and how to make one
     */
    public Chain requireSlot(String name) {
        Chain c = slot(name);
        if (c != null) return c;
        List<String> names = slotNames();
        throw new IllegalArgumentException("no slot named \"" + name + "\"; slots: " + (names.isEmpty() ? "none" : String.join(", ", names))
                + "; make one with def(\"" + name + "\", node)");
    }

    /** Names of the slots, in definition order. */
    public List<String> slotNames() { return thread.call(() -> { return new ArrayList<>(slots.keySet()); }); }

    /** Adds a node to the engine (without sounding it) if it is not there yet; returns its id. */
    public NodeId add(DspNode node) {
        return edit(() -> {
            NodeId id = ids.get(node);
            if (id != null && engine.contains(id)) return id;
            NodeId added = addNode(node);
            history.record(() -> takeAway(() -> {           // unless a patch that sounds still holds it by then
                NodeId now = ids.get(node);
                if (added.equals(now) && engine.contains(now) && !sounds(node)) remove(node, ":undo", null);
            }));
            return added;
        });
    }

    /** {@link #add} without recording its undo (a played patch's own undo takes its nodes away). */
    @ControlThread
    private NodeId addNode(DspNode node) {
        NodeId id = ids.get(node);
        if (id != null && engine.contains(id)) return id;
        checkNotRemoved(node);
        blocks.warmClass(node);
        NodeId[] added = new NodeId[1];
        stamped(() -> added[0] = engine.add(node));
        ids.put(node, added[0]);
        return added[0];
    }

    /**
     * Warms the classes of {@code nodes} that are not warm yet, block by block under budget, before an edit that
     * adds them in one engine batch (which holds the engine's lock); see {@link BlockGuard#warmClass}.
     */
    public void warm(java.util.Collection<? extends DspNode> nodes) {
        thread.run(() -> { for (DspNode n : nodes) blocks.warmClass(n); });
    }

    /** Connects an output to an input; both nodes must have been added (played, def'd or add(node)). */
    public void connect(OutputPort from, InputPort to) {
        edit(() -> {
            checkNotRemoved(from);
            checkNotRemoved(to);
            if (from.owner() == null || to.owner() == null) {
                throw new IllegalArgumentException("connect: add both nodes first (play, def or add(node)); "
                        + (from.owner() == null ? "output '" + from.name() + "'" : "input '" + to.name() + "'")
                        + " belongs to no live node");
            }
            boolean was = connectedIfLive(from, to);
            stamped(() -> engine.connect(from, to));       // in an input: joins its hold, one plan at its end
            if (!was) {
                Wire w = new Wire(engine.node(engine.idOf(from)), from.name(), engine.node(engine.idOf(to)), to.name());
                history.record(() -> takeAway(() -> {
                    try {
                        OutputPort out = NodeSpec.of(live(w.from)).output(w.output);
                        InputPort in = NodeSpec.of(live(w.to)).input(w.input);
                        if (out != null && in != null && connected(out, in)) engine.disconnect(out, in);
                    } catch (RuntimeException e) {
                        // a node at either end is gone: so is the connection
                    }
                }));
            }
            return null;
        });
    }

    /**
     * Moves parameter {@code name} of the live instance of {@code node} over {@code rampSeconds} (NaN: the
     * parameter's own default ramp); an unknown name is an error listing the node's parameters.
     */
    public void set(DspNode node, String name, double value, double rampSeconds) { set(node, name, value, rampSeconds, null); }

    /**
     * {@link #set(DspNode, String, double, double)} starting on the first {@code quantum} boundary (null: the
     * session's): sent at once, stamped with that engine sample, on the parameter's timed channel.
     */
    public void set(DspNode node, String name, double value, double rampSeconds, Quantum quantum) {
        edit(() -> {
            Quantum q = effective(quantum);
            if (q.kind() != Quantum.Kind.NONE) {
                long at = boundary(q);
                PendingEdits.Edit e = pending.add("set " + node.typeName() + "." + name + " = " + value, position(at), at, engine.clock().position());
                e.sent = true;
                boolean wasLanded = landed;
                long wasAt = this.at;
                boolean wasLate = late;
                quantLanding = at;
                making = e;
                landed = false;                            // its own landing (the boundary), apart from the input's
                try {
                    set(node, name, value, rampSeconds, Quantum.NONE);
                } finally {
                    quantLanding = -1;
                    making = null;
                    landed = wasLanded;
                    this.at = wasAt;
                    late = wasLate;
                }
                return null;
            }
            DspNode live = live(node);
            List<SmoothedParam> ps = NamedParams.of(live, name);      // its own, or every voice's of an instrument
            if (ps.isEmpty()) throw noSuchParam(live, name);
            double[] before = new double[ps.size()];
            for (int i = 0; i < before.length; i++) before[i] = ps.get(i).get();
            NodeId id = idOf(live);
            String clamped = ParamRange.warning(id != null ? engine.info(id).label() : live.typeName(), ps.get(0), value);
            if (clamped != null) message(clamped);
            for (SmoothedParam p : ps) move(p, value, Double.isNaN(rampSeconds) ? p.smoothingSeconds() : rampSeconds);
            recordUndo(new ParamKey(live, name), () -> {
                List<SmoothedParam> now = NamedParams.of(live(node), name);
                for (int i = 0; i < now.size() && i < before.length; i++) {
                    move(now.get(i), before[i], quantLanding < 0 ? now.get(i).smoothingSeconds() : 0);
                }
            });
            return null;
        });
    }

    /** "Fuzz has no parameter 'drive'; parameters: ..." and, for a plain field of that name, how to make it one. */
    private static IllegalArgumentException noSuchParam(DspNode node, String name) {
        String known = NamedParams.known(List.of(node));
        String text = node.typeName() + " has no parameter '" + name + "'" + (known.isEmpty() ? "; it has no parameters" : "; " + known);
        for (Class<?> k = node.getClass(); k != null && k != Object.class; k = k.getSuperclass()) {
            try {
                k.getDeclaredField(name);
                text += "\n  '" + name + "' is a plain field: declare it as a parameter to set it"
                        + " (final SmoothedParam " + name + " = Params.linear(\"" + name + "\", \"\", default, min, max);)";
                break;
            } catch (NoSuchFieldException e) {
                // not declared here: look in the superclass
            }
        }
        return new IllegalArgumentException(text);
    }

    /**
     * Fades slot {@code name} in ({@code true}) or out ({@code false}) over {@link #SLOT_FADE_SECONDS}, from the next
     * block; it stays defined (its nodes keep running, silent), so fading it in again resumes it as it is. Not an undo
     * step (a remote control's toggle, as {@code /aether/slot/stop} and {@code /aether/slot/start}).
     *
     * @throws IllegalArgumentException when no slot has that name, listing those that do
     */
    public void slotSounding(String name, boolean sounding) {
        edit(() -> {
            Played p = slots.get(name);
            if (p == null) {
                throw new IllegalArgumentException("no slot named \"" + name + "\"; slots: "
                        + (slots.isEmpty() ? "none" : String.join(", ", slots.keySet())));
            }
            whenLanded(at -> fade(p.fader.level, sounding ? 1 : 0, SLOT_FADE_SECONDS, at));
            return null;
        });
    }

    /** Changes tempo and metre from the next block; undo puts back the tempo that was playing. */
    public void tempo(double bpm, int beatsPerBar) {
        edit(() -> {
            history.group(() -> {
                double wasBpm = engine.clock().snapshot().tempoMap().lastBpm();
                int wasBeats = engine.clock().snapshot().tempoMap().lastBeatsPerBar();
                engine.tempo(bpm, beatsPerBar, When.atSample(at()));
                posted();
                if (wasBpm > 0) history.record(() -> {
                    engine.tempo(wasBpm, wasBeats, When.atSample(at()));
                    posted();
                });
                dev.aether.arrange.Project p = arrangement.projectOrNull();     // one clock: the arrangement follows
                if (p != null && (p.tempo().bpm() != bpm || p.tempo().beatsPerBar() != beatsPerBar)
                        && arrangement.apply(new dev.aether.arrange.Edit.SetTempo(new dev.aether.arrange.Tempo(bpm, beatsPerBar)), p.tempo()))
                    history.record(arrangement::undoOne);
            }, new boolean[1]);
            return null;
        });
    }

    /** The instance now sounding for {@code node} (a hot swap replaces instances), or {@code node} itself. */
    public DspNode live(DspNode node) {
        return thread.call(() -> {
            NodeId id = ids.get(node);
            return id != null && engine.contains(id) ? engine.node(id) : node;
        });
    }

    /** The instances now sounding for {@code chain}'s nodes, first to last ({@link #live(DspNode)} of each). */
    public List<DspNode> live(Chain chain) {
        List<DspNode> out = new ArrayList<>();
        for (DspNode n : chain.nodes()) out.add(live(n));
        return out;
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
        return edit(() -> swapper.typesDefined(types));
    }

    /** Silences everything now (no fade), cancels the quantised edits not sent and forgets every patch and the undo history. */
    public void panic() {
        patterns.cancelAll();
        midiOutputs.panic();
        edit(() -> {
            pending.cancelAll();
            pendingSlots.clear();
            for (Map.Entry<DspNode, NodeId> e : ids.entrySet()) {
                String label = e.getKey().typeName() + "#" + e.getValue().index();
                noteRemoved(e.getKey(), label + " was removed (:panic)");
                NodeSpec.of(e.getKey()).bindTimed(TimedEventChannel.refusing("node " + label
                        + " was removed (:panic): nothing plays what it is sent; make a new one"));
            }
            engine.panic(When.atSample(at()));             // muted at once; the graph empties on the edits' time line
            posted();
            arrangement.panicked();                        // its nodes went with the graph; the next edit or play makes new ones
            played.clear();
            slots.clear();
            ids.clear();
            history.clear();
            return null;
        });
    }

    /**
     * Runs {@code edits} on the session thread as one engine batch (one new plan) and one undo step: how a saved
     * session is put back. Should {@code edits} throw part-way, that step is undone at once (what {@code :undo} would
     * do: what sounded before fades back in), the patterns that played play again from their next bar, and the
     * exception is rethrown.
     */
    public void restoring(Runnable edits) {
        boolean[] recorded = new boolean[1];
        List<String> patternsBefore = patterns.names();
        try {
            edit(() -> {
                history.group(() -> stamped(edits), recorded);
                return null;
            });
        } catch (RuntimeException e) {
            if (recorded[0]) undo();
            for (String name : patternsBefore) {
                try {
                    patterns.resume(name);
                } catch (RuntimeException gone) {
                    // its target is gone for good: it stays stopped
                }
            }
            throw e;
        }
    }

    /**
     * Cancels the newest quantised edit not sent to the engine yet ({@code :undo} tries this first); returns what it
     * was ("def "x", which waited for 5:1:0"), or null when none waits.
     */
    public String cancelNewestPending() {
        return thread.call(() -> {
            PendingEdits.Edit waiting = pending.cancelNewest();
            return waiting == null ? null : waiting.what + ", which waited for " + waiting.position;
        });
    }

    /** The session's arrangement (tracks, clips, metatracks); its state is confined to the session thread. */
    public ArrangementSession arrangement() { return arrangement; }

    /**
     * Applies an arrangement edit as an edit of this session: one step of the project's history and one undo step
     * of the session (joining the input's, so one {@code :undo} takes back all an input did). A project is made at
     * the engine's tempo and metre at the first edit. Any thread.
     *
     * @throws IllegalArgumentException from the edit, naming what was wrong and what to do; nothing changed
     */
    public dev.aether.arrange.Project arrange(dev.aether.arrange.Edit edit) {
        return edit(() -> {
            if (arrangement.apply(edit, clockTempo())) history.record(arrangement::undoOne);
            return arrangement.projectOrNull();
        });
    }

    /** The arrangement's project now (made empty at the engine's tempo when there is none yet). Any thread. */
    public dev.aether.arrange.Project arrangementProject() {
        return thread.call(() -> arrangement.project(clockTempo()));
    }

    /** Runs {@code task} on the session thread with the arrangement (which is confined to it). */
    public <T> T withArrangement(java.util.function.Function<ArrangementSession, T> task) {
        return thread.call(() -> task.apply(arrangement));
    }

    /** The engine clock's tempo and metre now, as the arrangement's {@link dev.aether.arrange.Tempo}. */
    private dev.aether.arrange.Tempo clockTempo() {
        var map = engine.clock().snapshot().tempoMap();
        double bpm = map.lastBpm();
        return new dev.aether.arrange.Tempo(bpm >= 1 && bpm <= 999 ? bpm : 120, Math.max(1, map.lastBeatsPerBar()));
    }

    /**
     * Redoes what the latest {@code :undo} took back from the arrangement, as one undo step; returns what was
     * redone, or null when there is nothing to redo (graph edits do not redo).
     */
    public String redo() {
        return edit(() -> {
            int k = arrangement.redoable();
            if (k == 0) return null;
            List<String> done = new ArrayList<>();
            boolean[] recorded = new boolean[1];
            stamped(() -> history.group(() -> {
                for (int i = 0; i < k; i++) {
                    done.add(arrangement.redoOne());
                    history.record(arrangement::undoOne);
                }
            }, recorded));
            arrangement.redone();
            return String.join(", ", done);
        });
    }

    /** Inverts the last graph edit (as one new plan); false when there is nothing to undo. */
    public boolean undo() {
        return edit(() -> {
            arrangement.beginUndo();
            try {
                return undoGraph();
            } finally {
                arrangement.endUndo();
            }
        });
    }

    private boolean undoGraph() {
        return edit(() -> {
            boolean[] undone = new boolean[1];
            takenAway = new ArrayList<>();
            undoFades = false;
            List<Runnable> away = takenAway;
            try {
                stamped(() -> {
                    undone[0] = history.undo();
                    if (!undoFades) away.forEach(Runnable::run);   // nothing fades: at once, in the same plan
                });
            } finally {
                takenAway = null;
            }
            if (undoFades && !away.isEmpty()) {
                whenLanded(at -> afterFade(at + (long) Math.ceil(SLOT_FADE_SECONDS * engine.config().sampleRate())
                        + engine.config().blockSize(), when -> engine.batch(When.atSample(when), () -> away.forEach(Runnable::run))));
            }
            return undone[0];
        });
    }

    /**
     * Undo: takes a wire or an added node away, after the fades the same undo started (so undoing an input that
     * built and played a patch fades it out before its wires go), or at once when it started none. All of one undo
     * go in one plan.
     */
    private void takeAway(Runnable work) {
        if (takenAway != null) takenAway.add(work);
        else work.run();
    }

    /** How many edits {@link #undo} can step back now (at most {@value UndoHistory#DEPTH}). */
    public int undoDepth() { return thread.call(() -> { return history.size(); }); }

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

    /** True when {@code a} and {@code b} are one node: the same instance, or instances that answer for one id. */
    private boolean sameNode(DspNode a, DspNode b) {
        if (a == b) return true;
        NodeId id = ids.get(a);
        return id != null && id.equals(ids.get(b));
    }

    /** After a hot swap: the new instance answers for the old one's id. */
    private void swapped(DspNode old, DspNode next) {
        thread.run(() -> {                                 // inline: swaps run on the session thread
            NodeId id = ids.get(old);
            if (id != null) ids.put(next, id);
            var live = arrangement.live();
            if (live != null) live.replaced(old, next);    // an effect of the arrangement: its chain and lanes follow
        });
    }

    // ------------------------------------------------------------------ quantised edits

    /** The quantum edits wait for unless they name one ({@link Quantum#NONE}: at once, the default). */
    public Quantum quantum() { return quantum; }

    /** Sets the quantum {@code play}, {@code def}, {@code undef}, {@code set} and hot swaps wait for by default. */
    public void quantum(Quantum q) { quantum = java.util.Objects.requireNonNull(q, "quantum"); }

    /**
     * While {@code on} (a journal being recovered), quantised edits apply at once: the beat they waited for when
     * they were typed is long past.
     */
    public void applyQuantisedAtOnce(boolean on) { quantisedAtOnce = on; }

    /** The quantised edits still to sound, soonest first: "def "x" at 5:1:0 (engine sample 384000)". Any thread. */
    public List<String> pendingEdits() {
        List<String> out = new ArrayList<>();
        for (PendingEdits.Edit e : pending.waitingAt(engine.clock().position())) out.add(e.toString());
        return out;
    }

    /** {@code q}, or the session's quantum for null; {@link Quantum#NONE} while recovering. */
    private Quantum effective(Quantum q) {
        if (quantisedAtOnce) return Quantum.NONE;
        return q != null ? q : quantum;
    }

    /** The engine sample of the first {@code q} boundary an edit made now can land on. */
    private long boundary(Quantum q) {
        Clock clock = engine.clock();
        return clock.boundaryAtOrAfter(clock.earliest(), q);
    }

    /** Engine sample {@code at} as bars:beats:ticks ("5:1:0"). */
    private String position(long at) {
        var s = engine.clock().snapshot();
        return s.tempoMap().format(s.beatAt(at));
    }

    /** Checks a chain can be played later and warms its classes now, so its edit is quick when it is sent. */
    @ControlThread
    private void ready(Chain chain) {
        for (DspNode n : chain.nodes()) checkNotRemoved(n);
        for (DspNode n : chain.nodes()) if (idOf(n) == null) blocks.warmClass(n);
    }

    /**
     * Keeps {@code edit} (one of play, def, undef with {@link Quantum#NONE}) for the first {@code q} boundary and
     * sends it so it lands exactly there; the caller does not wait. Returns the edit, sent or waiting.
     */
    @ControlThread
    private PendingEdits.Edit quantised(String what, Quantum q, Runnable edit) {
        long at = boundary(q);
        PendingEdits.Edit e = pending.add(what, position(at), at, engine.clock().position());
        send(e, edit);
        return e;
    }

    /** Runs {@code edit} now ({@link Quantum#NONE}) or on the first {@code q} boundary; null when it has run, else where it waits. */
    @ControlThread
    private String atQuantum(String what, Quantum q, Runnable edit) {
        if (q.kind() == Quantum.Kind.NONE) {
            edit.run();
            return null;
        }
        PendingEdits.Edit e = quantised(what, q, edit);
        return e.sent ? null : e.position;
    }

    /** Sends {@code e} now when its sample is near (or offline), else comes back later; not when cancelled. */
    @ControlThread
    private void send(PendingEdits.Edit e, Runnable edit) {
        if (e.cancelled) return;
        double rate = engine.config().sampleRate();
        long ahead = e.sample - Math.round(SEND_AHEAD_MILLIS * rate / 1000) - engine.clock().position();
        if (ahead > 0 && engine.driver() != null) {
            thread.later(() -> send(e, edit), Math.max(1, (long) (ahead * 1000 / rate)));
            return;
        }
        e.sent = true;
        boolean fromInput = editDepth > 0;                 // typed in the running input, not queued by an earlier one
        quantLanding = e.sample;
        making = e;
        try {
            apart(edit, !fromInput);
        } catch (RuntimeException x) {
            message(e.what + " at " + e.position + " did not happen: " + x.getMessage());
        } finally {
            quantLanding = -1;
            making = null;
        }
    }

    /**
     * Records {@code inverse} for undo (under {@code key}, see {@link UndoHistory#record(Object, Runnable)}), stamped
     * like the edit being made: undone before that edit has landed (a quantised edit already sent), the inverse lands
     * on the same sample after it, so neither sounds, and it is no longer listed as pending.
     */
    @ControlThread
    private void recordUndo(Object key, Runnable inverse) {
        long at = quantLanding;
        PendingEdits.Edit edit = making;
        history.record(key, () -> {
            if (at <= engine.clock().position()) {
                inverse.run();
                return;
            }
            long was = quantLanding;
            quantLanding = at;
            try {
                inverse.run();
            } finally {
                quantLanding = was;
            }
            if (edit != null) pending.cancel(edit);
        });
    }

    /**
     * Replaces how edits land (a journal replay renders up to each recorded sample); session thread or before any
     * edit.
     */
    public void landing(EditLanding landing) { thread.run(() -> { this.landing = landing; }); }

    /** Calls {@code listener} (session thread) with the landing sample of every edit from now on, in order. */
    public void onLanded(java.util.function.LongConsumer listener) { landedListeners.add(listener); }

    /** Edits that reached the audio thread after the block holding their landing sample had begun. Any thread. */
    public long lateEdits() { return lateEdits.get(); }

    /**
     * Calls {@code listener} (on the session thread) with the name of every named thing defined from now until the
     * returned handle is closed: slots ({@code def}) and whatever else is defined by name and removed by
     * {@link #undef} (each such verb calls {@link #defined}). How {@code :watch} learns what a file defines.
     */
    public AutoCloseable onDefined(Consumer<String> listener) {
        definitionListeners.add(listener);
        return () -> definitionListeners.remove(listener);
    }

    /** Tells the {@link #onDefined} listeners that {@code name} was defined. Any thread. */
    public void defined(String name) {
        for (Consumer<String> l : definitionListeners) l.accept(name);
    }

    /**
     * Runs {@code body} on the session thread as one edit: every engine change in it is stamped with one landing
     * sample ({@link #at()}, {@link #stamped}: its plans adopted exactly there, fader and parameter moves starting
     * there). Nested edits join it.
     */
    private <T> T edit(Callable<T> body) {
        return thread.call(() -> {
            if (editDepth > 0) return body.call();
            if (!inInput) landed = false;                  // an input's edits share its landing
            editDepth++;
            try {
                return body.call();
            } finally {
                editDepth--;
            }
        });
    }

    /**
     * Runs {@code evaluation} (one console input: one JShell evaluation, a paste of several snippets, a
     * {@code :load}ed or {@code :watch}ed file) as one edit, from the calling thread (the evaluation worker): every
     * edit its code makes through the verbs joins one engine {@link Engine#hold hold}, so the input sends one plan,
     * adopted at one landing sample taken when the input ends (after its slow part, so it is not late); and it is
     * one undo step, so one {@code :undo} takes all of it back. Each edit costs what it touches, so an input that
     * builds a patch node by node is linear in its nodes.
     *
     * <p>An input that fails part-way (an exception in one of its snippets, a compile error, Ctrl-C) keeps what it
     * did before: that lands as one plan and one undo step like the rest, and later snippets of the input still run
     * (as they always did). Exceptions to "one plan": a quantised {@code play}, {@code def} or {@code undef} sent at
     * once (offline, or its boundary near) lands alone on its boundary, after what the input did before it, and the
     * rest of the input lands on a landing of its own; a hot swap sends its plan as it always did; a {@code set} or
     * {@code tempo} takes the input's landing at once. Any thread except the session thread.
     */
    public <T> T input(java.util.function.Supplier<T> evaluation) {
        if (thread.isCurrent()) throw new IllegalStateException("input() runs on the evaluation worker, not the session thread");
        boolean began = thread.call(this::beginInput);
        try {
            return evaluation.get();
        } finally {
            if (began) thread.run(this::endInput);
        }
    }

    /** Opens an input: edits from now on share a landing, an engine hold and an undo group. False if one is open. */
    @ControlThread
    private boolean beginInput() {
        if (inInput) return false;
        inInput = true;
        landed = false;
        inputGroup = history.open();
        engine.hold();
        return true;
    }

    /** Ends the input opened by {@link #beginInput}: sends its plan, starts its fades, closes its undo step. */
    @ControlThread
    private void endInput() {
        try {
            landHeld();
        } finally {
            inInput = false;
            if (inputGroup) history.close();
            inputGroup = false;
        }
    }

    /**
     * Lands what the input has done so far: releases the engine hold (one plan, at the input's landing, when it
     * made a structural edit) and runs what waited for the landing.
     */
    @ControlThread
    private void landHeld() {
        boolean sends = engine.hasUnsentEdits();
        try {
            engine.release(this::planWhen);
        } finally {
            List<java.util.function.LongConsumer> waiting = List.copyOf(atLanding);
            atLanding.clear();
            if (!waiting.isEmpty()) {
                long sample = at();
                for (java.util.function.LongConsumer a : waiting) a.accept(sample);
            }
            if (sends || !waiting.isEmpty()) posted();     // only what was sent just now can be late
        }
    }

    /**
     * Runs a quantised structural edit ({@code edit}, sent now) on a landing of its own, its boundary: during an input
     * what the input did so far lands first, and the rest of the input takes a new landing after it. {@code
     * ownStep}: its undo is a step of its own (an edit an earlier input queued), not part of the input's.
     */
    @ControlThread
    private void apart(Runnable edit, boolean ownStep) {
        if (!inInput) {
            edit.run();
            return;
        }
        long boundary = quantLanding;
        PendingEdits.Edit quantised = making;
        quantLanding = -1;                                 // what the input did so far lands on the input's landing
        making = null;
        try {
            landHeld();
        } finally {
            quantLanding = boundary;
            making = quantised;
        }
        inInput = false;
        landed = false;
        try {
            if (ownStep) history.aside(edit);
            else edit.run();
        } finally {
            inInput = true;
            landed = false;
            engine.hold();
        }
    }

    /**
     * The landing sample of the edit being made: a quantised edit's boundary, else taken from the {@link
     * EditLanding} at its first use (when its first plan is sent, after what is slow: preparing and warming nodes,
     * trial runs; so it is not late); told to the {@link #onLanded} listeners. A journal replay takes every sample
     * from the journal.
     */
    private long at() {
        if (!landed) {
            at = quantLanding >= 0 && landing instanceof EditLanding.Running ? quantLanding : landing.next(engine);
            landed = true;
            late = false;
            for (java.util.function.LongConsumer l : landedListeners) l.accept(at);
        }
        return at;
    }

    /** Runs {@code edits} as one engine batch whose plan is adopted at the edit's landing sample. */
    private void stamped(Runnable edits) {
        engine.batch(() -> When.atSample(at()), edits);
        posted();
    }

    /**
     * After a change stamped with the edit's landing sample was sent: counts and says it (once per edit) when it was
     * sent too late to land there (live, the audio thread may have begun the block that holds it).
     */
    void posted() {
        if (!landed || late || landing.inTime(engine, at)) return;
        late = true;
        lateEdits.incrementAndGet();
        message("note: an edit reached the audio thread late and landed up to a block after its sample " + at
                + " (the machine is overloaded): a journal replay of this set may differ there");
    }

    /** Moves {@code p} to {@code value} over {@code rampSeconds}, starting at the edit's landing sample. */
    @ControlThread
    private void move(SmoothedParam p, double value, double rampSeconds) {
        fade(p, value, rampSeconds, at());
        posted();
    }

    /** Moves {@code p} to {@code value} over {@code rampSeconds}, starting at engine sample {@code at}. */
    private static void fade(SmoothedParam p, double value, double rampSeconds, long at) {
        if (!p.setAt(value, at, rampSeconds)) p.set(value, rampSeconds);    // its queue is full: from the next block
    }

    /**
     * Runs {@code action} with the landing sample of the edit being made: at once, except in an input that has not
     * taken its landing yet, where it waits for the input's end ({@link #endInput}), so a long input (a patch of a
     * thousand nodes) takes its landing after its slow part, as one edit does, and is not late. Fader moves only:
     * nothing reads a fader's level, so waiting changes nothing the person's code sees.
     */
    @ControlThread
    private void whenLanded(java.util.function.LongConsumer action) {
        if (inInput && !landed) {
            atLanding.add(action);
            return;
        }
        action.accept(at());
        posted();
    }

    /** When the plan of the edit being made is adopted: at its landing sample. */
    private When planWhen() { return When.atSample(at()); }

    // ------------------------------------------------------------------ session thread only

    @ControlThread
    private Played start(Chain chain, String name, double fadeSeconds) {
        for (DspNode n : chain.nodes()) checkNotRemoved(n);
        LevelFader fader = new LevelFader(chain.out.channels());
        for (DspNode n : chain.nodes()) if (idOf(n) == null) blocks.warmClass(n);   // not under the engine's lock
        stamped(() -> {
            List<DspNode> nodes = chain.nodes();
            for (DspNode n : nodes) addNode(n);
            for (int i = 0; i + 1 < nodes.size(); i++) {
                List<OutputPort> outs = NodeSpec.of(live(nodes.get(i))).outputs();
                List<InputPort> ins = NodeSpec.of(live(nodes.get(i + 1))).inputs();
                if (outs.isEmpty() || ins.isEmpty()) {
                    throw new IllegalArgumentException("cannot chain " + nodes.get(i).typeName() + " into "
                            + nodes.get(i + 1).typeName() + ": " + (outs.isEmpty() ? "no output" : "no input"));
                }
                if (!connected(outs.get(0), ins.get(0))) engine.connect(outs.get(0), ins.get(0));
            }
            addNode(fader);
            engine.connect(NodeSpec.of(live(chain.node())).outputs().get(0), fader.in);
            engine.connectToMaster(fader.out);
        });
        whenLanded(at -> fade(fader.level, 1, fadeSeconds, at));
        return new Played(chain, fader, name);
    }

    /** Keeps what undo needs to put {@code p} back: its live instances and its wires to the rest of the graph. */
    private Removed removed(Played p) {
        Map<DspNode, DspNode> live = new IdentityHashMap<>();
        Set<NodeId> mine = new HashSet<>();
        for (DspNode n : p.chain.nodes()) {
            NodeId id = idOf(n);
            if (id == null) continue;
            live.put(n, engine.node(id));
            mine.add(id);
        }
        List<Wire> wires = new ArrayList<>();
        NodeId master = engine.masterId();
        if (!mine.isEmpty()) {
            for (Connection e : engine.edges()) {
                if (!mine.contains(e.from()) && !mine.contains(e.to()) || e.to().equals(master)) continue;
                DspNode from = engine.node(e.from()), to = engine.node(e.to());
                if (from instanceof LevelFader || to instanceof LevelFader) continue;
                wires.add(new Wire(from, e.fromPort(), to, e.toPort()));
            }
        }
        return new Removed(p, live, wires);
    }

    /**
     * Puts a removed patch back: a node the fade-out already took out of the engine goes back in as the very
     * instance that sounded (its ports, still bound to the removed slot, are released first), so every handle to it
     * works again and its state is where it was; the patch's wires are reconnected and it starts with a new fader.
     */
    private Played resume(Removed r, double fadeSeconds) {
        for (DspNode n : r.played.chain.nodes()) if (idOf(n) == null) blocks.warmClass(r.live.getOrDefault(n, n));
        stamped(() -> {
            for (DspNode n : r.played.chain.nodes()) {
                if (idOf(n) != null) continue;
                DspNode was = r.live.getOrDefault(n, n);
                releaseRemovedPorts(was);
                NodeId id = engine.add(was);
                ids.put(n, id);
                ids.put(was, id);
                removed.remove(n);
                removed.remove(was);
            }
            for (Wire w : r.wires) {
                try {
                    OutputPort out = NodeSpec.of(w.from).output(w.output);
                    InputPort in = NodeSpec.of(w.to).input(w.input);
                    if (out != null && in != null && !connected(out, in)) engine.connect(out, in);
                } catch (RuntimeException e) {
                    // a node at the other end is gone since: that wire stays gone
                }
            }
        });
        return start(r.played.chain, r.played.name, fadeSeconds);
    }

    /** Unbinds the ports of {@code node} that still belong to a node the engine removed, so it can be added again. */
    private void releaseRemovedPorts(DspNode node) {
        NodeSpec spec = NodeSpec.of(node);
        List<dev.aether.core.Port> ports = new ArrayList<>(spec.inputs());
        ports.addAll(spec.outputs());
        for (dev.aether.core.Port p : ports) {
            if (p.owner() == null) continue;
            try {
                engine.idOf(p);                            // owned by a live node: leave it
            } catch (RuntimeException removedOwner) {
                p.release(p.owner());
            }
        }
    }

    /**
     * Throws, naming it and what removed it, when {@code node} was taken out of the engine and is not live again
     * (an undo that puts it back makes it live): "node SineOscillator#5 was removed (undef "x"); make a new one".
     */
    private void checkNotRemoved(DspNode node) {
        String why = removed.get(node);
        if (why != null && idOf(node) == null) throw new IllegalArgumentException("node " + why + "; make a new one");
    }

    /** {@link #checkNotRemoved} for the node that owns {@code port}. */
    private void checkNotRemoved(dev.aether.core.Port port) {
        DspNode n = removedPorts.get(port);
        if (n != null) checkNotRemoved(n);
    }

    /** Notes that {@code n} was taken out of the engine and {@code why}, for {@link #checkNotRemoved}. */
    private void noteRemoved(DspNode n, String why) {
        removed.put(n, why);
        NodeSpec spec = NodeSpec.of(n);
        for (dev.aether.core.Port p : spec.inputs()) removedPorts.put(p, n);
        for (dev.aether.core.Port p : spec.outputs()) removedPorts.put(p, n);
    }

    /** {@link #connected}, false when either port's node is not in the engine. */
    private boolean connectedIfLive(OutputPort from, InputPort to) {
        try {
            return connected(from, to);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean connected(OutputPort from, InputPort to) { return engine.connected(from, to); }

    /** Fades {@code p} out, then removes what no other patch uses; {@code reason} says why (for {@link #checkNotRemoved}). */
    private void fadeOutAndRemove(Played p, double seconds, String reason) {
        if (takenAway != null) undoFades = true;
        whenLanded(at -> {
            fade(p.fader.level, 0, seconds, at);
            removeWhenFaded(p, reason, at + (long) Math.ceil(seconds * engine.config().sampleRate()) + engine.config().blockSize());
        });
    }

    /** Takes {@code p} out once its fade, ending at engine sample {@code fadeEnd}, is over (see {@link EditLanding#removal}). */
    private void removeWhenFaded(Played p, String reason, long fadeEnd) {
        afterFade(fadeEnd, when -> removeUnused(p, reason, when));
    }

    /**
     * Calls {@code removal} on the session thread, with the sample its removal lands on, once a fade ending at engine
     * sample {@code fadeEnd} is over (see {@link EditLanding#removal}).
     */
    private void afterFade(long fadeEnd, java.util.function.LongConsumer removal) {
        long ahead = fadeEnd - engine.clock().position();
        long delayMillis = Math.max(0, (long) Math.ceil(ahead * 1000.0 / engine.config().sampleRate())) + 2 * blockMillis() + 5;
        thread.later(() -> {
            long when = landing.removal(engine, fadeEnd);
            if (when < 0) afterFade(fadeEnd, removal);
            else removal.accept(when);
        }, delayMillis);
    }

    /** True when a sounding patch (played or in a slot) holds {@code node} or an instance with its id. */
    private boolean sounds(DspNode node) {
        NodeId id = ids.get(node);
        for (Played p : played) for (DspNode n : p.chain.nodes()) if (n == node || id != null && id.equals(ids.get(n))) return true;
        for (Played p : slots.values()) for (DspNode n : p.chain.nodes()) if (n == node || id != null && id.equals(ids.get(n))) return true;
        return false;
    }

    private long blockMillis() { return Math.max(1, engine.config().blockNanos() / 1_000_000); }

    /** Removes the fader and every node of the patch that no other sounding patch uses. */
    private void removeUnused(Played gone, String reason, long when) {
        thread.run(() -> {                                 // inline: scheduled on the session thread
            Set<NodeId> inUse = new HashSet<>();             // by id: a chain may hold a node's old or live instance
            for (Played p : played) for (DspNode n : p.chain.nodes()) inUse.add(ids.get(n));
            for (Played p : slots.values()) for (DspNode n : p.chain.nodes()) inUse.add(ids.get(n));
            engine.batch(When.atSample(when), () -> {
                remove(gone.fader, reason, null);
                for (DspNode n : gone.chain.nodes()) if (!inUse.contains(ids.get(n))) remove(n, reason, gone.name);
            });
        });
    }

    /**
     * Takes {@code n} out of the engine, noting why ({@code reason}; {@code slot}, the slot it played in, or null)
     * and binding it, and the instance that sounded for it, to a channel that refuses events, so a handle kept to
     * it (a {@code PolyVoices} in a variable) says so instead of playing notes nowhere.
     */
    private void remove(DspNode n, String reason, String slot) {
        NodeId id = ids.remove(n);
        if (id != null && engine.contains(id)) {
            String label = n.typeName() + "#" + id.index();
            noteRemoved(n, label + " was removed (" + reason + ")");
            DspNode sounded = engine.node(id);
            engine.remove(id);
            TimedEventChannel refusing = TimedEventChannel.refusing("node " + label + " was removed (" + reason
                    + "): nothing plays what it is sent; " + (slot == null ? "make a new one"
                    : "use slot(\"" + slot + "\").node() for the one in slot \"" + slot + "\" now, or make a new one"));
            NodeSpec.of(sounded).bindTimed(refusing);
            if (sounded != n) NodeSpec.of(n).bindTimed(refusing);
        }
    }

    @Override public void close() {
        synchronized (this) { if (link != null) link.close(); }
        midiOutputs.close();
        patterns.close();
        thread.close();
        thread.guard().close();
    }
}
