package dev.aether.arrange.live;

import dev.aether.arrange.play.ArrangementTransport;
import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.nodes.Dsp;

/**
 * A track's fader: volume (dB), pan (-1..1, a balance law: the far side is scaled by {@code 1 - |pan|}, the near side
 * stays at unity, so the centre is unity gain) and mute (silence when the track is not audible under the mute and
 * solo rule of {@link dev.aether.arrange.Schedule}). With a volume or pan lane the gain follows the lane on every
 * sample, at the timeline sample the shared transport gives it; otherwise a change ramps over one block.
 * Ports {@code in}, {@code out}, stereo. Confined to the audio thread except where noted.
 */
public final class TrackStrip implements DspNode {
    public final InputPort in = Ports.audioIn("in", 2);
    public final OutputPort out = Ports.audioOut("out", 2);

    /** What the strip plays with. Immutable. {@code volume}, {@code pan}: lanes or null. */
    record Settings(double volumeDb, double pan, boolean audible, LaneCurve volume, LaneCurve panLane) {}

    private final ArrangementTransport transport;
    private volatile Settings settings;
    private double gl = Double.NaN, gr;           // audio thread: gains of the last sample
    private LaneCurve volLane, panLane;           // audio thread: the lane segment of the last sample, cached
    private int volSeg, panSeg;
    private double volFrom, volTo, panFrom, panTo;

    TrackStrip(ArrangementTransport transport, Settings s) {
        this.transport = transport;
        this.settings = s;
    }

    @ControlThread
    void settings(Settings s) { settings = s; }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        int n = ctx.frames();
        long t0 = ctx.sampleTime();
        transport.spansRt(t0, n);
        Settings s = settings;
        float[] il = ctx.in(in, 0), ir = ctx.in(in, 1), ol = ctx.out(out, 0), or = ctx.out(out, 1);
        if (s.volume() == null && s.panLane() == null) {
            double g = s.audible() ? dbToGain(s.volumeDb()) : 0;
            double tl = g * left(s.pan()), tr = g * right(s.pan());
            if (gl != gl) { gl = tl; gr = tr; }
            if (tl == gl && tr == gr) {
                for (int i = 0; i < n; i++) {
                    ol[i] = (float) (il[i] * tl);
                    or[i] = (float) (ir[i] * tr);
                }
            } else {
                double dl = (tl - gl) / n, dr = (tr - gr) / n;
                for (int i = 0; i < n; i++) {
                    ol[i] = (float) (il[i] * (gl + dl * (i + 1)));
                    or[i] = (float) (ir[i] * (gr + dr * (i + 1)));
                }
                gl = tl;
                gr = tr;
            }
            return;
        }
        LaneCurve vol = s.volume(), pan = s.panLane();
        boolean audible = s.audible();
        int spans = transport.spanCountRt();
        for (int k = 0; k < spans; k++) {
            int a = transport.spanStartRt(k), b = transport.spanStartRt(k + 1);
            long pos = transport.spanPositionRt(k);
            boolean moving = transport.spanPlayingRt(k);
            for (int i = a; i < b; i++) {
                double t = moving ? pos + (i - a) : pos;
                double db = s.volumeDb(), p = s.pan();
                if (vol != null) {
                    if (vol != volLane || !(t >= volFrom && t < volTo)) {
                        volLane = vol;
                        volSeg = vol.segmentRt(t);
                        volFrom = vol.segmentStartRt(volSeg);
                        volTo = vol.segmentEndRt(volSeg);
                    }
                    db = vol.valueInRt(volSeg, t);
                }
                if (pan != null) {
                    if (pan != panLane || !(t >= panFrom && t < panTo)) {
                        panLane = pan;
                        panSeg = pan.segmentRt(t);
                        panFrom = pan.segmentStartRt(panSeg);
                        panTo = pan.segmentEndRt(panSeg);
                    }
                    p = pan.valueInRt(panSeg, t);
                }
                double g = audible ? dbToGain(db) : 0;
                gl = g * left(p);
                gr = g * right(p);
                ol[i] = (float) (il[i] * gl);
                or[i] = (float) (ir[i] * gr);
            }
        }
    }

    /** dB to a linear gain (within 1e-12 of {@code 10^(dB/20)}); -infinity and below -150 dB are silence. */
    @RealtimeSafe
    static double dbToGain(double db) { return db <= -150 ? 0 : Dsp.exp2(db * DB_TO_LOG2); }

    private static final double DB_TO_LOG2 = Math.log(10) / Math.log(2) / 20;

    @RealtimeSafe
    static double left(double pan) { return pan > 0 ? 1 - Math.min(pan, 1) : 1; }

    @RealtimeSafe
    static double right(double pan) { return pan < 0 ? 1 + Math.max(pan, -1) : 1; }

    @Override public String typeName() { return "TrackStrip"; }
}
