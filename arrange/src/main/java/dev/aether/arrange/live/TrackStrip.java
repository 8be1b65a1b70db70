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
 * sample, at the timeline sample the shared transport gives it, read a segment at a time through a {@link LaneCursor}
 * (a flat segment costs one gain for the run, a moving one a block of values and a block {@link Dsp#exp2});
 * otherwise a change ramps over one block.
 * Ports {@code in}, {@code out}, stereo. Confined to the audio thread except where noted.
 */
public final class TrackStrip implements DspNode {
    public final InputPort in = Ports.audioIn("in", 2);
    public final OutputPort out = Ports.audioOut("out", 2);

    /** What the strip plays with. Immutable. {@code volume}, {@code pan}: lanes or null. */
    record Settings(double volumeDb, double pan, boolean audible, LaneCurve volume, LaneCurve panLane) {}

    private final ArrangementTransport transport;
    private volatile Settings settings;
    private static final int CHUNK = 64;          // samples per lane run read into the arrays below

    private double gl = Double.NaN, gr;           // audio thread: gains of the last sample
    private final LaneCursor volCursor = new LaneCursor(), panCursor = new LaneCursor();
    private final double[] dbs = new double[CHUNK], log2s = new double[CHUNK], gains = new double[CHUNK],
            pans = new double[CHUNK];             // audio thread: a run's lane values and gains

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
            if (!transport.spanPlayingRt(k)) {                  // the timeline holds: one value for the span
                double db = s.volumeDb(), p = s.pan();
                if (vol != null) { volCursor.seekRt(vol, pos); db = volCursor.valueRt(pos); }
                if (pan != null) { panCursor.seekRt(pan, pos); p = panCursor.valueRt(pos); }
                if (a < b) steadyRt(il, ir, ol, or, a, b, audible ? dbToGain(db) : 0, p);
                continue;
            }
            for (int i = a; i < b; ) {                          // runs where each lane stays in one segment
                long t = pos + (i - a);
                int len = Math.min(b - i, CHUNK);
                boolean volFlat = true, panFlat = true;
                double db = s.volumeDb(), p = s.pan();
                if (vol != null) {
                    volCursor.seekRt(vol, t);
                    len = volCursor.samplesLeftRt(t, len);
                    volFlat = volCursor.isFlatRt();
                    if (volFlat) db = volCursor.flatValueRt();
                }
                if (pan != null) {
                    panCursor.seekRt(pan, t);
                    len = panCursor.samplesLeftRt(t, len);
                    panFlat = panCursor.isFlatRt();
                    if (panFlat) p = panCursor.flatValueRt();
                }
                int e = i + len;
                if (volFlat && panFlat) {
                    steadyRt(il, ir, ol, or, i, e, audible ? dbToGain(db) : 0, p);
                } else {
                    rampRt(il, ir, ol, or, i, e, t, audible, volFlat, db, panFlat, p);
                }
                i = e;
            }
        }
    }

    /** Samples {@code [a, b)} at one gain {@code g} and pan {@code p}: the per-sample form's gains, worked out once. */
    @RealtimeSafe
    private void steadyRt(float[] il, float[] ir, float[] ol, float[] or, int a, int b, double g, double p) {
        double tl = g * left(p), tr = g * right(p);
        for (int i = a; i < b; i++) {
            ol[i] = (float) (il[i] * tl);
            or[i] = (float) (ir[i] * tr);
        }
        gl = tl;
        gr = tr;
    }

    /**
     * Samples {@code [a, b)} (at most {@value #CHUNK}, timeline samples from {@code t0}, each lane inside one segment)
     * where a lane moves: its values for the run ({@link LaneCursor#fillInRt}), the volume's gains through the block
     * form of {@link Dsp#exp2}, then the same products per sample as {@link #dbToGain}, {@link #left} and {@link #right}.
     */
    @RealtimeSafe
    private void rampRt(float[] il, float[] ir, float[] ol, float[] or, int a, int b, long t0, boolean audible,
                        boolean volFlat, double db, boolean panFlat, double p) {
        int n = b - a;
        double[] g = gains, pans = this.pans;
        if (volFlat) {
            double v = audible ? dbToGain(db) : 0;
            for (int j = 0; j < n; j++) g[j] = v;
        } else if (!audible) {
            for (int j = 0; j < n; j++) g[j] = 0;
        } else {
            double[] dbs = this.dbs, y = this.log2s;
            volCursor.fillInRt(t0, dbs, 0, n);
            for (int j = 0; j < n; j++) y[j] = dbs[j] * DB_TO_LOG2;
            Dsp.exp2(y, g, 0, n);
            for (int j = 0; j < n; j++) if (dbs[j] <= -150) g[j] = 0;        // as dbToGain: silence below -150 dB
        }
        if (panFlat) {
            double l = left(p), r = right(p);
            for (int j = 0; j < n; j++) {
                double tl = g[j] * l, tr = g[j] * r;
                ol[a + j] = (float) (il[a + j] * tl);
                or[a + j] = (float) (ir[a + j] * tr);
            }
        } else {
            panCursor.fillInRt(t0, pans, 0, n);
            for (int j = 0; j < n; j++) {
                double tl = g[j] * left(pans[j]), tr = g[j] * right(pans[j]);
                ol[a + j] = (float) (il[a + j] * tl);
                or[a + j] = (float) (ir[a + j] * tr);
            }
        }
        gl = g[n - 1] * (panFlat ? left(p) : left(pans[n - 1]));
        gr = g[n - 1] * (panFlat ? right(p) : right(pans[n - 1]));
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
