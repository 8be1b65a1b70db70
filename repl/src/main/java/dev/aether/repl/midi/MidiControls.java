package dev.aether.repl.midi;

import dev.aether.core.DspNode;
import dev.aether.core.param.SmoothedParam;
import dev.aether.nodes.voice.PolyVoices;
import dev.aether.repl.session.LiveSession;
import dev.aether.repl.session.NamedParams;
import dev.aether.repl.userapi.Chain;
import dev.aether.sequencing.midiin.ClockFollow;
import dev.aether.sequencing.midiin.ControlCurve;
import dev.aether.sequencing.midiin.ControllerSource;
import dev.aether.sequencing.midiin.DeviceTimeline;
import dev.aether.sequencing.midiin.MidiClockFollower;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

/**
 * Thread-safe (serialised on this object): one session's MIDI input, whatever device feeds it. {@link #handle} runs
 * on the MIDI device's thread; the rest on the prompt or session thread. It never touches the audio thread: every
 * note, bend and controller change is a timed event on the engine's one channel ({@code noteOnAt},
 * {@code pitchBendAt}, {@code setAt}), stamped with the sample its device timestamp maps to ({@link DeviceTimeline}:
 * a fixed latency after the device's time).
 *
 * <ul>
 * <li><b>Notes</b> of MIDI channel c go to the {@code poly(...)} slot routed to c, else to the default slot
 *     ({@code :midi N SLOT}); the sustain pedal (CC 64 at 64 or more) holds released notes until it goes up; pitch
 *     bend bends the channel's instrument by up to {@link #bendRangeSemitones()} either way; CC 123 releases all.</li>
 * <li><b>Controllers</b> (CC, pitch bend, channel aftertouch) move every {@link MidiMapping} of theirs, through its
 *     curve, each change a {@value #SMOOTHING_SECONDS} s ramp; changes are applied in sample order, so the last one
 *     sent is the one that stays. {@link #learn} maps the next controller that moves.</li>
 * <li><b>Clock</b>: with {@link #followClock} on, ticks, Start, Stop, Continue and Song Position steer the engine's
 *     clock ({@link ClockFollow}).</li>
 * </ul>
 */
public final class MidiControls {
    /** The ramp of every mapped change, s. */
    public static final double SMOOTHING_SECONDS = 0.02;
    /** The latency from a device timestamp to the sound, unless {@code :midi latency} says otherwise, s. */
    public static final double DEFAULT_LATENCY_SECONDS = 0.010;
    static final double SLACK_SECONDS = 0.050;

    private final LiveSession session;
    private final DeviceTimeline timeline;
    private final List<MidiMapping> maps = new CopyOnWriteArrayList<>();
    private final MidiNotes notes = new MidiNotes();
    private Learn learn;
    private MidiClockFollower follower;
    private ClockFollow follow;
    private long dropped, messages;
    private String lastProblem;
    private volatile boolean stale;

    private record Learn(String slot, String param, SmoothedParam[] params, Consumer<MidiMapping> done) {}

    public MidiControls(LiveSession session) {
        this.session = session;
        this.timeline = new DeviceTimeline(session.engine().config().sampleRate(), DEFAULT_LATENCY_SECONDS, SLACK_SECONDS);
        session.onDefined(name -> stale = true);           // a slot was (re)defined: look its nodes up again
    }

    // ------------------------------------------------------------------ configuration (prompt / session thread)

    /** Notes of every channel without a route of its own go to {@code poly} (in slot {@code slot}). */
    public synchronized void routeAll(String slot, PolyVoices poly) { route(0, slot, poly); }

    /** Notes of MIDI channel {@code channel} (1..16; 0: the default) go to {@code poly}, in slot {@code slot}. */
    public synchronized void route(int channel, String slot, PolyVoices poly) { notes.route(channel, slot, poly); }

    /** Takes away every route (the device closed). */
    public synchronized void unroute() { notes.unroute(); }

    /** The latency from a device timestamp to the sound, 0.5..1000 ms. */
    public synchronized void latencyMillis(double millis) { timeline.latencySeconds(millis / 1000); }

    public synchronized double latencyMillis() { return timeline.latencySeconds() * 1000; }

    /** How far pitch bend bends an instrument either way, semitones (0..48; default 2). */
    public synchronized void bendRangeSemitones(double semitones) { notes.bendRangeSemitones(semitones); }

    public synchronized double bendRangeSemitones() { return notes.bendRangeSemitones(); }

    /** The device timeline (latency, arrival statistics). */
    public DeviceTimeline timeline() { return timeline; }

    /**
     * Maps {@code source} to parameter {@code param} of {@code chain} (in slot {@code slot}, or null) from {@code min}
     * to {@code max} through {@code curve}; replaces a mapping of the same source to the same parameter.
     */
    public MidiMapping map(ControllerSource source, Chain chain, String slot, String param, double min, double max, ControlCurve curve) {
        SmoothedParam[] live = paramsOf(chain, slot, param);
        MidiMapping m = new MidiMapping(source, slot, param, min, max, curve, live);
        synchronized (this) {
            maps.removeIf(m::sameAs);
            maps.add(m);
        }
        return m;
    }

    /** Removes the mappings of {@code source} (all of them for null); returns how many. */
    public synchronized int unmap(ControllerSource source) {
        int before = maps.size();
        maps.removeIf(m -> source == null || m.source().equals(source));
        return before - maps.size();
    }

    public List<MidiMapping> mappings() { return List.copyOf(maps); }

    /**
     * Waits for the next controller that moves and maps it to {@code param} of the chain in slot {@code slot} over the
     * parameter's own range and curve; {@code done} hears the mapping made (on the MIDI thread). Replaces a learn
     * still waiting.
     */
    public void learn(String slot, String param, Consumer<MidiMapping> done) {
        Chain chain = session.requireSlot(slot);
        SmoothedParam[] live = paramsOf(chain, slot, param);
        synchronized (this) { learn = new Learn(slot, param, live, done); }
    }

    /** Stops waiting for a controller; false when no learn waited. */
    public synchronized boolean cancelLearn() {
        boolean was = learn != null;
        learn = null;
        return was;
    }

    public synchronized boolean learning() { return learn != null; }

    /** Follows (true) or ignores (false) an incoming MIDI clock. */
    public synchronized void followClock(boolean on) {
        if (on && follower == null) {
            follow = new ClockFollow(session.engine().clock(), timeline);
            follower = new MidiClockFollower(follow);
        } else if (!on) {
            follower = null;
            follow = null;
        }
    }

    public synchronized boolean followingClock() { return follower != null; }

    /** The slot names of the session's {@code poly(...)} chains that hold {@code param} (for {@code :learn param}). */
    public List<String> slotsWith(String param) {
        List<String> out = new ArrayList<>();
        for (String name : session.slotNames()) {
            Chain c = session.slot(name);
            if (c != null && hasParam(c, param)) out.add(name);
        }
        return out;
    }

    private static boolean hasParam(Chain chain, String param) { return NamedParams.owner(chain.nodes(), param) != null; }

    /** The live parameters a mapping moves ({@link NamedParams}: the chain's node that has it, or every voice). */
    private SmoothedParam[] paramsOf(Chain chain, String slot, String param) {
        List<DspNode> live = session.live(chain);
        DspNode owner = NamedParams.owner(live, param);
        if (owner != null) return NamedParams.of(owner, param).toArray(new SmoothedParam[0]);
        String known = NamedParams.known(live);
        throw new IllegalArgumentException((slot == null ? chain.toString() : "slot \"" + slot + "\"") + " has no parameter \""
                + param + "\"" + (known.isEmpty() ? "" : "; " + known));
    }

    // ------------------------------------------------------------------ saving (prompt thread)

    /** The mappings a session file keeps (those of named slots); {@code warnings} hears the others. */
    public List<MidiMapping.Saved> saved(List<String> warnings) {
        List<MidiMapping.Saved> out = new ArrayList<>();
        for (MidiMapping m : maps) {
            if (m.slot() == null) warnings.add("MIDI mapping " + m + " is to a chain with no slot: not saved (def it, then midiMap)");
            else out.add(m.saved());
        }
        return out;
    }

    /** Replaces every mapping by {@code saved}; one that does not fit any more is skipped and named in the result. */
    public List<String> restore(List<MidiMapping.Saved> saved) {
        synchronized (this) { maps.clear(); }
        List<String> problems = new ArrayList<>();
        for (MidiMapping.Saved s : saved) {
            try {
                Chain chain = session.requireSlot(s.slot());
                map(ControllerSource.parse(s.source()), chain, s.slot(), s.param(), s.min(), s.max(), ControlCurve.parse(s.curve()));
            } catch (IllegalArgumentException e) {
                problems.add("MIDI mapping " + s.source() + " -> " + s.slot() + "." + s.param() + " not restored: " + e.getMessage());
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------ status

    /** Routes, latency and timing, mappings, learn and clock, one line each. */
    public synchronized String status() {
        StringBuilder b = new StringBuilder();
        notes.status(b);
        b.append("\n  timing: ").append(timeline.stats()).append("; ").append(notes.bendText());
        for (MidiMapping m : maps) b.append("\n  map ").append(m);
        if (learn != null) b.append("\n  learning: move a controller to map it to ").append(learn.slot()).append('.').append(learn.param());
        if (follower != null) {
            b.append(String.format(Locale.ROOT, "%n  clock: following, %s at %.2f BPM (tick jitter %.2f ms), %d tempo corrections, %d seeks,"
                            + " phase error %.2f ms at the last",
                    follower.running() ? "running" : "stopped", follower.bpm(), follower.jitterMicros() / 1000, follow.corrections(),
                    follow.seeks(), follower.bpm() > 0 ? follow.lastPhaseErrorBeats() * 60_000 / follower.bpm() : 0.0));
        }
        if (dropped + notes.dropped() > 0) b.append("\n  dropped ").append(dropped + notes.dropped()).append(" events (queue full)");
        if (lastProblem != null) b.append("\n  last problem: ").append(lastProblem);
        return b.toString();
    }

    // ------------------------------------------------------------------ the MIDI thread

    /** A receiver that hands every message to {@link #handle}. */
    public Receiver receiver() {
        return new Receiver() {
            @Override public void send(MidiMessage message, long timeStamp) { handle(message, timeStamp); }
            @Override public void close() {}
        };
    }

    /**
     * One message from a device, stamped {@code timeStampMicros} on the device's clock (-1: none; the arrival time on
     * this JVM's clock is used). MIDI device thread.
     */
    public synchronized void handle(MidiMessage message, long timeStampMicros) {
        if (!(message instanceof ShortMessage m)) return;
        long micros = timeStampMicros >= 0 ? timeStampMicros : System.nanoTime() / 1000;
        int status = m.getStatus();
        messages++;
        long now = session.engine().clock().position();
        if (status >= 0xF0) {
            if (follower == null) return;
            if (status == ShortMessage.SONG_POSITION_POINTER) {
                follower.songPosition((m.getData2() << 7) | m.getData1());
                return;
            }
            if (status == ShortMessage.TIMING_CLOCK || status == ShortMessage.START || status == ShortMessage.STOP
                    || status == ShortMessage.CONTINUE) {
                timeline.sampleOf(micros, now);
                follower.realtime(status, micros);
            }
            return;
        }
        int command = m.getCommand(), channel = m.getChannel() + 1, d1 = m.getData1(), d2 = m.getData2();
        long at = timeline.sampleOf(micros, now);
        if (stale) {
            stale = false;
            refresh();
        }
        try {
            dispatch(command, channel, d1, d2, at);
        } catch (IllegalStateException removed) {
            // an instrument or node was taken out (redefined with def, hot-swapped): find the slots' new ones, once
            refresh();
            try {
                dispatch(command, channel, d1, d2, at);
            } catch (IllegalStateException e) {
                lastProblem = e.getMessage();
            }
        }
    }

    private void dispatch(int command, int channel, int d1, int d2, long at) {
        switch (command) {
            case ShortMessage.NOTE_ON -> { if (d2 > 0) notes.noteOn(channel, d1, d2, at); else notes.noteOff(channel, d1, at); }
            case ShortMessage.NOTE_OFF -> notes.noteOff(channel, d1, at);
            case ShortMessage.CONTROL_CHANGE -> {
                if (!notes.controlChange(channel, d1, d2, at)) {
                    controller(ControllerSource.of(command, channel, d1), ControllerSource.position(command, d1, d2), at);
                }
            }
            case ShortMessage.PITCH_BEND -> {
                notes.bend(channel, (d2 << 7) | d1, at);
                controller(ControllerSource.of(command, channel, d1), ControllerSource.position(command, d1, d2), at);
            }
            case ShortMessage.CHANNEL_PRESSURE -> controller(ControllerSource.of(command, channel, d1), ControllerSource.position(command, d1, d2), at);
            default -> { }
        }
    }

    /** Looks up every route's instrument and every mapping's parameters again by slot name. */
    private void refresh() {
        notes.refresh(session);
        for (MidiMapping m : maps) {
            if (m.slot() == null) continue;
            Chain chain = session.slot(m.slot());
            try {
                if (chain != null) m.live(paramsOf(chain, m.slot(), m.param()));
            } catch (IllegalArgumentException e) {
                lastProblem = "MIDI mapping " + m + ": " + e.getMessage();
            }
        }
    }

    private void controller(ControllerSource source, double x, long at) {
        if (learn != null) {
            Learn l = learn;
            learn = null;
            SmoothedParam first = l.params()[0];
            ControlCurve curve = first.curve() == SmoothedParam.Curve.EXPONENTIAL ? ControlCurve.EXP : ControlCurve.LIN;
            ControllerSource any = new ControllerSource(source.kind(), source.number(), 0);
            MidiMapping m = new MidiMapping(any, l.slot(), l.param(), first.min(), first.max(), curve, l.params());
            maps.removeIf(m::sameAs);
            maps.add(m);
            l.done().accept(m);
        }
        for (MidiMapping m : maps) {
            if (!m.source().matches(source)) continue;
            double v = m.valueAt(x);
            boolean ok = true;
            for (SmoothedParam p : m.live()) ok &= p.setAt(v, at, SMOOTHING_SECONDS);
            count(ok);
            m.sent(v);
        }
    }

    private void count(boolean sent) { if (!sent) dropped++; }

    /** Messages handled since the session started. */
    public synchronized long messages() { return messages; }
}
