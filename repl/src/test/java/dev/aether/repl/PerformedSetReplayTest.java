package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.EngineConfig;
import dev.aether.core.driver.DriverConfig;
import dev.aether.core.driver.PacedNullDriver;
import dev.aether.core.io.AudioFileReader;
import dev.aether.repl.console.ConsoleConfig;
import dev.aether.repl.console.ScriptedConsole;
import dev.aether.repl.session.InputJournal;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A set performed at the real console on the paced null driver (def, a user class and its hot swap, set, tempo,
 * undef, at a person's pace) while {@code :record} runs; then {@code aether render --journal} of its journal. The
 * render, from the recording's start sample on, is bit-identical to the recording: every edit landed on the sample
 * the journal recorded for it, live and offline. The one difference allowed is the live run's own: when a block is
 * late (an xrun on a loaded machine) the driver resyncs and the engine fades the next block in from silence after
 * the limiter (its state untouched); each such block must be exactly the rendered one times that fade, and there are
 * no more of them than xruns counted.
 */
class PerformedSetReplayTest {
    static final String SHAPER = "class Shaper implements DspNode { final InputPort in = Ports.audioIn(\"in\"); "
            + "final OutputPort out = Ports.audioOut(\"out\"); public void process(ProcessContext c) { "
            + "float[] x = c.in(in), y = c.out(out); for (int i = 0; i < c.frames(); i++) y[i] = (float) Math.tanh(%s * x[i]); } }";

    @TempDir Path dir;

    @Test
    void shouldReRenderThePerformedSetBitForBitFromItsJournal() throws Exception {
        Path take = dir.resolve("take.wav"), render = dir.resolve("render.wav");
        InputJournal journal = InputJournal.start(dir.resolve("journal"));
        journal.engine(48_000, EngineConfig.defaults().blockSize());
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        AetherRuntime[] made = new AetherRuntime[1];
        ScriptedConsole c = new ScriptedConsole(t -> (made[0] = new AetherRuntime(EngineConfig.defaults(), t,
                ConsoleConfig.scripted(), journal, quiet)).console()).sharedEvaluator();
        AetherRuntime rt = made[0];
        String recorded;
        long xruns;
        try {
            rt.engine().start(new PacedNullDriver(DriverConfig.defaults().sampleRateHz(48_000)));
            assertThat(c.eval(":record " + take + " float")).contains("recording to");
            List<String> set = List.of(
                    "def(\"bass\", saw(110).to(lowpass(900)).to(gain(-12)))",
                    SHAPER.formatted("2"),
                    "def(\"lead\", sine(440).to(new Shaper()).to(gain(-15)))",
                    "set(slot(\"bass\"), \"cutoffHz\", 2400, 0.2)",
                    ":tempo 140 4",
                    SHAPER.formatted("6"),                      // a hot swap of the live Shaper
                    "undef(\"bass\")",
                    "def(\"lead\", sine(660).to(gain(-15)))");
            for (String input : set) {
                String shown = c.eval(input);
                assertThat(shown).as("output of %s", input).doesNotContain("error", "Exception", "kept old");
                Thread.sleep(250);                           // a person's pace: fades end between edits
            }
            Thread.sleep(300);
            recorded = c.eval(":record stop");
            assertThat(rt.session().lateEdits()).as("every edit reached the audio thread before its sample").isZero();
            xruns = rt.engine().stats().xruns();
        } finally {
            c.close();
            rt.close();
        }
        Matcher m = Pattern.compile("0 frames dropped; it starts at engine sample (\\d+)").matcher(recorded);
        assertThat(m.find()).as(recorded).isTrue();
        long start = Long.parseLong(m.group(1));

        List<InputJournal.Entry> entries = InputJournal.records(journal.file()).entries();
        assertThat(entries).hasSize(8);
        assertThat(entries.stream().mapToInt(e -> e.landings().size()).sum()).as("edits with a recorded sample")
                .isGreaterThanOrEqualTo(7);

        int code = JournalRender.render(LaunchOptions.parse(new String[] {"render", "--journal",
                journal.file().toString(), "--out", render.toString(), "--format", "float"}));
        assertThat(code).isZero();

        float[] heard = AudioFileReader.read(take).interleaved();
        float[] replayed = AudioFileReader.read(render).interleaved();
        int frames = heard.length / 2;
        assertThat(replayed.length / 2).as("the render covers the recording").isGreaterThanOrEqualTo((int) (start + frames) - 48_000);
        int compared = (int) Math.min(frames, replayed.length / 2 - start);
        int block = EngineConfig.defaults().blockSize();
        List<Long> resyncBlocks = new java.util.ArrayList<>();
        for (int f = 0; f < compared; f++) {
            long sample = start + f;
            for (int ch = 0; ch < 2; ch++) {
                float h = heard[2 * f + ch], r = replayed[(int) (2 * sample) + ch];
                if (Float.floatToRawIntBits(h) == Float.floatToRawIntBits(r)) continue;
                // the one difference the live run may have: a late block under load (xrun) made the driver resync,
                // and the engine faded the next block in from silence, after the limiter, leaving its state alone
                long blockStart = Math.floorDiv(sample, block) * block;
                float g = 1f - (block - (sample - blockStart)) / (float) block;
                assertThat(Float.floatToRawIntBits(h)).as("engine sample %d (recording frame %d, channel %d): heard %s,"
                        + " rendered %s, and not the resync fade-in of an xrun (%s x %s); journal: %s", sample, f, ch, h, r, r, g,
                        entries.stream().map(e -> e.landings() + " " + e.input().lines().findFirst().orElse("")).toList())
                        .isEqualTo(Float.floatToRawIntBits(r * g));
                if (resyncBlocks.isEmpty() || resyncBlocks.get(resyncBlocks.size() - 1) != blockStart) resyncBlocks.add(blockStart);
            }
        }
        assertThat((long) resyncBlocks.size()).as("blocks faded in after an xrun (%s), at most one per xrun", resyncBlocks)
                .isLessThanOrEqualTo(xruns);
        double rms = 0;
        for (int i = 0; i < 2 * compared; i++) rms += heard[i] * heard[i];
        assertThat(Math.sqrt(rms / (2 * compared))).as("the set made sound").isGreaterThan(0.01);
        assertThat(compared).as("frames compared").isGreaterThan(48_000);
    }
}
