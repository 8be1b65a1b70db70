package dev.aether.sequencing.midi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.time.Clock;
import dev.aether.core.time.Rational;
import dev.aether.sequencing.midi.VirtualMidi.Got;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MIDI clock sent from the engine clock, rendered offline onto a virtual wall clock: 24 clocks per beat on the
 * samples the tempo map gives (at 120 BPM and 48 kHz every 1,000 samples; at 90 BPM every 1,333 1/3, rounded from the
 * change's anchor), Start at beat 0, Stop on pause, Song Position Pointer and Continue on play, and around a seek.
 */
class MidiClockSenderTest {
    static final int RATE = 48_000;

    @Test
    void twentyFourClocksPerBeatAt120AndAfterATempoChange() throws Exception {
        VirtualMidi v = new VirtualMidi();
        MidiOut out = v.out(RATE);
        try (MidiRig rig = new MidiRig()) {
            Clock clock = rig.engine.clock();
            clock.tempoAtBeat(Rational.of(8), 90, 0);             // beats 0..8 at 120 (4 s), then 90
            rig.scheduler.follow(new MidiClockSender(clock, out, 0));
            rig.renderLeft(8 * RATE);                             // 4 s at 120 + 4 s at 90 (6 beats)
        }
        List<Got> got = v.drain(out);
        assertThat(got.get(0).status()).as("Start at beat 0").isEqualTo(MidiClockSender.START);
        assertThat(got.get(0).nanos()).isZero();
        List<Long> ticks = new ArrayList<>();
        for (Got g : got.subList(1, got.size())) {
            assertThat(g.status()).isEqualTo(MidiClockSender.CLOCK);
            ticks.add(g.nanos());
        }
        // 8 beats * 24 at 1,000 samples, then 6 beats * 24 at 4000/3 samples (the last one before 8 s is excluded)
        assertThat(ticks).hasSize(8 * 24 + 6 * 24);
        for (int k = 0; k < ticks.size(); k++) {
            long sample = k <= 192 ? 1_000L * k : 192_000 + Math.floorDiv(2L * (k - 192) * 4_000 + 3, 6);   // round half up
            assertThat(ticks.get(k)).as("clock %d", k).isEqualTo(VirtualMidi.nanos(sample, RATE));
        }
        out.close();
    }

    @Test
    void pauseSendsStopAndPlaySendsTheSongPositionThenContinue() throws Exception {
        VirtualMidi v = new VirtualMidi();
        MidiOut out = v.out(RATE);
        long paused, resumed, jumped;
        try (MidiRig rig = new MidiRig()) {
            Clock clock = rig.engine.clock();
            rig.scheduler.follow(new MidiClockSender(clock, out, 0));
            rig.renderLeft(RATE);                                 // 2 beats
            paused = clock.pause();
            rig.renderLeft(RATE / 2);
            resumed = clock.play();
            rig.renderLeft(RATE);
            jumped = clock.seek(Rational.of(16));                 // bar 5, while playing
            rig.renderLeft(RATE / 2);
        }
        List<Got> got = v.drain(out);
        List<String> events = new ArrayList<>();
        for (Got g : got) if (g.status() != MidiClockSender.CLOCK) events.add(Integer.toHexString(g.status()) + (g.status() == 0xF2 ? " " + (g.data1() | g.data2() << 7) : "") + " @" + g.nanos());
        // paused on a tick at or after 1 s (the first changeable sample): beat p; Continue from the next sixteenth
        assertThat(events).hasSize(7);
        assertThat(events.get(0)).isEqualTo("fa @0");
        assertThat(events.get(1)).isEqualTo("fc @" + VirtualMidi.nanos(paused, RATE));
        long pausedSample = paused;                              // transport sample at the pause = engine sample (played from 0)
        long sixteenth = Rational.of(pausedSample * 2, RATE).times(4).ceil();   // beats = samples / 24,000
        assertThat(events.get(2)).isEqualTo("f2 " + sixteenth + " @" + VirtualMidi.nanos(resumed, RATE));
        assertThat(events.get(3)).isEqualTo("fb @" + VirtualMidi.nanos(resumed, RATE));
        assertThat(events.get(4)).isEqualTo("fc @" + VirtualMidi.nanos(jumped, RATE));
        assertThat(events.get(5)).isEqualTo("f2 64 @" + VirtualMidi.nanos(jumped, RATE));      // beat 16 = sixteenth 64
        assertThat(events.get(6)).isEqualTo("fb @" + VirtualMidi.nanos(jumped, RATE));
        // after Continue the first clock is on the sixteenth sent: beat sixteenth/4, (sixteenth/4 - p) beats after resuming
        long firstAfter = -1;
        for (Got g : got) if (g.status() == MidiClockSender.CLOCK && g.nanos() >= VirtualMidi.nanos(resumed, RATE)) { firstAfter = g.nanos(); break; }
        long want = resumed + (sixteenth * 6_000 - pausedSample);
        assertThat(firstAfter).isEqualTo(VirtualMidi.nanos(want, RATE));
        // no clock while paused
        for (Got g : got) {
            if (g.status() == MidiClockSender.CLOCK) {
                assertThat(g.nanos() < VirtualMidi.nanos(paused, RATE) || g.nanos() >= VirtualMidi.nanos(resumed, RATE)).isTrue();
            }
        }
        out.close();
    }
}
