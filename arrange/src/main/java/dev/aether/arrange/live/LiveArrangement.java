package dev.aether.arrange.live;

import dev.aether.arrange.AudioTrack;
import dev.aether.arrange.BusTrack;
import dev.aether.arrange.InstrumentTrack;
import dev.aether.arrange.Lane;
import dev.aether.arrange.Metatrack;
import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.Schedule;
import dev.aether.arrange.Send;
import dev.aether.arrange.Track;
import dev.aether.arrange.play.ArrangementTransport;
import dev.aether.arrange.play.ClipPlacement;
import dev.aether.arrange.play.ClipPlayer;
import dev.aether.arrange.stream.AudioPool;
import dev.aether.arrange.stream.DiskReader;
import dev.aether.arrange.stream.PoolSource;
import dev.aether.arrange.stream.StreamedSource;
import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.NodeId;
import dev.aether.core.OutputPort;
import dev.aether.core.engine.Engine;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.param.SmoothedParam;
import dev.aether.core.time.Clock;
import dev.aether.core.time.When;
import dev.aether.nodes.voice.PolyVoices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Project} playing on a live engine: its nodes are part of the engine's graph, summed into the master.
 * Control side: every method is for control threads (serialised on this object); nothing here runs on the audio
 * thread.
 *
 * <p><b>Nodes.</b> Per track: a source ({@link ClipPlayer} for an audio track, {@link InstrumentSource} running the
 * instrument of an instrument track), a {@link TrackHead}, the effect chain (each recipe resolved by the
 * {@link RecipeResolver} into an engine node, user nodes included), a {@link TrackStrip} (volume, pan, mute, solo)
 * and a {@link SendTap} per send into a bus's head (pre-fader: from the end of the effect chain; post-fader: from the
 * strip). A metatrack's head sums its children's strips, so its effects process their mix; a bus's head sums its
 * sends. Top-level strips go to the engine's master. Metatrack time transforms are applied by {@link Schedule} to
 * clips, notes and lanes alike.
 *
 * <p><b>One clock.</b> All of the arrangement's nodes follow one {@link ArrangementTransport}, whose play, stop and
 * seek follow the engine's {@link Clock}: {@link #play()} starts the clock's transport and the arrangement on the
 * same engine sample, at the clock's transport position; so the arrangement plays in time with patterns. A project's
 * tempo is given to the clock by {@link #apply} when it differs. A loop is the clock's too ({@link #loop}).
 *
 * <p><b>Edits.</b> {@link #apply} sends one plan for the whole change, adopted at a block boundary: tracks whose kind,
 * effect recipes, instrument and kind of source are unchanged keep their nodes and so their state (filter memories,
 * delay lines, streams, sounding clips); their clips, notes, lanes, fader and sends change in place.
 */
public final class LiveArrangement implements AutoCloseable {
    private final Engine engine;
    private final AudioPool pool;
    private final RecipeResolver recipes;
    private final ArrangementTransport transport = new ArrangementTransport();
    private final double sampleRate;
    private final String onlyTrack;                  // bounce of one track: its strip alone goes to master
    private final Map<String, TrackNodes> tracks = new LinkedHashMap<>();
    private final Set<Wire> wires = new HashSet<>();
    private Project project;
    private boolean closed;
    private volatile long startedAt = -1;

    /** A connection the arrangement made. */
    private record Wire(DspNode fromNode, OutputPort from, DspNode toNode, InputPort to) {}

    /** The nodes of one track. */
    private static final class TrackNodes {
        final String signature;
        DspNode source;                              // ClipPlayer, InstrumentSource or null (replaced by hot swaps)
        final TrackHead head;
        List<DspNode> effects;                       // replaced by hot swaps
        final TrackStrip strip;
        final List<NodeId> ids = new ArrayList<>();
        final Map<String, SendTap> sends = new HashMap<>();
        final Map<String, NodeId> sendIds = new HashMap<>();

        TrackNodes(String signature, DspNode source, TrackHead head, List<DspNode> effects, TrackStrip strip) {
            this.signature = signature;
            this.source = source;
            this.head = head;
            this.effects = effects;
            this.strip = strip;
        }

        OutputPort chainEnd() {
            if (effects.isEmpty()) return head.out;
            return NodeSpec.of(effects.get(effects.size() - 1)).outputs().get(0);
        }

        DspNode chainEndNode() { return effects.isEmpty() ? head : effects.get(effects.size() - 1); }
    }

    private LiveArrangement(Engine engine, AudioPool pool, RecipeResolver recipes, String onlyTrack) {
        this.engine = engine;
        this.pool = pool;
        this.recipes = recipes;
        this.onlyTrack = onlyTrack;
        this.sampleRate = engine.config().sampleRate();
        transport.bind(engine.timedEvents());
    }

    /** An empty arrangement on {@code engine}, stopped at 0; {@link #apply} gives it a project. */
    @ControlThread
    public static LiveArrangement attach(Engine engine, AudioPool pool, RecipeResolver recipes) {
        return new LiveArrangement(engine, pool, recipes, null);
    }

    /** As {@link #attach}, with only track {@code track}'s output (post-fader) going to the master: for bounces. */
    @ControlThread
    static LiveArrangement attachTrack(Engine engine, AudioPool pool, RecipeResolver recipes, String track) {
        return new LiveArrangement(engine, pool, recipes, track);
    }

    /** The project playing (null before the first {@link #apply}). */
    public synchronized Project project() { return project; }

    /** The transport all of this arrangement's nodes follow. */
    public ArrangementTransport transport() { return transport; }

    /**
     * Plays {@code p} from the next block on: one plan for the whole change. Nodes of unchanged tracks keep their
     * state. Control thread.
     *
     * @throws IllegalArgumentException naming the track, when a recipe cannot be made or a node does not fit
     * @throws UncheckedIOException     naming the file, when an audio file cannot be read
     */
    @ControlThread
    public synchronized void apply(Project p) {
        if (closed) throw new IllegalStateException("this arrangement is closed; attach a new one");
        if (onlyTrack != null) p.track(onlyTrack);
        Schedule schedule = Schedule.of(p);
        Map<String, TrackNodes> next = new LinkedHashMap<>();
        List<TrackNodes> made = new ArrayList<>();
        Map<String, Track> byName = new LinkedHashMap<>();
        for (Track t : p.allTracks()) byName.put(t.name(), t);
        // build what is new first, so that a recipe that fails changes nothing
        for (Track t : byName.values()) {
            String sig = signature(t, p);
            TrackNodes old = tracks.get(t.name());
            if (old != null && old.signature.equals(sig)) {
                next.put(t.name(), old);
            } else {
                TrackNodes tn = build(t, sig);
                next.put(t.name(), tn);
                made.add(tn);
            }
        }
        // data of every track (placements read pre-rolls from disk, so before the engine's lock)
        Map<TrackNodes, List<ClipPlacement>> clips = new HashMap<>();
        for (Track t : byName.values()) {
            TrackNodes tn = next.get(t.name());
            Schedule.TrackPlan plan = schedule.track(t.name());
            if (tn.source instanceof ClipPlayer) clips.put(tn, placements(plan));
            if (tn.source instanceof InstrumentSource is) {
                is.notes(NoteList.of(plan.midi(), sampleRate));
                is.driver(driver(t, plan, List.of(is.instrument()), true));
            }
            tn.head.driver(driver(t, plan, tn.effects, false));
            tn.strip.settings(settings(t, plan));
        }
        var clock = engine.clock().snapshot();
        if (clock.bpmAtRt(engine.clock().earliest()) != p.tempo().bpm()
                || clock.tempoMap().lastBeatsPerBar() != Math.min(32, p.tempo().beatsPerBar())) {
            engine.tempo(p.tempo().bpm(), Math.min(32, p.tempo().beatsPerBar()), When.NOW);
        }
        engine.batch(() -> {
            for (TrackNodes tn : made) {
                if (tn.source != null) tn.ids.add(engine.add(tn.source));
                tn.ids.add(engine.add(tn.head));
                for (DspNode fx : tn.effects) tn.ids.add(engine.add(fx));
                tn.ids.add(engine.add(tn.strip));
            }
            // sends: keep those of the same bus and kind, level in place
            for (Track t : byName.values()) {
                TrackNodes tn = next.get(t.name());
                Set<String> keep = new HashSet<>();
                for (Send s : t.strip().sends()) {
                    String key = s.bus() + (s.preFader() ? "|pre" : "|post");
                    keep.add(key);
                    double g = TrackStrip.dbToGain(s.levelDb());
                    SendTap tap = tn.sends.get(key);
                    if (tap == null) {
                        tap = new SendTap(g);
                        tn.sends.put(key, tap);
                        tn.sendIds.put(key, engine.add(tap));
                    } else {
                        tap.gain(g);
                    }
                }
                for (String key : new ArrayList<>(tn.sends.keySet())) {
                    if (!keep.contains(key)) {
                        tn.sends.remove(key);
                        engine.remove(tn.sendIds.remove(key));
                    }
                }
            }
            Set<Wire> want = wiring(p, next, byName);
            Set<DspNode> gone = new HashSet<>();
            for (Map.Entry<String, TrackNodes> e : tracks.entrySet()) {
                if (next.get(e.getKey()) != e.getValue()) {
                    TrackNodes old = e.getValue();
                    if (old.source != null) gone.add(old.source);
                    gone.add(old.head);
                    gone.addAll(old.effects);
                    gone.add(old.strip);
                    gone.addAll(old.sends.values());
                }
            }
            for (Wire w : new ArrayList<>(wires)) {
                if (want.contains(w)) continue;
                wires.remove(w);
                if (!gone.contains(w.fromNode()) && !gone.contains(w.toNode()) && live(w)) engine.disconnect(w.from(), w.to());
            }
            for (Map.Entry<String, TrackNodes> e : tracks.entrySet()) {
                if (next.get(e.getKey()) != e.getValue()) {
                    TrackNodes old = e.getValue();
                    for (NodeId id : old.ids) engine.remove(id);
                    for (NodeId id : old.sendIds.values()) engine.remove(id);
                }
            }
            for (Wire w : want) {
                if (wires.add(w)) engine.connect(w.from(), w.to());
            }
        });
        for (Map.Entry<TrackNodes, List<ClipPlacement>> e : clips.entrySet()) ((ClipPlayer) e.getKey().source).schedule(e.getValue());
        for (Map.Entry<String, TrackNodes> e : tracks.entrySet()) {
            if (next.get(e.getKey()) != e.getValue() && e.getValue().source instanceof ClipPlayer cp) cp.close();
        }
        tracks.clear();
        tracks.putAll(next);
        project = p;
    }

    private boolean live(Wire w) {
        try {
            return engine.connected(w.from(), w.to());
        } catch (RuntimeException stale) {
            return false;
        }
    }

    /** What must stay the same for a track to keep its nodes. */
    private String signature(Track t, Project p) {
        long threshold = pool.streamThresholdBytes();
        StringBuilder b = new StringBuilder(t.kind()).append('|').append(String.join("\u0000", t.strip().effects()));
        if (t instanceof InstrumentTrack i) b.append('|').append(i.instrument());
        if (t instanceof AudioTrack a) {
            boolean streams = false;
            for (var c : a.clips()) {
                try {
                    streams |= java.nio.file.Files.size(p.pool().file(c.source())) > threshold;
                } catch (IOException e) {
                    // reported by name when the clip is loaded
                }
            }
            b.append(streams ? "|streams" : "|memory");
        }
        return b.toString();
    }

    private TrackNodes build(Track t, String sig) {
        DspNode source = null;
        if (t instanceof AudioTrack) {
            boolean streams = sig.endsWith("|streams");
            source = new ClipPlayer(8, streams ? ClipPlayer.DEFAULT_RING_FRAMES : 1 << 12, DiskReader.shared()).follow(transport);
        } else if (t instanceof InstrumentTrack i) {
            DspNode inst = resolve(t, i.instrument(), "instrument");
            source = new InstrumentSource(transport, inst, i.instrument());
        }
        List<DspNode> fx = new ArrayList<>();
        for (String r : t.strip().effects()) {
            DspNode n = resolve(t, r, "effect");
            NodeSpec spec = NodeSpec.of(n);
            if (spec.inputs().isEmpty() || spec.outputs().isEmpty())
                throw new IllegalArgumentException("effect \"" + r + "\" on track \"" + t.name() + "\" made " + n.typeName()
                        + ", which has no " + (spec.inputs().isEmpty() ? "audio input" : "output") + "; an effect needs both");
            fx.add(n);
        }
        TrackStrip strip = new TrackStrip(transport, new TrackStrip.Settings(0, 0, false, null, null));
        return new TrackNodes(sig, source, new TrackHead(transport), List.copyOf(fx), strip);
    }

    private DspNode resolve(Track t, String recipe, String what) {
        DspNode n;
        try {
            n = recipes.resolve(recipe);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("track \"" + t.name() + "\": " + what + " \"" + recipe + "\": " + e.getMessage(), e);
        }
        if (n == null) throw new IllegalArgumentException("track \"" + t.name() + "\": " + what + " \"" + recipe + "\" made no node");
        return n;
    }

    private Set<Wire> wiring(Project p, Map<String, TrackNodes> nodes, Map<String, Track> byName) {
        Set<Wire> w = new LinkedHashSet<>();
        for (Track t : byName.values()) {
            TrackNodes tn = nodes.get(t.name());
            if (tn.source instanceof ClipPlayer cp) w.add(new Wire(cp, cp.out, tn.head, tn.head.in));
            if (tn.source instanceof InstrumentSource is) w.add(new Wire(is, is.out, tn.head, tn.head.in));
            DspNode prev = tn.head;
            OutputPort prevOut = tn.head.out;
            for (DspNode fx : tn.effects) {
                NodeSpec s = NodeSpec.of(fx);
                w.add(new Wire(prev, prevOut, fx, s.inputs().get(0)));
                prev = fx;
                prevOut = s.outputs().get(0);
            }
            w.add(new Wire(prev, prevOut, tn.strip, tn.strip.in));
            if (onlyTrack == null || !onlyTrack.equals(t.name())) {
                Metatrack parent = p.parentOf(t.name());
                if (parent != null) {
                    TrackNodes pn = nodes.get(parent.name());
                    w.add(new Wire(tn.strip, tn.strip.out, pn.head, pn.head.in));
                } else if (onlyTrack == null) {
                    w.add(new Wire(tn.strip, tn.strip.out, null, engine.masterInput()));
                }
            } else {
                w.add(new Wire(tn.strip, tn.strip.out, null, engine.masterInput()));
            }
            for (Send s : t.strip().sends()) {
                SendTap tap = tn.sends.get(s.bus() + (s.preFader() ? "|pre" : "|post"));
                if (s.preFader()) w.add(new Wire(tn.chainEndNode(), tn.chainEnd(), tap, tap.in));
                else w.add(new Wire(tn.strip, tn.strip.out, tap, tap.in));
                TrackNodes bus = nodes.get(s.bus());
                w.add(new Wire(tap, tap.out, bus.head, bus.head.in));
            }
        }
        return w;
    }

    private List<ClipPlacement> placements(Schedule.TrackPlan plan) {
        List<ClipPlacement> out = new ArrayList<>();
        for (Schedule.PlayedAudio a : plan.audio()) {
            PoolSource src;
            try {
                src = pool.load(a.file());
            } catch (IOException e) {
                throw new UncheckedIOException("track \"" + plan.name() + "\": cannot read " + a.file() + " (" + e.getMessage() + ")", e);
            }
            long start = a.startSample(sampleRate), len = a.lengthSamples(sampleRate);
            double offset = a.sourceOffsetFrames(src.sampleRateHz());
            double rate = Math.max(1.0 / 64, Math.min(64, a.rate()));
            long fadeIn = a.fadeInSamples(sampleRate);
            if (start < 0) {                                     // before the timeline's zero: play the rest
                long cut = -start;
                if (cut >= len) continue;
                if (!a.reverse()) offset += cut * rate * src.sampleRateHz() / sampleRate;
                len -= cut;
                fadeIn = Math.max(0, fadeIn - cut);
                start = 0;
            }
            long loop = a.loop() ? Math.max(1, src.frames() - (long) Math.floor(offset)) : 0;
            out.add(new ClipPlacement(src, start, len, offset, rate, a.reverse(), loop, a.gain(), fadeIn, a.fadeInCurve(),
                    a.fadeOutSamples(sampleRate), a.fadeOutCurve()));
        }
        return out;
    }

    private TrackStrip.Settings settings(Track t, Schedule.TrackPlan plan) {
        var vol = plan.lanes().get(Lane.Target.VOLUME);
        var pan = plan.lanes().get(Lane.Target.PAN);
        // a bounce of one track hears it and what is inside it whatever the project's solo; own mutes still hold
        boolean audible = onlyTrack == null ? plan.audible() : t.name().equals(onlyTrack) || !t.strip().mute();
        return new TrackStrip.Settings(plan.volumeDb(), plan.pan(), audible,
                vol == null || vol.isEmpty() ? null : new LaneCurve(vol, sampleRate),
                pan == null || pan.isEmpty() ? null : new LaneCurve(pan, sampleRate));
    }

    /** The driver of {@code t}'s effect lanes ({@code instrument}: its instrument lanes) on {@code nodes}. */
    private ParamDriver driver(Track t, Schedule.TrackPlan plan, List<DspNode> nodes, boolean instrument) {
        List<SmoothedParam[]> params = new ArrayList<>();
        List<LaneCurve> lanes = new ArrayList<>();
        for (Map.Entry<Lane.Target, List<dev.aether.arrange.Breakpoint>> e : plan.lanes().entrySet()) {
            Lane.Target target = e.getKey();
            if (target.effect() == Lane.Target.STRIP || e.getValue().isEmpty()) continue;
            if ((target.effect() == Lane.Target.INSTRUMENT) != instrument) continue;
            DspNode node = instrument ? nodes.get(0) : nodes.get(target.effect());
            List<SmoothedParam> ps = new ArrayList<>();
            SmoothedParam own = NodeSpec.of(node).param(target.param());
            if (own != null) ps.add(own);
            if (own == null && node instanceof PolyVoices v) ps.addAll(v.voiceParams(target.param()));
            if (ps.isEmpty()) {
                List<String> names = new ArrayList<>();
                for (SmoothedParam sp : NodeSpec.of(node).params()) names.add(sp.name());
                throw new IllegalArgumentException("track \"" + t.name() + "\" automates " + target + ", but " + node.typeName()
                        + " has no parameter \"" + target.param() + "\"; its parameters: " + (names.isEmpty() ? "none" : String.join(", ", names)));
            }
            params.add(ps.toArray(new SmoothedParam[0]));
            lanes.add(new LaneCurve(e.getValue(), sampleRate));
        }
        if (lanes.isEmpty()) return ParamDriver.NONE;
        return new ParamDriver(params.toArray(new SmoothedParam[0][]), lanes.toArray(new LaneCurve[0]));
    }

    // ------------------------------------------------------------------ transport

    /** Plays from the clock's transport position, starting the clock's transport too, on the same engine sample. */
    @ControlThread
    public synchronized void play() {
        Clock c = engine.clock();
        long e = c.play();
        transport.seekAt(e, Math.max(0, c.snapshot().transportSampleAt(e)));
        transport.playAt(e);
        startedAt = e;
    }

    /** The engine sample the last {@link #play()} took (or takes) effect on; -1 before any. Any thread. */
    public long startedAtSample() { return startedAt; }

    /** Holds the arrangement and the clock's transport where they are, on the same engine sample. */
    @ControlThread
    public synchronized void stop() {
        long e = engine.clock().pause();
        transport.stopAt(e);
    }

    /** Moves the arrangement and the clock's transport to {@code p} (a position on the project's timeline). */
    @ControlThread
    public synchronized void seek(Position p) {
        double s = seconds(p);
        long e = engine.clock().seekSeconds(s);
        transport.seekAt(e, Math.round(s * sampleRate));
    }

    /**
     * Moves the arrangement alone to {@code p} exactly at engine sample {@code engineSample} (which may fall inside a
     * block); the clock is not moved. For sample-exact cues and tests.
     */
    @ControlThread
    public synchronized void seekAt(long engineSample, Position p) {
        transport.seekAt(engineSample, Math.round(seconds(p) * sampleRate));
    }

    /**
     * Loops {@code [from, to)} of the project's timeline, on the engine's clock: the clock's transport loops the same
     * range ({@link Clock#loopSamples}) from the same engine sample, so patterns and live slots wrap with the
     * arrangement, sample-exactly.
     */
    @ControlThread
    public synchronized void loop(Position from, Position to) {
        long a = Math.round(seconds(from) * sampleRate), b = Math.round(seconds(to) * sampleRate);
        if (b - a < 64) throw new IllegalArgumentException("loop from " + from + " to " + to + " is shorter than 64 samples; give an end after the start");
        transport.loopAt(engine.clock().loopSamples(a, b), a, b);
    }

    /** Ends the loop, the clock's too, from the next block the engine can still change. */
    @ControlThread
    public synchronized void noLoop() { transport.noLoopAt(engine.clock().noLoop()); }

    /** True while the arrangement plays (as of the last block rendered). */
    public boolean playing() { return transport.playing(); }

    /** Where the arrangement is, as of the last block rendered (a control-thread view, a block behind at most). */
    public Position position() { return Position.seconds(transport.positionSamples() / sampleRate); }

    private double seconds(Position p) {
        Project pr = project;
        double s = p.seconds(pr != null ? pr.tempo() : dev.aether.arrange.Tempo.DEFAULT);
        if (!(s >= 0)) throw new IllegalArgumentException("position " + p + " lies before the start; give a position at or after 1:1");
        return s;
    }

    /** Frames of streamed audio played as silence so far because a chunk came late (not counting the wait after a seek into audio not yet read). Any thread. */
    public synchronized long missedFrames() {
        long n = 0;
        for (TrackNodes tn : tracks.values()) if (tn.source instanceof ClipPlayer cp) n += cp.underrunFrames();
        return n;
    }

    // ------------------------------------------------------------------ hot swaps of user classes

    /**
     * After a hot swap replaced engine node {@code old} by {@code next} (same id, connections kept by port name): when
     * {@code old} is an effect of this arrangement, {@code next} takes its place in the track's chain, wiring and
     * automation lanes, so later edits and lanes reach the new instance. Returns the track's name, or null when
     * {@code old} is none of this arrangement's effects.
     */
    @ControlThread
    public synchronized String replaced(DspNode old, DspNode next) {
        for (Map.Entry<String, TrackNodes> e : tracks.entrySet()) {
            TrackNodes tn = e.getValue();
            int i = indexOf(tn.effects, old);
            if (i < 0) continue;
            List<DspNode> fx = new ArrayList<>(tn.effects);
            fx.set(i, next);
            tn.effects = List.copyOf(fx);
            rewire(old, next);
            redrive(e.getKey(), tn);
            return e.getKey();
        }
        return null;
    }

    /** The instruments this arrangement plays (one per instrument track), for hot swaps. */
    @ControlThread
    public synchronized List<DspNode> instruments() {
        List<DspNode> out = new ArrayList<>();
        for (TrackNodes tn : tracks.values()) if (tn.source instanceof InstrumentSource is) out.add(is.instrument());
        return out;
    }

    /**
     * Hot-swaps instrument {@code old} (one of {@link #instruments()}) for {@code next}, a fresh node of the same
     * kind: a new source runs {@code next} on the same notes and lanes, and replaces the old source in the engine
     * ({@link Engine#replace}, crossfading for {@code crossfadeSeconds}, landing {@code when}), with {@code carry}
     * moving the old instrument's state into {@code next} after it is prepared. Notes held at the swap are not chased
     * again (the carried state holds them, as far as the instrument's state covers its voices). Returns the track's
     * name.
     *
     * @throws IllegalArgumentException when {@code old} is not an instrument of this arrangement, or {@code next}
     *                                  takes no notes
     */
    @ControlThread
    public synchronized String replaceInstrument(DspNode old, DspNode next, double crossfadeSeconds, When when,
                                                 java.util.function.BiConsumer<DspNode, DspNode> carry) {
        for (Map.Entry<String, TrackNodes> e : tracks.entrySet()) {
            TrackNodes tn = e.getValue();
            if (!(tn.source instanceof InstrumentSource is) || is.instrument() != old) continue;
            InstrumentSource ns = new InstrumentSource(transport, next, ((InstrumentTrack) project.track(e.getKey())).instrument());
            ns.continuing();
            NodeId id = tn.ids.get(0);
            engine.replace(id, ns, new dev.aether.core.engine.SwapOptions(crossfadeSeconds, when, false),
                    (from, to) -> { if (carry != null) carry.accept(old, next); }, () -> when);
            tn.source = ns;
            rewire(is, ns);
            redrive(e.getKey(), tn);
            return e.getKey();
        }
        throw new IllegalArgumentException(old.typeName() + " is no instrument of this arrangement");
    }

    private static int indexOf(List<DspNode> nodes, DspNode n) {
        for (int i = 0; i < nodes.size(); i++) if (nodes.get(i) == n) return i;
        return -1;
    }

    /** The arrangement's record of its wires, {@code old}'s ends moved to {@code next} (same port names). */
    private void rewire(DspNode old, DspNode next) {
        NodeSpec spec = NodeSpec.of(next);
        for (Wire w : new ArrayList<>(wires)) {
            if (w.fromNode() != old && w.toNode() != old) continue;
            wires.remove(w);
            wires.add(new Wire(w.fromNode() == old ? next : w.fromNode(), w.fromNode() == old ? spec.output(w.from().name()) : w.from(),
                    w.toNode() == old ? next : w.toNode(), w.toNode() == old ? spec.input(w.to().name()) : w.to()));
        }
    }

    /** Gives track {@code name}'s lanes (and notes) to its nodes as they are now. */
    private void redrive(String name, TrackNodes tn) {
        if (project == null) return;
        Track t = project.track(name);
        Schedule.TrackPlan plan = Schedule.of(project).track(name);
        if (tn.source instanceof InstrumentSource is) {
            is.notes(NoteList.of(plan.midi(), sampleRate));
            is.driver(driver(t, plan, List.of(is.instrument()), true));
        }
        tn.head.driver(driver(t, plan, tn.effects, false));
    }

    /** Removes every node of the arrangement from the engine. */
    @Override @ControlThread
    public synchronized void close() {
        if (closed) return;
        closed = true;
        engine.batch(() -> {
            for (TrackNodes tn : tracks.values()) {
                for (NodeId id : tn.ids) engine.remove(id);
                for (NodeId id : tn.sendIds.values()) engine.remove(id);
            }
        });
        for (TrackNodes tn : tracks.values()) if (tn.source instanceof ClipPlayer cp) cp.close();
        tracks.clear();
        wires.clear();
    }
}
