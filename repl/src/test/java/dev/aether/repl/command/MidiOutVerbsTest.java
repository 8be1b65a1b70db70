package dev.aether.repl.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.repl.AetherRuntime;
import dev.aether.repl.LiveConsole;
import dev.aether.repl.console.ScriptedConsole;
import dev.aether.repl.midi.TestMidiOutputProvider;
import dev.aether.repl.midi.TestMidiOutputProvider.Synth.Received;
import dev.aether.repl.session.MidiOutputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MIDI out verbs at the console, live on the paced null driver, with a pure-Java output device that records what
 * it receives and when ({@link TestMidiOutputProvider}). Times are wall times on a shared, loaded machine (load
 * averages of 30 on 2 cores were seen, with single messages 20-40 ms late): spacing is checked to 60 ms (the exact samples are checked offline in sequencing's MidiOutTest and MidiClockSenderTest).
 */
class MidiOutVerbsTest {
    static final TestMidiOutputProvider.Synth SYNTH = TestMidiOutputProvider.SYNTH;

    AetherRuntime rt;
    ScriptedConsole c;
    int n;
    @TempDir Path dir;

    @BeforeEach void start() throws Exception {
        LiveConsole live = LiveConsole.playing();
        rt = live.runtime();
        c = live.console();
        n = MidiOutputs.devices().stream().map(i -> i.getName()).toList().indexOf("aether test synth");
        assertThat(n).as("the test synth is an output").isGreaterThanOrEqualTo(0);
        SYNTH.clear();
    }

    @AfterEach void stop() {
        c.close();
        rt.close();
    }

    @Test void shouldListTheTestSynthAsAnOutput() {
        assertThat(c.eval("midiOuts()")).contains(n + "  aether test synth (a MIDI output for tests)");
        assertThat(c.eval(":help verbs")).contains("midiOut(n)", "midiFile(\"song.mid\")", "midiClock(n)");
        assertThat(c.eval(":help midi")).contains("midiOut(0)", "song.bars(5, 8)", "all-notes-off (CC 123)");
    }

    @Test void shouldPlayAPatternOutWithNoteLengthsAndPanicWithAllNotesOff() throws Exception {
        c.eval("tempo(120)");
        assertThat(c.eval("pat(\"m\", \"c4 e4\", midiOut(" + n + ", 2))")).doesNotContain("rror");
        List<Received> notes = waitFor(r -> r.command() == 0x90 || r.command() == 0x80, 12, 10_000);
        assertThat(notes).extracting(r -> r.command() + " ch" + (r.channel() + 1) + " " + r.data1())
                .startsWith("144 ch2 60", "128 ch2 60", "144 ch2 64", "128 ch2 64", "144 ch2 60", "128 ch2 60");
        // each note a half bar: 1 s at 120 BPM; the off of one note and the on of the next leave together, off first.
        // Judged by the median over the six notes of three bars, so one stall of a shared machine (a single off seen
        // 134 ms late in a CI run) does not decide; a sender off the grid moves every note.
        List<Double> held = new ArrayList<>(), offToOn = new ArrayList<>();
        for (int i = 0; i + 1 < notes.size(); i++) {
            double ms = (notes.get(i + 1).nanos() - notes.get(i).nanos()) / 1e6;
            (i % 2 == 0 ? held : offToOn).add(ms);
        }
        assertThat(median(held)).as("note held, ms (median of %s)", held).isBetween(940.0, 1060.0);
        assertThat(median(offToOn)).as("off to next on, ms (median of %s)", offToOn).isBetween(0.0, 60.0);

        SYNTH.clear();
        c.eval(":panic");
        List<Integer> allOff = new ArrayList<>();
        for (Received r : SYNTH.received()) if (r.command() == 0xB0 && r.data1() == 123) allOff.add(r.channel());
        assertThat(allOff).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    }

    @Test void shouldSendMidiClockAndStopWithTheTransport() throws Exception {
        c.eval("tempo(120)");
        long xruns = rt.engine().stats().xruns();
        assertThat(c.eval("midiClock(" + n + ")")).contains("sending MIDI clock", "aether test synth");
        List<Received> clocks = waitFor(r -> r.status() == 0xF8, 60, 8_000);
        assertThat(SYNTH.received().get(0).status()).as("mid-song: Song Position Pointer first").isEqualTo(0xF2);
        assertThat(SYNTH.received().get(1).status()).as("then Continue").isEqualTo(0xFB);
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < clocks.size(); i++) gaps.add((clocks.get(i).nanos() - clocks.get(i - 1).nanos()) / 1e6);
        gaps.sort(null);
        assertThat(gaps.get(gaps.size() / 2)).as("median gap between clocks, ms (24 per beat at 120 BPM: 20.83)").isBetween(19.8, 21.9);
        double span = (clocks.get(clocks.size() - 1).nanos() - clocks.get(0).nanos()) / 1e6;
        // the span moves with a late first or last clock and with a stall of the engine in between (which shifts
        // every later clock): both allowed for by what the sender and the engine measured themselves
        double slack = stallsMillis(xruns) / (clocks.size() - 1);
        assertThat(span / (clocks.size() - 1)).as("mean gap, ms (machine stalls allow %.2f ms more)", slack)
                .isBetween(20.0 - slack, 21.7 + slack);
        c.eval("transport(\"pause\")");
        waitFor(r -> r.status() == 0xFC, 1, 4_000);
        assertThat(c.eval("midiClock(\"off\")")).contains("stopped MIDI clock");
    }

    @Test void shouldPlayAMidiFileOutInItsOwnTempoAndLoopItsBarsOnAnInstrument() throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, 96);
        Track t = seq.createTrack();
        t.add(new MidiEvent(new MetaMessage(0x51, new byte[] {0x09, 0x27, (byte) 0xC0}, 3), 0));   // 600,000 µs: 100 BPM
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 4, 62, 77), 0));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 4, 62, 0), 96));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 4, 65, 99), 192));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 4, 65, 0), 240));
        Path file = dir.resolve("two.mid");
        MidiSystem.write(seq, 0, file.toFile());
        String path = file.toString().replace("\\", "\\\\");

        assertThat(c.eval("midiFile(\"" + path + "\")")).contains("two.mid: type 0, 2 notes, 96 ticks per quarter");
        long xruns = rt.engine().stats().xruns();
        assertThat(c.eval("playMidi(midiFile(\"" + path + "\"), midiOut(" + n + "))")).contains("MIDI file two.mid into MIDI out");
        List<Received> notes = waitFor(r -> r.command() == 0x90 || r.command() == 0x80, 4, 8_000);
        assertThat(notes).extracting(r -> r.command() + " ch" + (r.channel() + 1) + " " + r.data1() + " " + r.data2())
                .containsExactly("144 ch5 62 77", "128 ch5 62 0", "144 ch5 65 99", "128 ch5 65 0");
        // a quarter at 100 BPM is 600 ms: on at 0, off at 600, on at 1200, off at 1500. Played once, so one stall of a
        // shared machine is allowed for by what the sender and the engine measured themselves
        double late = stallsMillis(xruns);
        assertThat((notes.get(2).nanos() - notes.get(0).nanos()) / 1e6).as("second note-on, ms after the first (machine stalls: %.1f ms)", late)
                .isBetween(1140.0 - late, 1260.0 + late);
        assertThat((notes.get(3).nanos() - notes.get(2).nanos()) / 1e6).as("an eighth, ms (machine stalls: %.1f ms)", late)
                .isBetween(240.0 - late, 360.0 + late);

        assertThat(c.eval("pat(\"loop\", midiFile(\"" + path + "\").bars(1, 1), synth(4))")).doesNotContain("rror");
        assertThat(rt.session().patterns().isPlaying("loop")).isTrue();
        assertThat(c.eval("midiFile(\"" + dir.resolve("none.mid") + "\")")).contains("no MIDI file", "none.mid");
    }

    /**
     * What the machine's stalls may have moved a message by, ms: the latest the sender sent after a due time, plus,
     * when the engine resynchronised since {@code xrunsBefore} (its clock then loses the stall), its worst stall
     * for each of those dropouts.
     */
    private double stallsMillis(long xrunsBefore) throws Exception {
        long late = rt.session().midiOutputs().out(n).worstLateNanos();
        long dropouts = rt.engine().stats().xruns() - xrunsBefore;
        return (late + dropouts * rt.engine().stats().worstStallNanos()) / 1e6;
    }

    private static double median(List<Double> xs) {
        List<Double> sorted = new ArrayList<>(xs);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /** Waits (up to {@code millis}) until the synth has received {@code count} messages that {@code which} picks. */
    private static List<Received> waitFor(Predicate<Received> which, int count, long millis) throws InterruptedException {
        long until = System.nanoTime() + millis * 1_000_000;
        List<Received> got = List.of();
        while (System.nanoTime() < until) {
            got = SYNTH.received().stream().filter(which).toList();
            if (got.size() >= count) return got;
            Thread.sleep(20);
        }
        throw new AssertionError("the synth received " + got.size() + " of " + count + " messages in " + millis + " ms: " + SYNTH.received().size() + " in all");
    }
}
