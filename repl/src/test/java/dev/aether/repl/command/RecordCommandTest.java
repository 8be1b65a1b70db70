package dev.aether.repl.command;

import dev.aether.repl.AetherRuntime;
import dev.aether.repl.LiveConsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.core.io.AudioFileReader;
import dev.aether.repl.console.ScriptedConsole;
import dev.aether.testkit.signals.Signals;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code :record} while the engine plays on the paced null driver (a real audio thread at the real rate). */
class RecordCommandTest {
    AetherRuntime rt;
    ScriptedConsole c;
    @TempDir Path dir;

    @BeforeEach void start() throws Exception {
        LiveConsole live = LiveConsole.playing();
        rt = live.runtime();
        c = live.console();
    }

    @AfterEach void stop() {
        c.close();
        rt.close();
    }

    @Test void shouldRecordTheSineThatPlaysAtItsPitchAndReportDurationAndDrops() throws Exception {
        c.eval("play(sine(440))");
        Path wav = dir.resolve("take.wav");
        assertThat(c.eval(":record " + wav)).isEqualTo("recording to " + wav);
        Thread.sleep(1_200);
        String done = c.eval(":record stop");
        Matcher m = Pattern.compile("recorded .*take\\.wav: ([0-9.]+) s \\((\\d+) frames, 24-bit PCM\\), (\\d+) frames dropped")
                .matcher(done);
        assertThat(m.find()).as("report: %s", done).isTrue();
        double seconds = Double.parseDouble(m.group(1));
        assertThat(seconds).as("duration of about the 1.2 s waited (paced driver)").isBetween(1.0, 1.6);
        assertThat(Long.parseLong(m.group(3))).as("dropped frames").isZero();

        AudioFileReader.Decoded r = AudioFileReader.read(wav);
        assertThat(r.bitsPerSample()).as("24-bit PCM").isEqualTo(24);
        assertThat(r.floatingPoint()).isFalse();
        assertThat(r.channels()).isEqualTo(2);
        assertThat(r.sampleRateHz()).isEqualTo(48_000.0);
        assertThat((long) r.frames()).as("frames in the file = frames reported").isEqualTo(Long.parseLong(m.group(2)));
        float[] left = r.channel(0);
        int skip = 4_800;                                            // past the 5 ms fade-in wherever it fell
        // the spectrum's peak over 32,768 frames (0.68 s): a zero-crossing count over the take was off by one crossing
        // (440.8 Hz) in about a third of the runs on a loaded 2-core machine, before and after the round-2 house
        assertThat(Signals.peakFrequency(left, skip, 32_768, 48_000)).as("pitch of the recording").isCloseTo(440, within(0.5));
        assertThat(rms(left, skip)).as("rms of a sine heard at about full scale").isGreaterThan(0.3);
        assertThat(c.eval(":record")).isEqualTo("not recording");
    }

    @Test void shouldRefuseToStopWhenNotRecording() {
        assertThat(c.eval(":record stop")).isEqualTo(":record: not recording");
    }

    /** Frequency from the first and last upward zero crossings (linearly interpolated) of {@code x[from..]}. */

    static double rms(float[] x, int from) { return x.length <= from ? 0 : Signals.rms(x, from, x.length - from); }
}
