package dev.aether.core.driver;

import dev.aether.core.io.SampleCodec;
import dev.aether.core.io.WavFormat;

import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays through a Java Sound {@link SourceDataLine}: little-endian, interleaved, at the engine rate, 16-bit
 * by default (24-bit or float when configured and the device takes them). {@link #open(DriverConfig)}
 * opens the line on the calling thread, so a missing device fails there with a clear message.
 *
 * <p>The audio thread ({@code aether-audio}) calls {@code source.audioThreadStarted()}, then loops: render
 * one engine block into a pre-allocated float buffer, encode it into a pre-allocated byte buffer, check
 * the wall clock, and {@code write()} (which blocks while the device buffer is full). The steady-state loop
 * allocates nothing ({@code JavaSoundDriverTest} checks it).
 *
 * <p>Xruns: Java Sound reports none, so they are inferred from the wall clock against frames written.
 * Once the device buffer of {@code B} frames has been filled and a settling time has passed (one more
 * buffer, at least 100 ms: PulseAudio takes extra audio at first), the clock is anchored on the mean offset seen while settling: block {@code W} is
 * due to be written at {@code anchor + (W - W_anchor) / rate}, which leaves {@code B} frames of slack before
 * the device runs dry. A block more than {@code B/2} past that is reported late (once per episode); past
 * {@code B} the device has drained, so {@code lateRt(stall, true)} asks the engine to resync and the clock
 * re-anchors once the buffer has refilled. The anchor follows the device clock slowly (1/4096 of each
 * on-time error), which absorbs crystal drift between the device and {@code System.nanoTime}. The thread
 * waits for room itself ({@code available()}, then {@code parkNanos} for the time the missing frames take
 * to play) because {@code DirectAudioDevice.write()} polls with {@code Object.wait} of a quarter buffer,
 * which would add up to 10 ms of jitter.
 */
public final class JavaSoundDriver implements AudioDriver {
    private final DriverConfig config;
    private final SourceDataLine line;
    private final WavFormat format;
    private final String deviceName;
    private final int bufferFrames;
    private volatile boolean running;
    private volatile long framesWritten;
    // the audio loop's worst times per block, for telling where a late block was held up (see timingReport)
    private volatile long worstRenderNanos, worstAvailableNanos, worstWaitNanos, worstWriteNanos;
    private final LateBlockMeter meter = new LateBlockMeter();
    private boolean closed;
    private AudioThreadHandle handle;
    private volatile String deviceThreadsReport = "";
    private AudioSource source;
    private float[] floats;
    private byte[] bytes;

    private JavaSoundDriver(DriverConfig config, SourceDataLine line, WavFormat format, String deviceName) {
        this.config = config;
        this.line = line;
        this.format = format;
        this.deviceName = deviceName;
        this.bufferFrames = line.getBufferSize() / line.getFormat().getFrameSize();
    }

    /**
     * Opens the device chosen by {@code config.device()} at {@code config.sampleRateHz()} with a buffer of
     * {@code config.bufferFrames()} frames (the device may round it).
     *
     * @throws AudioDeviceException when no device matches or the line cannot be opened
     */
    @ControlThread
    public static JavaSoundDriver open(DriverConfig config) {
        Mixer.Info mixer = config.device() == null ? null : select(config.device(), config);
        WavFormat fmt = config.format();
        AudioFormat af = audioFormat(fmt, config);
        if (fmt != WavFormat.PCM_16 && !supports(mixer, af)) {
            fmt = WavFormat.PCM_16;
            af = audioFormat(fmt, config);
        }
        SourceDataLine line;
        try {
            line = mixer == null ? AudioSystem.getSourceDataLine(af) : AudioSystem.getSourceDataLine(af, mixer);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new AudioDeviceException("no sound output " + (mixer == null ? "device" : "on '" + mixer.getName() + "'")
                    + " for " + describe(af) + ": " + e.getMessage(), e);
        }
        try {
            line.open(af, config.bufferFrames() * af.getFrameSize());
        } catch (LineUnavailableException | IllegalArgumentException | IllegalStateException | SecurityException e) {
            line.close();
            throw new AudioDeviceException("cannot open the sound output " + (mixer == null ? "" : "'" + mixer.getName() + "' ")
                    + "for " + describe(af) + ": " + e.getMessage(), e);
        }
        String name = mixer != null ? mixer.getName() : defaultMixerName(af);
        return new JavaSoundDriver(config, line, fmt, name);
    }

    /** Output devices that can open a stereo 16-bit line at 48 kHz. */
    @ControlThread
    public static List<DeviceInfo> devices() { return devices(DriverConfig.defaults()); }

    /** Output devices that can open a line in {@code config}'s rate, channels and format. */
    @ControlThread
    public static List<DeviceInfo> devices(DriverConfig config) {
        DataLine.Info want = new DataLine.Info(SourceDataLine.class, audioFormat(config.format(), config));
        List<DeviceInfo> out = new ArrayList<>();
        for (Mixer.Info m : AudioSystem.getMixerInfo()) {
            try {
                if (AudioSystem.getMixer(m).isLineSupported(want))
                    out.add(new DeviceInfo(out.size(), m.getName(), m.getVendor(), m.getDescription()));
            } catch (RuntimeException e) {
                // a broken provider: leave the mixer out
            }
        }
        return List.copyOf(out);
    }

    private static Mixer.Info select(String selector, DriverConfig config) {
        List<DeviceInfo> list = devices(config);
        DeviceInfo hit = null;
        String s = selector.strip();
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            int i = Integer.parseInt(s);
            if (i < list.size()) hit = list.get(i);
        } else {
            String needle = s.toLowerCase(Locale.ROOT);
            for (DeviceInfo d : list) {
                if (d.name().equalsIgnoreCase(s)) { hit = d; break; }
                if (hit == null && d.name().toLowerCase(Locale.ROOT).contains(needle)) hit = d;
            }
        }
        if (hit == null) throw new AudioDeviceException("no output device matches '" + selector + "'; devices: "
                + (list.isEmpty() ? "none" : list));
        for (Mixer.Info m : AudioSystem.getMixerInfo()) if (m.getName().equals(hit.name())) return m;
        throw new AudioDeviceException("output device '" + hit.name() + "' disappeared");
    }

    private static boolean supports(Mixer.Info mixer, AudioFormat af) {
        DataLine.Info info = new DataLine.Info(SourceDataLine.class, af);
        return mixer == null ? AudioSystem.isLineSupported(info) : AudioSystem.getMixer(mixer).isLineSupported(info);
    }

    private static String defaultMixerName(AudioFormat af) {
        DataLine.Info info = new DataLine.Info(SourceDataLine.class, af);
        for (Mixer.Info m : AudioSystem.getMixerInfo()) {
            if (AudioSystem.getMixer(m).isLineSupported(info)) return m.getName();
        }
        return "default device";
    }

    static AudioFormat audioFormat(WavFormat f, DriverConfig c) {
        int ch = c.channels();
        float rate = c.sampleRateHz();
        return f.isFloat()
                ? new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, rate, 32, ch, 4 * ch, rate, false)
                : new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, rate, f.bitsPerSample(), ch, f.bytesPerSample() * ch, rate, false);
    }

    private static String describe(AudioFormat af) {
        return (int) af.getSampleRate() + " Hz " + af.getSampleSizeInBits() + "-bit "
                + (af.getEncoding() == AudioFormat.Encoding.PCM_FLOAT ? "float" : "PCM") + " " + af.getChannels() + " ch";
    }

    @Override
    public String description() {
        return "Java Sound: " + deviceName + ", " + describe(line.getFormat()) + ", " + bufferFrames + "-frame buffer";
    }

    /** The device buffer actually granted, in frames. */
    public int bufferFrames() { return bufferFrames; }

    /** The sample encoding in use (16-bit when the configured one was refused). */
    public WavFormat format() { return format; }

    /** The mixer's name. */
    public String deviceName() { return deviceName; }

    @Override
    @ControlThread
    public synchronized void start(AudioSource source) {
        if (closed) throw new IllegalStateException("Java Sound driver is closed");
        if (handle != null && running) throw new IllegalStateException("Java Sound driver already started");
        if (source.channels() != config.channels() || Math.round(source.sampleRate()) != config.sampleRateHz())
            throw new IllegalArgumentException("source is " + source.channels() + " ch at " + source.sampleRate()
                    + " Hz but the device is open for " + config.channels() + " ch at " + config.sampleRateHz() + " Hz");
        this.source = source;
        int block = source.blockSize();
        floats = new float[block * source.channels()];
        bytes = new byte[block * source.channels() * format.bytesPerSample()];
        framesWritten = 0;
        running = true;
        warmLineCalls();
        line.flush();
        line.start();
        handle = new AudioThreadHandle("aether-audio", this::loop);
        handle.start(config.realtimeScheduling(), config.realtimePriority());
        if (config.realtimeScheduling()) deviceThreadsReport = raiseDeviceThreads(config.realtimePriority());
    }

    /**
     * Calls the line's {@code available()} here, on the control thread, so that HotSpot's request to compile it with
     * C2 is likely made here (100,000 calls or 150 ms, once per line class). That request resolves every string
     * constant of the JDK's line class on the thread that makes it; made by the audio loop, about a second in, it
     * allocated 368 bytes there (seen with -XX:+LogCompilation). Best effort: when the JIT's queue is slow the
     * request can still come later, from the audio thread, once.
     */
    @ControlThread
    private void warmLineCalls() {
        if (!WARMED_LINE_CLASSES.add(line.getClass())) return;
        long end = System.nanoTime() + 150_000_000L;
        for (int i = 0; i < 100_000 && System.nanoTime() < end; i++) line.available();
    }

    private static final java.util.Set<Class<?>> WARMED_LINE_CLASSES =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Through PulseAudio, Java Sound's ALSA plugin moves our audio to the server on libpulse's own thread
     * ({@code threaded-ml}) inside this JVM. Left at normal priority it starves under load and the device runs dry
     * although our audio thread is on time (measured: soak dropouts on the Java Sound path, none on the paced null
     * driver). It gets the audio thread's priority.
     */
    private static String raiseDeviceThreads(int priority) {
        java.util.List<Long> ids = RealtimeScheduling.nativeThreadsNamed("threaded-ml");
        if (ids.isEmpty()) return "";
        int raised = 0;
        for (long tid : ids) if (RealtimeScheduling.requestFifo(tid, priority).fifo()) raised++;
        return "; PulseAudio client thread" + (ids.size() == 1 ? "" : "s") + ": "
                + (raised == ids.size() ? "SCHED_FIFO " + priority : raised + " of " + ids.size() + " raised");
    }

    @AudioThread
    private void loop() {
        AudioSource src = source;
        src.audioThreadStarted();
        double rate = src.sampleRate();
        long bufferNanos = Math.round(bufferFrames * 1e9 / rate);
        new RenderLoop().runRt(src, src.blockSize(), src.channels() * src.blockSize(), 1e9 / rate, bufferNanos / 2,
                bufferNanos);
    }

    /**
     * The steady-state loop, in a class of its own that holds no string literal: when the audio thread asks C2 to
     * compile it (on stack, minutes into a set), HotSpot first resolves every string constant of the method's class
     * on that thread, and would allocate them there.
     */
    private final class RenderLoop {
        @AudioThread @RealtimeSafe
        void runRt(AudioSource src, int block, int samplesPerBlock, double nanosPerFrame, long lateNanos,
                   long bufferNanos) {
            float[] f = floats;
            byte[] b = bytes;
            WavFormat fmt = format;
            SourceDataLine out = line;
            int frameBytes = out.getFormat().getFrameSize();
            long written = 0;
            long settleFrames = Math.max(bufferFrames, Math.round(0.1 / nanosPerFrame * 1e9));
            long fillUntil = bufferFrames;  // no lateness checks until the device buffer is full (start, resync)
            long settleUntil = fillUntil + settleFrames;
            boolean anchored = false;
            long anchorNanos = 0;
            long anchorFrame = 0;
            long settleSum = 0;
            int settleCount = 0;
            long render = 0, available = 0, wait = 0, write = 0;      // worst so far, published when they grow
            while (running) {
                long t0 = System.nanoTime();
                src.renderRt(f, block);
                int len = SampleCodec.encodeRt(f, 0, samplesPerBlock, fmt, b, 0, null);
                long now = System.nanoTime();
                boolean timed = anchored;             // worst times count from the settled state on
                if (!anchored) {
                    if (written >= fillUntil) {   // settling: anchor on the mean offset (PulseAudio takes bursts)
                        if (settleCount == 0) {
                            anchorNanos = now;
                            anchorFrame = written;
                            settleSum = 0;
                        }
                        settleSum += now - (anchorNanos + (long) ((written - anchorFrame) * nanosPerFrame));
                        settleCount++;
                        if (written >= settleUntil) {
                            anchorNanos += settleSum / settleCount;
                            anchored = true;
                        }
                    }
                } else {
                    long stall = now - (anchorNanos + (long) ((written - anchorFrame) * nanosPerFrame));
                    int lateness = meter.checkRt(src, stall, lateNanos, bufferNanos);
                    if (lateness == LateBlockMeter.RESYNC) {
                        anchored = false;
                        fillUntil = written + bufferFrames;
                        settleUntil = fillUntil + settleFrames;
                        settleCount = 0;
                    } else if (lateness == LateBlockMeter.ON_TIME) {
                        anchorNanos += stall >> 12;   // follow the device clock's drift (ppm), not its stalls
                    }
                }
                // wait for room ourselves: DirectAudioDevice.write() polls with Object.wait(buffer/4 ms)
                long t1 = System.nanoTime();
                int room = out.available();
                long t2 = System.nanoTime();
                if (timed && t2 - t1 > available) worstAvailableNanos = available = t2 - t1;
                while (room < len && running) {
                    LockSupport.parkNanos((long) ((len - room) / frameBytes * nanosPerFrame) + 50_000);
                    room = out.available();
                }
                long t3 = System.nanoTime();
                if (timed && now - t0 > render) worstRenderNanos = render = now - t0;
                if (timed && t3 - t1 > wait) worstWaitNanos = wait = t3 - t1;
                if (!running) break;
                out.write(b, 0, len);
                long t4 = System.nanoTime();
                if (timed && t4 - t3 > write) worstWriteNanos = write = t4 - t3;
                written += block;
                framesWritten = written;
            }
        }
    }

    /** Stops the audio thread and discards what the device still holds. The line stays open. Idempotent. */
    @Override
    @ControlThread
    public synchronized void stop() {
        running = false;
        if (handle == null) return;
        if (handle.thread() != Thread.currentThread()) {
            long waitMillis = 200 + 4 * bufferFrames * 1000L / config.sampleRateHz();
            if (!handle.join(waitMillis)) {
                line.stop();
                line.flush();            // unblocks a write() stuck on a stalled device
                handle.join(2_000);
            }
        }
        line.stop();
        line.flush();
    }

    /** Stops and closes the line. The driver cannot be started again. */
    @Override
    @ControlThread
    public synchronized void close() {
        stop();
        closed = true;
        line.close();
    }

    /** Frames handed to the device so far. */
    public long framesWritten() { return framesWritten; }

    /** Late blocks reported so far (including resyncs). */
    public long lateBlocks() { return meter.lateBlocks(); }

    /** Late blocks past the whole buffer (device drained) so far. */
    public long resyncs() { return meter.resyncs(); }

    /** The largest stall measured so far, in nanoseconds (0 when never behind). */
    public long maxStallNanos() { return meter.maxStallNanos(); }

    /**
     * Where the audio loop spent its worst moments since the device buffer first settled (and outside the
     * re-settling after a resync): rendering a block, one {@code available()} call, the
     * wait for room in the device buffer (normally up to a block's duration), one {@code write()} call. A late
     * block with a long render points at the JVM, a long call at the sound system's locks, a long wait at a
     * device (or server) that stopped taking audio. Any thread.
     */
    @Override
    public String timingReport() {
        return String.format(java.util.Locale.ROOT, "worst block render %.2f ms, available() %.2f ms, wait for room"
                + " %.2f ms, write() %.2f ms", worstRenderNanos / 1e6, worstAvailableNanos / 1e6,
                worstWaitNanos / 1e6, worstWriteNanos / 1e6);
    }

    /** E.g. {@code "audio thread: SCHED_FIFO 80"}; available once {@link #start} returned. */
    @Override public int fifoPriority() { return handle == null ? 0 : handle.fifoPriority(); }

    @Override public String schedulingReport() {
        return handle == null ? "audio thread: not started" : handle.schedulingReport() + deviceThreadsReport;
    }

    /** What the audio loop threw (it then ended), or null. */
    public Throwable failure() { return handle == null ? null : handle.failure(); }
}
