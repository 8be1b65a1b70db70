package dev.aether.repl.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aether.core.DspNode;
import dev.aether.core.NodeId;
import dev.aether.core.engine.Engine;
import dev.aether.core.view.Connection;
import dev.aether.core.view.NodeInfo;
import dev.aether.core.view.OutputTap;
import dev.aether.repl.session.LiveSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The view's sampler thread only: builds one frame of the live view as JSON — the graph (slots, nodes,
 * connections), a scope, a spectrum and the {@code :cpu} figures, and the slot edited last. Audio comes from an
 * ordinary master {@link OutputTap} (the audio thread only copies into it, as for {@code :scope} and
 * {@code :record}), opened only while someone watches; the graph is read from the engine's and session's views.
 */
final class FrameBuilder implements AutoCloseable {
    static final int SPECTRUM_FRAMES = 8192;
    static final int SPECTRUM_COLUMNS = 400;
    static final double SCOPE_MILLIS = 20;
    /** How often the graph is read again when nothing was defined (a definition refreshes it at once). */
    static final long GRAPH_REFRESH_NANOS = 500_000_000L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LiveSession session;
    private final Engine engine;
    private final MonoHistory history = new MonoHistory(SPECTRUM_FRAMES);
    private final SpectrumFrame spectrum = new SpectrumFrame(SPECTRUM_FRAMES);
    private final float[] chunk = new float[16_384];
    private final float[] capture = new float[SPECTRUM_FRAMES];
    private final AutoCloseable definitions;
    private volatile String editedSlot;
    private volatile long editedAtNanos;
    private volatile boolean graphStale = true;
    private Map<String, Object> graph;
    private long graphAtNanos;
    private OutputTap tap;
    private long seq;

    FrameBuilder(LiveSession session) {
        this.session = session;
        this.engine = session.engine();
        this.definitions = session.onDefined(name -> {
            editedSlot = name;
            editedAtNanos = System.nanoTime();
            graphStale = true;
        });
    }

    /** Opens the master tap (when audio runs and it is not open) or closes it ({@code listen} false). */
    void listen(boolean listen) {
        boolean running = engine.driver() != null;
        if (listen && running && tap == null) {
            tap = engine.openTap(SPECTRUM_FRAMES * 2);
            history.clear();
        } else if ((!listen || !running) && tap != null) {
            engine.closeTap(tap);
            tap = null;
            history.clear();
        }
    }

    /** Reads what the tap holds into the history; call often enough that the tap does not fill (every 50 ms). */
    void drain() {
        if (tap == null) return;
        int n;
        while ((n = tap.read(chunk)) > 0) history.addStereo(chunk, n);
    }

    /** The next frame as one line of JSON. */
    String frame() {
        Map<String, Object> f = new LinkedHashMap<>();
        double sr = engine.config().sampleRate();
        f.put("seq", ++seq);
        f.put("sampleRate", sr);
        f.put("listening", tap != null);
        if (tap != null && history.latest(capture)) {
            int scopeFrames = (int) Math.round(SCOPE_MILLIS * sr / 1000);
            float[] recent = java.util.Arrays.copyOfRange(capture, capture.length - 2 * scopeFrames, capture.length);
            ScopeFrame.Trace t = ScopeFrame.of(recent, scopeFrames, sr);
            f.put("scope", Map.of("millis", t.millis(), "points", t.points()));
            SpectrumFrame.Bands b = spectrum.of(capture, sr, SPECTRUM_COLUMNS);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("loHz", b.loHz());
            s.put("hiHz", b.hiHz());
            s.put("binHz", b.binHz());
            s.put("peakHz", b.peakHz());
            s.put("peakDb", Math.round(b.peakDb() * 10) / 10.0);
            s.put("hz", b.hz());
            s.put("db", b.db());
            f.put("spectrum", s);
        }
        f.put("cpu", cpu());
        long now = System.nanoTime();
        if (graph == null || graphStale || now - graphAtNanos > GRAPH_REFRESH_NANOS) {
            graphStale = false;
            graph = graph();
            graphAtNanos = now;
        }
        f.put("graph", graph);
        String edited = editedSlot;
        if (edited != null) f.put("edited", Map.of("slot", edited, "agoMillis", (now - editedAtNanos) / 1_000_000));
        try {
            return JSON.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a view frame as JSON: " + e.getMessage(), e);
        }
    }

    /** The {@code :cpu} figures: load, peak, xruns, late blocks, worst stall, and per-node cost when measured. */
    private Map<String, Object> cpu() {
        var st = engine.stats();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("loadPercent", round1(st.load() * 100));
        c.put("peakLoadPercent", round1(st.peakLoad() * 100));
        c.put("xruns", st.xruns());
        c.put("lateBlocks", st.lateBlocks());
        c.put("worstStallMs", Math.round(st.worstStallNanos() / 1e4) / 100.0);
        c.put("blockMs", Math.round(engine.config().blockNanos() / 1e4) / 100.0);
        var driver = engine.driver();
        c.put("driver", driver == null ? "nothing is rendering" : driver.description());
        if (driver != null && !driver.timingReport().isEmpty()) c.put("timing", driver.timingReport());
        return c;
    }

    /** Slots with their nodes, every node in the order the audio thread runs them, and the connections. */
    private Map<String, Object> graph() {
        Map<NodeId, String> labels = new HashMap<>();
        List<Map<String, Object>> nodes = new ArrayList<>();
        long deadline = engine.config().blockNanos();
        for (NodeInfo s : engine.order()) {
            labels.put(s.id(), s.label());
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("label", s.label());
            n.put("type", s.node().typeName());
            n.put("faulted", s.faulted());
            n.put("peakDb", s.meterPeak() > 0 ? round1(20 * Math.log10(s.meterPeak())) : null);
            if (s.costNanos() > 0) n.put("costPercent", round1(100.0 * s.costNanos() / deadline));
            nodes.add(n);
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Connection e : engine.edges()) {
            edges.add(Map.of("from", labels.getOrDefault(e.from(), "?"), "fromPort", e.fromPort(),
                    "to", labels.getOrDefault(e.to(), "?"), "toPort", e.toPort()));
        }
        List<Map<String, Object>> slots = session.onSessionThread(() -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (LiveSession.Sounding s : session.sounding()) {
                List<String> members = new ArrayList<>();
                for (DspNode node : s.chain().nodes()) {
                    NodeId id = session.idOf(node);
                    if (id != null && labels.containsKey(id)) members.add(labels.get(id));
                }
                Map<String, Object> slot = new LinkedHashMap<>();
                slot.put("name", s.name());
                slot.put("nodes", members);
                out.add(slot);
            }
            return out;
        });
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("master", labels.get(engine.masterId()));
        g.put("slots", slots);
        g.put("nodes", nodes);
        g.put("edges", edges);
        return g;
    }

    private static double round1(double v) { return Math.round(v * 10) / 10.0; }

    /** Closes the tap and stops listening for definitions. */
    @Override public void close() {
        listen(false);
        try {
            definitions.close();
        } catch (Exception ignored) {
            // a listener list cannot fail to remove
        }
    }
}
