package dev.aether.repl.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;
import dev.aether.core.DspNode;
import dev.aether.nodes.voice.PolyVoices;
import dev.aether.nodes.voice.Voice;
import dev.aether.repl.AetherRuntime;
import dev.aether.repl.LiveConsole;
import dev.aether.repl.userapi.Chain;
import dev.aether.sequencing.midiin.ControlCurve;
import dev.aether.sequencing.midiin.ControllerSource;
import java.util.Arrays;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MIDI input on the offline engine (deterministic): every message is handed to {@link MidiControls#handle} with a
 * device timestamp, the engine is rendered, and probe voices report the engine sample each note started and ended
 * on, and the bend they were given.
 */
class MidiControlsTest {
    static final int RATE = 48_000;

    /** What the probe voices of one instrument saw. */
    static final class Seen {
        final long[] on = new long[128], off = new long[128];
        volatile double bend = 1;
        Seen() { Arrays.fill(on, -1); Arrays.fill(off, -1); }
    }

    /** A voice that records the sample its note starts and ends on (its sub-block's first sample). */
    static final class Probe implements Voice {
        final OutputPort out = Ports.audioOut("out");
        final Seen seen;
        int note;
        boolean gate, pendingOn, pendingOff;
        Probe(Seen seen) { this.seen = seen; }
        @Override public void noteOnRt(double hz, double velocity) {
            note = (int) Math.round(69 + 12 * Math.log(hz / 440) / Math.log(2));
            pendingOn = true;
        }
        @Override public void noteOffRt() { pendingOff = true; }
        @Override public void bendRt(double ratio) { seen.bend = ratio; }
        @Override public boolean isActiveRt() { return gate || pendingOn; }
        @Override public void process(ProcessContext c) {
            if (pendingOn) { pendingOn = false; gate = true; seen.on[note] = c.sampleTime(); }
            if (pendingOff) { pendingOff = false; if (gate) seen.off[note] = c.sampleTime(); gate = false; }
            float[] y = c.out(out);
            for (int i = 0; i < c.frames(); i++) y[i] = gate ? 0.1f : 0f;
        }
    }

    /** A node with one parameter to map. */
    public static final class Knob implements DspNode {
        public final OutputPort out = Ports.audioOut("out");
        public final SmoothedParam cutoffHz = Params.hz("cutoffHz", 1_000, 20, 20_000);
        @Override public void process(ProcessContext c) {
            cutoffHz.advanceRt(c.frames());
            Arrays.fill(c.out(out), 0, c.frames(), 0f);
        }
    }

    AetherRuntime rt;
    LiveConsole live;
    MidiControls midi;
    final Seen keys = new Seen(), bass = new Seen();

    @BeforeEach void start() throws Exception {
        live = LiveConsole.start();
        rt = live.runtime();
        midi = rt.session().midi();
        rt.session().def("keys", Chain.of(new PolyVoices(4, () -> new Probe(keys))));
        rt.session().def("bass", Chain.of(new PolyVoices(2, () -> new Probe(bass))));
        midi.routeAll("keys", poly("keys"));
        render(256);
    }

    @AfterEach void stop() { live.close(); }

    PolyVoices poly(String slot) { return (PolyVoices) rt.session().slot(slot).node(); }

    void render(int frames) {
        float[] out = new float[2 * frames];
        rt.engine().render(out, frames);
    }

    static ShortMessage msg(int command, int channel, int d1, int d2) throws InvalidMidiDataException {
        return new ShortMessage(command, channel - 1, d1, d2);
    }

    @Test void shouldLandEveryNoteOnTheSampleItsTimestampGivesAfterTheStatedLatency() throws Exception {
        long now = rt.engine().clock().position();
        long t0 = 5_000_000;
        long[] offsets = {0, 1_234, 20_000, 20_021, 31_250, 47_917};
        for (int i = 0; i < offsets.length; i++) midi.handle(msg(ShortMessage.NOTE_ON, 1, 60 + i, 100), t0 + offsets[i]);
        render(RATE / 10);
        long latency = Math.round(MidiControls.DEFAULT_LATENCY_SECONDS * RATE);
        for (int i = 0; i < offsets.length; i++) {
            long expected = now + latency + Math.round(offsets[i] * (double) RATE / 1e6);
            assertThat(keys.on[60 + i]).as("note %d stamped +%d us lands at now + latency + round(us * 0.048)", 60 + i, offsets[i])
                    .isEqualTo(expected);
        }
        assertThat(midi.timeline().stats().reanchors()).isZero();
    }

    @Test void shouldHoldReleasedNotesWhileTheSustainPedalIsDown() throws Exception {
        long t = 1_000_000;
        midi.handle(msg(ShortMessage.NOTE_ON, 1, 60, 100), t);
        midi.handle(msg(ShortMessage.CONTROL_CHANGE, 1, 64, 127), t + 1_000);        // pedal down
        midi.handle(msg(ShortMessage.NOTE_OFF, 1, 60, 0), t + 2_000);
        midi.handle(msg(ShortMessage.NOTE_ON, 1, 62, 100), t + 3_000);
        midi.handle(msg(ShortMessage.NOTE_ON, 1, 62, 0), t + 4_000);                 // running-status note off
        render(RATE / 10);
        assertThat(keys.off[60]).as("60 is held by the pedal").isEqualTo(-1);
        assertThat(keys.off[62]).as("62 is held by the pedal").isEqualTo(-1);
        assertThat(poly("keys").activeVoices()).isEqualTo(2);
        long firstAt = keys.on[60];
        midi.handle(msg(ShortMessage.CONTROL_CHANGE, 1, 64, 0), t + 150_000);         // pedal up, 150 ms after the first
        render(RATE / 5);
        assertThat(keys.off[60]).as("released on the pedal-up sample").isEqualTo(firstAt + 150 * 48);
        assertThat(keys.off[62]).as("released on the pedal-up sample").isEqualTo(firstAt + 150 * 48);
        assertThat(poly("keys").activeVoices()).isZero();
    }

    @Test void shouldBendAcrossTheStatedRangeExactly() throws Exception {
        long t = 1_000_000;
        midi.handle(msg(ShortMessage.PITCH_BEND, 1, 127, 127), t);                    // top: +2 * 8191/8192 semitones
        render(RATE / 10);
        assertThat(keys.bend).as("top of a +-2 semitone bend").isCloseTo(Math.pow(2, 2 * 8191 / 8192.0 / 12), within(1e-12));
        midi.handle(msg(ShortMessage.PITCH_BEND, 1, 0, 0), t + 10_000);
        render(RATE / 10);
        assertThat(keys.bend).as("bottom: exactly -2 semitones").isCloseTo(Math.pow(2, -2 / 12.0), within(1e-12));
        midi.bendRangeSemitones(12);
        midi.handle(msg(ShortMessage.PITCH_BEND, 1, 0, 0), t + 20_000);
        render(RATE / 10);
        assertThat(keys.bend).as("bottom of a +-12 semitone bend: an octave down").isCloseTo(0.5, within(1e-12));
        midi.handle(msg(ShortMessage.PITCH_BEND, 1, 0, 64), t + 30_000);
        render(RATE / 10);
        assertThat(keys.bend).as("centre 8192: no bend").isEqualTo(1.0);
    }

    @Test void shouldRouteMidiChannelsToTheirSlots() throws Exception {
        midi.route(2, "bass", poly("bass"));
        long t = 1_000_000;
        midi.handle(msg(ShortMessage.NOTE_ON, 1, 60, 100), t);
        midi.handle(msg(ShortMessage.NOTE_ON, 2, 40, 100), t + 1_000);
        midi.handle(msg(ShortMessage.NOTE_ON, 5, 72, 100), t + 2_000);
        render(RATE / 10);
        assertThat(keys.on[60]).as("channel 1 plays the default slot").isGreaterThan(0);
        assertThat(keys.on[72]).as("channel 5 (no route of its own) plays the default slot").isGreaterThan(0);
        assertThat(keys.on[40]).as("channel 2 does not play keys").isEqualTo(-1);
        assertThat(bass.on[40]).as("channel 2 plays bass").isEqualTo(keys.on[60] + 48);
        assertThat(bass.on[60]).isEqualTo(-1);
    }

    @Test void shouldMapACcSweepToExactValuesThroughLinAndExpCurves() throws Exception {
        Knob knob = new Knob();
        rt.session().def("pad", Chain.of(knob));
        render(256);
        Chain pad = rt.session().slot("pad");
        midi.map(ControllerSource.cc(74), pad, "pad", "cutoffHz", 200, 8000, ControlCurve.EXP);
        midi.map(ControllerSource.parse("cc71"), pad, "pad", "cutoffHz", 200, 8000, ControlCurve.LIN);
        SmoothedParam p = ((Knob) rt.session().live(knob)).cutoffHz;
        long t = 1_000_000;
        int[][] cases = {{74, 0}, {74, 127}, {74, 64}, {71, 0}, {71, 127}, {71, 64}};
        double[] expected = {200, 8000, 200 * Math.pow(40, 64 / 127.0), 200, 8000, 200 + 7800 * 64 / 127.0};
        for (int i = 0; i < cases.length; i++) {
            midi.handle(msg(ShortMessage.CONTROL_CHANGE, 3, cases[i][0], cases[i][1]), t += 100_000);
            render(RATE / 10);
            assertThat(p.get()).as("CC %d at %d", cases[i][0], cases[i][1]).isCloseTo(expected[i], within(1e-9));
            render(RATE / 20);
            assertThat(p.currentRt()).as("after the %s s ramp, CC %d at %d sounds", MidiControls.SMOOTHING_SECONDS,
                    cases[i][0], cases[i][1]).isCloseTo(expected[i], within(expected[i] * 1e-9));
        }
        // a burst of 100 changes inside one block: the last one sent is the one that stays
        for (int v = 0; v < 100; v++) midi.handle(msg(ShortMessage.CONTROL_CHANGE, 1, 74, (v * 37) % 128), t + 200_000 + v);
        midi.handle(msg(ShortMessage.CONTROL_CHANGE, 1, 74, 127), t + 200_101);
        render(RATE / 5);
        assertThat(p.currentRt()).as("last value wins").isCloseTo(8000, within(1e-6));
    }

    @Test void shouldMapAftertouchAndBendOnOneChannelOnly() throws Exception {
        Knob knob = new Knob();
        rt.session().def("pad", Chain.of(knob));
        render(256);
        midi.map(ControllerSource.parse("aftertouch@2"), rt.session().slot("pad"), "pad", "cutoffHz", 100, 1100, ControlCurve.LIN);
        SmoothedParam p = ((Knob) rt.session().live(knob)).cutoffHz;
        midi.handle(new ShortMessage(ShortMessage.CHANNEL_PRESSURE, 1, 127, 0), 1_000_000);
        render(RATE / 10);
        assertThat(p.get()).as("channel 2 pressure at 127").isEqualTo(1100.0);
        midi.handle(new ShortMessage(ShortMessage.CHANNEL_PRESSURE, 0, 0, 0), 1_010_000);
        render(RATE / 10);
        assertThat(p.get()).as("channel 1 pressure does not move a channel 2 mapping").isEqualTo(1100.0);
        midi.map(ControllerSource.parse("bend"), rt.session().slot("pad"), "pad", "cutoffHz", 100, 1100, ControlCurve.LIN);
        midi.handle(new ShortMessage(ShortMessage.PITCH_BEND, 4, 0, 64), 1_020_000);      // centre: 8192 / 16383
        render(RATE / 10);
        assertThat(p.get()).as("bend centre").isCloseTo(100 + 1000 * 8192 / 16383.0, within(1e-9));
    }

    @Test void shouldSmoothAMappedJumpOverTheStatedRamp() throws Exception {
        Knob knob = new Knob();
        rt.session().def("pad", Chain.of(knob));
        render(256);
        midi.map(ControllerSource.cc(1), rt.session().slot("pad"), "pad", "cutoffHz", 100, 10_000, ControlCurve.EXP);
        SmoothedParam p = ((Knob) rt.session().live(knob)).cutoffHz;
        midi.handle(msg(ShortMessage.CONTROL_CHANGE, 1, 1, 0), 1_000_000);
        render(RATE / 10);
        midi.handle(msg(ShortMessage.CONTROL_CHANGE, 1, 1, 127), 1_100_000);
        long landsAt = rt.engine().clock().position() + Math.round(MidiControls.DEFAULT_LATENCY_SECONDS * RATE);
        render((int) (landsAt - rt.engine().clock().position()) + RATE / 100);  // 10 ms into the 20 ms ramp
        assertThat(p.currentRt()).as("halfway through an exponential ramp 100 -> 10000: near 1000").isBetween(700.0, 1400.0);
    }

    @Test void shouldFollowAMidiClockFromTheDeviceIntoTheEngineClock() throws Exception {
        midi.followClock(true);
        java.util.Random noise = new java.util.Random(3);
        double period = 60e6 / (24 * 123.4), t = 2_000_000;
        long rendered = 0;
        for (int k = 0; k < 24 * 24; k++) {
            if (k == 48) midi.handle(new ShortMessage(ShortMessage.START), Math.round(t - period / 2));
            midi.handle(new ShortMessage(ShortMessage.TIMING_CLOCK), Math.round(t + noise.nextGaussian() * 1000));
            t += period;
            long due = Math.round((t - 2_000_000) * RATE / 1e6);          // the engine keeps up with the device clock
            if (due > rendered) {
                render((int) (due - rendered));
                rendered = due;
            }
        }
        var clock = rt.engine().clock();
        long now = clock.position();
        assertThat(clock.snapshot().stateAt(now)).as("Start played the transport").isEqualTo(dev.aether.core.time.ClockSnapshot.State.PLAYING);
        assertThat(clock.snapshot().bpmAtRt(now)).as("the transport's tempo (with at most a 5 % phase nudge)").isCloseTo(123.4, within(123.4 * 0.05));
        assertThat(midi.status()).contains("clock: following, running at 123.4");
        double beat = clock.snapshot().beatAtRt(now);
        assertThat(beat).as("22 beats after Start, give or take the latency").isCloseTo(22.0, within(0.5));
        midi.handle(new ShortMessage(ShortMessage.STOP), Math.round(t));
        assertThat(clock.snapshot().stateAt(clock.earliest())).isEqualTo(dev.aether.core.time.ClockSnapshot.State.PAUSED);
    }
}
