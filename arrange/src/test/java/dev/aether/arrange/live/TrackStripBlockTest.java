package dev.aether.arrange.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.arrange.Breakpoint;
import dev.aether.arrange.Curve;
import dev.aether.arrange.play.ArrangementTransport;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.testkit.NodeHarness;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link TrackStrip} with lanes, reading them a run at a time, against the strip that evaluated both lanes on every
 * sample (kept here as the reference), on one shared transport that plays, stops mid-block, seeks and loops: the same
 * bits on both channels for every sample, with volume and pan lanes of every curve shape, flat segments among them,
 * audible and muted, in blocks of several sizes.
 */
class TrackStripBlockTest {
    private static final double RATE = 48_000;

    /** The strip's lane path as it was: segment cache, value, gain and pan law per sample. */
    static final class Reference implements DspNode {
        final InputPort in = Ports.audioIn("in", 2);
        final OutputPort out = Ports.audioOut("out", 2);
        final ArrangementTransport transport;
        final TrackStrip.Settings s;
        private LaneCurve volLane, panLane;
        private int volSeg, panSeg;
        private double volFrom, volTo, panFrom, panTo;

        Reference(ArrangementTransport transport, TrackStrip.Settings s) { this.transport = transport; this.s = s; }

        @Override public void process(ProcessContext ctx) {
            transport.spansRt(ctx.sampleTime(), ctx.frames());
            float[] il = ctx.in(in, 0), ir = ctx.in(in, 1), ol = ctx.out(out, 0), or = ctx.out(out, 1);
            LaneCurve vol = s.volume(), pan = s.panLane();
            for (int k = 0; k < transport.spanCountRt(); k++) {
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
                    double g = s.audible() ? TrackStrip.dbToGain(db) : 0;
                    double gl = g * TrackStrip.left(p), gr = g * TrackStrip.right(p);
                    ol[i] = (float) (il[i] * gl);
                    or[i] = (float) (ir[i] * gr);
                }
            }
        }
    }

    static LaneCurve volume() {
        return new LaneCurve(List.of(new Breakpoint(0.01, -30, Curve.LINEAR), new Breakpoint(0.1, -3, Curve.EXPONENTIAL),
                new Breakpoint(0.2, -3, Curve.S_CURVE), new Breakpoint(0.3, -200, Curve.LINEAR),
                new Breakpoint(0.35, -20, Curve.HOLD), new Breakpoint(0.4, 6, Curve.S_CURVE),
                new Breakpoint(0.5000104, -12, Curve.EXPONENTIAL), new Breakpoint(0.6, -1, Curve.LINEAR)), RATE);
    }

    static LaneCurve pan() {
        return new LaneCurve(List.of(new Breakpoint(0, -1, Curve.S_CURVE), new Breakpoint(0.15, 1, Curve.LINEAR),
                new Breakpoint(0.25, 1, Curve.LINEAR), new Breakpoint(0.3300052, -0.4, Curve.EXPONENTIAL),
                new Breakpoint(0.45, 0.5, Curve.HOLD), new Breakpoint(0.55, 0, Curve.LINEAR)), RATE);
    }

    @ParameterizedTest(name = "lanes {0}, audible {1}, blocks of {2}")
    @CsvSource({"both, true, 64", "both, true, 37", "volume, true, 64", "pan, true, 128", "both, false, 64", "volume, true, 1"})
    void shouldPlayTheSameBitsAsEvaluatingTheLanesOnEverySample(String lanes, boolean audible, int block) {
        ArrangementTransport transport = new ArrangementTransport();
        transport.playAt(0);
        transport.stopAt(4_000 + 13);                             // stops mid-block, plays on from there
        transport.playAt(6_000 + 5);
        transport.seekAt(9_000 + 30, 20_000);                     // a jump forwards, then back
        transport.seekAt(14_000, 1_000);
        transport.loopAt(15_000, 15_000, 15_500);                 // a loop: the lanes wrap mid-block
        transport.noLoopAt(19_000);
        LaneCurve vol = lanes.equals("pan") ? null : volume(), pan = lanes.equals("volume") ? null : pan();
        TrackStrip.Settings settings = new TrackStrip.Settings(-6, 0.25, audible, vol, pan);
        TrackStrip strip = new TrackStrip(transport, settings);
        Reference ref = new Reference(transport, settings);
        NodeHarness h = new NodeHarness(strip, RATE, block), hr = new NodeHarness(ref, RATE, block);
        SplittableRandom rnd = new SplittableRandom(6);
        float[] l = new float[36_000], r = new float[l.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = (float) (rnd.nextDouble() * 2 - 1);
            r[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        h.input(strip.in, l, r);
        hr.input(ref.in, l, r);
        int mismatches = 0, firstBad = -1;
        for (int done = 0; done < l.length; done += block) {
            int n = Math.min(block, l.length - done);
            h.renderBlock(n);
            hr.renderBlock(n);
            for (int c = 0; c < 2; c++) {
                float[] y = h.outBuffer(strip.out, c), yr = hr.outBuffer(ref.out, c);
                for (int i = 0; i < n; i++) {
                    if (Float.floatToRawIntBits(y[i]) != Float.floatToRawIntBits(yr[i])) {
                        mismatches++;
                        if (firstBad < 0) firstBad = done + i;
                    }
                }
            }
        }
        assertThat(mismatches).as("samples differing from per-sample lanes (first at %d)", firstBad).isZero();
    }
}
