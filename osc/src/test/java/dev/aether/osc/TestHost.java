package dev.aether.osc;

import dev.aether.core.DspNode;
import dev.aether.core.engine.Engine;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.param.SmoothedParam;
import dev.aether.core.time.Quantum;
import dev.aether.nodes.drum.Hits;
import dev.aether.nodes.voice.PolyVoices;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A session for the OSC tests: named nodes in an engine; structural requests and evaluations are recorded. */
final class TestHost implements OscHost {
    final Engine engine;
    final Map<String, DspNode> slots = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();

    TestHost(Engine engine) { this.engine = engine; }

    /** Adds {@code node} to the engine, to the master, as slot {@code name}. */
    <N extends DspNode> N play(String name, N node) {
        engine.add(node);
        engine.connectToMaster(NodeSpec.of(node).outputs().get(0));
        slots.put(name, node);
        return node;
    }

    private DspNode node(String slot) {
        DspNode n = slots.get(slot);
        if (n == null) throw new IllegalArgumentException("no slot named " + slot);
        return n;
    }

    @Override public Engine engine() { return engine; }

    @Override public SmoothedParam param(String slot, String name) {
        SmoothedParam p = NodeSpec.of(node(slot)).param(name);
        if (p == null) throw new IllegalArgumentException(slot + " has no parameter '" + name + "'");
        return p;
    }

    @Override public PolyVoices instrument(String slot) {
        if (node(slot) instanceof PolyVoices p) return p;
        throw new IllegalArgumentException("slot " + slot + " holds no instrument");
    }

    @Override public Hits kit(String slot) {
        if (node(slot) instanceof Hits h) return h;
        throw new IllegalArgumentException("slot " + slot + " holds no kit");
    }

    @Override public void slot(String slot, boolean sounding) { node(slot); calls.add((sounding ? "start " : "stop ") + slot); }

    @Override public void pattern(String name, boolean playing) { calls.add((playing ? "pattern start " : "pattern stop ") + name); }

    @Override public void tempo(double bpm) { engine.clock().tempo(bpm, 0, Quantum.NONE); }

    @Override public String graph() { return String.join(" ", slots.keySet()); }

    @Override public CompletableFuture<String> eval(String code) {
        calls.add("eval " + code);
        return CompletableFuture.completedFuture("evaluated " + code);
    }
}
