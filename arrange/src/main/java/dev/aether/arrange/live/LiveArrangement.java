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
 * <p><b>Edits.</b> {@link #apply} sends only what differs from the project applied before, per track
 * ({@link AppliedTrack}): data (clips, notes, lanes, fader, mute and solo, send levels) goes to the nodes' latest-value
 * cells without a plan; a topology change sends one plan for the whole change, adopted at a block boundary. Tracks
 * whose kind, instrument and kind of source are unchanged keep their source and strip, effects of unchanged recipes
 * keep their nodes, and so their state (filter memories, delay lines, streams, sounding clips).
 */
public final class LiveArrangement implements AutoCloseable {
    private final Engine engine;
    private final AudioPool pool;
    private final RecipeResolver recipes;
    private final ArrangementTransport transport = new ArrangementTransport();
    private final double sampleRate;
    private final String onlyTrack;                  // bounce of one track: its strip alone goes to master
    private final Map<String, AppliedTrack> tracks = new LinkedHashMap<>();
    private final Set<Wire> wires = new HashSet<>();
    private Position[] loop;                         // [from, to) of the last loop(), null after noLoop()
    private Project project;
    private Schedule schedule;                       // the applied project flattened: the next apply's reference
    private boolean closed;
    private volatile long startedAt = -1;

    /** A connection the arrangement made. */
    private record Wire(DspNode fromNode, OutputPort from, DspNode toNode, InputPort to) {}

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
     * Plays {@code p} from the next block on, sending the engine only what differs from the project applied before
     * (see "How edits reach the engine" in {@code docs/arrangement.md}): tracks that did not change are not touched;
     * data changes (fader, pan, mute and solo, clips, notes, automation, send levels) are written to the tracks'
     * nodes, which read them at their next block; only a change of topology (a track, an effect or a send added or
     * removed, a track moved into another metatrack, its instrument or kind of source changed) sends one plan for
     * the whole change, adopted at a block boundary. Nodes of unchanged tracks keep their state. Control thread.
     *
     * @throws IllegalArgumentException naming the track, when a recipe cannot be made or a node does not fit
     * @throws UncheckedIOException     naming the file, when an audio file cannot be read
     */
    @ControlThread
    public synchronized void apply(Project p) {
        if (closed) throw new IllegalStateException("this arrangement is closed; attach a new one");
        if (onlyTrack != null) p.track(onlyTrack);
        Schedule sched = Schedule.of(p, schedule);
        List<Track> all = p.allTracks();
        Map<String, String> parents = parents(p);
        Map<String, AppliedTrack> next = new LinkedHashMap<>();
        List<AppliedTrack> madeCore = new ArrayList<>(), madeChain = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        boolean topology = all.size() != tracks.size();
        // build what is new and make every changed track's data first, so that a failure changes nothing
        for (Track t : all) {
            AppliedTrack old = tracks.get(t.name());
            Change c = new Change(t, sched.track(t.name()), parents.get(t.name()));
            String core = core(t, p, old, c);
            AppliedTrack a;
            if (old == null || !old.core.equals(core)) {
                a = build(t, core);
                madeCore.add(a);
            } else if (!old.recipes.equals(t.strip().effects())) {
                a = chain(t, old);
                madeChain.add(a);
            } else {
                a = old;
            }
            c.track = a;
            data(c, old);
            if (a != old || !java.util.Objects.equals(c.parent, old.parent) || c.sends != null && !sendKeys(c.sends).equals(sendKeys(old.sendList)))
                topology = true;
            changes.add(c);
            next.put(t.name(), a);
        }
        var clock = engine.clock().snapshot();
        if (clock.bpmAtRt(engine.clock().earliest()) != p.tempo().bpm()
                || clock.tempoMap().lastBeatsPerBar() != Math.min(32, p.tempo().beatsPerBar())) {
            engine.tempo(p.tempo().bpm(), Math.min(32, p.tempo().beatsPerBar()), When.NOW);
        }
        // data: written to the nodes' latest-value cells, read at their next block (new nodes: before they first run)
        for (Change c : changes) c.sendData();
        if (topology) {
            engine.batch(() -> {
                for (AppliedTrack a : madeCore) {
                    if (a.source != null) a.sourceId = engine.add(a.source);
                    addChain(a);
                    a.stripId = engine.add(a.strip);
                }
                for (AppliedTrack a : madeChain) addChain(a);
                Set<DspNode> gone = new HashSet<>();
                for (Change c : changes) if (c.sends != null) sendTaps(c.track, c.sends, gone);
                Set<Wire> want = wiring(p, next, all, parents);
                for (Map.Entry<String, AppliedTrack> e : tracks.entrySet()) {
                    AppliedTrack old = e.getValue(), now = next.get(e.getKey());
                    if (now == old) continue;
                    if (now == null || now.core != old.core) {
                        gone.addAll(old.nodes());
                        gone.addAll(old.sends.values());
                    } else {
                        gone.add(old.head);
                        for (DspNode fx : old.effects) if (!now.effects.contains(fx)) gone.add(fx);
                    }
                }
                for (Wire w : new ArrayList<>(wires)) {
                    if (want.contains(w)) continue;
                    wires.remove(w);
                    if (!gone.contains(w.fromNode()) && !gone.contains(w.toNode()) && live(w)) engine.disconnect(w.from(), w.to());
                }
                for (Map.Entry<String, AppliedTrack> e : tracks.entrySet()) {
                    AppliedTrack old = e.getValue(), now = next.get(e.getKey());
                    if (now == old) continue;
                    if (now == null || now.core != old.core) {
                        if (old.sourceId != null) engine.remove(old.sourceId);
                        engine.remove(old.stripId);
                        for (NodeId id : old.sendIds.values()) engine.remove(id);
                    }
                    engine.remove(old.headId);
                    for (NodeId id : old.effectIds) if (now == null || !now.effectIds.contains(id)) engine.remove(id);
                }
                for (Wire w : want) {
                    if (wires.add(w)) engine.connect(w.from(), w.to());
                }
            });
        }
        // clips after the batch: a new player knows the engine's rate once added
        for (Change c : changes) if (c.clips != null) ((ClipPlayer) c.track.source).schedule(c.clips);
        for (Map.Entry<String, AppliedTrack> e : tracks.entrySet()) {
            AppliedTrack now = next.get(e.getKey());
            if ((now == null || now.core != e.getValue().core) && e.getValue().source instanceof ClipPlayer cp) cp.close();
        }
        for (Change c : changes) c.commit();
        tracks.clear();
        tracks.putAll(next);
        schedule = sched;
        project = p;
    }

    /**
     * Forgets the data sent to the tracks' nodes (not the nodes), so that the next {@link #apply} makes and sends every
     * track's data afresh, as a first apply does: the reference an incremental apply is tested against.
     */
    @ControlThread
    synchronized void forgetApplied() {
        for (AppliedTrack a : tracks.values()) {
            a.plan = null;
            a.sendList = null;
            a.clipsSeen = null;
        }
        schedule = null;
    }

    /** The nodes of track {@code name} (source, head, effects, strip, then its send taps), for tests. */
    synchronized List<DspNode> nodesOf(String name) {
        AppliedTrack a = tracks.get(name);
        if (a == null) return List.of();
        List<DspNode> out = a.nodes();
        out.addAll(a.sends.values());
        return out;
    }

    /** One track's part of an {@link #apply}: what to send (null: unchanged), made before anything is sent. */
    private final class Change {
        final Track t;
        final Schedule.TrackPlan plan;
        final String parent;
        AppliedTrack track;
        TrackStrip.Settings settings;
        List<ClipPlacement> clips;
        NoteList notes;
        ParamDriver instrumentDriver, headDriver;
        List<Send> sends;
        List<dev.aether.arrange.AudioClip> clipsSeen;
        dev.aether.arrange.MediaPool poolSeen;
        List<dev.aether.arrange.Breakpoint> volumePoints, panPoints;

        Change(Track t, Schedule.TrackPlan plan, String parent) {
            this.t = t;
            this.plan = plan;
            this.parent = parent;
        }

        /** Writes the data to the nodes' latest-value cells (and send levels to kept taps). */
        void sendData() {
            if (settings != null) track.strip.settings(settings);
            if (track.source instanceof InstrumentSource is) {
                if (notes != null) is.notes(notes);
                if (instrumentDriver != null) is.driver(instrumentDriver);
            }
            if (headDriver != null) track.head.driver(headDriver);
            if (sends != null) {
                for (Send s : sends) {
                    SendTap tap = track.sends.get(sendKey(s));
                    if (tap != null) tap.gain(TrackStrip.dbToGain(s.levelDb()));
                }
            }
        }

        /** Records what was sent. */
        void commit() {
            track.plan = plan;
            track.parent = parent;
            if (settings != null) {
                track.settings = settings;
                track.volumePoints = volumePoints;
                track.panPoints = panPoints;
            }
            if (sends != null) track.sendList = sends;
            if (clipsSeen != null) {
                track.clipsSeen = clipsSeen;
                track.poolSeen = poolSeen;
            }
        }
    }

    /** The data of {@code c}'s track that differs from what {@code old} (null: none) had sent. */
    private void data(Change c, AppliedTrack old) {
        AppliedTrack a = c.track;
        Schedule.TrackPlan plan = c.plan, was = a.plan;
        Track t = c.t;
        TrackStrip.Settings want = settings(t, plan, was == null ? null : a, c);
        if (want != a.settings) c.settings = want;
        if (a.source instanceof ClipPlayer && (was == null || !was.audio().equals(plan.audio()))) c.clips = placements(plan);
        boolean lanes = was == null || !was.lanes().equals(plan.lanes());
        if (a.source instanceof InstrumentSource is) {
            if (was == null || !was.midi().equals(plan.midi())) c.notes = NoteList.of(plan.midi(), sampleRate);
            if (lanes) c.instrumentDriver = driver(t, plan, List.of(is.instrument()), true);
        }
        if (lanes || a != old) c.headDriver = driver(t, plan, a.effects, false);
        List<Send> sends = t.strip().sends();
        if (a.sendList == null || !a.sendList.equals(sends)) c.sends = sends;
    }

    private static String sendKey(Send s) { return s.bus() + (s.preFader() ? "|pre" : "|post"); }

    private static Set<String> sendKeys(List<Send> sends) {
        Set<String> keys = new HashSet<>();
        if (sends != null) for (Send s : sends) keys.add(sendKey(s));
        return keys;
    }

    /** Inside the batch: makes the taps {@code sends} needs and removes the others (into {@code gone}). */
    private void sendTaps(AppliedTrack a, List<Send> sends, Set<DspNode> gone) {
        Set<String> keep = new HashSet<>();
        for (Send s : sends) {
            String key = sendKey(s);
            keep.add(key);
            if (!a.sends.containsKey(key)) {
                SendTap tap = new SendTap(TrackStrip.dbToGain(s.levelDb()));
                a.sends.put(key, tap);
                a.sendIds.put(key, engine.add(tap));
            }
        }
        for (String key : new ArrayList<>(a.sends.keySet())) {
            if (!keep.contains(key)) {
                gone.add(a.sends.remove(key));
                engine.remove(a.sendIds.remove(key));
            }
        }
    }

    /** Adds the head and the effects not yet in the engine (those without an id). */
    private void addChain(AppliedTrack a) {
        a.headId = engine.add(a.head);
        List<NodeId> ids = new ArrayList<>();
        for (int i = 0; i < a.effects.size(); i++) {
            NodeId id = i < a.effectIds.size() ? a.effectIds.get(i) : null;
            ids.add(id != null ? id : engine.add(a.effects.get(i)));
        }
        a.effectIds = ids;
    }

    /**
     * {@code old} with a new head and the chain {@code t}'s recipes give: the effects of the unchanged recipes before
     * and after the change are kept (nodes, ids and state), the others made anew.
     */
    private AppliedTrack chain(Track t, AppliedTrack old) {
        List<String> was = old.recipes, now = t.strip().effects();
        int pre = 0, suf = 0;
        while (pre < was.size() && pre < now.size() && was.get(pre).equals(now.get(pre))) pre++;
        while (suf < was.size() - pre && suf < now.size() - pre && was.get(was.size() - 1 - suf).equals(now.get(now.size() - 1 - suf))) suf++;
        List<DspNode> fx = new ArrayList<>();
        List<NodeId> ids = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            int from = i < pre ? i : i >= now.size() - suf ? was.size() - (now.size() - i) : -1;
            if (from >= 0) {
                fx.add(old.effects.get(from));
                ids.add(old.effectIds.get(from));
            } else {
                fx.add(effect(t, now.get(i)));
                ids.add(null);
            }
        }
        AppliedTrack a = old.withChain(now, new TrackHead(transport), java.util.Collections.unmodifiableList(fx));
        a.effectIds = ids;
        return a;
    }

    /** The metatrack holding each track (absent at the top level). */
    private static Map<String, String> parents(Project p) {
        Map<String, String> out = new HashMap<>();
        parents(p.tracks(), null, out);
        return out;
    }

    private static void parents(List<Track> list, String parent, Map<String, String> out) {
        for (Track t : list) {
            if (parent != null) out.put(t.name(), parent);
            if (t instanceof Metatrack m) parents(m.children(), m.name(), out);
        }
    }

    private boolean live(Wire w) {
        try {
            return engine.connected(w.from(), w.to());
        } catch (RuntimeException stale) {
            return false;
        }
    }

    /**
     * What must stay the same for a track to keep its source, strip and send taps: kind, instrument and whether its
     * clips stream (asked of the files only when its clips or the pool changed since {@code old} asked).
     */
    private String core(Track t, Project p, AppliedTrack old, Change c) {
        StringBuilder b = new StringBuilder(t.kind());
        if (t instanceof InstrumentTrack i) b.append('|').append(i.instrument());
        if (t instanceof AudioTrack a) {
            boolean streams;
            if (old != null && old.clipsSeen != null && (old.clipsSeen == a.clips() || old.clipsSeen.equals(a.clips()))
                    && (old.poolSeen == p.pool() || old.poolSeen.equals(p.pool()))) {
                streams = old.core.endsWith("|streams");
            } else {
                long threshold = pool.streamThresholdBytes();
                streams = false;
                for (var clip : a.clips()) {
                    try {
                        streams |= java.nio.file.Files.size(p.pool().file(clip.source())) > threshold;
                    } catch (IOException e) {
                        // reported by name when the clip is loaded
                    }
                }
                c.clipsSeen = a.clips();
                c.poolSeen = p.pool();
            }
            b.append(streams ? "|streams" : "|memory");
        }
        return b.toString();
    }

    private AppliedTrack build(Track t, String core) {
        DspNode source = null;
        if (t instanceof AudioTrack) {
            boolean streams = core.endsWith("|streams");
            source = new ClipPlayer(8, streams ? ClipPlayer.DEFAULT_RING_FRAMES : 1 << 12, DiskReader.shared()).follow(transport);
        } else if (t instanceof InstrumentTrack i) {
            DspNode inst = resolve(t, i.instrument(), "instrument");
            source = new InstrumentSource(transport, inst, i.instrument());
        }
        AppliedTrack a = new AppliedTrack(core, source, new TrackStrip(transport, new TrackStrip.Settings(0, 0, false, null, null)));
        a.recipes = t.strip().effects();
        a.head = new TrackHead(transport);
        a.effects = effects(t);
        return a;
    }

    private List<DspNode> effects(Track t) {
        List<DspNode> fx = new ArrayList<>();
        for (String r : t.strip().effects()) fx.add(effect(t, r));
        return List.copyOf(fx);
    }

    private DspNode effect(Track t, String r) {
        DspNode n = resolve(t, r, "effect");
        NodeSpec spec = NodeSpec.of(n);
        if (spec.inputs().isEmpty() || spec.outputs().isEmpty())
            throw new IllegalArgumentException("effect \"" + r + "\" on track \"" + t.name() + "\" made " + n.typeName()
                    + ", which has no " + (spec.inputs().isEmpty() ? "audio input" : "output") + "; an effect needs both");
        return n;
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

    private Set<Wire> wiring(Project p, Map<String, AppliedTrack> nodes, List<Track> all, Map<String, String> parents) {
        Set<Wire> w = new LinkedHashSet<>();
        for (Track t : all) {
            AppliedTrack tn = nodes.get(t.name());
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
                String parent = parents.get(t.name());
                if (parent != null) {
                    AppliedTrack pn = nodes.get(parent);
                    w.add(new Wire(tn.strip, tn.strip.out, pn.head, pn.head.in));
                } else if (onlyTrack == null) {
                    w.add(new Wire(tn.strip, tn.strip.out, null, engine.masterInput()));
                }
            } else {
                w.add(new Wire(tn.strip, tn.strip.out, null, engine.masterInput()));
            }
            for (Send s : t.strip().sends()) {
                SendTap tap = tn.sends.get(sendKey(s));
                if (s.preFader()) w.add(new Wire(tn.chainEndNode(), tn.chainEnd(), tap, tap.in));
                else w.add(new Wire(tn.strip, tn.strip.out, tap, tap.in));
                AppliedTrack bus = nodes.get(s.bus());
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

    /**
     * The strip settings of {@code t} under {@code plan}: {@code was} itself when they equal it (lane curves are made
     * afresh only when their points changed).
     */
    private TrackStrip.Settings settings(Track t, Schedule.TrackPlan plan, AppliedTrack applied, Change c) {
        var vol = plan.lanes().get(Lane.Target.VOLUME);
        var pan = plan.lanes().get(Lane.Target.PAN);
        if (vol != null && vol.isEmpty()) vol = null;
        if (pan != null && pan.isEmpty()) pan = null;
        c.volumePoints = vol;
        c.panPoints = pan;
        TrackStrip.Settings was = applied == null ? null : applied.settings;
        // a bounce of one track hears it and what is inside it whatever the project's solo; own mutes still hold
        boolean audible = onlyTrack == null ? plan.audible() : t.name().equals(onlyTrack) || !t.strip().mute();
        if (was != null && was.volumeDb() == plan.volumeDb() && was.pan() == plan.pan() && was.audible() == audible
                && java.util.Objects.equals(applied.volumePoints, vol) && java.util.Objects.equals(applied.panPoints, pan))
            return was;
        LaneCurve volCurve = vol == null ? null : was != null && vol.equals(applied.volumePoints) ? was.volume() : new LaneCurve(vol, sampleRate);
        LaneCurve panCurve = pan == null ? null : was != null && pan.equals(applied.panPoints) ? was.panLane() : new LaneCurve(pan, sampleRate);
        return new TrackStrip.Settings(plan.volumeDb(), plan.pan(), audible, volCurve, panCurve);
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
        loop = new Position[] {from, to};
    }

    /** Ends the loop, the clock's too, from the next block the engine can still change. */
    @ControlThread
    public synchronized void noLoop() {
        transport.noLoopAt(engine.clock().noLoop());
        loop = null;
    }

    /** The range {@link #loop} set, as given ({@code [from, to)}), or null when there is no loop. */
    @ControlThread
    public synchronized Position[] loopRange() { return loop == null ? null : loop.clone(); }

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
        for (AppliedTrack a : tracks.values()) if (a.source instanceof ClipPlayer cp) n += cp.underrunFrames();
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
        for (Map.Entry<String, AppliedTrack> e : tracks.entrySet()) {
            AppliedTrack tn = e.getValue();
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
        for (AppliedTrack tn : tracks.values()) if (tn.source instanceof InstrumentSource is) out.add(is.instrument());
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
        for (Map.Entry<String, AppliedTrack> e : tracks.entrySet()) {
            AppliedTrack tn = e.getValue();
            if (!(tn.source instanceof InstrumentSource is) || is.instrument() != old) continue;
            InstrumentSource ns = new InstrumentSource(transport, next, ((InstrumentTrack) project.track(e.getKey())).instrument());
            ns.continuing();
            NodeId id = tn.sourceId;
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
    private void redrive(String name, AppliedTrack tn) {
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
            for (AppliedTrack a : tracks.values()) {
                if (a.sourceId != null) engine.remove(a.sourceId);
                engine.remove(a.headId);
                for (NodeId id : a.effectIds) engine.remove(id);
                engine.remove(a.stripId);
                for (NodeId id : a.sendIds.values()) engine.remove(id);
            }
        });
        for (AppliedTrack a : tracks.values()) if (a.source instanceof ClipPlayer cp) cp.close();
        tracks.clear();
        schedule = null;
        wires.clear();
    }
}
