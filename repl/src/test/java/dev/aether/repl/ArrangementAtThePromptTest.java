package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.arrange.AudioTrack;
import dev.aether.arrange.Metatrack;
import dev.aether.arrange.Project;
import dev.aether.core.io.WavFormat;
import dev.aether.core.io.WavWriter;
import dev.aether.repl.console.ScriptedConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The arrangement verbs typed at the console as a person would: tracks, clips, effects, metatracks, automation,
 * {@code :arr}, {@code :undo}/{@code :redo}, {@code :save}/{@code :open}, and the errors a person meets.
 */
class ArrangementAtThePromptTest {
    @TempDir Path dir;
    LiveConsole live;

    @BeforeEach void start() throws Exception { live = LiveConsole.start(); }

    @AfterEach void stop() { live.close(); }

    private String eval(String input) { return live.console().eval(input); }

    private Project project() { return live.runtime().session().withArrangement(a -> a.projectOrNull()); }

    /** A mono 48 kHz float WAV of {@code seconds} of a decaying 60 Hz sine: a kick. */
    static Path kick(Path dir, String name, double seconds) throws Exception {
        Path f = dir.resolve(name);
        int n = (int) Math.round(seconds * 48_000);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 60 * i / 48_000.0) * Math.exp(-i / 4800.0));
        try (WavWriter w = WavWriter.open(f, WavFormat.FLOAT_32, 1, 48_000)) { w.write(x, n); }
        return f;
    }

    @Test
    void buildsAnArrangementThatArrShowsAndUndoRedoStepThrough() throws Exception {
        Path k = kick(dir, "kick.wav", 0.5);
        eval("track(\"drums\").clip(sample(\"" + k + "\"), bar(1)).clip(sample(\"" + k + "\"), bar(2)).gain(-3)");
        eval("instrument(\"bass\", \"synth(8)\").notes(bar(1), bars(2), \"c2 e2 g2 c3\").fx(lowpass(800)).volume(-6)");
        assertThat(project().names()).containsExactly("drums", "bass");
        AudioTrack drums = (AudioTrack) project().track("drums");
        assertThat(drums.clips()).hasSize(2);
        assertThat(drums.clips().get(1).gainDb()).isEqualTo(-3);
        assertThat(drums.clips().get(0).length().seconds(project().tempo())).as("as long as the file").isEqualTo(0.5);
        assertThat(project().pool().files()).containsOnlyKeys("kick");
        assertThat(project().track("bass").strip().effects()).containsExactly("lowpass(800)");

        eval("meta(\"verse\", \"drums\", \"bass\").stretch(0.5).offset(bar(3))");
        Metatrack verse = (Metatrack) project().track("verse");
        assertThat(verse.time().speed()).isEqualTo(0.5);
        String arr = eval(":arr");
        assertThat(arr).contains("bars", "verse", "  drums", "  bass", "×0.5 at 3:1");
        assertThat(arr.lines().filter(l -> l.contains("  drums")).findFirst().orElseThrow()).contains("[");

        assertThat(eval(":undo")).contains("undone", "arrangement: group drums, bass into \"verse\", time of \"verse\"");
        assertThat(project().has("verse")).as("one input, one step: the group and its stretch go together").isFalse();
        assertThat(project().names()).containsExactly("drums", "bass");
        assertThat(eval(":redo")).contains("redone");
        assertThat(((Metatrack) project().track("verse")).time().speed()).isEqualTo(0.5);
        assertThat(eval(":undo")).contains("undone");
        assertThat(eval(":undo")).contains("undone");
        assertThat(project().has("bass")).isFalse();
        assertThat(eval(":redo")).contains("redone");
        assertThat(project().has("bass")).isTrue();
        assertThat(eval(":redo")).contains("redone");
        assertThat(project().has("verse")).isTrue();
        assertThat(eval(":redo")).contains("nothing to redo");

        eval("automate(track(\"bass\"), \"volume\", point(bar(1), -20), point(bar(5), 0, \"exp\"))");
        assertThat(project().track("bass").strip().lanes()).hasSize(1);
        eval("bus(\"verb\").fx(reverb(0.8, 1.0)); track(\"drums\").send(\"verb\", -12)");
        assertThat(project().track("drums").strip().sends()).hasSize(1);
        eval("meta(\"verse\").ungroup()");
        assertThat(project().has("verse")).isFalse();
        assertThat(project().names()).containsExactly("drums", "bass", "verb");
    }

    @Test
    void arrPlayMakesSoundWhereTheClipsAreAndBounceWritesTheSame() throws Exception {
        Path k = kick(dir, "kick.wav", 0.5);
        eval("track(\"drums\").clip(sample(\"" + k + "\"), bar(2))");         // bar 2 at 120 BPM: 2.0 s
        eval("instrument(\"keys\", \"synth(4)\").notes(bar(3), \"c4\")");     // bar 3: 4.0 s
        assertThat(eval("arr.play()")).doesNotContain("Exception");
        float[] out = SaveOpenUndoTest.render(live.runtime(), 5.0);
        double before = rms(out, 0.1, 1.9), kickRms = rms(out, 2.0, 2.3), between = rms(out, 2.6, 3.9), keys = rms(out, 4.05, 4.5);
        assertThat(before).as("silence before the kick's clip").isLessThan(1e-4);
        assertThat(kickRms).as("the kick's clip at bar 2").isGreaterThan(0.02);
        assertThat(between).as("nothing between the kick's end (2.5 s) and the keys").isLessThan(1e-3);
        assertThat(keys).as("the keys' note at bar 3").isGreaterThan(0.005);
        assertThat(eval("arr.playing()")).contains("true");

        Path mix = dir.resolve("mix.wav");
        assertThat(eval("arr.bounce(\"" + mix + "\")")).contains(mix.toString());
        assertThat(Files.size(mix)).as("1:1 to a bar after the keys' clip (bar 4), 2 channels of float").isGreaterThan(8L * 48_000 * 2 * 4 - 1);

        assertThat(eval("freeze(\"keys\", \"" + dir.resolve("keys.wav") + "\")")).contains("froze", "keys.wav");
        assertThat(dir.resolve("keys.wav")).exists();
        assertThat(project().track("keys")).isInstanceOf(AudioTrack.class);
        assertThat(eval("unfreeze(\"keys\")")).contains("unfroze");
        assertThat(project().track("keys").kind()).isEqualTo("instrument");
        // from a position: the frozen track records where its bounce starts; undo, redo and unfreeze by the model
        assertThat(eval("freeze(\"keys\", bar(2), \"" + dir.resolve("keys2.wav") + "\")")).contains("froze", "from bar 2:1");
        assertThat(((AudioTrack) project().track("keys")).frozen().fromSeconds()).as("bar 2 at 120 BPM, s").isEqualTo(2.0);
        eval(":undo");
        assertThat(project().track("keys").kind()).isEqualTo("instrument");
        eval(":redo");
        assertThat(((AudioTrack) project().track("keys")).frozen()).isNotNull();
        assertThat(eval("unfreeze(\"keys\")")).contains("unfroze");
        assertThat(project().track("keys").kind()).isEqualTo("instrument");
        assertThat(eval("unfreeze(\"keys\")")).contains("not frozen");

        eval(":panic");                                            // the graph empties; the arrangement stays
        assertThat(eval("track(\"drums\").volume(-1)")).doesNotContain("Exception");
        assertThat(eval("arr.seek(bar(2)); arr.play()")).doesNotContain("Exception");
        float[] again = SaveOpenUndoTest.render(live.runtime(), 0.5);
        assertThat(rms(again, 0.05, 0.3)).as("the kick again, from bar 2, after :panic").isGreaterThan(0.01);

        eval("tempo(90)");
        assertThat(project().tempo().bpm()).as("one clock: tempo(bpm) sets the arrangement's too").isEqualTo(90);
        eval(":undo");
        assertThat(project().tempo().bpm()).isEqualTo(120);
    }

    @Test
    void playsOnTheEnginesOneClockWithPatterns() throws Exception {
        try (LiveConsole playing = LiveConsole.playing()) {
            ScriptedConsole c = playing.console();
            c.eval("pat(\"k\", \"bd*4\", drums())");
            c.eval("instrument(\"keys\", synth(4)).notes(bar(1), bars(4), \"c4 e4 g4 c5\")");
            c.eval("arr.seek(bar(1)); arr.play()");
            Thread.sleep(700);
            String d = c.eval("arr.position().seconds(null) - beat() / 2");       // 120 BPM: 2 beats a second
            double diff = Double.parseDouble(d.substring(d.indexOf("==>") + 3).trim());
            assertThat(Math.abs(diff)).as("the arrangement's seconds against the clock's beat (one clock; a block behind at most)")
                    .isLessThan(0.01);
            assertThat(c.eval("arr.playing()")).contains("true");
            c.eval("arr.stop()");
            String transport = c.eval(":transport");
            for (long until = System.nanoTime() + 2_000_000_000L; !transport.contains("paused") && System.nanoTime() < until; ) {
                Thread.sleep(20);                              // it lands where the scheduler has not yet queued events
                transport = c.eval(":transport");
            }
            assertThat(transport).as("arr.stop() holds the clock's transport too").contains("paused");
        }
    }

    @Test
    void aNodeOfYourOwnIsAnEffectAndPlaysAsTheInstanceGiven() throws Exception {
        eval("""
                class Scale implements DspNode {
                    final InputPort in = Ports.audioIn("in");
                    final OutputPort out = Ports.audioOut("out");
                    final double k;
                    Scale() { this(1); }
                    Scale(double k) { this.k = k; }
                    public void process(ProcessContext c) {
                        float[] x = c.in(in), y = c.out(out);
                        for (int i = 0; i < c.frames(); i++) y[i] = (float) (k * x[i]);
                    }
                }""");
        eval("instrument(\"keys\", \"synth(4)\").notes(bar(1), \"c4 c4 c4 c4\")");
        eval("arr.play()");
        double open = rms(SaveOpenUndoTest.render(live.runtime(), 1.0), 0.1, 0.9);
        assertThat(open).as("the keys play").isGreaterThan(0.005);
        eval("track(\"keys\").fx(new Scale(0))");                  // the instance given, not one made by Scale()
        assertThat(project().track("keys").strip().effects()).containsExactly("Scale");
        eval("arr.seek(bar(1))");
        double scaled = rms(SaveOpenUndoTest.render(live.runtime(), 1.0), 0.1, 0.9);
        assertThat(scaled).as("Scale(0) silences the keys").isLessThan(open / 1000);
        eval(":undo");
        eval("arr.seek(bar(1))");
        assertThat(rms(SaveOpenUndoTest.render(live.runtime(), 1.0), 0.1, 0.9)).as("undone: heard again").isGreaterThan(open / 2);
    }

    /** RMS of both channels of interleaved stereo {@code x} from {@code a} to {@code b} seconds at 48 kHz. */
    static double rms(float[] x, double a, double b) {
        int from = (int) (a * 48_000) * 2, to = (int) (b * 48_000) * 2;
        double sum = 0;
        for (int i = from; i < to; i++) sum += x[i] * x[i];
        return Math.sqrt(sum / (to - from));
    }

    @Test
    void mistakesNameWhatWasWrongAndWhatToDoWithoutAStackTrace() throws Exception {
        assertThat(eval("meta(\"nope\")")).contains("no metatrack named \"nope\"").doesNotContain("\tat ");
        assertThat(eval("track(\"d\").clip(\"" + dir.resolve("missing.wav") + "\", bar(1))"))
                .contains("no such file: " + dir.resolve("missing.wav"), "check the path").doesNotContain("\tat ");
        assertThat(eval("track(\"d\").clip(sine(440), bar(1))")).contains("is not a sample");
        assertThat(eval("bar(0)")).contains("bar 0 does not exist; bars count from 1");
        assertThat(eval("track(\"d\").volume(40)")).contains("give a volume ≤ +24 dB");
        assertThat(eval("track(\"d\").send(\"nobus\", -6)")).contains("\"nobus\"", "send to a bus track");
        assertThat(eval("track(\"d\").fx(\"wobble(3)\")")).contains("cannot make \"wobble(3)\"");
        assertThat(eval("track(\"d\").notes(bar(1), \"c4\")")).contains("is an audio track; notes go on instrument tracks");
        assertThat(eval("meta(\"v\", \"d\", \"nope\")")).contains("no track named \"nope\"; tracks: d");
        assertThat(eval(":arr")).contains("d", "audio").doesNotContain("loop");
        eval("arr.loop(bar(1), bar(3))");
        assertThat(eval(":arr")).as("the loop shows under the ruler").contains("loop", "|>>>", "1:1 – 3:1");
        eval("arr.noLoop()");
        assertThat(eval(":arr")).doesNotContain("loop");
        Path png = dir.resolve("arr.png");
        assertThat(eval(":arr --png " + png)).contains("wrote " + png);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1600);
        assertThat(eval(":arr --png")).contains("--png needs a file name");
        assertThat(eval(":redo")).contains("nothing to redo");
    }

    @Test
    void saveAndOpenRoundTripTheArrangementWithMediaRelativeToTheFile() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Path k = kick(media, "kick.wav", 0.25);
        eval("track(\"drums\").clip(\"" + k + "\", bar(2)).loop(bars(2)).fadeIn(beats(0.5))");
        eval("bus(\"verb\"); track(\"drums\").send(\"verb\", -6, \"pre\").pan(-0.5)");
        eval("instrument(\"keys\", synth(4)).notes(bar(1), \"c4 ~ e4 g4\")");
        eval("meta(\"song\", \"drums\", \"keys\").transpose(2)");
        Project saved = project();
        Path file = dir.resolve("set.json");
        assertThat(eval(":save " + file)).contains("saved " + file);
        String text = Files.readString(file);
        assertThat(text).contains("\"arrangement\"", "\"aether-project\"", "\"media/kick.wav\"").doesNotContain(media.toString());

        try (LiveConsole other = LiveConsole.start()) {
            ScriptedConsole c = other.console();
            assertThat(c.eval(":open " + file)).contains("opened", "arrangement: 4 tracks");
            Project opened = other.runtime().session().withArrangement(a -> a.projectOrNull());
            assertThat(opened).isEqualTo(saved);
            assertThat(c.eval(":arr")).contains("song", "drums", "keys", "+2st");
            assertThat(c.eval(":undo")).contains("undone");
            assertThat(other.runtime().session().withArrangement(a -> a.projectOrNull()).tracks()).isEmpty();
        }
        Files.delete(k);
        try (LiveConsole other = LiveConsole.start()) {
            assertThat(other.console().eval(":open " + file)).contains("opened", "warning:", "kick.wav");
        }
    }
}
