package dev.aether.repl.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.transport.OSCPortOut;
import dev.aether.core.EngineConfig;
import dev.aether.core.driver.DriverConfig;
import dev.aether.core.driver.PacedNullDriver;
import dev.aether.repl.AetherRuntime;
import dev.aether.repl.LiveConsole;
import dev.aether.repl.console.ConsoleConfig;
import dev.aether.repl.console.ScriptedConsole;
import dev.aether.repl.midi.TestMidiProvider;
import dev.aether.repl.session.InputJournal;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is played from outside the prompt survives a replay of the journal: a MIDI mapping made with {@code :learn}
 * (journalled as the {@code midiMap} call it amounts to) and the values parameters were moved to over OSC (journalled
 * coalesced, the last value per parameter per second, each before what is typed next), and an OSC tempo change. The
 * console plays on the paced null driver with a journal; the replay types the journal's entries into a fresh console,
 * as {@code --recover} does.
 */
class JournalledControlsTest {
    @TempDir Path dir;
    InputJournal journal;
    AetherRuntime rt;
    ScriptedConsole c;
    OSCPortOut client;

    @BeforeEach void start() throws Exception {
        journal = InputJournal.start(dir.resolve("journal"));
        journal.engine(48_000, EngineConfig.defaults().blockSize());
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        AetherRuntime[] made = new AetherRuntime[1];
        c = new ScriptedConsole(t -> (made[0] = new AetherRuntime(EngineConfig.defaults(), t, ConsoleConfig.scripted(),
                journal, quiet)).console()).sharedEvaluator();
        rt = made[0];
        rt.engine().start(new PacedNullDriver(DriverConfig.defaults().sampleRateHz(48_000)));
        c.eval("def(\"pad\", saw(110).to(lowpass(800)))");
    }

    @AfterEach void stop() throws Exception {
        if (client != null) client.close();
        c.close();
        rt.close();
    }

    static boolean await(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + 15_000_000_000L;          // generous: the test machine may be loaded
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) return false;
            Thread.sleep(5);
        }
        return true;
    }

    /** The journal's entries, typed into a fresh console in order; returns it (the caller closes it). */
    LiveConsole replay() throws Exception {
        LiveConsole fresh = LiveConsole.start();
        for (InputJournal.Entry e : InputJournal.records(journal.file()).entries()) {
            assertThat(fresh.console().eval(e.input())).as("replaying %s", e.input()).doesNotContain("error");
        }
        return fresh;
    }

    @Test void shouldJournalTheLastValueOfParametersMovedOverOscAndTheTempoBeforeWhatIsTypedNext() throws Exception {
        String out = c.eval(":osc 0");
        Matcher m = Pattern.compile("OSC listening on 127\\.0\\.0\\.1:(\\d+) \\(UDP\\)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        client = new OSCPortOut(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(m.group(1))));
        int moves = 200;
        for (int i = 1; i <= moves; i++) client.send(new OSCMessage("/aether/param/pad/cutoffHz", List.of(1_000f + 5f * i)));
        client.send(new OSCMessage("/aether/param", List.of("pad", "q", 2.5f, 0.1f)));
        client.send(new OSCMessage("/aether/tempo", List.of(133f)));
        var counters = rt.osc().server().counters();
        assertThat(await(() -> counters.applied() == moves + 2)).as(counters.summary()).isTrue();
        c.eval("def(\"lead\", sine(440))");                     // typed while the last moves may still wait

        List<InputJournal.Entry> entries = InputJournal.records(journal.file()).entries();
        List<String> inputs = entries.stream().map(InputJournal.Entry::input).toList();
        List<InputJournal.Entry> cutoffs = entries.stream().filter(e -> e.input().contains("\"cutoffHz\"")).toList();
        assertThat(cutoffs).as("coalesced: at most one entry per second of moves, not one per message (%s)", inputs)
                .isNotEmpty().hasSizeLessThan(moves / 10);
        assertThat(cutoffs.get(cutoffs.size() - 1).input()).isEqualTo("set(slot(\"pad\"), \"cutoffHz\", 2000.0);");
        for (InputJournal.Entry e : cutoffs) assertThat(e.landings()).as("the sample of %s", e.input()).hasSize(1);
        int q = inputs.indexOf("set(slot(\"pad\"), \"q\", 2.5, 0.10000000149011612);");
        int tempo = inputs.indexOf(":tempo 133.0 4");
        int lead = inputs.indexOf("def(\"lead\", sine(440))");
        assertThat(q).as("the move of q with its ramp, in %s", inputs).isPositive();
        assertThat(tempo).as("the OSC tempo as :tempo, in %s", inputs).isPositive();
        assertThat(inputs.lastIndexOf(cutoffs.get(cutoffs.size() - 1).input())).as("the moves before what was typed after them")
                .isLessThan(lead);
        assertThat(q).isLessThan(lead);

        try (LiveConsole replayed = replay()) {
            var session = replayed.runtime().session();
            assertThat(session.slot("pad").param("cutoffHz").get()).as("where OSC left the cutoff").isEqualTo(2000.0);
            assertThat(session.slot("pad").param("q").get()).isEqualTo(2.5);
            assertThat(replayed.runtime().engine().clock().snapshot().tempoMap().lastBpm()).isEqualTo(133.0);
            assertThat(session.slotNames()).containsExactly("pad", "lead");
        }
    }

    @Test void shouldJournalAMappingMadeWithLearnAsTheMidiMapCallItAmountsTo() throws Exception {
        c.eval("def(\"keys\", synth(4))");                      // :midi plays an instrument
        int index = MidiCommand.inputs().stream().map(i -> i.getName()).toList().indexOf("aether test keyboard");
        assertThat(c.eval(":midi " + index)).startsWith("MIDI aether test keyboard");
        try {
            assertThat(c.eval(":learn pad cutoffHz")).startsWith("move a MIDI controller");
            TestMidiProvider.KEYBOARD.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, 74, 64));
            c.awaitOutput("mapped cc74 -> pad.cutoffHz 10..20000 exp", 5_000);
        } finally {
            c.eval(":midi off");
        }
        assertThat(await(() -> InputJournal.entries(journal.file()).stream().anyMatch(e -> e.startsWith("midiMap(")))).isTrue();
        assertThat(InputJournal.entries(journal.file()))
                .contains("midiMap(\"cc74\", slot(\"pad\"), \"cutoffHz\", 10.0, 20000.0, \"exp\")");

        try (LiveConsole replayed = replay()) {
            assertThat(replayed.console().eval("midiMaps()")).contains("cc74 -> pad.cutoffHz 10..20000 exp");
        }
    }
}
