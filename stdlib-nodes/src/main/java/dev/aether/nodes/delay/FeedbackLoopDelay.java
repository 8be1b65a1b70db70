package dev.aether.nodes.delay;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;

/**
 * The delay loop shared by {@link AllPassFilter} and {@link CombFilter}: ports {@code in}, {@code out}, param
 * {@code delayMillis} (ms, 0.1..maxDelayMillis, linear interpolation) and a {@link DelayBuffer} sized for the
 * maximum at the prepared rate, read before this sample is written. The ports and the param are fields here
 * because the engine finds them by reflection on the node's fields (superclass fields first). Package-private:
 * the public filters are the final subclasses. Confined to the audio thread except where noted.
 */
abstract class FeedbackLoopDelay implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam delayMillis;

    private final double maxDelayMillis;
    final DelayBuffer buf = new DelayBuffer();

    /** A loop holding up to {@code maxDelayMillis} (0.1 .. 60 000), delay default min(defaultMillis, max). */
    FeedbackLoopDelay(double maxDelayMillis, double defaultMillis) {
        if (!(maxDelayMillis >= 0.1 && maxDelayMillis <= 60_000)) {
            throw new IllegalArgumentException("maxDelayMillis must be in [0.1, 60000], was " + maxDelayMillis);
        }
        this.maxDelayMillis = maxDelayMillis;
        delayMillis = Params.linear("delayMillis", "ms", Math.min(defaultMillis, maxDelayMillis), 0.1, maxDelayMillis);
        buf.allocate(maxDelayMillis * 48);
    }

    public double delayMillis() { return delayMillis.get(); }

    @Override @ControlThread
    public void prepare(double sr, int maxFrames) { buf.allocate(maxDelayMillis * sr / 1000); }

    /**
     * Advances {@code delayMillis} one sample and returns the buffer that many ms back (linear interpolation,
     * clamped to [0, max] samples), read before this sample's write.
     */
    @RealtimeSafe
    final double readDelayedRt(double samplesPerMilli, int max) {
        double d = delayMillis.nextRt() * samplesPerMilli - 1;
        return buf.readLinear(d < 0 ? 0 : d > max ? max : d);
    }
}
