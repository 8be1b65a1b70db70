package dev.aether.core.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aether.testkit.signals.Allocations;
import dev.aether.testkit.signals.Signals;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plays through a real device and records it back. Runs when Java Sound offers both a playback and a
 * capture line (on the headless machines: {@code shared/audio/headless-audio.sh start}, whose null-sink
 * monitor is the default capture source). With {@code AETHER_AUDIO_TESTS=required} in the environment
 * (set by {@code .ci/run}) a missing device fails instead of skipping.
 */
class JavaSoundDriverTest {
    private static final int RATE = 48_000;
    private static final AudioFormat S16 = new AudioFormat(RATE, 16, 2, true, false);

    @BeforeEach
    void needsDevice() {
        boolean present = AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, S16))
                && AudioSystem.isLineSupported(new DataLine.Info(TargetDataLine.class, S16));
        boolean required = "required".equals(System.getenv("AETHER_AUDIO_TESTS"))
                || "required".equals(System.getProperty("aether.audio.tests"));
        if (!present && required)
            fail("AETHER_AUDIO_TESTS=required but Java Sound has no playback+capture line; run shared/audio/headless-audio.sh start");
        assumeTrue(present, "no sound device with playback and capture (start shared/audio/headless-audio.sh)");
    }

    /** Records the default capture line on its own thread into a pre-sized buffer. */
    private static final class Recorder implements AutoCloseable {
        final TargetDataLine line;
        final byte[] data;
        volatile int length;
        volatile boolean stop;
        final Thread thread;

        Recorder(double seconds) throws LineUnavailableException {
            line = AudioSystem.getTargetDataLine(S16);
            line.open(S16, 4800 * 4);
            data = new byte[(int) (seconds * RATE) * 4];
            line.start();
            thread = new Thread(() -> {
                int off = 0;
                while (!stop && off < data.length) {
                    int n = line.read(data, off, Math.min(1024, data.length - off));
                    if (n <= 0) break;
                    off += n;
                    length = off;
                }
            }, "recorder");
            thread.setDaemon(true);
            thread.start();
        }

        short sample(int frame, int ch) {
            int i = frame * 4 + ch * 2;
            return (short) ((data[i] & 0xFF) | (data[i + 1] << 8));
        }

        @Override
        public void close() {
            stop = true;
            try {
                thread.join(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            line.stop();
            line.close();
        }
    }

    private static void waitFor(SineSource s, long frames, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (s.framesRendered < frames && System.currentTimeMillis() < end) Thread.sleep(5);
    }

    @Test
    void shouldListTheDefaultDeviceAndChooseByNameOrIndex() {
        List<DeviceInfo> devices = JavaSoundDriver.devices();
        assertThat(devices).isNotEmpty();
        String name = devices.get(0).name();
        try (JavaSoundDriver byIndex = JavaSoundDriver.open(DriverConfig.defaults().device("0"));
             JavaSoundDriver byName = JavaSoundDriver.open(DriverConfig.defaults().device(name.substring(0, Math.min(4, name.length())).toUpperCase()))) {
            assertThat(byIndex.deviceName()).isEqualTo(name);
            assertThat(byName.deviceName()).isEqualTo(name);
            assertThat(byIndex.description()).startsWith("Java Sound: " + name).contains("512-frame buffer");
        }
    }

    /**
     * Up to three attempts; the first perfectly clean one passes. PulseAudio's own threads run at normal
     * priority, so on a loaded 2-core machine the null sink itself can starve (measured: dropouts only at load
     * averages of 6 and more); a driver that drops or corrupts frames fails every attempt.
     */
    @Test
    void shouldPlayASineThatRecordsBackBitExactWithoutDropouts() throws Exception {
        AssertionError last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                playAndRecordOnce();
                return;
            } catch (AssertionError e) {
                last = e;
                System.out.println("attempt " + attempt + " failed: " + e.getMessage());
            }
        }
        throw last;
    }

    private void playAndRecordOnce() throws Exception {
        int bufferFrames = Integer.getInteger("aether.audio.bufferFrames", 2048);
        long playFrames = (long) (2.5 * RATE);
        double freq = 1000;
        double amp = 0.5;
        SineSource s = new SineSource(RATE, 2, 64, freq, amp, playFrames);
        float[] expectedFloats = OfflineDriver.renderToArray(new SineSource(RATE, 2, 64, freq, amp, playFrames), playFrames);
        JavaSoundDriver d = JavaSoundDriver.open(DriverConfig.defaults().bufferFrames(bufferFrames));
        Recorder rec = new Recorder(5);
        long t0;
        double wall;
        try {
            Thread.sleep(200);
            t0 = System.nanoTime();
            d.start(s);
            waitFor(s, playFrames, 6_000);
            wall = (System.nanoTime() - t0) / 1e9;
            waitFor(s, playFrames + bufferFrames + RATE / 5, 2_000);     // let the tail of the sine play out
        } finally {
            d.close();
            Thread.sleep(200);
            rec.close();
        }
        assertThat(d.failure()).isNull();

        // where the sine starts in the recording: the first non-silent frame is played frame 1 (frame 0 is 0)
        int recorded = rec.length / 4;
        int onset = -1;
        for (int i = 0; i < recorded; i++) if (rec.sample(i, 0) != 0) { onset = i - 1; break; }
        assertThat(onset).as("the sine was heard on the capture line").isGreaterThanOrEqualTo(0);

        // walk played and recorded side by side: inserted silence is a gap, anything else a mismatch
        int gaps = 0, gapFrames = 0, mismatches = 0, firstBad = -1;
        int i = 0, j = onset;
        while (i < playFrames && j < recorded) {
            short want = (short) Math.max(-32768, Math.min(32767, Math.round(expectedFloats[2 * i] * 32768.0)));
            short got = rec.sample(j, 0);
            if (got == want && rec.sample(j, 1) == (short) Math.max(-32768, Math.min(32767, Math.round(expectedFloats[2 * i + 1] * 32768.0)))) {
                i++; j++;
                continue;
            }
            if (firstBad < 0) firstBad = i;
            if (got == 0 && rec.sample(j, 1) == 0) {
                int run = 0;
                while (j < recorded && rec.sample(j, 0) == 0 && rec.sample(j, 1) == 0) { j++; run++; }
                gaps++;
                gapFrames += run;
            } else {
                mismatches++;
                i++; j++;
            }
        }
        int matchedThrough = i;

        // pitch from interpolated upward zero crossings of the recorded left channel over the played span
        int spanEnd = (int) Math.min(recorded, onset + playFrames + gapFrames);
        float[] heard = new float[Math.max(0, spanEnd - onset)];
        for (int k = 0; k < heard.length; k++) heard[k] = rec.sample(onset + k, 0);
        double pitchHz = Signals.zeroCrossingHz(heard, 0, heard.length, RATE);

        System.out.printf("JavaSoundDriver (%s, %s): %.3f s of audio rendered in %.3f s wall; recorded pitch %.4f Hz; "
                        + "matched %d/%d frames bit-exact; gaps %d (%d frames); mismatches %d; driver late blocks %d, resyncs %d, max stall %.2f ms%n",
                d.description(), d.schedulingReport(), playFrames / (double) RATE, wall, pitchHz, matchedThrough, playFrames,
                gaps, gapFrames, mismatches, d.lateBlocks(), d.resyncs(), d.maxStallNanos() / 1e6);
        System.out.println("  load average: " + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("  " + d.timingReport());
        assertThat(d.timingReport()).as("the loop timed its render, device calls and waits")
                .matches("worst block render \\d+\\.\\d\\d ms, available\\(\\) \\d+\\.\\d\\d ms, wait for room \\d+\\.\\d\\d ms,"
                        + " write\\(\\) \\d+\\.\\d\\d ms")
                .doesNotContain("wait for room 0.00 ms");     // paced by the device: it waits every block

        assertThat(gaps).as("dropouts (silence inserted into the sine), first bad played frame " + firstBad
                + "; the driver saw " + d.resyncs() + " device drains, max stall " + d.maxStallNanos() / 1_000_000 + " ms").isZero();
        assertThat(wall).as("wall seconds to hand 2.5 s of audio to the device (paced by it)").isBetween(2.5 - 0.1 - bufferFrames / (double) RATE, 2.5 + 0.25);
        assertThat(mismatches).as("recorded frames that differ from the played ones, first at " + firstBad).isZero();
        assertThat(matchedThrough).as("played frames found contiguously in the recording").isEqualTo((int) playFrames);
        assertThat(Math.abs(pitchHz - freq)).as("recorded pitch error in Hz").isLessThan(1.0);
    }

    @Test
    void shouldNotAllocateInTheSteadyStateLoop() throws Exception {
        assumeTrue(Allocations.supported(), "per-thread allocation counting unsupported");
        // 16-frame blocks: 3000 blocks a second
        SineSource s = new SineSource(RATE, 2, 16, 440, 0.25, Long.MAX_VALUE);
        JavaSoundDriver d = JavaSoundDriver.open(DriverConfig.defaults().bufferFrames(2048));
        long[] r;
        try {
            d.start(s);
            while (s.audioThread == null) Thread.sleep(1);
            // two quiet windows first: the C2 request for the JDK line's available() resolves that class's strings on
            // the calling thread; the driver makes it on the control thread before starting (warmLineCalls), but
            // when the JIT's queue is slow it can still come from the audio thread, once, about a second in
            r = s.steadyStateAllocation(RATE, 10, 16 * 10_000);
        } finally {
            d.close();
        }
        System.out.printf("JavaSoundDriver: %d bytes allocated over %d blocks%n", r[0], r[1] / 16);
        assertThat(r[1] / 16).as("blocks measured").isGreaterThanOrEqualTo(10_000);
        assertThat(r[0]).as("bytes allocated by the audio thread in steady state").isZero();
    }

    @Test
    void shouldRefuseASourceWithAnotherRate() {
        try (JavaSoundDriver d = JavaSoundDriver.open(DriverConfig.defaults())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.start(new SineSource(44_100, 2, 64, 440, 0.5, 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("44100");
        }
    }
}
