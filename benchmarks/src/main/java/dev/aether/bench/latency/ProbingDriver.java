package dev.aether.bench.latency;

import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.driver.AudioDriver;
import dev.aether.core.driver.AudioSource;

/**
 * Wraps a real driver (the harness uses {@link dev.aether.core.driver.PacedNullDriver}) and watches what the
 * engine renders: once {@link #arm(float) armed} with the value the left channel holds now, the audio thread
 * looks for the first sample, after {@link LatencyMarks} saw the playing instance constructed, that differs from it by more than {@link #THRESHOLD} and records the
 * {@link System#nanoTime()} at which the block holding it finished rendering, plus the block's start. The
 * check costs one pass over the block and allocates nothing.
 */
public final class ProbingDriver implements AudioDriver {
    /** A change smaller than this is not a new value (the signal is a constant; the limiter is linear here). */
    public static final float THRESHOLD = 1e-4f;

    private final AudioDriver inner;
    private volatile float baseline;
    private volatile boolean armed;
    /** Armed by {@link #armForSound}: any sample other than 0 counts, whatever {@link LatencyMarks} says. */
    private volatile boolean forSound;
    private volatile long detectedNanos;
    private volatile long detectedBlockStartNanos;
    private volatile long detectedFrame;
    private volatile float lastLeft;
    private volatile long framesRendered;

    public ProbingDriver(AudioDriver inner) { this.inner = inner; }

    @Override public String description() { return inner.description() + " (probed)"; }

    @Override @ControlThread
    public void start(AudioSource source) { inner.start(new Probe(source)); }

    @Override @ControlThread
    public void stop() { inner.stop(); }

    /** Starts watching for a left-channel sample different from {@code value}; clears the last detection. */
    @ControlThread
    public void arm(float value) {
        detectedNanos = 0;
        baseline = value;
        forSound = false;
        armed = true;
    }

    /** Starts watching for the first left-channel sample that is not 0 (the first sound after silence). */
    @ControlThread
    public void armForSound() {
        detectedNanos = 0;
        baseline = 0;
        forSound = true;
        armed = true;
    }

    /** nanoTime at the end of the block where the change appeared, or 0 while none was seen since {@link #arm}. */
    public long detectedNanos() { return detectedNanos; }

    /** nanoTime at the start of that block's render. */
    public long detectedBlockStartNanos() { return detectedBlockStartNanos; }

    /** Engine frame (since start) of the first changed sample. */
    public long detectedFrame() { return detectedFrame; }

    /** The last left-channel sample of the newest block. */
    public float lastLeft() { return lastLeft; }

    /** Frames rendered so far. */
    public long framesRendered() { return framesRendered; }

    private final class Probe implements AudioSource {
        private final AudioSource engine;
        private long frames;

        Probe(AudioSource engine) { this.engine = engine; }

        @Override public int channels() { return engine.channels(); }
        @Override public double sampleRate() { return engine.sampleRate(); }
        @Override public int blockSize() { return engine.blockSize(); }
        @Override public void lateRt(long stallNanos, boolean resync) { engine.lateRt(stallNanos, resync); }
        @Override public void audioThreadStarted() { engine.audioThreadStarted(); }

        @Override @AudioThread @RealtimeSafe
        public void renderRt(float[] interleaved, int n) {
            long start = System.nanoTime();
            engine.renderRt(interleaved, n);
            int ch = engine.channels();
            boolean sound = forSound;
            if (armed && (sound || LatencyMarks.secondNanos() != 0)) {   // a swap: ignore changes before it (a resync's fade-in)
                float b = baseline, threshold = sound ? 0 : THRESHOLD;
                for (int i = 0; i < n; i++) {
                    if (Math.abs(interleaved[i * ch] - b) > threshold) {
                        detectedBlockStartNanos = start;
                        detectedFrame = frames + i;
                        detectedNanos = System.nanoTime();      // last: the reader polls this one
                        armed = false;
                        break;
                    }
                }
            }
            lastLeft = interleaved[(n - 1) * ch];
            frames += n;
            framesRendered = frames;
        }
    }
}
