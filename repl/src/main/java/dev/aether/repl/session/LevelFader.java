package dev.aether.repl.session;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;

/**
 * Audio thread for {@code process}; built on the session thread. The level stage at the end of every played patch,
 * so patches start, stop and replace one another without clicks: {@code out = in * level} with an
 * equal-power-friendly linear ramp. Ports {@code in}/{@code out} with the patch's channel count; param {@code level}
 * 0..1, default 0 (faded in when played).
 */
public final class LevelFader implements DspNode {
    public final InputPort in;
    public final OutputPort out;
    public final SmoothedParam level = Params.unit("level", 0);
    private final int channels;
    private float[] gains = new float[0];

    public LevelFader(int channels) {
        this.channels = channels;
        in = Ports.audioIn("in", channels);
        out = Ports.audioOut("out", channels);
    }

    @Override public void prepare(double sampleRate, int maxFrames) { gains = new float[maxFrames]; }

    @Override @RealtimeSafe public void process(ProcessContext ctx) {
        int n = ctx.frames();
        level.fillRt(gains, n);
        for (int ch = 0; ch < channels; ch++) {
            float[] x = ctx.in(in, ch), y = ctx.out(out, ch);
            for (int i = 0; i < n; i++) {
                float g = gains[i];
                y[i] = x[i] * g * g * (3 - 2 * g);     // smoothstep: no corner at either end of the ramp
            }
        }
    }

    @Override public String typeName() { return "fader"; }
}
