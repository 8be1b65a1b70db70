package dev.aether.repl.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.repl.AetherRuntime;
import dev.aether.repl.LiveConsole;
import dev.aether.repl.console.ScriptedConsole;
import dev.aether.repl.midi.TestMidiProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Controller mappings at the real console with the pure-Java test keyboard: {@code :learn}, {@code midiMap}, and
 * mappings through {@code :save} / {@code :open}. The engine plays on a paced null driver, so waits are generous
 * (the machine is shared): a CC reaches its parameter within the 10 ms latency; the test waits up to 5 s.
 */
class MidiLearnTest {
    AetherRuntime rt;
    ScriptedConsole c;
    @TempDir Path dir;

    @BeforeEach void start() throws Exception {
        LiveConsole live = LiveConsole.playing();
        rt = live.runtime();
        c = live.console();
        c.eval("def(\"keys\", synth(4))");
        c.eval("def(\"pad\", saw(110).to(lowpass(800)))");
        int index = MidiCommand.inputs().stream().map(i -> i.getName()).toList().indexOf("aether test keyboard");
        assertThat(c.eval(":midi " + index)).isEqualTo("MIDI aether test keyboard -> keys");
    }

    @AfterEach void stop() {
        c.eval(":midi off");
        c.close();
        rt.close();
    }

    static void cc(int number, int value) throws Exception {
        TestMidiProvider.KEYBOARD.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, number, value));
    }

    /** Waits (up to 5 s) until the pad's cutoff is asked to be {@code hz}; returns what the prompt shows. */
    String awaitCutoff(String hz) throws InterruptedException {
        String shown = "";
        for (int i = 0; i < 50; i++) {
            shown = c.eval("slot(\"pad\").param(\"cutoffHz\").get()");
            if (shown.contains(hz)) return shown;
            Thread.sleep(100);
        }
        return shown;
    }

    @Test void shouldLearnTheNextMovedControllerAndMoveTheParameterWithIt() throws Exception {
        assertThat(c.eval(":learn cutoffHz")).as("two slots have cutoffHz (the synth's voices and the low-pass)")
                .contains("slots keys, pad all have \"cutoffHz\": write :learn SLOT cutoffHz");
        assertThat(c.eval(":learn pad cutoffHz")).isEqualTo("move a MIDI controller to map it to pad.cutoffHz (:learn off cancels)");
        cc(74, 127);
        c.awaitOutput("mapped cc74 -> pad.cutoffHz 10..20000 exp", 5_000);
        assertThat(awaitCutoff("20000.0")).as("CC 74 at 127: the top of the parameter's range").contains("20000.0");
        cc(74, 0);
        assertThat(awaitCutoff("10.0")).as("CC 74 at 0: the bottom").contains("10.0");
        assertThat(c.eval(":midi")).contains("map cc74 -> pad.cutoffHz 10..20000 exp", "timing: latency 10.0 ms");
        assertThat(c.eval(":learn off")).isEqualTo("no :learn was waiting");
    }

    @Test void shouldKeepMappingsThroughSaveAndOpen() throws Exception {
        assertThat(c.eval("midiMap(74, slot(\"pad\"), \"cutoffHz\", 200, 8000, \"exp\")"))
                .contains("mapped cc74 -> pad.cutoffHz 200..8000 exp");
        cc(74, 127);
        assertThat(awaitCutoff("8000.0")).contains("8000.0");
        Path file = dir.resolve("mapped.json");
        assertThat(c.eval(":save " + file)).startsWith("saved " + file);
        assertThat(Files.readString(file)).contains("\"midiMaps\"", "\"source\":\"cc74\"", "\"slot\":\"pad\"", "\"curve\":\"exp\"");
        assertThat(c.eval("midiUnmap()")).contains("removed 1 MIDI mappings");
        assertThat(c.eval(":open " + file)).contains("1 MIDI mapping");
        cc(74, 0);
        assertThat(awaitCutoff("200.0")).as("the reopened pad (new nodes) is moved by the restored mapping").contains("200.0");
        assertThat(c.eval("midiMaps()")).contains("cc74 -> pad.cutoffHz 200..8000 exp");
    }

    @Test void shouldFollowASlotRedefinedAfterItWasMapped() throws Exception {
        c.eval("midiMap(\"cc1\", slot(\"pad\"), \"cutoffHz\", 100, 1000, \"lin\")");
        c.eval("def(\"pad\", saw(220).to(lowpass(300)))");
        cc(1, 127);
        assertThat(awaitCutoff("1000.0")).as("the new pad's filter follows CC 1").contains("1000.0");
    }

    @Test void shouldExplainMidiInputInHelpAndSetItsOptions() {
        assertThat(c.eval(":help midi")).contains(":learn [SLOT] PARAM", ":midi latency MS", ":midi clock follow|off", "midiMap(74");
        assertThat(c.eval(":midi latency 25")).isEqualTo("MIDI latency 25.0 ms (device timestamp to sound)");
        assertThat(c.eval(":midi bend 12")).isEqualTo("pitch bend +-12 semitones");
        assertThat(c.eval(":midi channel 2 pad")).contains("slot pad holds no poly(...) instrument");
        assertThat(c.eval(":midi channel 10 keys")).isEqualTo("MIDI channel 10 -> keys");
        assertThat(c.eval(":midi clock follow")).startsWith("following the MIDI clock");
        assertThat(c.eval(":midi")).contains("channel 10 -> keys", "latency 25.0 ms", "clock: following, stopped");
        assertThat(c.eval("midiMap(74, slot(\"pad\"), \"cutoffHz\", 0, 8000, \"exp\")")).contains("use \"lin\"");
        assertThat(c.eval(":help verbs")).contains("midiMap(74, chain, \"cutoffHz\", 200, 8000, \"exp\")");
    }
}
