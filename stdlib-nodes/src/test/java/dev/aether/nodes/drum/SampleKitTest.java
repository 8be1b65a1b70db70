package dev.aether.nodes.drum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aether.nodes.sample.Sample;
import dev.aether.nodes.sample.SampleBank;
import dev.aether.testkit.NodeHarness;
import dev.aether.testkit.signals.Allocations;
import dev.aether.testkit.signals.Signals;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sample kits: exact hits, per-hit gain and pitch, chokes, bounded polyphony, folders, 0 bytes per block. */
class SampleKitTest {
    static final double SR = 48_000;
    static final int BLOCK = 64;
    @TempDir Path dir;

    /** A ramp 1, 0.99, ... so every frame differs. */
    static float[] ramp(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = 1 - i / (float) n;
        return x;
    }

    static float[] constant(int n, float v) {
        float[] x = new float[n];
        Arrays.fill(x, v);
        return x;
    }

    static SampleKit kit() {
        Map<String, Sample> m = new LinkedHashMap<>();
        m.put("bd", Sample.of("bd", SR, ramp(2_000)));
        m.put("hh", Sample.of("hh", SR, constant(480, 0.5f)));
        m.put("oh", Sample.of("oh", SR, constant(24_000, 0.25f)));
        m.put("tone", Sample.of("tone", SR, Signals.sine(24_000, 1_000, 0.5, SR)));
        m.put("slow", Sample.of("slow", 24_000, Signals.sine(12_000, 500, 0.5, 24_000)));
        return new SampleKit("test kit", m);
    }

    static float[] render(SampleKit kit, int frames, Runnable hits) {
        NodeHarness h = new NodeHarness(kit, SR, BLOCK);
        hits.run();
        return h.render(frames)[0][0];
    }

    @Test
    void aHitCopiesItsSampleFromExactlyItsEngineSample() {
        SampleKit kit = kit();
        int at = 1_000 + 13;
        float[] y = render(kit, 4_000, () -> kit.hitAt(kit.keyOf("bd"), at, 1));
        for (int i = 0; i < at; i++) assertThat(y[i]).isZero();
        float[] bd = ramp(2_000);
        for (int i = 0; i < 2_000; i++) assertThat(y[at + i]).as("frame %d", i).isEqualTo(bd[i]);
        for (int i = at + 2_000; i < y.length; i++) assertThat(y[i]).isZero();
    }

    @Test
    void gainAndVelocityScaleTheHit() {
        SampleKit kit = kit().gainDb("bd", Signals.db(0.5));
        assertThat(kit.gainDb("bd")).isCloseTo(-6.0206, within(1e-4));
        float[] y = render(kit, 3_000, () -> kit.hitAt(0, 100, 0.5));
        float[] bd = ramp(2_000);
        for (int i = 0; i < 2_000; i++) assertThat((double) y[100 + i]).isCloseTo(bd[i] * 0.25, within(1e-7));
    }

    @Test
    void rateChangesPitchAndLengthAndSourceRatesAreConverted() {
        SampleKit kit = kit();
        int tone = kit.keyOf("tone");
        float[] up = render(kit, 24_000, () -> kit.hitAt(tone, 0, 1, 2));
        assertThat(Signals.zeroCrossingHz(up, 100, 10_000, SR)).isCloseTo(2_000, within(0.5));
        assertThat(Signals.peak(up, 12_010, 11_000)).as("an octave up lasts half as long").isZero();
        SampleKit lower = kit().rate("tone", 0.5);
        assertThat(lower.rate("tone")).isEqualTo(0.5);
        float[] down = render(lower, 48_000, () -> lower.hitAt(tone, 0, 1));
        assertThat(Signals.zeroCrossingHz(down, 100, 40_000, SR)).isCloseTo(500, within(0.1));
        SampleKit plain = kit();
        float[] slow = render(plain, 24_000, () -> plain.hitAt(plain.keyOf("slow"), 0, 1));
        assertThat(Signals.zeroCrossingHz(slow, 100, 20_000, SR)).as("24 kHz sample at 48 kHz keeps its pitch")
                .isCloseTo(500, within(0.1));
        assertThat(Signals.peak(slow, 0, 20_000)).isCloseTo(0.5, within(0.01));
        assertThatThrownBy(() -> kit.hitAt(tone, 0, 1, 5)).hasMessageContaining("rate must be 0.25..4.0, was 5.0");
    }

    @Test
    void closedHatChokesOpenHatWithinThreeMilliseconds() {
        SampleKit kit = kit();
        assertThat(kit.chokes()).isEqualTo("hh>oh");
        int at = 4_800, fade = (int) Math.ceil(DrumVoice.CHOKE_SECONDS * SR);
        float[] y = render(kit, 12_000, () -> {
            kit.hitAt(kit.keyOf("oh"), 0, 1);
            kit.hitAt(kit.keyOf("hh"), at, 1);
        });
        assertThat(y[at - 1]).isEqualTo(0.25f);
        assertThat(y[at]).as("hh plus oh fading").isBetween(0.5f, 0.75f);
        for (int i = at + fade; i < at + 480; i++) assertThat(y[i]).as("hh alone at %d", i).isEqualTo(0.5f);
        for (int i = at + 480; i < y.length; i++) assertThat(y[i]).isZero();

        SampleKit free = kit().clearChokes();
        float[] z = render(free, 12_000, () -> {
            free.hitAt(free.keyOf("oh"), 0, 1);
            free.hitAt(free.keyOf("hh"), at, 1);
        });
        assertThat(z[at + 600]).as("no choke: the open hat rings on").isEqualTo(0.25f);
    }

    @Test
    void savedStateKeepsGainsRatesAndChokes() {
        SampleKit kit = kit().gainDb("bd", -6).rate("tone", 1.5).choke("bd", "tone");
        SampleKit copy = kit();
        copy.restoreState(kit.saveState());
        assertThat(copy.gainDb("bd")).isCloseTo(-6, within(1e-9));
        assertThat(copy.rate("tone")).isEqualTo(1.5);
        assertThat(copy.chokes()).isEqualTo("bd>tone hh>oh");
    }

    @Test
    void polyphonyIsBoundedAndTheOldestVoiceIsTakenOver() {
        SampleKit kit = kit();
        int oh = kit.keyOf("oh");
        float[] y = render(kit, 12_000, () -> {
            for (int k = 0; k < 5; k++) kit.hitAt(oh, 1_000L * k, 1);
        });
        assertThat(y[3_500]).as("four voices sound together").isEqualTo(1.0f);
        assertThat(y[4_500]).as("the fifth hit takes over the first voice: still four").isEqualTo(1.0f);
        assertThat(kit.polyphony()).isEqualTo(SampleKit.DEFAULT_POLYPHONY);
    }

    @Test
    void namesComeFromTheFolderAndMistakesSayWhatToDo() throws IOException {
        writeWav(dir.resolve("kick.wav"), ramp(100));
        writeWav(dir.resolve("Snare.WAV"), constant(50, 0.5f));
        Files.writeString(dir.resolve("notes.txt"), "not audio");
        SampleKit kit = SampleKit.load(dir, new SampleBank());
        assertThat(kit.names()).containsExactly("Snare", "kick");
        assertThat(kit.chokes()).isEmpty();
        assertThatThrownBy(() -> kit.keyOf("bd"))
                .hasMessage("kit(\"" + dir + "\") has no hit named 'bd'; its names are Snare kick");

        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> SampleKit.load(empty, new SampleBank()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no audio files (.wav .aif .aiff .aifc .au) in " + empty)
                .hasMessageContaining("put the kit's samples there");

        Path twice = Files.createDirectory(dir.resolve("twice"));
        writeWav(twice.resolve("clap.wav"), ramp(10));
        writeWav(twice.resolve("clap.aiff"), ramp(10));
        assertThatThrownBy(() -> SampleKit.load(twice, new SampleBank()))
                .hasMessageContaining("both named 'clap': clap.aiff and clap.wav — rename or remove one");
    }

    @Test
    void renderingWhileHitsKeepComingAllocatesNothing() throws Exception {
        SampleKit kit = kit();
        NodeHarness h = new NodeHarness(kit, SR, BLOCK);
        Blocks.run(kit, h, 20_000);
        long[] windows = Allocations.untilTwoQuietWindows(Thread.currentThread(), 6, () -> Blocks.run(kit, h, 10_000));
        assertThat(Allocations.endsQuiet(windows)).as("bytes per window: %s", Arrays.toString(windows)).isTrue();
    }

    /** The measured loop, in a class without string literals (see StdlibNodeContractTest.Blocks). */
    private static final class Blocks {
        static void run(SampleKit kit, NodeHarness h, int blocks) {
            for (int b = 0; b < blocks; b++) {
                if (b % 3 == 0) kit.hitAt(b % 5, h.time() + 64 + (b * 7) % 64, 0.8, b % 2 == 0 ? 1 : 1.5);
                h.renderBlock(64);
            }
        }
    }

    /** Writes 16-bit mono PCM at 48 kHz with Java Sound. */
    static void writeWav(Path file, float[] x) throws IOException {
        byte[] b = new byte[x.length * 2];
        for (int i = 0; i < x.length; i++) {
            int v = Math.round(x[i] * 32767);
            b[2 * i] = (byte) v;
            b[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat f = new AudioFormat(48_000, 16, 1, true, false);
        AudioFileFormat.Type type = file.toString().endsWith(".aiff") ? AudioFileFormat.Type.AIFF : AudioFileFormat.Type.WAVE;
        if (type == AudioFileFormat.Type.AIFF) {
            f = new AudioFormat(48_000, 16, 1, true, true);
            for (int i = 0; i < x.length; i++) { byte t = b[2 * i]; b[2 * i] = b[2 * i + 1]; b[2 * i + 1] = t; }
        }
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(b), f, x.length), type, file.toFile());
    }
}
