package dev.aether.arrange.play;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;

/**
 * Reads a stereo signal whose samples encode the source frame they came from (left: the low 16 bits, right: the high
 * 16 bits, as 16-bit PCM) and counts, per block, on the audio thread: samples that are exactly silent, and jumps
 * (a sample that does not continue the previous one by {@code direction} frames). Outputs silence.
 */
final class FrameIndexChecker implements DspNode {
    final InputPort in = Ports.audioIn("in", 2);
    final OutputPort out = Ports.audioOut("out");
    private final int direction;
    private long prev = Long.MIN_VALUE, silent, jumps, samples;
    volatile long silentPublished, jumpsPublished, samplesPublished;

    FrameIndexChecker(int direction) { this.direction = direction; }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        int n = ctx.frames();
        float[] l = ctx.in(in, 0), r = ctx.in(in, 1), o = ctx.out(out);
        for (int i = 0; i < n; i++) {
            o[i] = 0f;
            if (l[i] == 0f && r[i] == 0f) {
                silent++;
                prev = Long.MIN_VALUE;
                continue;
            }
            long lo = Math.round(l[i] * 32768.0) & 0xFFFF, hi = Math.round(r[i] * 32768.0) & 0xFFFF;
            long f = hi << 16 | lo;
            if (prev != Long.MIN_VALUE && f != prev + direction) jumps++;
            prev = f;
        }
        samples += n;
        silentPublished = silent;
        jumpsPublished = jumps;
        samplesPublished = samples;
    }

    /** The 16-bit sample pair that encodes frame {@code f} (left, right). */
    static short left(long f) { return (short) (f & 0xFFFF); }
    static short right(long f) { return (short) ((f >>> 16) & 0xFFFF); }
}
