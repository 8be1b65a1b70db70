package dev.aether.repl.command;

import dev.aether.core.NodeId;

import dev.aether.core.driver.DriverConfig;
import dev.aether.core.driver.JavaSoundDriver;

import dev.aether.core.engine.Engine;
import dev.aether.core.view.Connection;
import dev.aether.core.view.NodeInfo;
import dev.aether.repl.eval.NodeValue;
import dev.aether.repl.session.LiveSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prompt thread: console commands about the engine, {@code :graph :nodes :cpu :tempo :devices :device :panic}.
 * They read the engine's views; {@code :panic} is handed to the session thread.
 */
final class EngineCommands {
    private EngineCommands() {}

    static List<ConsoleCommand> commands(LiveSession session) {
        Engine engine = session.engine();
        List<ConsoleCommand> r = new ArrayList<>();
        r.add(ConsoleCommand.of("graph", ":graph", "the patch as text, in the order the audio thread runs it, and the"
                + " quantised edits still to land", (a, c) -> c.print(withPending(graph(engine), session.pendingEdits()))));
        r.add(ConsoleCommand.of("nodes", ":nodes", "live nodes with their parameters", (a, c) -> c.print(nodes(engine))));
        r.add(ConsoleCommand.of("cpu", ":cpu", "engine load, per-node cost, xruns", (a, c) -> c.print(cpu(engine))));
        r.add(ConsoleCommand.of("tempo", ":tempo [BPM [BEATS_PER_BAR]]", "show or set the tempo", (a, c) -> tempo(session, a, c)));
        r.add(ConsoleCommand.of("transport", ":transport [play|pause|stop|seek BAR:BEAT:TICK|seek SECONDSs]",
                "show where the beat is, or play, pause, stop (back to 1:1:0) or move it", (a, c) -> transport(engine, a, c)));
        r.add(ConsoleCommand.of("devices", ":devices", "Java Sound output devices", (a, c) -> {
            var list = dev.aether.core.driver.JavaSoundDriver.devices();
            StringBuilder b = new StringBuilder("playing on " + (engine.driver() == null ? "nothing" : engine.driver().description()));
            for (var d : list) b.append(String.format("%n  %d  %s (%s)", d.index(), d.name(), d.description()));
            if (list.isEmpty()) b.append("\n  no Java Sound output devices");
            c.print(b.toString());
        }));
        r.add(ConsoleCommand.of("device", ":device N|NAME [FRAMES]", "play on another output device (index from :devices, or a"
                + " name part), with a device buffer of FRAMES (default: the current one)", (a, c) -> {
            String device = a.strip();
            if (device.isEmpty()) throw new IllegalArgumentException("usage: :device N|NAME [FRAMES]");
            int frames = engine.driver() instanceof dev.aether.core.driver.JavaSoundDriver j ? j.bufferFrames()
                    : dev.aether.core.driver.DriverConfig.defaults().bufferFrames();
            int space = device.lastIndexOf(' ');                 // a trailing number of 64 or more is the buffer
            if (space > 0 && device.substring(space + 1).matches("\\d{2,6}")
                    && Integer.parseInt(device.substring(space + 1)) >= 64) {
                frames = Integer.parseInt(device.substring(space + 1));
                device = device.substring(0, space).strip();
            }
            var cfg = dev.aether.core.driver.DriverConfig.defaults()
                    .sampleRateHz((int) Math.round(engine.config().sampleRate())).device(device).bufferFrames(frames);
            var next = dev.aether.core.driver.JavaSoundDriver.open(cfg);      // fails before the old one stops
            engine.stop();
            engine.start(next);
            c.print("audio on " + next.description());
        }));
        r.add(ConsoleCommand.of("panic", ":panic", "silence everything now and cancel the quantised edits still waiting", (a, c) -> {
            int waiting = session.pendingEdits().size();
            session.panic();
            c.journalCommand(":panic");
            c.print(waiting == 0 ? "silenced" : "silenced; cancelled " + waiting + " quantised edit" + (waiting == 1 ? "" : "s") + " still waiting");
        }));
        return r;
    }

    static String graph(Engine engine) {
        Map<NodeId, String> labels = new HashMap<>();
        for (NodeInfo s : engine.nodes()) labels.put(s.id(), s.label());
        StringBuilder b = new StringBuilder();
        for (NodeInfo s : engine.order()) {
            b.append(s.label());
            String sep = " -> ";
            for (Connection e : engine.edges()) {
                if (e.from().equals(s.id())) {
                    b.append(sep).append(e.fromPort()).append(" -> ").append(labels.get(e.to())).append('.').append(e.toPort());
                    sep = ", ";
                }
            }
            b.append('\n');
        }
        return b.toString().strip();
    }

    /** {@code graph} followed by one "pending: def "x" at 5:1:0 (engine sample 384000)" line per waiting edit. */
    static String withPending(String graph, List<String> pending) {
        StringBuilder b = new StringBuilder(graph);
        for (String p : pending) b.append(b.length() == 0 ? "" : "\n").append("pending: ").append(p);
        return b.toString();
    }

    static String nodes(Engine engine) {
        StringBuilder b = new StringBuilder();
        for (NodeInfo s : engine.nodes()) {
            b.append(String.format("%-22s", s.label()));
            b.append(NodeValue.params(s.spec().params()));
            if (s.faulted()) b.append("  [FAULTED]");
            b.append('\n');
        }
        return b.toString().strip();
    }

    static String cpu(Engine engine) {
        var sch = engine.stats();
        engine.profileNodes(true);
        StringBuilder b = new StringBuilder(String.format("load %.1f%% (peak %.1f%%), xruns %d (late blocks %d), worst stall %.2f ms%n",
                sch.load() * 100, sch.peakLoad() * 100, sch.xruns(), sch.lateBlocks(), sch.worstStallNanos() / 1e6));
        var driver = engine.driver();
        if (driver != null && !driver.timingReport().isEmpty()) b.append("  ").append(driver.timingReport()).append('\n');
        b.append("  threads: ").append(engine.parallelMode().name().toLowerCase(java.util.Locale.ROOT)).append(", ")
                .append(engine.parallelReport()).append('\n');
        long deadline = engine.config().blockNanos();
        for (NodeInfo s : engine.order()) {
            b.append(String.format("  %-22s %7.1f us/block  %5.1f%%%n", s.label(), s.costNanos() / 1e3,
                    100.0 * s.costNanos() / deadline));
        }
        b.append("(per-node cost is now being measured; run :cpu again for fresh figures)");
        return b.toString();
    }

    private static void tempo(LiveSession session, String args, CommandContext c) {
        Engine engine = session.engine();
        if (args.isBlank()) {
            var map = engine.clock().snapshot().tempoMap();     // what it is, or settles on after a ramp or at the next bar
            c.print(String.format("%s BPM, %d beats per bar", NodeValue.number(map.lastBpm()), map.lastBeatsPerBar()));
            return;
        }
        String[] p = args.split("\\s+");
        int beats = p.length > 1 ? Integer.parseInt(p[1]) : engine.clock().snapshot().tempoMap().lastBeatsPerBar();
        session.tempo(Double.parseDouble(p[0]), beats);
        c.journalCommand(":tempo " + p[0] + " " + beats);
        c.print("tempo " + p[0] + " BPM");
    }

    private static void transport(Engine engine, String args, CommandContext c) {
        String a = args.strip();
        long at = engine.clock().position();
        if (!a.isEmpty()) {
            String[] p = a.split("\\s+", 2);
            switch (p[0]) {
                case "play" -> at = engine.clock().play();
                case "pause" -> at = engine.clock().pause();
                case "stop" -> at = engine.clock().stop();
                case "seek" -> {
                    if (p.length < 2) throw new IllegalArgumentException("usage: :transport seek BAR:BEAT:TICK (\"12:1:0\") or seconds (\"42.5s\")");
                    at = engine.clock().seek(p[1]);
                }
                default -> throw new IllegalArgumentException("unknown transport action '" + p[0]
                        + "': use :transport play, pause, stop or seek POSITION");
            }
            c.journalCommand(":transport " + a);
        }
        c.print(dev.aether.repl.userapi.Now.at(engine.clock(), at).toString());   // where the change lands
    }


}
