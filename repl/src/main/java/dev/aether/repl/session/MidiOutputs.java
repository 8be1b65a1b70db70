package dev.aether.repl.session;

import dev.aether.core.engine.Engine;
import dev.aether.core.time.Clock;
import dev.aether.core.time.Quantum;
import dev.aether.sequencing.midi.MidiClockSender;
import dev.aether.sequencing.midi.MidiFile;
import dev.aether.sequencing.midi.MidiFilePlayer;
import dev.aether.sequencing.midi.MidiNote;
import dev.aether.sequencing.midi.MidiOut;
import dev.aether.sequencing.midi.SampleTimeline;
import dev.aether.sequencing.midi.WallClock;
import dev.aether.sequencing.schedule.LookAheadScheduler;
import dev.aether.sequencing.schedule.PatternTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Synthesizer;

/**
 * A session's MIDI outputs ({@code midiOut(n)}), the MIDI files it plays ({@code playMidi}) and the MIDI clock it
 * sends ({@code midiClock(n)}). An output device is opened the first time it is asked for and stays open (one
 * {@link MidiOut}, one sender thread) until the session closes. {@code :panic} stops the files and sends every open
 * output note-offs and all-notes-off; the clock keeps running. Thread-safe (one lock).
 */
public final class MidiOutputs implements AutoCloseable {
    private final Engine engine;
    private final LookAheadScheduler scheduler;
    private final Consumer<String> messages;
    private final SampleTimeline timeline;
    private final Map<String, MidiOut> open = new LinkedHashMap<>();
    private final List<MidiFilePlayer> files = new ArrayList<>();
    private MidiClockSender clockSender;
    private double latencyMillis;

    public MidiOutputs(Engine engine, LookAheadScheduler scheduler, Consumer<String> messages) {
        this.engine = engine;
        this.scheduler = scheduler;
        this.messages = messages;
        this.timeline = SampleTimeline.of(engine.clock());
    }

    /** Devices that take MIDI (have receivers), without the JDK's sequencer and software synthesizer. */
    public static List<MidiDevice.Info> devices() throws MidiUnavailableException {
        List<MidiDevice.Info> out = new ArrayList<>();
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            MidiDevice d = MidiSystem.getMidiDevice(info);
            if (d.getMaxReceivers() != 0 && !(d instanceof Sequencer) && !(d instanceof Synthesizer)) out.add(info);
        }
        return out;
    }

    /** The output devices, numbered for {@code midiOut(n)}, the open ones marked. */
    public synchronized String list() throws MidiUnavailableException {
        List<MidiDevice.Info> devices = devices();
        StringBuilder b = new StringBuilder("MIDI outputs:");
        for (int i = 0; i < devices.size(); i++) {
            MidiDevice.Info info = devices.get(i);
            MidiOut o = open.get(key(info));
            b.append(String.format("%n  %d  %s (%s)%s", i, info.getName(), info.getDescription(), o == null ? "" : ": " + o));
        }
        if (devices.isEmpty()) b.append("\n  no MIDI output devices");
        if (clockSender != null) b.append("\n  sending ").append(clockSender);
        return b.toString();
    }

    /** Output {@code n} of {@link #devices()}, opened (and its sender started) the first time. */
    public synchronized MidiOut out(int n) throws MidiUnavailableException {
        List<MidiDevice.Info> devices = devices();
        if (n < 0 || n >= devices.size()) {
            throw new IllegalArgumentException("no MIDI output " + n + (devices.isEmpty() ? ": there are none" : "; outputs are 0.." + (devices.size() - 1) + " (see midiOuts())"));
        }
        MidiDevice.Info info = devices.get(n);
        MidiOut o = open.get(key(info));
        if (o != null) return o;
        MidiDevice device = MidiSystem.getMidiDevice(info);
        device.open();
        try {
            o = new MidiOut(info.getName(), device.getReceiver(), timeline, WallClock.SYSTEM).latencyMillis(latencyMillis).onError(messages).start();
        } catch (MidiUnavailableException | RuntimeException e) {
            device.close();
            throw e;
        }
        open.put(key(info), o);
        return o;
    }

    private static String key(MidiDevice.Info info) { return info.getName() + "|" + info.getVendor() + "|" + info.getDescription(); }

    /** Output {@code n} as a pattern target: notes on {@code channel} (1..16) at velocity {@code velocity}. */
    public PatternTarget<MidiNote> notes(int n, int channel, int velocity) throws MidiUnavailableException {
        return out(n).notes(channel, velocity);
    }

    /** Every open output and every later one sends {@code ms} later than the engine renders (0..1000). */
    public synchronized void latencyMillis(double ms) {
        for (MidiOut o : open.values()) o.latencyMillis(ms);
        latencyMillis = ms;
    }

    /**
     * Plays {@code file} once into {@code target}, in the file's own tempo, from the clock's next bar (or at once when
     * the transport does not play).
     */
    public synchronized MidiFilePlayer play(MidiFile file, PatternTarget<MidiNote> target) {
        Clock clock = engine.clock();
        long at = clock.boundaryAtOrAfter(Math.max(clock.earliest(), scheduler.queuedUntil()), Quantum.BAR);
        MidiFilePlayer p = new MidiFilePlayer(file, target, at, clock.sampleRate());
        files.removeIf(MidiFilePlayer::isDone);
        files.add(p);
        scheduler.follow(p);
        return p;
    }

    /** Stops every file playing; the names of those that were. */
    public synchronized List<String> stopFiles() {
        List<String> names = new ArrayList<>();
        for (MidiFilePlayer p : files) {
            if (!p.isDone()) names.add(p.file().name());
            p.stop();
        }
        files.clear();
        return names;
    }

    /** Sends the engine clock as MIDI clock to output {@code n} (instead of where it went). */
    public synchronized String clock(int n) throws MidiUnavailableException {
        MidiOut o = out(n);
        clockOff();
        clockSender = new MidiClockSender(engine.clock(), o, Math.max(engine.clock().earliest(), scheduler.queuedUntil()));
        scheduler.follow(clockSender);
        return "sending MIDI clock (24 per beat, start/stop/continue, song position) to " + o.name();
    }

    /** Stops sending MIDI clock (a Stop is sent). */
    public synchronized String clockOff() {
        if (clockSender == null) return "no MIDI clock is being sent";
        clockSender.stop();
        String was = clockSender.toString();
        clockSender = null;
        return "stopped " + was;
    }

    /** Stops the files and sends every open output its note-offs and all-notes-off (CC 123) on all 16 channels. */
    public synchronized void panic() {
        stopFiles();
        for (MidiOut o : open.values()) o.panic();
    }

    @Override public synchronized void close() {
        stopFiles();
        if (clockSender != null) clockSender.stop();
        for (MidiOut o : open.values()) o.close();
        open.clear();
    }
}
