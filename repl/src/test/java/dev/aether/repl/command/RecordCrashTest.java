package dev.aether.repl.command;

import static dev.aether.testkit.signals.SignalAssert.assertThatSignal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aether.core.io.AudioFileReader;
import dev.aether.core.io.WavFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code kill -9} of a console during {@code :record}: a child JVM ({@link RecordingChild}) records a 440 Hz sine on
 * the paced null driver for about 2.5 s and is killed with SIGKILL ({@link Process#destroyForcibly()}); the file it
 * leaves must read back up to the last once-a-second sync in Java Sound, Python's {@code wave} (PCM only: it has no
 * float support) and {@code soxi}/{@code sox} (each tool part is skipped by an assumption where the tool is
 * missing; {@code .ci/run} installs them).
 */
class RecordCrashTest {
    static final int RATE = 48_000;
    static final long RECORD_MILLIS = 2_500;
    static final WavFormat[] FORMATS = {WavFormat.PCM_24, WavFormat.FLOAT_32};
    static final Map<WavFormat, Killed> KILLED = new EnumMap<>(WavFormat.class);
    @TempDir static Path dir;

    /** A file left by a killed child, and how long it recorded before the kill. */
    record Killed(Path wav, long recordedMillis) {}

    @BeforeAll static void recordAndKillOneChildPerFormat() throws Exception {
        for (WavFormat f : FORMATS) {
            Path wav = dir.resolve("killed-" + f + ".wav");
            KILLED.put(f, new Killed(wav, recordAndKill(wav, f == WavFormat.FLOAT_32 ? "float" : "24")));
        }
    }

    @ParameterizedTest
    @EnumSource(value = WavFormat.class, names = {"PCM_24", "FLOAT_32"})
    void shouldReadTheSineUpToTheLastSyncInJavaSoundAfterKill9(WavFormat format) throws Exception {
        Killed k = KILLED.get(format);
        AudioFileReader.Decoded r = AudioFileReader.read(k.wav());
        double seconds = r.frames() / (double) RATE;
        System.out.printf("RecordCrashTest %s: killed after %d ms of recording; %.3f s readable (%d frames)%n",
                format, k.recordedMillis(), seconds, r.frames());
        assertThat(r.channels()).isEqualTo(2);
        assertThat(r.sampleRateHz()).isEqualTo(RATE);
        assertThat(r.floatingPoint()).isEqualTo(format.isFloat());
        assertThat(seconds).as("seconds Java Sound reads after the kill: at least one sync (1 s), at most what was"
                + " recorded").isGreaterThanOrEqualTo(1.0).isLessThanOrEqualTo(k.recordedMillis() / 1000.0 + 0.1);
        float[] left = r.channel(0);
        float[] steady = Arrays.copyOfRange(left, 4_800, left.length);    // past the 5 ms fade-in
        assertThatSignal(steady, RATE).as("the recorded sine").isFinite().hasFundamentalHz(440, 1)
                .hasRmsDbBetween(-10, 0);

        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(k.wav())).order(ByteOrder.LITTLE_ENDIAN);
        int header = format.isFloat() ? 58 : 44;
        long dataBytes = b.getInt(header - 4) & 0xFFFF_FFFFL;
        assertThat(dataBytes).as("data chunk size = frames read x 2 channels x sample bytes")
                .isEqualTo((long) r.frames() * 2 * format.bytesPerSample());
        assertThat(b.getInt(4) & 0xFFFF_FFFFL).as("RIFF size").isEqualTo(header + dataBytes - 8);
        if (format.isFloat()) assertThat(b.getInt(46)).as("fact chunk frame count").isEqualTo(r.frames());
        assertThat((long) b.limit()).as("the file holds at least what its header claims")
                .isGreaterThanOrEqualTo(header + dataBytes);
    }

    @Test
    void shouldReadEveryFrameTheHeaderClaimsInPythonsWaveAfterKill9() throws Exception {
        assumeTrue(available("python3", "-c", "import wave"), "python3 with the wave module is not installed");
        Killed k = KILLED.get(WavFormat.PCM_24);                      // wave has no IEEE float support
        int frames = AudioFileReader.read(k.wav()).frames();
        String py = run("python3", "-c", "import sys, wave\n"
                + "w = wave.open(sys.argv[1], 'rb')\n"
                + "n = w.getnframes()\n"
                + "read = len(w.readframes(n)) // (w.getnchannels() * w.getsampwidth())\n"
                + "print(n, read, w.getnchannels(), w.getframerate(), w.getsampwidth())", k.wav().toString());
        assertThat(py.trim()).as("python3 wave: header frames, frames read, channels, rate, bytes per sample")
                .isEqualTo(frames + " " + frames + " 2 48000 3");
        assertThat(frames).isGreaterThan(RATE);
    }

    @ParameterizedTest
    @EnumSource(value = WavFormat.class, names = {"PCM_24", "FLOAT_32"})
    void shouldReadTheSineInSoxAfterKill9(WavFormat format) throws Exception {
        assumeTrue(available("soxi", "-V0", KILLED.get(WavFormat.PCM_24).wav().toString()), "sox is not installed");
        Killed k = KILLED.get(format);
        int frames = AudioFileReader.read(k.wav()).frames();
        assertThat(run("soxi", "-s", k.wav().toString()).trim()).as("soxi sample count (per channel)")
                .isEqualTo(Integer.toString(frames));
        String stat = run("sox", k.wav().toString(), "-n", "remix", "1", "trim", "0.1", "stat");
        assertThat(stat).as("sox stat of the left channel (sox counts what it read)")
                .containsPattern("Samples read:\\s+" + (frames - RATE / 10) + "\\b")
                .containsPattern("Rough\\s+frequency:\\s+4[34]\\d\\b");
    }

    /** Starts the child, waits for it to record, lets it run {@link #RECORD_MILLIS}, kills it; returns the ms. */
    private static long recordAndKill(Path wav, String formatWord) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RecordingChild.class.getName(), wav.toString(), formatWord).redirectErrorStream(true).start();
        List<String> out = new ArrayList<>();
        try {
            CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> awaitReady(child, out));
            assertThat(ready.get(90, TimeUnit.SECONDS)).as("the child started recording; its output: %s", out).isTrue();
            long started = System.nanoTime();
            Thread.sleep(RECORD_MILLIS);
            child.destroyForcibly();                       // SIGKILL on Linux: no shutdown hook, no close()
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(child.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
            assertThat(out).as("the child's output").anyMatch(l -> l.startsWith("recording to "));
            return millis;
        } finally {
            child.destroyForcibly();
        }
    }

    private static boolean awaitReady(Process child, List<String> out) {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (out) { out.add(line); }
                if (line.equals(RecordingChild.READY)) return true;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean available(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        assertThat(p.exitValue()).as("exit status of %s; output: %s", String.join(" ", command), text).isZero();
        return text;
    }
}
