package dev.aether.repl.command;

import dev.aether.testkit.signals.Signals;
import dev.aether.repl.AetherRuntime;
import dev.aether.repl.LiveConsole;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.nodes.voice.PolyVoices;
import dev.aether.repl.console.ScriptedConsole;
import dev.aether.repl.midi.TestMidiProvider;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code :midi} with a pure-Java MIDI input (registered in META-INF/services on the test class path). */
class MidiCommandTest {
    static final String VOICE = """
            class Beep implements dev.aether.nodes.voice.Voice {
                final OutputPort out = Ports.audioOut("out");
                double hz, vel, phase;
                boolean gate;
                public void noteOnRt(double f, double v) { hz = f; vel = v; gate = true; }
                public void noteOffRt() { gate = false; }
                public boolean isActiveRt() { return gate; }
                public void process(ProcessContext c) {
                    float[] y = c.out(out);
                    for (int i = 0; i < c.frames(); i++) {
                        y[i] = gate ? (float) (vel * Math.sin(phase)) : 0f;
                        phase += 2 * Math.PI * hz / c.sampleRate();
                    }
                }
            }""";

    AetherRuntime rt;
    ScriptedConsole c;

    @BeforeEach void start() throws Exception {
        LiveConsole live = LiveConsole.playing();
        rt = live.runtime();
        c = live.console();
    }

    @AfterEach void stop() {
        c.close();
        rt.close();
    }

    /** Polls (up to 2 s) until {@code poly} has {@code count} active voices; returns the count last seen. */
    static int awaitVoices(PolyVoices poly, int count) throws InterruptedException {
        long until = System.nanoTime() + 2_000_000_000L;
        int seen = poly.activeVoices();
        while (seen != count && System.nanoTime() < until) {
            Thread.sleep(10);
            seen = poly.activeVoices();
        }
        return seen;
    }

    @Test void shouldListTheTestKeyboardAsAnInput() {
        assertThat(c.eval(":midi")).contains("no MIDI input is open", "aether test keyboard (a MIDI input for tests)");
    }

    @Test void shouldPlayAPolySlotFromMidiNotes() throws Exception {
        c.eval(VOICE);
        c.eval("def(\"keys\", poly(4, () -> new Beep()))");
        int index = MidiCommand.inputs().stream().map(i -> i.getName()).toList().indexOf("aether test keyboard");
        assertThat(index).isGreaterThanOrEqualTo(0);
        assertThat(c.eval(":midi " + index)).isEqualTo("MIDI aether test keyboard -> keys");
        PolyVoices poly = (PolyVoices) rt.session().live(rt.session().slot("keys").node());
        VisualCommands visuals = new VisualCommands(rt.engine(), rt.evaluator());

        TestMidiProvider.KEYBOARD.send(new ShortMessage(ShortMessage.NOTE_ON, 0, 69, 127));
        assertThat(awaitVoices(poly, 1)).as("voices after one note on").isEqualTo(1);
        assertThat(poly.noteOfVoice(0)).isEqualTo(69);
        float[] heard = visuals.captureMono(4_800);
        assertThat(Signals.peakFrequency(heard, heard.length - 4_096, 4_096, 48_000)).as("pitch of MIDI note 69")
                .isBetween(438.0, 442.0);

        TestMidiProvider.KEYBOARD.send(new ShortMessage(ShortMessage.NOTE_ON, 0, 69, 0));   // running-status note off
        assertThat(awaitVoices(poly, 0)).as("voices after the note off").isZero();
        assertThat(c.eval(":midi off")).isEqualTo("closed MIDI input aether test keyboard -> keys");
        TestMidiProvider.KEYBOARD.send(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 100));
        Thread.sleep(100);
        assertThat(poly.activeVoices()).as("a closed input plays nothing").isZero();
    }

    @Test void shouldPlayTheReadyMadeSynthFromMidiNotes() throws Exception {
        c.eval("def(\"keys\", synth(4))");
        int index = MidiCommand.inputs().stream().map(i -> i.getName()).toList().indexOf("aether test keyboard");
        assertThat(c.eval(":midi " + index)).isEqualTo("MIDI aether test keyboard -> keys");
        PolyVoices poly = (PolyVoices) rt.session().live(rt.session().slot("keys").node());
        VisualCommands visuals = new VisualCommands(rt.engine(), rt.evaluator());

        TestMidiProvider.KEYBOARD.send(new ShortMessage(ShortMessage.NOTE_ON, 0, 57, 127));
        assertThat(awaitVoices(poly, 1)).as("voices after one note on").isEqualTo(1);
        float[] heard = visuals.captureMono(9_600);
        // the spectrum's strongest partial: a filtered saw can cross zero more than once a period, so zero crossings
        // of a 200 ms capture may count one too many (225 Hz seen under load)
        assertThat(Signals.peakFrequency(heard, heard.length - 8_192, 8_192, 48_000)).as("pitch of MIDI note 57")
                .isBetween(218.0, 222.0);
        assertThat(c.eval("new SubtractiveVoice().cutoffHz.get()"))
                .as("the voice type is importable at the prompt").contains("1000");
        TestMidiProvider.KEYBOARD.send(new ShortMessage(ShortMessage.NOTE_OFF, 0, 57, 0));
        c.eval(":midi off");
    }

    @Test void shouldSayWhenNoSlotHoldsAnInstrument() {
        assertThat(c.eval(":midi 0")).startsWith(":midi: no slot holds a poly(...) instrument");
    }
}
