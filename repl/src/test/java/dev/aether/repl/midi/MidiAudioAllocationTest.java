package dev.aether.repl.midi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.nodes.voice.PolyVoices;
import dev.aether.repl.AetherRuntime;
import dev.aether.repl.LiveConsole;
import dev.aether.repl.console.ScriptedConsole;
import dev.aether.testkit.ObservedDriver;
import dev.aether.testkit.signals.Allocations;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;

/**
 * While a MIDI stream of notes, a mapped controller (to the filters of all 8 voices and a low-pass), pitch bend and
 * the sustain pedal flows at about 2,000 messages a second, the audio thread (the paced null driver's) allocates
 * nothing: every message reaches it as a timed event on the pre-allocated channel.
 */
class MidiAudioAllocationTest {
    @Test void shouldNotAllocateOnTheAudioThreadWhileMidiFlows() throws Exception {
        LiveConsole live = LiveConsole.start();
        AetherRuntime rt = live.runtime();
        ScriptedConsole c = live.console();
        ObservedDriver driver = new ObservedDriver();
        rt.engine().start(driver);
        AtomicBoolean flowing = new AtomicBoolean(true);
        Thread sender = null;
        try {
            c.eval("def(\"keys\", synth(8))");
            c.eval("def(\"pad\", saw(110).to(lowpass(800)))");
            assertThat(c.eval("midiMap(74, slot(\"keys\"), \"cutoffHz\", 200, 8000, \"exp\")")).contains("mapped cc74");
            assertThat(c.eval("midiMap(\"bend\", slot(\"pad\"), \"cutoffHz\", 200, 2000, \"lin\")")).contains("mapped bend");
            MidiControls midi = rt.session().midi();
            midi.routeAll("keys", (PolyVoices) rt.session().slot("keys").node());
            sender = new Thread(() -> {
                int i = 0;
                try {
                    while (flowing.get()) {
                        int note = 48 + (i % 24);
                        midi.handle(new ShortMessage(ShortMessage.NOTE_ON, 0, note, 100), -1);
                        midi.handle(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, 74, i % 128), -1);
                        midi.handle(new ShortMessage(ShortMessage.PITCH_BEND, 0, i % 128, (i / 3) % 128), -1);
                        midi.handle(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, 64, (i % 16) < 8 ? 127 : 0), -1);
                        midi.handle(new ShortMessage(ShortMessage.NOTE_OFF, 0, note, 0), -1);
                        i++;
                        Thread.sleep(2);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "test-midi-sender");
            sender.start();
            Thread audio = driver.audioThread();
            Thread.sleep(2_000);                                // warm: every path on the audio thread has run, JIT settled
            long[] windows = new long[8];
            for (int w = 0; w < windows.length; w++) {
                long before = Allocations.of(audio);
                Thread.sleep(200);
                windows[w] = Allocations.of(audio) - before;
            }
            long nonZero = Arrays.stream(windows).filter(b -> b != 0).count();
            long total = Arrays.stream(windows).sum();
            // as AudioThreadIsolationTest: a rare JIT deoptimisation can cost a one-off ~200 bytes inside the VM
            assertThat(nonZero).as("200 ms windows of MIDI flow in which the audio thread allocated: %s", Arrays.toString(windows))
                    .isLessThanOrEqualTo(1);
            assertThat(total).as("bytes the audio thread allocated in 1.6 s of MIDI: %s", Arrays.toString(windows)).isLessThanOrEqualTo(512);
            assertThat(midi.messages()).as("messages handled").isGreaterThan(2_000);
            assertThat(midi.status()).doesNotContain("dropped");
        } finally {
            flowing.set(false);
            if (sender != null) sender.join(2_000);
            c.close();
            rt.close();
        }
    }
}
