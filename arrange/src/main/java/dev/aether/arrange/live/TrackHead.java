package dev.aether.arrange.live;

import dev.aether.arrange.play.ArrangementTransport;
import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;

/**
 * The head of a track's chain: passes what reaches the track (its source, what is sent to a bus, a metatrack's
 * children's mix) on to the first effect, and drives the effects' automated parameters before they render (it runs
 * before them: they hang off its output). Ports {@code in}, {@code out}, stereo. Confined to the audio thread except
 * where noted.
 */
public final class TrackHead implements DspNode {
    public final InputPort in = Ports.audioIn("in", 2);
    public final OutputPort out = Ports.audioOut("out", 2);

    private final ArrangementTransport transport;
    private volatile ParamDriver driver = ParamDriver.NONE;
    private ParamDriver driving;                     // audio thread: the driver of the last block
    private double sampleRate = 48_000;

    TrackHead(ArrangementTransport transport) { this.transport = transport; }

    /** Drives the effects' parameters by {@code d} from the next block. Control thread. */
    @ControlThread
    void driver(ParamDriver d) { driver = d; }

    @Override @ControlThread
    public void prepare(double sampleRate, int maxFrames) { this.sampleRate = sampleRate; }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        int n = ctx.frames();
        long t0 = ctx.sampleTime();
        transport.spansRt(t0, n);
        ParamDriver d = driver;
        d.driveRt(transport, t0, sampleRate, d != driving);
        driving = d;
        for (int c = 0; c < 2; c++) {
            float[] x = ctx.in(in, c), y = ctx.out(out, c);
            System.arraycopy(x, 0, y, 0, n);
        }
    }

    @Override public String typeName() { return "TrackHead"; }
}
