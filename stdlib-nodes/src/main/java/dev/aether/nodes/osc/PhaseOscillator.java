package dev.aether.nodes.osc;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;

/**
 * What the stdlib's phase-accumulator oscillators share: the ports {@code fm}, {@code pm}, {@code sync} and
 * {@code out}, the param {@code frequencyHz} (Hz, 0.01..20000, default 440, exponential smoothing), the
 * per-sample frequency buffer and the lock-free phase-reset request. The ports and the param are fields here
 * because the engine finds them by reflection on the node's fields (superclass fields first), so every subclass
 * declares them in the same order. Package-private: the public oscillators are the final subclasses. Confined to
 * the audio thread except where noted.
 */
abstract class PhaseOscillator implements DspNode {
    public final InputPort fm = Ports.audioIn("fm");
    public final InputPort pm = Ports.audioIn("pm");
    public final InputPort sync = Ports.audioIn("sync");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam frequencyHz = Params.hz("frequencyHz", 440, 0.01, 20_000);

    /**
     * Per-sample frequency while {@link #frequencyHz} ramps; at least {@code maxFrames} long after prepare. Starts at
     * {@value #DEFAULT_FRAMES} (the default block), not larger: a patch holds hundreds of oscillators, and big unused
     * buffers between them spread their audio-thread state over more cache lines and pages.
     */
    float[] freqBuf = new float[DEFAULT_FRAMES];
    static final int DEFAULT_FRAMES = 64;
    private volatile int resetRequests;
    private int resetsSeen;

    PhaseOscillator() {}

    public double frequencyHz() { return frequencyHz.get(); }

    /** Restarts the phase at the start of the next block (band-limited in the BLEP oscillators). Any control thread. */
    @ControlThread public void resetPhase() { resetRequests++; }

    @Override public void prepare(double sampleRate, int maxFrames) {
        if (freqBuf.length < maxFrames) freqBuf = new float[maxFrames];
    }

    /** True once for each batch of {@link #resetPhase} calls made since the last block. */
    @RealtimeSafe final boolean takeResetRequestRt() {
        int req = resetRequests;
        boolean restart = req != resetsSeen;
        resetsSeen = req;
        return restart;
    }

    /** Drops pending {@link #resetPhase} requests (a reset restarts the phase anyway). */
    final void clearResetRequests() { resetsSeen = resetRequests; }

    /** Fills {@code buf} with {@code n} per-sample values and returns it while {@code p} ramps, else null. */
    @RealtimeSafe static float[] rampOrNullRt(SmoothedParam p, float[] buf, int n) {
        if (!p.isSmoothingRt()) return null;
        p.fillRt(buf, n);
        return buf;
    }
}
