package dev.aether.sequencing.midi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.sequencing.midi.VirtualMidi.Got;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;

/**
 * MIDI out driven by patterns and files, rendered offline, on a virtual wall clock (waiting moves it to the time
 * waited for): every message arrives in order at {@code sample * 1e9 / rate + latency} ns, note-offs where the
 * events end. At 120 BPM in 4/4 at 48 kHz a beat is 24,000 samples (0.5 s).
 */
class MidiOutTest {
    static final int RATE = 48_000;

    @Test
    void patternNotesAndTheirNoteOffsArriveInOrderOnTheirSamplesPlusTheLatency() throws Exception {
        VirtualMidi v = new VirtualMidi();
        MidiOut out = v.out(RATE).latencyMillis(5);
        try (MidiRig rig = new MidiRig()) {
            rig.scheduler.play("m", "c4 [e4 g4] ~ c5", out.notes(3, 90));
            rig.renderLeft(2 * 96_000);
        }
        List<Got> got = v.drain(out);
        // bar 1 then bar 2 (96,000 samples later): (command, key, velocity, sample)
        long[][] bar = {
                {0x90, 60, 90, 0}, {0x80, 60, 0, 24_000}, {0x90, 64, 90, 24_000}, {0x80, 64, 0, 36_000},
                {0x90, 67, 90, 36_000}, {0x80, 67, 0, 48_000}, {0x90, 72, 90, 72_000}, {0x80, 72, 0, 96_000}};
        List<String> want = new ArrayList<>(), was = new ArrayList<>();
        for (int b = 0; b < 2; b++) {
            for (long[] m : bar) {
                long s = m[3] + 96_000L * b;
                want.add(m[0] + " ch2 " + m[1] + " " + m[2] + " @" + (VirtualMidi.nanos(s, RATE) + 5_000_000));
            }
        }
        // at sample 96,000 bar 1's last note-off and bar 2's first note-on meet: the off goes first
        want.sort((x, y) -> Long.compare(Long.parseLong(x.substring(x.indexOf('@') + 1)), Long.parseLong(y.substring(y.indexOf('@') + 1))));
        for (Got g : got) was.add(g.command() + " ch" + g.channel() + " " + g.data1() + " " + g.data2() + " @" + g.nanos());
        assertThat(was).containsExactlyElementsOf(want);
        out.close();
    }

    @Test
    void aRepeatedNoteIsReleasedBeforeItSoundsAgainOnTheSameSample() throws Exception {
        VirtualMidi v = new VirtualMidi();
        MidiOut out = v.out(RATE);
        try (MidiRig rig = new MidiRig()) {
            rig.scheduler.play("m", "a3*4", out.notes(1, 100));
            rig.renderLeft(96_000);
        }
        List<Got> got = v.drain(out);
        assertThat(got).extracting(Got::command).containsExactly(0x90, 0x80, 0x90, 0x80, 0x90, 0x80, 0x90, 0x80);
        assertThat(got).extracting(Got::nanos).containsExactly(0L, 500_000_000L, 500_000_000L, 1_000_000_000L,
                1_000_000_000L, 1_500_000_000L, 1_500_000_000L, 2_000_000_000L);
        out.close();
    }

    @Test
    void aMidiFilePlaysOutOnItsOwnChannelsAtItsTempoMapsTimes() throws Exception {
        javax.sound.midi.Sequence seq = new javax.sound.midi.Sequence(javax.sound.midi.Sequence.PPQ, 96);
        javax.sound.midi.Track t = seq.createTrack();
        t.add(MidiFileTimingTest.tempo(0, 400_000));            // 150 BPM: a quarter is 0.4 s
        t.add(new javax.sound.midi.MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 9, 36, 120), 0));
        t.add(new javax.sound.midi.MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 9, 36, 0), 48));
        t.add(new javax.sound.midi.MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 2, 70, 33), 96));
        t.add(new javax.sound.midi.MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 2, 70, 0), 97));
        MidiFile file = MidiFile.of("two.mid", 0, seq);
        VirtualMidi v = new VirtualMidi();
        MidiOut out = v.out(RATE);
        try (MidiRig rig = new MidiRig()) {
            rig.scheduler.follow(new MidiFilePlayer(file, out.notes(1, 100), 1_000, RATE));
            rig.renderLeft(48_000);
        }
        List<Got> got = v.drain(out);
        assertThat(got).extracting(g -> g.command() + " ch" + (g.channel() + 1) + " " + g.data1() + " " + g.data2())
                .containsExactly("144 ch10 36 120", "128 ch10 36 0", "144 ch3 70 33", "128 ch3 70 0");
        // 1,000 + 0.2 s, 1,000 + 0.4 s, and 0.4 s + one tick (0.4 s / 96) = 200 samples later
        assertThat(got).extracting(Got::nanos).containsExactly(VirtualMidi.nanos(1_000, RATE), VirtualMidi.nanos(1_000 + 9_600, RATE),
                VirtualMidi.nanos(1_000 + 19_200, RATE), VirtualMidi.nanos(1_000 + 19_400, RATE));
        out.close();
    }

    @Test
    void panicForgetsWhatIsQueuedReleasesWhatSoundsAndSendsAllNotesOffOnEveryChannel() throws Exception {
        VirtualMidi v = new VirtualMidi();            // its receiver; real time, sample 0 now, so 480,000 is 10 s away
        MidiOut out = new MidiOut("real time", v.receiver, SampleTimeline.fixed(System.nanoTime(), RATE), WallClock.SYSTEM);
        out.sendAt(ShortMessage.NOTE_ON | 4, 64, 100, 0);
        out.sendAt(ShortMessage.NOTE_OFF | 4, 64, 0, 480_000);          // 10 s later: never sent
        out.sendAt(ShortMessage.NOTE_ON, 50, 100, 480_000);
        out.start();
        long until = System.nanoTime() + 5_000_000_000L;
        while (out.sent() < 1 && System.nanoTime() < until) Thread.sleep(2);
        synchronized (v.got) {
            v.got.clear();
        }
        out.panic();
        List<Got> got;
        synchronized (v.got) {
            got = List.copyOf(v.got);
        }
        assertThat(out.waiting()).as("queued messages forgotten").isZero();
        assertThat(got.get(0)).extracting(Got::command, Got::channel, Got::data1).containsExactly(0x80, 4, 64);
        List<Integer> cc123 = new ArrayList<>();
        for (Got g : got) if (g.command() == 0xB0 && g.data1() == 123) cc123.add(g.channel());
        assertThat(cc123).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(got).filteredOn(g -> g.command() == 0xB0 && g.data1() == 120).hasSize(16);
        out.close();
    }
}
