package dev.aether.repl.command;

import dev.aether.core.DspNode;
import dev.aether.core.NodeId;
import dev.aether.core.engine.Engine;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.param.SmoothedParam;
import dev.aether.nodes.drum.Hits;
import dev.aether.nodes.voice.PolyVoices;
import dev.aether.osc.OscHost;
import dev.aether.repl.session.LiveSession;
import dev.aether.repl.userapi.Chain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's session as the OSC server drives it; called on the OSC thread. Parameters are found once per slot and
 * name and kept while the node that owns them still sounds under its id (a {@code def} of the slot or a hot swap of
 * the node makes the next message look again), so a flood of moves does not wait for the session thread each time.
 * Evaluations go through the console, as typed input does (journalled, under the evaluation budget); parameter moves
 * are journalled coalesced ({@link JournalledMoves}: the last value per parameter per second), a tempo change as the
 * {@code :tempo} it amounts to.
 */
final class SessionOscHost implements OscHost, AutoCloseable {
    private record Found(NodeId id, DspNode live, SmoothedParam param) {}

    private final LiveSession session;
    private final CommandContext console;
    private final Map<String, Found> params = new ConcurrentHashMap<>();
    private final AutoCloseable definitions;
    private final JournalledMoves moves;

    SessionOscHost(LiveSession session, CommandContext console) {
        this.session = session;
        this.console = console;
        this.moves = new JournalledMoves(console.journal());
        this.definitions = session.onDefined(name -> params.clear());
    }

    @Override public Engine engine() { return session.engine(); }

    @Override public SmoothedParam param(String slot, String name) {
        String key = slot + '\0' + name;
        Found f = params.get(key);
        Engine e = session.engine();
        if (f != null && e.contains(f.id) && e.node(f.id) == f.live) return f.param;
        Chain chain = chain(slot);
        List<DspNode> nodes = chain.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            DspNode live = session.live(nodes.get(i));
            SmoothedParam p = NodeSpec.of(live).param(name);
            if (p == null) continue;
            NodeId id = session.idOf(live);
            if (id != null) params.put(key, new Found(id, live, p));
            return p;
        }
        List<String> names = new ArrayList<>();
        for (DspNode n : nodes) for (SmoothedParam q : NodeSpec.of(session.live(n)).params()) names.add(q.name());
        throw new IllegalArgumentException("slot " + slot + " has no parameter '" + name + "'"
                + (names.isEmpty() ? "; it has no parameters" : "; parameters: " + String.join(", ", names)));
    }

    @Override public void moved(String slot, String name, double value, double rampSeconds, long atSample) {
        moves.moved(slot, name, value, rampSeconds, atSample);
    }

    @Override public PolyVoices instrument(String slot) {
        for (DspNode n : chain(slot).nodes()) if (session.live(n) instanceof PolyVoices p) return p;
        throw new IllegalArgumentException("slot " + slot + " plays no instrument (poly(...), synth(...))");
    }

    @Override public Hits kit(String slot) {
        for (DspNode n : chain(slot).nodes()) if (session.live(n) instanceof Hits h) return h;
        throw new IllegalArgumentException("slot " + slot + " plays no kit (drums(), kit(\"folder\"))");
    }

    @Override public void slot(String slot, boolean sounding) { session.slotSounding(slot, sounding); }

    @Override public void pattern(String name, boolean playing) {
        if (playing) {
            session.patterns().resume(name);
        } else if (session.patterns().stop(name) == null) {
            throw new IllegalArgumentException("no pattern plays in slot " + name + "; playing: "
                    + (session.patterns().names().isEmpty() ? "none" : String.join(", ", session.patterns().names())));
        }
    }

    @Override public void tempo(double bpm) {
        if (!(bpm >= 1 && bpm <= 999)) throw new IllegalArgumentException("a tempo is 1..999 BPM, was " + bpm);
        int beats = session.engine().clock().snapshot().tempoMap().lastBeatsPerBar();
        session.tempo(bpm, beats);
        console.journalCommand(":tempo " + bpm + " " + beats);
    }

    @Override public String graph() { return EngineCommands.graph(session.engine()); }

    @Override public CompletableFuture<String> eval(String code) {
        return console.evaluate(code, 0).thenApply(r -> r.text());
    }

    private Chain chain(String slot) {
        return session.requireSlot(slot);
    }

    @Override public void close() {
        moves.close();
        try {
            definitions.close();
        } catch (Exception ignored) {
            // a listener list never fails to remove
        }
    }
}
